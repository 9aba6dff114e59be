package io.callguard.sample.logic

import io.callguard.CallGuard
import io.callguard.CallGuardException
import org.junit.jupiter.api.Test
import java.io.File
import java.time.ZoneId
import java.time.ZoneOffset
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertTrue
import kotlin.test.fail

class IntentInboxTest {
    private val utc = ZoneOffset.UTC

    private fun inbox(guard: CallGuard, zone: ZoneId = utc) =
        IntentInbox({ guard.receiveIntentAt(it, TestGuard.INTENT_NOW) }, zone)

    /** An inbox whose SDK must not be reached. */
    private val untouched = IntentInbox({ fail("the SDK was called") }, utc)

    private fun codeOf(r: InboxResult) = when (r) {
        is InboxResult.Accepted -> "ok"
        is InboxResult.Refused -> r.code
    }

    /** tests/vectors/intents.json's cases, in order: (name, intent file, expected outcome). */
    private fun vectorCases(): List<Triple<String, String, String>> {
        val doc = File(TestGuard.vectors, "intents.json").readText()
        // TestGuard's clock, audience and list are these vectors'.
        for (member in listOf("\"audience\": \"${TestGuard.AUDIENCE}\"", "\"now\": \"2026-12-01T00:05:00Z\"", "\"list\": \"lists/intents-v20.jws\"")) {
            assertTrue(doc.contains(member), "intents.json changed: $member")
        }
        val cases = doc.substringAfter("\"cases\"").substringAfter('[').substringBefore(']')
        fun field(obj: String, name: String) = Regex("\"$name\"\\s*:\\s*\"([^\"]*)\"").find(obj)!!.groupValues[1]
        return Regex("\\{[^{}]*\\}").findAll(cases).map { m ->
            Triple(field(m.value, "name"), field(m.value, "intent"), field(m.value, "expect"))
        }.toList().also { assertEquals(10, it.size) }
    }

    @Test
    fun everyVectorAsPastedTextAndAsALinkGetsItsOutcome() {
        for (asLink in listOf(false, true)) {
            TestGuard.withIntentList().use { guard ->
                val inbox = inbox(guard)
                for ((name, file, expect) in vectorCases()) {
                    val jws = File(TestGuard.vectors, file).readText()
                    val result = if (asLink) inbox.fromLink("callguard-sample://intent?jws=$jws") else inbox.fromText(jws)
                    assertEquals(expect, codeOf(result), "$name (link: $asLink)")
                    // The intent is a bearer token for this install: never on the screen.
                    assertFalse(result.text.contains(jws.substringBefore('.')), name)
                    assertFalse(result.text.contains(jws.substringAfterLast('.')), name)
                }
                assertEquals("call-0001", guard.activeIntentsAt(TestGuard.INTENT_NOW).single().id)
            }
        }
    }

    @Test
    fun acceptedSaysWhoAndUntilWhenInLocalTime() {
        val jws = TestGuard.intent("announced")
        TestGuard.withIntentList().use { guard ->
            val r = assertIs<InboxResult.Accepted>(inbox(guard).fromText(jws))
            assertEquals("Announced call accepted: Anna, card department — until 00:10", r.text)
            assertEquals("+74950000001", r.intent.from)
        }
        TestGuard.withIntentList(language = "ru").use { guard ->
            val r = inbox(guard, ZoneId.of("Europe/Moscow")).fromText(jws)
            assertEquals("Announced call accepted: Анна, отдел карт — until 03:10", r.text)
        }
    }

    @Test
    fun refusalsArePlainSentencesWithTheirCode() {
        TestGuard.withIntentList().use { guard ->
            val inbox = inbox(guard)
            val tampered = assertIs<InboxResult.Refused>(inbox.fromText(TestGuard.intent("tampered")))
            assertEquals("Refused (bad_signature): the signature does not match: it was changed after it was signed.", tampered.text)
            val other = assertIs<InboxResult.Refused>(inbox.fromText(TestGuard.intent("wrong-audience")))
            assertTrue(other.text.contains("made for another phone"), other.text)
            assertEquals("malformed", codeOf(inbox.fromText("hello")))
        }
        // Every documented code has its own sentence, not the fallback.
        val codes = listOf(
            "not_a_link", "no_intent", "bad_escape", "too_large", "malformed", "wrong_type", "unsupported_alg",
            "no_current_list", "key_not_delegated", "key_expired", "bad_signature", "wrong_audience",
            "window_too_long", "not_yet_valid", "expired", "not_listed", "inbound_only", "channel_not_used",
            "replayed", "too_many", "storage",
        )
        val fallback = IntentInbox.sentence("something_new")
        assertEquals("CallGuard did not accept it.", fallback)
        assertEquals(codes.size, codes.map { IntentInbox.sentence(it) }.filter { it != fallback }.toSet().size)
    }

