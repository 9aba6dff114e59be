package io.callguard.sample.logic

import io.callguard.Channel
import io.callguard.Direction
import io.callguard.Risk
import io.callguard.Verdict
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.fail

private const val WA = "com.whatsapp"
private const val WA_BUSINESS = "com.whatsapp.w4b"
private const val TG = "org.telegram.messenger"
private const val VIBER = "com.viber.voip"
private const val BIDI_LRE = "\u202A"
private const val BIDI_PDF = "\u202C"

/** A notification as the listener copies it; the apps' real field layouts (see MessengerCallParser). */
private fun n(pkg: String, title: String?, text: String?, category: String? = "call", ongoing: Boolean = true,
              subText: String? = null, people: List<String> = emptyList()) =
    MessengerNotification(pkg, category, title, text, subText, people, ongoing)

class MessengerCallParserTest {
    /** (fixture name, notification, expected channel, expected display name, expected number). */
    private val incoming = listOf(
        Triple("whatsapp-en-voice", n(WA, "Служба безопасности Пример Банка", "Incoming voice call"), Triple(Channel.WHATSAPP, "Служба безопасности Пример Банка", "")),
        Triple("whatsapp-en-video", n(WA, "Мама", "Incoming video call"), Triple(Channel.WHATSAPP, "Мама", "")),
        Triple("whatsapp-en-group", n(WA, "Family", "Incoming group voice call"), Triple(Channel.WHATSAPP, "Family", "")),
        Triple("whatsapp-ru-audio", n(WA, "Пример Банк", "Входящий аудиозвонок"), Triple(Channel.WHATSAPP, "Пример Банк", "")),
        Triple("whatsapp-ru-video", n(WA, "Пример Банк", "Входящий видеозвонок"), Triple(Channel.WHATSAPP, "Пример Банк", "")),
        Triple("whatsapp-ru-plain", n(WA, "Иван", "Входящий звонок"), Triple(Channel.WHATSAPP, "Иван", "")),
        Triple("whatsapp-ellipsis", n(WA, "Иван", "Incoming voice call…"), Triple(Channel.WHATSAPP, "Иван", "")),
        Triple("whatsapp-no-category", n(WA, "Иван", "Входящий аудиозвонок", category = null), Triple(Channel.WHATSAPP, "Иван", "")),
        Triple("whatsapp-business", n(WA_BUSINESS, "Example Bank", "Incoming voice call"), Triple(Channel.WHATSAPP, "Example Bank", "")),
        Triple("whatsapp-unsaved-number", n(WA, "$BIDI_LRE+7 495 000-00-01$BIDI_PDF", "Incoming voice call"), Triple(Channel.WHATSAPP, "+7 495 000-00-01", "")),
        Triple("whatsapp-calling-you", n(WA, "Иван", "Иван is calling you", category = null), Triple(Channel.WHATSAPP, "Иван", "")),
        Triple("whatsapp-person-tel", n(WA, "Bank", "Incoming voice call", people = listOf("mailto:x@example.com", "tel:%2B74950000002")), Triple(Channel.WHATSAPP, "Bank", "+74950000002")),
        Triple("telegram-en", n(TG, "Telegram Call", "Пpимep Бaнк", subText = "My account"), Triple(Channel.TELEGRAM, "Пpимep Бaнк", "")),
        Triple("telegram-en-video", n(TG, "Telegram Video Call", "Example Bank"), Triple(Channel.TELEGRAM, "Example Bank", "")),
        Triple("telegram-ru", n(TG, "Звонок Telegram", "Служба безопасности"), Triple(Channel.TELEGRAM, "Служба безопасности", "")),
        Triple("telegram-ru-video", n(TG, "Видеозвонок Telegram", "Пример Банк"), Triple(Channel.TELEGRAM, "Пример Банк", "")),
        Triple("telegram-incoming-call-layout", n(TG, "Иван", "Incoming call"), Triple(Channel.TELEGRAM, "Иван", "")),
        Triple("telegram-ru-incoming-layout", n(TG, "Иван", "Входящий звонок"), Triple(Channel.TELEGRAM, "Иван", "")),
        Triple("telegram-number-as-name", n(TG, "Telegram Call", "+7 495 000-00-01"), Triple(Channel.TELEGRAM, "+7 495 000-00-01", "")),
        Triple("viber-en", n(VIBER, "Пример Банк", "Incoming call"), Triple(Channel.VIBER, "Пример Банк", "")),
        Triple("viber-en-video", n(VIBER, "Иван", "Incoming video call"), Triple(Channel.VIBER, "Иван", "")),
        Triple("viber-ru", n(VIBER, "Пример Банк", "Входящий вызов"), Triple(Channel.VIBER, "Пример Банк", "")),
        Triple("viber-ru-video", n(VIBER, "Иван", "Входящий видеовызов"), Triple(Channel.VIBER, "Иван", "")),
        Triple("viber-from-in-phrase", n(VIBER, "Viber", "Incoming call from Example Bank"), Triple(Channel.VIBER, "example bank", "")),
        Triple("unknown-language-category-call", n(VIBER, "Jan", "Eingehender Anruf"), Triple(Channel.VIBER, "Jan", "")),
    )

