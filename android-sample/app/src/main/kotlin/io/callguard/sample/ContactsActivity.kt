// "Check my contacts": reads the address book (READ_CONTACTS), asks the
// SDK's contact audit, and lists what needs a look. A rename asks for
// WRITE_CONTACTS only when the customer taps it; nothing is ever changed or
// sent otherwise. What to show and offer is ContactCheck's (plain Kotlin).
package io.callguard.sample

import android.Manifest
import android.app.Activity
import android.content.ContentProviderOperation
import android.content.ContentUris
import android.content.Intent
import android.content.pm.PackageManager
import android.os.Bundle
import android.provider.ContactsContract
import android.widget.Button
import android.widget.LinearLayout
import android.widget.ScrollView
import android.widget.TextView
import android.widget.Toast
import io.callguard.sample.logic.AddressBookEntry
import io.callguard.sample.logic.ContactAction
import io.callguard.sample.logic.ContactCheck
import io.callguard.sample.logic.ContactRow
import kotlin.concurrent.thread

class ContactsActivity : Activity() {
    private val app get() = application as CallGuardApp
    private lateinit var column: LinearLayout
    private var pendingRename: Pair<Long, String>? = null

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        column = LinearLayout(this).apply { orientation = LinearLayout.VERTICAL; setPadding(32, 32, 32, 32) }
        setContentView(ScrollView(this).apply { addView(column) })
        if (checkSelfPermission(Manifest.permission.READ_CONTACTS) == PackageManager.PERMISSION_GRANTED) {
            check()
        } else {
            requestPermissions(arrayOf(Manifest.permission.READ_CONTACTS), REQUEST_READ)
        }
    }

    override fun onRequestPermissionsResult(requestCode: Int, permissions: Array<out String>, grantResults: IntArray) {
        super.onRequestPermissionsResult(requestCode, permissions, grantResults)
        val granted = grantResults.firstOrNull() == PackageManager.PERMISSION_GRANTED
        when (requestCode) {
            REQUEST_READ -> if (granted) check() else show("Without access to your contacts there is nothing to check.")
            REQUEST_WRITE -> pendingRename?.let { (id, name) -> if (granted) rename(id, name) }
        }
    }

    private fun check() {
        show("Checking your contacts…")
        thread(name = "callguard-contacts") {
            val entries = readAddressBook()
            val rows = runCatching { ContactCheck.rows(app.guard(), entries) }.getOrElse { emptyList() }
            runOnUiThread { render(entries.size, rows) }
        }
    }

    /** Every contact with its phone numbers: ContactsContract's Phone table, grouped by contact. */
    private fun readAddressBook(): List<AddressBookEntry> {
        val byContact = linkedMapOf<Long, Pair<String, MutableList<String>>>()
        val projection = arrayOf(
            ContactsContract.CommonDataKinds.Phone.CONTACT_ID,
            ContactsContract.CommonDataKinds.Phone.DISPLAY_NAME,
            ContactsContract.CommonDataKinds.Phone.NUMBER,
        )
        contentResolver.query(ContactsContract.CommonDataKinds.Phone.CONTENT_URI, projection, null, null, null)?.use { c ->
            while (c.moveToNext()) {
                val id = c.getLong(0)
                val name = c.getString(1).orEmpty()
                val number = c.getString(2) ?: continue
                byContact.getOrPut(id) { name to mutableListOf() }.second.add(number)
            }
        }
        return byContact.map { (id, v) -> AddressBookEntry(id, v.first, v.second) }
    }

    private fun render(checked: Int, rows: List<ContactRow>) {
        column.removeAllViews()
        column.addView(TextView(this).apply { text = ContactCheck.summary(checked, rows.size) })
        for (row in rows) {
            column.addView(TextView(this).apply { text = "${row.contactName}\n${row.title}\n${row.message}" })
            for (action in row.actions) {
                column.addView(Button(this).apply {
                    text = when (action) {
                        is ContactAction.Rename -> "Rename to “${action.to}”"
                        ContactAction.Open -> "Open the contact"
                    }
                    setOnClickListener { act(row.contactId, action) }
                })
            }
        }
    }

    private fun act(contactId: Long, action: ContactAction) {
        when (action) {
            ContactAction.Open -> startActivity(
                Intent(Intent.ACTION_VIEW, ContentUris.withAppendedId(ContactsContract.Contacts.CONTENT_URI, contactId)),
            )
            is ContactAction.Rename ->
                if (checkSelfPermission(Manifest.permission.WRITE_CONTACTS) == PackageManager.PERMISSION_GRANTED) {
                    rename(contactId, action.to)
                } else {
                    pendingRename = contactId to action.to
                    requestPermissions(arrayOf(Manifest.permission.WRITE_CONTACTS), REQUEST_WRITE)
                }
        }
    }

    /** The contact's structured name becomes [name] (its display name follows). */
    private fun rename(contactId: Long, name: String) {
        val ops = arrayListOf(
            ContentProviderOperation.newUpdate(ContactsContract.Data.CONTENT_URI)
                .withSelection(
                    "${ContactsContract.Data.CONTACT_ID}=? AND ${ContactsContract.Data.MIMETYPE}=?",
                    arrayOf(contactId.toString(), ContactsContract.CommonDataKinds.StructuredName.CONTENT_ITEM_TYPE),
                )
                .withValue(ContactsContract.CommonDataKinds.StructuredName.DISPLAY_NAME, name)
                .build(),
        )
        runCatching { contentResolver.applyBatch(ContactsContract.AUTHORITY, ops) }
            .onSuccess { Toast.makeText(this, "Renamed", Toast.LENGTH_SHORT).show(); check() }
            .onFailure { Toast.makeText(this, "Could not rename (${it.javaClass.simpleName})", Toast.LENGTH_LONG).show() }
    }

    private fun show(message: String) {
        column.removeAllViews()
        column.addView(TextView(this).apply { text = message })
    }

    private companion object {
        const val REQUEST_READ = 1
        const val REQUEST_WRITE = 2
    }
}
