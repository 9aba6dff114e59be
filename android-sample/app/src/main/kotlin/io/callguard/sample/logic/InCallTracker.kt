// In-call protection, the glue's half (plain Kotlin, tested on the JVM):
// turns what Android tells the app into the SDK's call events. Every
// decision is the SDK's (CallGuard.adviseAction); this only says which
// call started, is on, ended, and whether the screen is shared.
//
// The signals (docs/platforms.md, "In-call signals"):
// - a screening (CallScreeningService for phone calls, the notification listener
//   for messenger calls): `screened`, with the channel;
// - the audio mode (AudioManager, no permission): MODE_IN_CALL / MODE_IN_COMMUNICATION
//   mean a call is on; MODE_NORMAL that none is. A call on without a screening is
//   `active` (an unknown caller); back to normal ends every call the tracker opened;
// - a messenger's call notification removed: that call `ended` (once no call audio is on);
// - the screen-recording callback (API 35): `screen_shared` on / off.
package io.callguard.sample.logic

import io.callguard.CallEvent
import io.callguard.Channel
import io.callguard.Screening

class InCallTracker(
    /** Where events go: CallGuard.reportCallEvent, its failures already handled. */
    private val report: (CallEvent) -> Unit,
    private val clock: () -> Long = System::currentTimeMillis,
) {
    /**
     * Calls reported and not yet ended, by the glue's id: `true` for a messenger call (it
     * ends when its notification is gone and no call audio is on), `false` for a phone call
     * or an audio-mode call (they end when the audio mode is back to normal).
     */
    private val open = linkedMapOf<String, Boolean>()
    /** Messenger calls whose notification is gone: they end when no call audio is on. */
    private val notificationGone = mutableSetOf<String>()
    /** Notifications removed before their (late) screening arrived, the latest few. */
    private val removedEarly = ArrayDeque<String>()
    private var inCallAudio = false
    private var shared: Boolean? = null

    /**
     * A call the SDK screened: a messenger call by its notification's key, a phone call by
     * "tel-<creation time>".
     */
    @Synchronized
    fun screened(callId: String, screening: Screening, channel: Channel) {
        open[callId] = channel != Channel.PHONE
        report(CallEvent.Screened(callId, screening, channel))
        // A screening that came after its notification was gone: the call is over already.
        if (removedEarly.remove(callId)) end(callId)
    }

    /**
     * A messenger's call notification is there when the notification listener (re)connects,
     * e.g. after the app was killed during the call: the call is on, and nothing may report
     * `idle` while it is.
     */
    @Synchronized
    fun messengerCallSeen(callId: String) {
        open[callId] = true
        notificationGone -= callId
        report(CallEvent.Active(callId))
    }

    /** AudioManager's mode changed (or was read when the Transfer screen opened). */
    @Synchronized
    fun audioMode(mode: Int) {
        when (mode) {
            MODE_IN_CALL, MODE_IN_COMMUNICATION -> {
                inCallAudio = true
                // The screened call is the one on: no second, unknown call for it.
                if (open.isNotEmpty()) return
                val id = "audio-${clock()}"
                open[id] = false
                report(CallEvent.Active(id))
            }
            MODE_NORMAL -> {
                inCallAudio = false
                // No call audio any more: phone and audio-mode calls ended, and the messenger
                // calls whose notification already went. A messenger call whose notification
                // is still there goes on: not every VoIP app sets the audio mode.
                open.filter { (id, messenger) -> !messenger || id in notificationGone }.keys.forEach(::end)
                // Nothing open here either: no call is on. `idle` also ends what the history
                // kept from before this process started (the app was killed during a call).
                if (open.isEmpty()) report(CallEvent.Idle)
            }
            // Ringing, call screening, redirects: nothing is settled yet.
        }
    }

    /**
     * A messenger's call notification went away. The call may only have changed its
     * notification (ringing to ongoing, before or after the audio mode changed): it ends the
     * next time no call audio is seen (the mode listener, or the mode read before advice).
     */
    @Synchronized
    fun notificationRemoved(callId: String) {
        when (open[callId]) {
            true -> notificationGone += callId
            false -> {}
            null -> {
                removedEarly.addLast(callId)
                if (removedEarly.size > 16) removedEarly.removeFirst()
            }
        }
    }

    private fun end(callId: String) {
        notificationGone -= callId
        if (open.remove(callId) != null) report(CallEvent.Ended(callId))
    }

    /**
     * Before advice is asked: the calls still open are seen going on now. The SDK then
     * counts them as on whatever the clock says (a caller may have the customer move it).
     */
    @Synchronized
    fun sighting() {
        open.keys.forEach { report(CallEvent.Active(it)) }
    }

    /** WindowManager's screen-recording state: what addScreenRecordingCallback returned, then each callback. */
    @Synchronized
    fun screenRecording(state: Int) {
        val on = state == SCREEN_RECORDING_STATE_VISIBLE
        if (shared == on) return
        shared = on
        report(CallEvent.ScreenShared(on))
    }

    companion object {
        // AudioManager's constants (API 1 / 11), as plain numbers: this file has no Android.
        const val MODE_NORMAL = 0
        const val MODE_IN_CALL = 2
        const val MODE_IN_COMMUNICATION = 3
        // WindowManager.SCREEN_RECORDING_STATE_VISIBLE (API 35).
        const val SCREEN_RECORDING_STATE_VISIBLE = 1
    }
}