    @TestFactory
    fun incomingCallNotificationsAreCalls(): List<DynamicTest> = incoming.map { (name, notification, want) ->
        DynamicTest.dynamicTest(name) {
            val call = assertNotNull(MessengerCallParser.parse(notification), name)
            assertEquals(want.first, call.channel, "channel")
            assertEquals(want.second, call.displayName, "display name")
            assertEquals(want.third, call.number, "number")
            assertEquals(Direction.INCOMING, call.direction)
        }
    }

    private val notCalls = listOf(
        "whatsapp-chat-message" to n(WA, "Мама", "Perezvoni mne", category = "msg", ongoing = false),
        "whatsapp-chat-mentions-call" to n(WA, "Мама", "Incoming voice call", category = "msg", ongoing = false),
        "whatsapp-chat-mentions-call-no-category" to n(WA, "Мама", "I missed your incoming call, call me back", category = null, ongoing = false),
        "whatsapp-missed-en" to n(WA, "Пример Банк", "Missed voice call", ongoing = false),
        "whatsapp-missed-en-category-missed" to n(WA, "Пример Банк", "Missed voice call", category = "missed_call", ongoing = false),
        "whatsapp-missed-count" to n(WA, "Пример Банк", "2 missed voice calls", category = null, ongoing = false),
        "whatsapp-missed-ru" to n(WA, "Пример Банк", "Пропущенный аудиозвонок", ongoing = false),
        "whatsapp-missed-ru-plain" to n(WA, "Пример Банк", "Пропущенный звонок", category = null, ongoing = false),
        "whatsapp-ongoing-en" to n(WA, "Пример Банк", "Ongoing voice call"),
        "whatsapp-ongoing-ru" to n(WA, "Пример Банк", "Текущий аудиозвонок"),
        "whatsapp-outgoing-calling" to n(WA, "Пример Банк", "Calling…"),
        "whatsapp-outgoing-ringing" to n(WA, "Пример Банк", "Ringing…"),
        "whatsapp-outgoing-ru" to n(WA, "Пример Банк", "Исходящий аудиозвонок"),
        "telegram-chat" to n(TG, "Иван", "Входящий звонок был вчера?", category = "msg", ongoing = false),
        "telegram-missed-ru" to n(TG, "Пропущенный звонок", "Иван", ongoing = false),
        "viber-missed-en" to n(VIBER, "Иван", "Missed call", ongoing = false),
        "viber-missed-ru" to n(VIBER, "Иван", "Пропущенный вызов", ongoing = false),
        "viber-message" to n(VIBER, "Иван", "Привет", category = "msg", ongoing = false),
        "category-call-not-ongoing-unknown-text" to n(VIBER, "Jan", "Verpasster Anruf", ongoing = false),
        "other-app" to n("com.example.chat", "Пример Банк", "Incoming voice call"),
        "phone-app" to n("com.google.android.dialer", "Пример Банк", "Incoming call"),
        "empty" to n(WA, null, null),
    )

