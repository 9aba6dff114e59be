package io.callguard.sample.logic

import io.callguard.Attestation
import io.callguard.Call
import io.callguard.Channel
import io.callguard.Direction
import io.callguard.Screening
import io.callguard.Verdict
import org.junit.jupiter.api.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertTrue

private fun phone(number: String, attestation: Attestation = Attestation.NOT_VERIFIED, name: String? = null) =
    Call(number, Channel.PHONE, name, attestation, Direction.INCOMING)

class WarningPresenterTest {
    private val hotline = TestGuard.screen(phone("8 800 555-35-35"))
    private val official = TestGuard.screen(phone("+7 495 000-00-01"))
    private val verified = TestGuard.screen(phone("+7 495 000-00-01", Attestation.PASSED))
    private val unknown = TestGuard.screen(phone("+7 916 123-45-67"))
    private val impersonation = TestGuard.screen(Call("", Channel.WHATSAPP, "Служба безопасности Пример Банка", Attestation.NOT_VERIFIED, Direction.INCOMING))

    private fun present(s: Screening?, silence: Boolean = false, fsi: Boolean = true, source: CallSource = CallSource.PHONE) =
        WarningPresenter.present(s, source, silenceSpoofed = silence, canUseFullScreenIntent = fsi)

    @Test
    fun spoofedHotlineIsALoudFullScreenWarning() {
        assertEquals(Verdict.SPOOFED, hotline.verdict)
        val w = present(hotline)
        assertTrue(w.show)
        assertEquals(WarningPresenter.CHANNEL_DANGER, w.channelId)
        assertEquals(WarningImportance.HIGH, w.importance)
        assertTrue(w.fullScreen)
        assertEquals(hotline.title, w.title)
        assertEquals(hotline.message, w.text)
        assertFalse(w.silence, "silencing is opt-in")
        assertEquals(CallAction.ALLOW, w.action)
    }

    @Test
    fun spoofedIsSilencedOnlyWithTheOptIn() {
        val w = present(hotline, silence = true)
        assertTrue(w.silence)
        assertEquals(CallAction.SILENCE, w.action)
        assertTrue(w.show, "a silenced call is still announced")
    }

    @Test
    fun withoutFullScreenPermissionItIsAHeadsUp() {
        val w = present(hotline, fsi = false)
        assertTrue(w.show)
        assertFalse(w.fullScreen)
        assertEquals(WarningImportance.HIGH, w.importance)
    }

    @Test
    fun officialAndUnknownAreNeverSilencedEvenWithTheOptIn() {
        for (s in listOf(official, verified, unknown)) {
            val w = present(s, silence = true)
            assertFalse(w.silence, "${s.verdict}")
            assertEquals(CallAction.ALLOW, w.action, "${s.verdict}")
        }
    }

    @Test
    fun impersonationWarnsButIsNotSilenced() {
        assertEquals(Verdict.IMPERSONATION, impersonation.verdict)
        for (source in CallSource.values()) {
            val w = present(impersonation, silence = true, source = source)
            assertTrue(w.show)
            assertEquals(WarningPresenter.CHANNEL_DANGER, w.channelId)
            assertFalse(w.silence)
            assertEquals(CallAction.ALLOW, w.action)
        }
    }

    @Test
    fun messengerCallsAreNeverSilenced() {
        val spoofedOverTelegram = TestGuard.screen(Call("+7 495 000-00-01", Channel.TELEGRAM, null, Attestation.NOT_VERIFIED, Direction.INCOMING))
        assertEquals(Verdict.SPOOFED, spoofedOverTelegram.verdict)
        val w = present(spoofedOverTelegram, silence = true, source = CallSource.MESSENGER)
        assertTrue(w.show)
        assertFalse(w.silence)
    }

    @Test
    fun officialIsACautionNoteNotAnAlarm() {
        val w = present(official)
        assertTrue(w.show)
        assertEquals(WarningPresenter.CHANNEL_CAUTION, w.channelId)
        assertEquals(WarningImportance.DEFAULT, w.importance)
        assertFalse(w.fullScreen)
    }

    @Test
    fun verifiedIsAQuietConfirmation() {
        val w = present(verified)
        assertTrue(w.show)
        assertEquals(WarningPresenter.CHANNEL_VERIFIED, w.channelId)
        assertEquals(WarningImportance.LOW, w.importance)
        assertFalse(w.fullScreen)
    }