    @Test
    fun beforeTheListAndOnAnotherInstall() {
        TestGuard.withoutList().use { guard ->
            assertEquals("no_current_list", codeOf(inbox(guard).fromText(TestGuard.intent("announced"))))
        }
        // No app-provided audience: the SDK's own random one, which the vectors do not name.
        TestGuard.withIntentList(audience = null).use { guard ->
            assertEquals(22, guard.intentAudience().length)
            assertEquals("wrong_audience", codeOf(inbox(guard).fromText(TestGuard.intent("announced"))))
        }
    }

    @Test
    fun linksArePercentDecodedAndPlusStaysPlus() {
        val jws = TestGuard.intent("announced")
        val encoded = jws.map { c -> if (c == '.') "%2E" else c.toString() }.joinToString("")
        TestGuard.withIntentList().use { guard ->
            val inbox = inbox(guard)
            assertEquals("ok", codeOf(inbox.fromLink("CallGuard-Sample://INTENT/?jws=$encoded#x")))
            assertEquals("ok", codeOf(inbox.fromLink("callguard-sample://intent?from=adb&jws=$jws")), "same intent again")
        }
        assertEquals(IntentPayload.Bytes("a+b".toByteArray()), IntentLink.parse("callguard-sample://intent?jws=a+b"))
        assertEquals(IntentPayload.Bytes("é".toByteArray()), IntentLink.parse("callguard-sample://intent?jws=%C3%A9"))
    }

    @Test
    fun unusableLinksNeverReachTheSdk() {
        val cases = mapOf(
            "https://intent?jws=abc" to "not_a_link",
            "callguard-sample://list?jws=abc" to "not_a_link",
            "callguard-sample:intent?jws=abc" to "not_a_link",
            "callguard-sample://intent?jws=a&jws=b" to "not_a_link",
            "callguard-sample://intent" to "no_intent",
            "callguard-sample://intent?jws=" to "no_intent",
            "callguard-sample://intent?token=abc" to "no_intent",
            "callguard-sample://intent?jws=abc%2" to "bad_escape",
            "callguard-sample://intent?jws=%zzabc" to "bad_escape",
            "callguard-sample://intent?jws=" + "a".repeat(IntentLink.MAX_CHARS) to "too_large",
        )
        for ((link, code) in cases) {
            assertEquals(code, codeOf(untouched.fromLink(link)), link)
        }
        assertEquals("no_intent", codeOf(untouched.fromText(" \n ")))
        assertEquals("too_large", codeOf(untouched.fromText("x".repeat(IntentLink.MAX_CHARS + 1))))
        // A pasted link is a link, also with the line break a copy brings along.
        assertEquals("not_a_link", codeOf(untouched.fromText("callguard-sample://other?jws=abc\n")))
    }

    @Test
    fun pastedTextIsTrimmedAndTheSdkCapsTheSize() {
        TestGuard.withIntentList().use { guard ->
            val inbox = inbox(guard)
            assertEquals("ok", codeOf(inbox.fromText("\n  " + TestGuard.intent("announced") + "\r\n")))
            // Under the inbox's cap, over the SDK's 4096 bytes: the SDK refuses it.
            assertEquals("too_large", codeOf(inbox.fromText("a".repeat(5000))))
        }
    }

    @Test
    fun failuresOutsideTheIntentSayWhatHappened() {
        val jws = TestGuard.intent("announced")
        val storage = IntentInbox({ throw CallGuardException.Storage("rename failed") }, utc).fromText(jws)
        assertEquals("Refused (storage): the app could not save it. Try again.", storage.text)
        val off = IntentInbox({ throw ProtectionOffException("the native library cannot be loaded") }, utc).fromText(jws)
        assertEquals("failed", codeOf(off))
        assertEquals("Could not check it: the native library cannot be loaded", off.text)
        val unknown = IntentInbox({ throw CallGuardException.InvalidIntent("from_the_future", "x") }, utc).fromText(jws)
        assertEquals("Refused (from_the_future): CallGuard did not accept it.", unknown.text)
    }
}
