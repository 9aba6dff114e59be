// Plain Kotlin (no android.*): a call intent handed to the app (a tester's
// deep link here; a push message in a real app) goes to the SDK, which alone
// decides; the customer gets one plain sentence back. Never the intent's text:
// it is a bearer token for this install, and nothing a customer can read.
package io.callguard.sample.logic

import io.callguard.CallGuardException
import io.callguard.IntentInfo
import java.time.ZoneId

/** What the app shows after an intent arrived. */
sealed interface InboxResult {
    /** One sentence for the screen (and a toast). */
    val text: String

    data class Accepted(val intent: IntentInfo, override val text: String) : InboxResult

    /**
     * [code]: the SDK's refusal code (docs/call-intents.md §3) or a local one —
     * not_a_link, no_intent, bad_escape, too_large ([IntentLink]); storage, failed.
     */
    data class Refused(val code: String, override val text: String) : InboxResult
}

/**
 * @param receive the SDK call, e.g. `{ guard.receiveIntent(it) }`; may throw.
 * @param zone the customer's time zone, for "until 14:35".
 */
class IntentInbox(
    private val receive: (ByteArray) -> IntentInfo,
    private val zone: ZoneId = ZoneId.systemDefault(),
) {
    /** From a deep link: `callguard-sample://intent?jws=…`. */
    fun fromLink(link: String): InboxResult = take(IntentLink.parse(link))

    /** From a pasted text or a broadcast extra: the JWS itself, or a link as above. */
    fun fromText(text: String): InboxResult = take(IntentLink.fromText(text))

    private fun take(payload: IntentPayload): InboxResult = when (payload) {
        is IntentPayload.Unusable -> refused(payload.code)
        is IntentPayload.Bytes -> try {
            val info = receive(payload.jws)
            InboxResult.Accepted(info, "Announced call accepted: ${IntentStatus.who(info)} — until ${IntentStatus.clock(info.expiresAt, zone)}")
        } catch (e: CallGuardException.InvalidIntent) {
            refused(e.code)
        } catch (e: CallGuardException.Storage) {
            refused("storage")
        } catch (e: Exception) {
            // The guard could not be created (protection off) or failed otherwise. Its reason
            // names no caller data (SafeStart.reasonFor); the intent's bytes are never in it.
            InboxResult.Refused("failed", "Could not check it: ${SafeStart.reasonFor(e)}")
        }
    }

    private fun refused(code: String) = InboxResult.Refused(code, "Refused ($code): ${sentence(code)}")

    companion object {
        /** A plain sentence per refusal code; an unknown code (a newer SDK) gets a general one. */
        fun sentence(code: String): String = when (code) {
            "not_a_link" -> "this is not a CallGuard intent link (callguard-sample://intent?jws=…)."
            "no_intent" -> "there is no intent in it."
            "bad_escape" -> "the link is damaged (a broken %-escape). Copy it again."
            "too_large" -> "this is too large to be a call intent."
            "malformed" -> "this is not a readable call intent. Copy the whole text again."
            "wrong_type" -> "this is a signed message, but not a call intent."
            "unsupported_alg" -> "it is signed with an algorithm CallGuard does not accept."
            "no_current_list" -> "no current list of this bank is loaded. Sync the list, then send the intent again."
            "key_not_delegated" -> "the bank's list does not allow the key that signed it to announce calls."
            "key_expired" -> "the key that signed it has expired."
            "bad_signature" -> "the signature does not match: it was changed after it was signed."
            "wrong_audience" -> "it was made for another phone. Use the audience id shown on the status screen."
            "window_too_long" -> "its time window is longer than the bank allows."
            "not_yet_valid" -> "its time window has not started yet. Is the phone's clock right?"
            "expired" -> "its time window is over."
            "not_listed" -> "it announces a call from a number that is not on the bank's list."
            "inbound_only" -> "the bank never calls from that number."
            "channel_not_used" -> "the bank does not use that number on that channel."
            "replayed" -> "an announcement with the same id but other content arrived before."
            "too_many" -> "too many calls of this bank are announced at once."
            "storage" -> "the app could not save it. Try again."
            else -> "CallGuard did not accept it."
        }
    }
}
