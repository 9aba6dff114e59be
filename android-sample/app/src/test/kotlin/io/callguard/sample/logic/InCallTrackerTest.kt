package io.callguard.sample.logic

import io.callguard.AdviceLevel
import io.callguard.AdviceReason
import io.callguard.CallEvent
import io.callguard.Channel
import io.callguard.Risk
import io.callguard.Screening
import io.callguard.SensitiveAction
import io.callguard.Verdict
import org.junit.jupiter.api.Test
import java.time.ZoneOffset
import kotlin.test.assertEquals
import kotlin.test.assertIs
import kotlin.test.assertTrue

class InCallTrackerTest {
    private fun screening(verdict: Verdict, reason: String) =
        Screening(verdict, Risk.DANGER, reason, null, null, null, null, "", "")

    @Test
    fun aScreenedMessengerCallThenTheAudioModeIsOneCallNotTwo() {
        val events = mutableListOf<CallEvent>()
        val tracker = InCallTracker(events::add) { 1000L }
        tracker.screened("wa-key", screening(Verdict.IMPERSONATION, "claims_authority"), Channel.WHATSAPP)
        tracker.audioMode(InCallTracker.MODE_IN_COMMUNICATION)
        // Answered: the ringing notification is replaced by an ongoing one. Not an end.
        tracker.notificationRemoved("wa-key")
        assertEquals(1, events.size, "$events")
        tracker.audioMode(InCallTracker.MODE_NORMAL)
        tracker.notificationRemoved("wa-key") // again: no second end
        assertEquals(listOf(CallEvent.Ended("wa-key"), CallEvent.Idle), events.drop(1), "$events")
        assertIs<CallEvent.Screened>(events[0])
    }

    @Test
    fun aCallStillOpenIsSeenAgainBeforeAdviceAndNoCallAtAllIsIdle() {
        val events = mutableListOf<CallEvent>()
        val tracker = InCallTracker(events::add) { 7L }
        tracker.screened("wa-key", screening(Verdict.IMPERSONATION, "claims_authority"), Channel.WHATSAPP)
        tracker.sighting()
        assertEquals(CallEvent.Active("wa-key"), events.last())
        // A new process (the app was killed): nothing open here, the audio is normal.
        val fresh = mutableListOf<CallEvent>()
        InCallTracker(fresh::add).audioMode(InCallTracker.MODE_NORMAL)
        assertEquals(listOf<CallEvent>(CallEvent.Idle), fresh)
    }

    @Test
    fun aMessengerThatNeverSetsTheAudioModeEndsWithItsNotificationOnly() {
        val events = mutableListOf<CallEvent>()
        val tracker = InCallTracker(events::add)
        tracker.screened("tg-key", screening(Verdict.IMPERSONATION, "claims_authority"), Channel.TELEGRAM)
        // The Transfer screen reads the mode on API 29-30: normal, but the call goes on.
        tracker.audioMode(InCallTracker.MODE_NORMAL)
        assertEquals(1, events.size, "a call still on must not end: $events")
        tracker.notificationRemoved("tg-key")
        // Gone, and no call audio the next time the mode is read (before advice): over.
        tracker.audioMode(InCallTracker.MODE_NORMAL)
        assertEquals(listOf(CallEvent.Ended("tg-key"), CallEvent.Idle), events.takeLast(2))
    }

    @Test
    fun theRingingNotificationGoingBeforeTheAudioChangesIsNotTheEnd() {
        val events = mutableListOf<CallEvent>()
        val tracker = InCallTracker(events::add)
        tracker.screened("wa-key", screening(Verdict.IMPERSONATION, "claims_authority"), Channel.WHATSAPP)
        tracker.notificationRemoved("wa-key") // answered: the ringing notification goes first
        tracker.audioMode(InCallTracker.MODE_IN_COMMUNICATION)
        tracker.sighting()
        assertEquals(listOf<CallEvent>(CallEvent.Active("wa-key")), events.drop(1), "no end, no second call")
    }

    @Test
    fun aLateScreeningOfAGoneNotificationIsOverAtOnce() {
        val events = mutableListOf<CallEvent>()
        val tracker = InCallTracker(events::add)
        tracker.notificationRemoved("wa-key")
        tracker.screened("wa-key", screening(Verdict.IMPERSONATION, "claims_authority"), Channel.WHATSAPP)
        assertEquals(CallEvent.Ended("wa-key"), events.last())
        tracker.sighting()
        assertEquals(2, events.size, "never seen on again: $events")
    }