    @TestFactory
    fun otherNotificationsAreNot(): List<DynamicTest> = notCalls.map { (name, notification) ->
        DynamicTest.dynamicTest(name) { assertNull(MessengerCallParser.parse(notification), name) }
    }

    @Test
    fun aFraudsterNamedLikeAMissedCallIsStillACall() {
        // The name is the caller's choice; only the app's status field can rule a call out.
        val call = assertNotNull(MessengerCallParser.parse(n(WA, "Missed call · Пример Банк", "Incoming voice call")))
        assertEquals(Verdict.IMPERSONATION, TestGuard.screen(call).verdict)
        val tg = assertNotNull(MessengerCallParser.parse(n(TG, "Telegram Call", "Пропущенный звонок Пример Банк")))
        assertEquals(Verdict.IMPERSONATION, TestGuard.screen(tg).verdict)
    }

    @Test
    fun whatsappCallNamedLikeTheBankIsImpersonation() {
        for (text in listOf("Incoming voice call", "Входящий аудиозвонок", "Входящий видеозвонок")) {
            val call = assertNotNull(MessengerCallParser.parse(n(WA, "Служба безопасности Пример Банка", text)))
            val s = TestGuard.screen(call)
            assertEquals(Verdict.IMPERSONATION, s.verdict, text)
            assertEquals(Risk.DANGER, s.risk)
            assertEquals("name_claims_issuer", s.reason)
        }
    }

    @Test
    fun telegramLookAlikeNameIsImpersonation() {
        val call = assertNotNull(MessengerCallParser.parse(n(TG, "Telegram Call", "Пpимep Бaнк")))
        assertEquals(Verdict.IMPERSONATION, TestGuard.screen(call).verdict)
    }

    @Test
    fun aBankNumberShownAsTheNameNeverVouches() {
        // WhatsApp shows an unsaved caller's number as the title, but a scammer can name his profile
        // "+7 495 000-00-01" too: a number read from the name may only warn (issue 10 review).
        val call = assertNotNull(MessengerCallParser.parse(n(WA, "$BIDI_LRE+7 495 000-00-01$BIDI_PDF", "Входящий аудиозвонок")))
        val s = TestGuard.screen(call)
        assertEquals(Verdict.UNKNOWN, s.verdict)
        assertEquals("+74950000001", s.number)
    }

    @Test
    fun theBanksNumberOverTelegramIsNotAChannelItUses() {
        val call = assertNotNull(MessengerCallParser.parse(n(TG, "Telegram Call", "+7 495 000-00-01")))
        val s = TestGuard.screen(call)
        assertEquals(Verdict.SPOOFED, s.verdict)
        assertEquals("channel_not_used", s.reason)
    }

    @Test
    fun aFriendIsUnknownAndNeutral() {
        val call = assertNotNull(MessengerCallParser.parse(n(WA, "Мама", "Входящий видеозвонок")))
        val s = TestGuard.screen(call)
        assertEquals(Verdict.UNKNOWN, s.verdict)
        assertEquals(Risk.NEUTRAL, s.risk)
    }

    /**
     * Issue 11 item 1: the shapes that crashed the listener (IndexOutOfBoundsException "No group 1":
     * a phrase without a caller group, and no name field). Telegram on Android 12+ posts the title
     * only; WhatsApp has been seen with the caller in no text field at all.
     */
    private val callsWithoutACallerInTheText = listOf(
        "telegram-12-title-only-en" to n(TG, "Telegram Call", null),
        "telegram-12-title-only-ru" to n(TG, "Звонок Telegram", null),
        "telegram-12-title-only-video" to n(TG, "Telegram Video Call", ""),
        "telegram-12-title-only-not-ongoing" to n(TG, "Звонок Telegram", null, ongoing = false),
        "whatsapp-no-title-voice-call" to n(WA, null, "WhatsApp voice call"),
        "whatsapp-brand-title-calling-you" to n(WA, "WhatsApp", "Calling you"),
        "whatsapp-brand-title-calling-you-ru" to n(WA, "WhatsApp", "Вам звонит"),
        "viber-brand-title-calling-you" to n(VIBER, "Viber", "Calling you"),
    )

