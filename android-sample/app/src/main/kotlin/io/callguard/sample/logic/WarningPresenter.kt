// Plain Kotlin (no android.*): what the customer sees and what the call
// screening answers, from the SDK's Screening. WarningNotifier and
// GuardCallScreeningService only carry it out.
package io.callguard.sample.logic

import io.callguard.Risk
import io.callguard.Screening
import io.callguard.Verdict

/** Notification importance, mapped 1:1 by the glue to NotificationManager.IMPORTANCE_*. */
enum class WarningImportance { HIGH, DEFAULT, LOW }

/**
 * How the call screening answers. There is deliberately no "reject" or "block": the
 * SDK warns, it never hangs up on a caller — a genuine bank call or a call from a
 * number that merely is not listed must always reach the customer.
 */
enum class CallAction { ALLOW, SILENCE }

data class WarningContent(
    /** Post a notification at all. */
    val show: Boolean,
    /** One of the channel ids in [WarningPresenter.CHANNELS]; meaningless when ![show]. */
    val channelId: String,
    val importance: WarningImportance,
    /** Attach a full-screen intent (shows over the ringing call / lock screen). */
    val fullScreen: Boolean,
    val title: String,
    val text: String,
    /** Ringing is silenced (the call still comes through, shown with the warning). */
    val silence: Boolean,
    val action: CallAction,
)

/** Where the call came from: only phone calls pass through CallScreeningService and can be silenced. */
enum class CallSource { PHONE, MESSENGER }

object WarningPresenter {
    const val CHANNEL_DANGER = "callguard.danger"
    const val CHANNEL_CAUTION = "callguard.caution"
    const val CHANNEL_VERIFIED = "callguard.verified"

    /** Channel id → importance; WarningNotifier creates exactly these. */
    val CHANNELS: Map<String, WarningImportance> = linkedMapOf(
        CHANNEL_DANGER to WarningImportance.HIGH,
        CHANNEL_CAUTION to WarningImportance.DEFAULT,
        CHANNEL_VERIFIED to WarningImportance.LOW,
    )

    private val QUIET = WarningContent(
        show = false, channelId = CHANNEL_CAUTION, importance = WarningImportance.LOW, fullScreen = false,
        title = "", text = "", silence = false, action = CallAction.ALLOW,
    )

    /**
     * @param screening the SDK's answer, or null when screening failed or ran out of time:
     *   then the call is allowed and nothing is shown.
     * @param silenceSpoofed the customer's opt-in "silence spoofed calls" setting.
     * @param canUseFullScreenIntent `NotificationManager.canUseFullScreenIntent()` on API 34+,
     *   true below (the USE_FULL_SCREEN_INTENT permission is granted at install there).
     */
    fun present(
        screening: Screening?,
        source: CallSource,
        silenceSpoofed: Boolean,
        canUseFullScreenIntent: Boolean,
    ): WarningContent {
        if (screening == null) return QUIET
        return when (screening.risk) {
            Risk.DANGER -> {
                // Only a spoofed bank number may lose its ring: the number is the bank's and the
                // bank says it never calls from it (or not over this channel, or the network says
                // the caller ID is forged). Impersonation by name is a stranger's number, and a
                // number reported as fraud is a crowd's judgement, not the bank's: warn loudly.
                val silence = source == CallSource.PHONE && silenceSpoofed && screening.verdict == Verdict.SPOOFED
                WarningContent(
                    show = true, channelId = CHANNEL_DANGER, importance = WarningImportance.HIGH,
                    fullScreen = canUseFullScreenIntent,
                    title = screening.title, text = screening.message,
                    silence = silence, action = if (silence) CallAction.SILENCE else CallAction.ALLOW,
                )
            }
            Risk.CAUTION -> when {
                // "The bank's number, caller ID unconfirmed": the bank never asks for codes.
                screening.verdict == Verdict.OFFICIAL -> caution(screening)
                // Matched a contact of an expired list: say so on this call.
                screening.verdict == Verdict.UNVERIFIABLE && screening.issuer != null -> caution(screening)
                // In the bank's feed as spam (fraud reports are DANGER, above): worth a word, never a silence.
                screening.verdict == Verdict.REPORTED -> caution(screening)
                // No list in force at all: every call would say so. The status screen and the
                // sync worker nag instead of each ringing phone.
                else -> QUIET
            }
            Risk.SAFE -> when (screening.verdict) {
                // The network confirmed the bank's number, or the bank announced this very call in
                // the app (a call intent): "Example Bank is calling you now — Anna, card department".
                Verdict.VERIFIED, Verdict.EXPECTED -> WarningContent(
                    show = true, channelId = CHANNEL_VERIFIED, importance = WarningImportance.LOW,
                    fullScreen = false, title = screening.title, text = screening.message,
                    silence = false, action = CallAction.ALLOW,
                )
                else -> QUIET
            }
            // Nothing known about the caller: most are friends. No warning — and no "safe" badge.
            Risk.NEUTRAL -> QUIET
        }
    }

    private fun caution(s: Screening) = WarningContent(
        show = true, channelId = CHANNEL_CAUTION, importance = WarningImportance.DEFAULT, fullScreen = false,
        title = s.title, text = s.message, silence = false, action = CallAction.ALLOW,
    )
}