    @Test
    fun anAnnouncedCallSaysCallingYouNowAndAnUnannouncedOneCautions() {
        TestGuard.withIntentList().use { guard ->
            val call = phone("+7 495 000-00-01")
            val unannounced = guard.screenAt(call, TestGuard.INTENT_NOW)
            assertEquals("unannounced", unannounced.reason)
            assertEquals(WarningPresenter.CHANNEL_CAUTION, present(unannounced).channelId)
            guard.receiveIntentAt(TestGuard.intent("announced").toByteArray(), TestGuard.INTENT_NOW)
            val announced = guard.screenAt(call, TestGuard.INTENT_NOW)
            assertEquals(Verdict.EXPECTED, announced.verdict)
            val w = present(announced)
            assertTrue(w.show)
            assertEquals(WarningPresenter.CHANNEL_VERIFIED, w.channelId)
            assertEquals(WarningImportance.LOW, w.importance)
            assertFalse(w.fullScreen)
            assertTrue(w.text.contains("Anna"), w.text)
            assertEquals(CallAction.ALLOW, w.action)
        }
    }

    @Test
    fun reportedFraudIsALoudWarningAndReportedSpamACautionNeitherSilenced() {
        TestGuard.withFeed().use { g ->
            val fraud = g.screenAt(phone("+7 916 123-45-67"), TestGuard.NOW)
            assertEquals(Verdict.REPORTED to "reported_fraud", fraud.verdict to fraud.reason)
            val w = present(fraud, silence = true)
            assertTrue(w.show)
            assertEquals(WarningPresenter.CHANNEL_DANGER, w.channelId)
            assertEquals(WarningImportance.HIGH, w.importance)
            assertTrue(w.fullScreen)
            assertEquals(fraud.title to fraud.message, w.title to w.text)
            assertFalse(w.silence, "only a spoofed bank number may be silenced")
            assertEquals(CallAction.ALLOW, w.action)

            val spam = g.screenAt(phone("+7 999 123-45-67"), TestGuard.NOW)
            assertEquals(Verdict.REPORTED to "reported_spam", spam.verdict to spam.reason)
            val c = present(spam, silence = true)
            assertTrue(c.show, "a reported spammer is worth a word")
            assertEquals(WarningPresenter.CHANNEL_CAUTION, c.channelId)
            assertFalse(c.fullScreen)
            assertFalse(c.silence)
            assertEquals(spam.message, c.text)

            // The bank's own line, wrongly reported, stays official: a caution note, as before.
            val bank = g.screenAt(phone("+7 495 000-00-01"), TestGuard.NOW)
            assertEquals(Verdict.OFFICIAL, bank.verdict)
            assertEquals(present(official), present(bank))
        }
    }

    @Test
    fun unknownCallersAreQuiet() {
        assertFalse(present(unknown).show)
    }

    @Test
    fun sdkErrorOrTimeoutAllowsAndShowsNothing() {
        val w = present(null, silence = true)
        assertFalse(w.show)
        assertFalse(w.silence)
        assertEquals(CallAction.ALLOW, w.action)
    }

    @Test
    fun noListAtAllIsQuietButAnExpiredBankNumberIsSaid() {
        TestGuard.withoutList().use { g ->
            val s = g.screenAt(phone("+7 916 123-45-67"), TestGuard.NOW)
            assertEquals(Verdict.UNVERIFIABLE, s.verdict)
            assertFalse(present(s).show)
        }
        val expiredBankLine = TestGuard.screen(phone("+7 495 000-00-01"), TestGuard.LATER)
        assertEquals(Verdict.UNVERIFIABLE, expiredBankLine.verdict)
        assertTrue(present(expiredBankLine).show)
        // "Stale data may warn": the hotline in an expired list is still spoofed.
        val expiredHotline = TestGuard.screen(phone("88005553535"), TestGuard.LATER)
        assertEquals(WarningPresenter.CHANNEL_DANGER, present(expiredHotline, silence = true).channelId)
        assertTrue(present(expiredHotline, silence = true).silence)
    }

    @Test
    fun russianCopyComesFromTheSdk() {
        TestGuard.withList("ru").use { g ->
            val s = g.screenAt(phone("8 800 555-35-35"), TestGuard.NOW)
            val w = present(s)
            assertTrue(w.title.any { it in 'а'..'я' || it in 'А'..'Я' }, w.title)
            assertFalse(w.text.contains("8005553535") || w.text.contains("555-35-35"), "no number in the text")
        }
    }

    @Test
    fun everyChannelHasAnImportance() {
        assertEquals(setOf(WarningPresenter.CHANNEL_DANGER, WarningPresenter.CHANNEL_CAUTION, WarningPresenter.CHANNEL_VERIFIED), WarningPresenter.CHANNELS.keys)
    }
}