    @TestFactory
    fun callsWithoutACallerAreCallsWithNoName(): List<DynamicTest> = callsWithoutACallerInTheText.map { (name, notification) ->
        DynamicTest.dynamicTest(name) {
            val call = assertNotNull(MessengerCallParser.parse(notification), name)
            assertEquals(MessengerCallParser.CHANNELS.getValue(notification.packageName), call.channel)
            assertNull(call.displayName, "the brand or the phrase is not the caller")
            assertEquals("", call.number)
            // Nothing to compare: the SDK says "unknown", and the sample shows nothing.
            assertEquals(Verdict.UNKNOWN, TestGuard.screen(call).verdict)
        }
    }

    @Test
    fun aTelTargetOfACallWithoutANameIsStillScreened() {
        val call = assertNotNull(MessengerCallParser.parse(n(WA, "WhatsApp", "Calling you", people = listOf("tel:+74950000001"))))
        assertEquals("+74950000001", call.number)
        assertEquals(Verdict.OFFICIAL, TestGuard.screen(call).verdict)
    }

    @Test
    fun noCombinationOfPresentAndAbsentFieldsThrows() {
        val texts = listOf(null, "", " ", "\u200E", "Telegram Call", "Звонок Telegram", "WhatsApp", "WhatsApp voice call",
            "Calling you", "Вам звонит", "Incoming call", "Incoming call from", "Incoming call from ", "is calling",
            "Missed call", "Иван", "+7 495 000-00-01")
        val people = listOf(null, CallPerson(null, null), CallPerson("", "tel:"), CallPerson("Viber", "tel:%"),
            CallPerson("Example Bank", "tel:+74950000001"))
        var parsed = 0
        for (pkg in MessengerCallParser.PACKAGES) for (category in listOf(null, "call", "msg")) for (title in texts)
            for (text in texts) for (person in people) for (type in listOf(null, 0, 1, 2, 3, 99)) {
                val notification = MessengerNotification(pkg, category, title, text, null, emptyList(), true, person, type)
                val call = try {
                    MessengerCallParser.parse(notification)
                } catch (e: Exception) {
                    fail("$notification threw $e")
                }
                if (call != null) parsed++
            }
        // Not vacuous: many of the combinations are calls.
        assertEquals(true, parsed > 1000, "parsed $parsed")
    }

    // --- Issue 11 item 2: the CallStyle person (Android 12+) ---------------------------------

    @Test
    fun telegramOnAndroid12HasTheCallerOnlyInTheCallPerson() {
        for (title in listOf("Telegram Call", "Звонок Telegram")) {
            val notification = MessengerNotification(TG, "call", title, null, "My account", emptyList(), true,
                CallPerson("Служба безопасности Пример Банка", null), MessengerCallParser.CALL_TYPE_INCOMING)
            val call = assertNotNull(MessengerCallParser.parse(notification), title)
            assertEquals("Служба безопасности Пример Банка", call.displayName)
            val s = TestGuard.screen(call)
            assertEquals(Verdict.IMPERSONATION, s.verdict, title)
            assertEquals(Risk.DANGER, s.risk)
        }
    }

