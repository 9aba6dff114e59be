// The shared contact-audit vectors (tests/vectors/contacts/) from Kotlin:
// the same findings as bindings/ffi/tests/contact_vectors.rs and Swift.
package io.callguard

import org.junit.jupiter.api.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue

class ContactAuditTest {
    @Test
    fun theSharedAddressBookGivesItsExpectedFindings() {
        val doc = Vectors.json("contacts/address-book.json")
        CallGuard(GuardConfig(doc.str("home_region")!!, "ru", null, null)).use { guard ->
            for (pair in doc.objs("lists")) {
                guard.addTrust(Vectors.text(pair.str("trust")!!))
                guard.loadListAt(Vectors.bytes(pair.str("list")!!), Vectors.epoch("2026-12-01T00:00:00Z"))
            }
            @Suppress("UNCHECKED_CAST")
            val contacts = doc.objs("contacts").map { c ->
                SavedContact(c.str("name")!!, c["numbers"] as List<String>)
            }
            val found = guard.auditContacts(contacts).map { f ->
                assertTrue(f.title.isNotEmpty() && f.message.isNotEmpty())
                listOf(f.index.toLong(), f.number, f.kind.name.lowercase(), f.issuer)
            }
            val expected = doc.objs("expected").map { e ->
                listOf(e["index"] as Long, e.str("number"), e.str("kind"), e.str("issuer"))
            }
            assertEquals(expected, found)
        }
    }

    @Test
    fun aSavedContactsOwnLabelRaisesNoClaimButASavedSecurityServiceStillWarns() {
        CallGuard(GuardConfig("RU", "en", null, null)).use { guard ->
            guard.addTrust(Vectors.text("trust/example-bank.json"))
            guard.loadListAt(Vectors.bytes("lists/valid-eddsa-general.jws"), Vectors.epoch("2026-12-01T00:00:00Z"))
            val now = Vectors.epoch("2026-12-01T00:00:00Z")
            fun verdict(name: String, saved: Boolean) = guard.screenAt(
                Call("+79161234567", Channel.WHATSAPP, name, Attestation.NOT_VERIFIED, Direction.INCOMING, saved),
                now,
            ).verdict
            assertEquals(Verdict.IMPERSONATION, verdict("Служба безопасности Пример Банка", saved = false))
            assertEquals(Verdict.UNKNOWN, verdict("Мама Пример Банк работа", saved = true))
            assertEquals(Verdict.IMPERSONATION, verdict("Служба безопасности Пример Банка", saved = true))
        }
    }
}