    @Test
    fun afterARestartTheListenerReportsTheMessengerCallStillOnAndNoIdle() {
        val events = mutableListOf<CallEvent>()
        val tracker = InCallTracker(events::add)
        tracker.messengerCallSeen("tg-key")
        tracker.audioMode(InCallTracker.MODE_NORMAL) // Telegram never set the mode
        assertEquals(listOf<CallEvent>(CallEvent.Active("tg-key")), events)
    }

    @Test
    fun aPhoneCallEndsWhenTheAudioIsBackToNormal() {
        val events = mutableListOf<CallEvent>()
        val tracker = InCallTracker(events::add)
        tracker.screened("tel-1", screening(Verdict.SPOOFED, "inbound_only"), Channel.PHONE)
        tracker.audioMode(InCallTracker.MODE_IN_CALL)
        tracker.audioMode(InCallTracker.MODE_NORMAL)
        assertEquals(listOf(CallEvent.Ended("tel-1"), CallEvent.Idle), events.takeLast(2))
    }

    @Test
    fun aCallNobodyScreenedIsAnUnknownCallUntilTheAudioIsBackToNormal() {
        val events = mutableListOf<CallEvent>()
        val tracker = InCallTracker(events::add) { 42L }
        tracker.audioMode(1) // ringing: nothing yet
        tracker.audioMode(InCallTracker.MODE_IN_CALL)
        tracker.audioMode(InCallTracker.MODE_IN_CALL)
        tracker.audioMode(InCallTracker.MODE_NORMAL)
        assertEquals(listOf(CallEvent.Active("audio-42"), CallEvent.Ended("audio-42"), CallEvent.Idle), events)
    }

    @Test
    fun screenRecordingIsReportedOnChangesOnly() {
        val events = mutableListOf<CallEvent>()
        val tracker = InCallTracker(events::add)
        tracker.screenRecording(InCallTracker.SCREEN_RECORDING_STATE_VISIBLE)
        tracker.screenRecording(InCallTracker.SCREEN_RECORDING_STATE_VISIBLE)
        tracker.screenRecording(0)
        assertEquals(listOf<CallEvent>(CallEvent.ScreenShared(true), CallEvent.ScreenShared(false)), events)
    }

    /** The tester's scene: the fake security service on WhatsApp, then Transfer. Real library. */
    @Test
    fun theFakeSecurityServiceThenTransferIsPausedWithCallTheBank() {
        val guard = TestGuard.withList("ru")
        val now = TestGuard.NOW
        val tracker = InCallTracker({ guard.reportCallEventAt(it, now) })
        val fake = guard.screenAt(
            io.callguard.Call("", Channel.WHATSAPP, "Служба безопасности Банка", io.callguard.Attestation.NOT_VERIFIED, io.callguard.Direction.INCOMING),
            now,
        )
        tracker.screened("wa-key", fake, Channel.WHATSAPP)
        tracker.audioMode(InCallTracker.MODE_IN_COMMUNICATION)
        val advice = guard.adviseActionAt(SensitiveAction.TRANSFER, now + 60)
        assertEquals(AdviceLevel.HOLD, advice.level)
        assertEquals(AdviceReason.ON_CALL_WITH_DANGER, advice.reasons.first())
        val gate = TransferGate.gate(advice, "ru", ZoneOffset.UTC)
        assertIs<Gate.Hold>(gate)
        assertEquals("Позвонить в банк", gate.callBankLabel)
        assertEquals("Пауза до 00:31", gate.until)
        assertTrue(gate.body.contains("WhatsApp"), gate.body)
        // The call ends (the audio is back to normal): a transfer asks for a confirmation
        // for the next hour, codes stay paused.
        tracker.notificationRemoved("wa-key")
        tracker.audioMode(InCallTracker.MODE_NORMAL) // read when Transfer is tapped
        assertIs<Gate.Confirm>(TransferGate.gate(guard.adviseActionAt(SensitiveAction.TRANSFER, now + 180), "ru"))
        assertIs<Gate.Hold>(TransferGate.gate(guard.adviseActionAt(SensitiveAction.CREDENTIALS, now + 180), "ru"))
        guard.close()
    }

    @Test
    fun noCallMeansTransferGoesOnWithoutWords() {
        val guard = TestGuard.withList()
        val gate = TransferGate.gate(guard.adviseActionAt(SensitiveAction.TRANSFER, TestGuard.NOW), "en")
        assertEquals(Gate.Proceed(null), gate)
        guard.close()
    }
}