    @Test
    fun theCallPersonsTelUriIsTheNumber() {
        val notification = MessengerNotification(WA, "call", "Bank", "Incoming voice call",
            callPerson = CallPerson("Bank", "tel:+7%20495%20000-00-01"), callType = MessengerCallParser.CALL_TYPE_INCOMING)
        val call = assertNotNull(MessengerCallParser.parse(notification))
        assertEquals("+7 495 000-00-01", call.number)
        assertEquals(Verdict.OFFICIAL, TestGuard.screen(call).verdict)
        // Over Telegram the bank's WhatsApp line is not a channel it uses.
        val tg = assertNotNull(MessengerCallParser.parse(notification.copy(packageName = TG, title = "Telegram Call", text = null)))
        assertEquals("channel_not_used", TestGuard.screen(tg).reason)
    }

    /** WhatsApp resolves a saved caller to a contact: its name is the customer's own label. */
    @Test
    fun aCallerTheMessengerFoundInContactsIsASavedContact() {
        val lookup = "content://com.android.contacts/contacts/lookup/0r1-ABC/1"
        val saved = MessengerNotification(WA, "call", "Мама Пример Банк работа", "Incoming voice call",
            callPerson = CallPerson("Мама Пример Банк работа", lookup), callType = MessengerCallParser.CALL_TYPE_INCOMING)
        val call = assertNotNull(MessengerCallParser.parse(saved))
        assertTrue(call.savedContact)
        assertEquals(Verdict.UNKNOWN, TestGuard.screen(call).verdict)
        // The same name from a stranger (no contact URI) is the caller's claim.
        val stranger = assertNotNull(MessengerCallParser.parse(saved.copy(callPerson = CallPerson("Мама Пример Банк работа", null))))
        assertFalse(stranger.savedContact)
        // Saved as the "security service" a fraudster asked for: the audit flags it, the warning stands.
        val asked = assertNotNull(MessengerCallParser.parse(saved.copy(title = "Служба безопасности Пример Банка",
            callPerson = CallPerson("Служба безопасности Пример Банка", lookup))))
        assertTrue(asked.savedContact)
        assertEquals(Verdict.IMPERSONATION, TestGuard.screen(asked).verdict)
    }

    @Test
    fun theCallStyleTypeDecidesBeforeAnyText() {
        val person = CallPerson("Example Bank", null)
        // Incoming by type, in a language no phrase knows, not even ongoing.
        val unknownLanguage = MessengerNotification(VIBER, "call", "Example Bank", "Appel entrant", isOngoing = false,
            callPerson = person, callType = MessengerCallParser.CALL_TYPE_INCOMING)
        assertEquals(Verdict.IMPERSONATION, TestGuard.screen(assertNotNull(MessengerCallParser.parse(unknownLanguage))).verdict)
        val screening = unknownLanguage.copy(callType = MessengerCallParser.CALL_TYPE_SCREENING)
        assertNotNull(MessengerCallParser.parse(screening))
        // Answered: the same notification as an ongoing call is not a ringing one.
        assertNull(MessengerCallParser.parse(n(WA, "Example Bank", "Incoming voice call").copy(callPerson = person,
            callType = MessengerCallParser.CALL_TYPE_ONGOING)))
        // A person does not make a chat message a call.
        assertNull(MessengerCallParser.parse(n(WA, "Example Bank", "hi", category = "msg").copy(callPerson = person)))
    }

    @Test
    fun aBrandAsThePersonsNameIsNoName() {
        val notification = MessengerNotification(TG, "call", "Telegram Call", null, isOngoing = true,
            callPerson = CallPerson("Telegram", null), callType = MessengerCallParser.CALL_TYPE_INCOMING)
        assertNull(assertNotNull(MessengerCallParser.parse(notification)).displayName)
    }

    @Test
    fun theCoreReadsTheNumberInTheName() {
        // The parser passes the name as it is; the SDK finds the hotline in it (issue 10 §3).
        val call = assertNotNull(MessengerCallParser.parse(n(WA, "Пример Банк 8 800 555-35-35", "Incoming voice call")))
        assertEquals("", call.number)
        val s = TestGuard.screen(call)
        assertEquals(Verdict.SPOOFED, s.verdict)
        assertEquals("inbound_only", s.reason)
        assertEquals("+78005553535", s.number)
    }
}
