// Plain Kotlin (no android.*): what GuardCallScreeningService copies out of
// android.telecom.Call.Details becomes the SDK's Call. Tested on the JVM.
package io.callguard.sample.logic

import io.callguard.Attestation
import io.callguard.Call
import io.callguard.Channel
import io.callguard.Direction

/**
 * The few fields of `android.telecom.Call.Details` that screening needs,
 * copied by the glue so this mapping runs without Android.
 *
 * @property handle `"${uri.scheme}:${uri.schemeSpecificPart}"` of `Call.Details.getHandle()`
 *   (e.g. "tel:+74950000001"), or null when the number is withheld / restricted (Telecom passes
 *   no handle then; some networks send a placeholder instead, see [CallDetailsMapper.numberOf]).
 * @property verificationStatus `Call.Details.getCallerNumberVerificationStatus()` on API 30+,
 *   [CallDetailsMapper.VERIFICATION_STATUS_NOT_VERIFIED] below that.
 * @property direction `Call.Details.getCallDirection()`.
 * @property callerDisplayName `Call.Details.getCallerDisplayName()`. Do NOT count on it: AOSP
 *   Telecom (`ParcelableCallUtils.toParcelableCallForScreening`) always sets it to null for a
 *   call-screening service, so on phone calls the SDK screens the number only and "a name that
 *   claims the bank" is detected on messenger calls only. Passed on in case a device's Telecom
 *   does deliver the network's caller name (CNAP); nothing else depends on it.
 */
data class PhoneCallInfo(
    val handle: String?,
    val verificationStatus: Int = CallDetailsMapper.VERIFICATION_STATUS_NOT_VERIFIED,
    val direction: Int = CallDetailsMapper.DIRECTION_INCOMING,
    val callerDisplayName: String? = null,
)

object CallDetailsMapper {
    /** android.telecom.Connection.VERIFICATION_STATUS_NOT_VERIFIED */
    const val VERIFICATION_STATUS_NOT_VERIFIED = 0
    /** android.telecom.Connection.VERIFICATION_STATUS_PASSED */
    const val VERIFICATION_STATUS_PASSED = 1
    /** android.telecom.Connection.VERIFICATION_STATUS_FAILED */
    const val VERIFICATION_STATUS_FAILED = 2

    /** android.telecom.Call.Details.DIRECTION_UNKNOWN */
    const val DIRECTION_UNKNOWN = -1
    /** android.telecom.Call.Details.DIRECTION_INCOMING */
    const val DIRECTION_INCOMING = 0
    /** android.telecom.Call.Details.DIRECTION_OUTGOING */
    const val DIRECTION_OUTGOING = 1

    /**
     * The SDK's Call for a phone call.
     *
     * A withheld number with no name ("no handle, no name") becomes number "" and no display
     * name: the SDK's decision table (core/src/screen/decide/) finds no bank number and no
     * name to compare, and answers verdict UNKNOWN, risk SAFE, reason "not_listed"; the sample
     * shows nothing for it (WarningPresenter: unknown callers stay quiet). Deliberately: a bank
     * never withholds its number, but neither is a withheld caller a bank *claim* the SDK could
     * check, and warning on every withheld call (doctors, offices, friends) would teach the
     * customer to ignore warnings. The call is allowed and rings as usual.
     */
    fun map(info: PhoneCallInfo): Call = Call(
        number = numberOf(info.handle),
        channel = Channel.PHONE,
        displayName = info.callerDisplayName?.trim()?.takeIf { it.isNotEmpty() },
        attestation = when (info.verificationStatus) {
            VERIFICATION_STATUS_PASSED -> Attestation.PASSED
            VERIFICATION_STATUS_FAILED -> Attestation.FAILED
            else -> Attestation.NOT_VERIFIED // including values a future Android may add
        },
        // Unknown direction is screened as incoming: a warning too many beats one too few.
        direction = if (info.direction == DIRECTION_OUTGOING) Direction.OUTGOING else Direction.INCOMING,
    )

    /**
     * The number part of a handle URI. "tel:" is the number (possibly still
     * percent-encoded); "sip:" carries it as the user part
     * ("sip:+74950000001@ims.example;user=phone"). Anything else, no handle
     * at all, or a withheld-number placeholder ([WITHHELD]) is "": the SDK
     * then screens the call by display name alone (see [map]).
     */
    internal fun numberOf(handle: String?): String {
        if (handle.isNullOrBlank()) return ""
        val colon = handle.indexOf(':')
        val number = if (colon < 0) {
            percentDecode(handle).trim() // a bare number
        } else {
            val rest = percentDecode(handle.substring(colon + 1))
            when (handle.substring(0, colon).lowercase()) {
                "tel" -> rest.substringBefore(';').trim() // drop tel-URI parameters (";phone-context=…")
                "sip", "sips" -> rest.substringBefore('@').substringBefore(';').trim()
                else -> ""
            }
        }
        return if (number.lowercase() in WITHHELD) "" else number
    }

    /**
     * What stands in for a withheld number when the handle is not simply absent: RFC 3323's
     * "sip:anonymous@anonymous.invalid" (IMS), the legacy telephony placeholders "-1" (unknown),
     * "-2" (private) and "-3" (payphone), and the words some networks put in the number field.
     * None is a number; passing one on would screen a word as if it were the caller's number.
     */
    private val WITHHELD = setOf(
        "anonymous", "unknown", "private", "restricted", "unavailable", "withheld", "-1", "-2", "-3",
    )

    /** %XX decoding only ('+' stays '+', unlike form decoding); malformed escapes are kept as they are. */
    internal fun percentDecode(s: String): String {
        if ('%' !in s) return s
        val out = java.io.ByteArrayOutputStream()
        var i = 0
        while (i < s.length) {
            val c = s[i]
            if (c == '%' && i + 2 < s.length && s[i + 1].isHex() && s[i + 2].isHex()) {
                out.write(s.substring(i + 1, i + 3).toInt(16))
                i += 3
            } else {
                // Copy a whole code point (a surrogate pair stays a pair).
                val end = if (c.isHighSurrogate() && i + 1 < s.length) i + 2 else i + 1
                out.write(s.substring(i, end).toByteArray(Charsets.UTF_8))
                i = end
            }
        }
        return out.toString(Charsets.UTF_8.name())
    }

    private fun Char.isHex() = this in '0'..'9' || this in 'a'..'f' || this in 'A'..'F'
}
