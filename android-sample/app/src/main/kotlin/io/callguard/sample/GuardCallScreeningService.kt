// Bound by Telecom for every call while this app holds ROLE_CALL_SCREENING.
// Answers within the time budget: allow (or silence a spoofed bank number,
// if the customer opted in), never reject or block; warns by notification.
package io.callguard.sample

import android.os.Build
import android.telecom.Call
import android.telecom.CallScreeningService
import io.callguard.Channel
import io.callguard.Direction
import io.callguard.sample.logic.CallAction
import io.callguard.sample.logic.CallDetailsMapper
import io.callguard.sample.logic.CallSource
import io.callguard.sample.logic.PhoneCallInfo
import io.callguard.sample.logic.WarningPresenter

class GuardCallScreeningService : CallScreeningService() {
    override fun onScreenCall(callDetails: Call.Details) {
        val app = application as CallGuardApp
        val info = PhoneCallInfo(
            // Decoded number part: Uri.toString() would percent-encode "+" and spaces.
            // Null for a withheld number: screened as "no number, no name", which the SDK
            // answers with "unknown" and the sample lets ring without a warning (CallDetailsMapper.map).
            handle = callDetails.handle?.let { "${it.scheme}:${it.schemeSpecificPart}" },
            verificationStatus = if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.R) {
                callDetails.callerNumberVerificationStatus
            } else {
                CallDetailsMapper.VERIFICATION_STATUS_NOT_VERIFIED
            },
            direction = callDetails.callDirection,
            // Always null here on AOSP: Telecom clears it for screening services. Passed on for
            // devices that do not; nothing depends on it (see PhoneCallInfo).
            callerDisplayName = callDetails.callerDisplayName,
        )
        val call = CallDetailsMapper.map(info)
        if (call.direction == Direction.OUTGOING) {
            // Outgoing calls can only be allowed; "check a number before you call" is in the app.
            respondToCall(callDetails, allow(silence = false))
            return
        }
        val notificationId = WarningNotifier.idFor(call)
        // In-call protection: the bank app's risky actions know what this call was. Its end
        // comes from the audio mode (InCallTracker); the id is never the number.
        val callId = "tel-${callDetails.creationTimeMillis}"
        val decision = app.decider.decide(call) { late ->
            app.inCall.screened(callId, late, Channel.PHONE)
            // Too late to silence (the call was allowed), not too late to warn.
            val content = WarningPresenter.present(late, CallSource.PHONE, false, WarningNotifier.canUseFullScreenIntent(this))
            WarningNotifier.show(this, content, notificationId)
        }
        val content = WarningPresenter.present(
            decision.screening,
            CallSource.PHONE,
            silenceSpoofed = app.settings.silenceSpoofed,
            canUseFullScreenIntent = WarningNotifier.canUseFullScreenIntent(this),
        )
        respondToCall(callDetails, allow(silence = content.action == CallAction.SILENCE))
        WarningNotifier.show(this, content, notificationId)
        decision.screening?.let { app.inCall.screened(callId, it, Channel.PHONE) }
    }

    private fun allow(silence: Boolean): CallScreeningService.CallResponse = CallScreeningService.CallResponse.Builder()
        .setDisallowCall(false)
        .setRejectCall(false)
        .setSilenceCall(silence)
        .setSkipCallLog(false)
        .setSkipNotification(false)
        .build()
}
