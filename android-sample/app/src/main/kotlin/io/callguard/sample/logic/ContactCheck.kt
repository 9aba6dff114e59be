// Plain Kotlin (no android.*): the "Check my contacts" screen's decisions.
// The activity reads the address book and hands it over; the SDK's audit
// finds what matters; this turns findings into what the screen shows and
// offers. Nothing here writes: a rename happens only on the customer's tap.
package io.callguard.sample.logic

import io.callguard.CallGuard
import io.callguard.ContactFinding
import io.callguard.ContactFindingKind
import io.callguard.SavedContact

/** One contact as ContactsContract gives it: its id (to edit it) and what the audit reads. */
data class AddressBookEntry(val contactId: Long, val name: String, val numbers: List<String>)

/** What the screen offers for one finding. */
sealed class ContactAction {
    /** Rename the contact so that its name warns ("Example Bank hotline — never calls you"). */
    data class Rename(val to: String) : ContactAction()

    /** Open the contact, for the customer to delete or rename it. */
    object Open : ContactAction()
}

data class ContactRow(
    val contactId: Long,
    val contactName: String,
    val title: String,
    val message: String,
    val actions: List<ContactAction>,
)

object ContactCheck {
    /** The audit of [entries] as screen rows, one per finding, in address-book order. */
    fun rows(guard: CallGuard, entries: List<AddressBookEntry>): List<ContactRow> {
        val findings = guard.auditContacts(entries.map { SavedContact(it.name, it.numbers) })
        return findings.map { rowFor(entries[it.index.toInt()], it) }
    }

    fun rowFor(entry: AddressBookEntry, finding: ContactFinding): ContactRow {
        val actions = when (finding.kind) {
            ContactFindingKind.SAVED_INBOUND_ONLY ->
                listOfNotNull(finding.suggestedName?.let { ContactAction.Rename(it) }, ContactAction.Open)
            ContactFindingKind.CLAIMS_BANK_NOT_LISTED -> listOf(ContactAction.Open)
        }
        return ContactRow(entry.contactId, entry.name, finding.title, finding.message, actions)
    }

    /** The summary line above the rows. */
    fun summary(checked: Int, rows: Int): String = when (rows) {
        0 -> "$checked contacts checked: nothing to fix."
        1 -> "$checked contacts checked: 1 needs a look."
        else -> "$checked contacts checked: $rows need a look."
    }
}
