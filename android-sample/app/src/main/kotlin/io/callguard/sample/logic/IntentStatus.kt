// Plain Kotlin (no android.*): the status screen's lines about announced
// calls ("Talking to you now: Anna, card department, about … — until 14:35"),
// in the customer's local time, and the install's audience id for testers.
package io.callguard.sample.logic

import io.callguard.Channel
import io.callguard.IntentInfo
import java.time.Instant
import java.time.ZoneId
import java.time.format.DateTimeFormatter

object IntentStatus {
    private val HH_MM: DateTimeFormatter = DateTimeFormatter.ofPattern("HH:mm")

    /**
     * One line per announced call, soonest end first; "none" when there is none. [intents]
     * is `activeIntents()`: the SDK already dropped what is over or no longer vouched for.
     */
    fun lines(intents: List<IntentInfo>, now: Instant, zone: ZoneId): List<String> {
        if (intents.isEmpty()) return listOf("Announced calls: none right now")
        return intents.sortedWith(compareBy({ it.expiresAt }, { it.id })).map { line(it, now, zone) }
    }

    /**
     * "Talking to you now: Anna, card department, about your credit card application — until
     * 14:35 (+74950000001, phone)". An intent whose window opens in a moment (the SDK allows
     * two minutes of clock skew) says "Calling you soon … from 14:25 until 14:35".
     */
    fun line(i: IntentInfo, now: Instant, zone: ZoneId): String {
        val until = clock(i.expiresAt, zone)
        val lead = if (i.notBefore > now.epochSecond) {
            "Calling you soon: ${who(i)}, about ${i.purpose} — from ${clock(i.notBefore, zone)} until $until"
        } else {
            "Talking to you now: ${who(i)}, about ${i.purpose} — until $until"
        }
        return "$lead (${i.from}, ${channelName(i.channel)})"
    }

    /** "Anna, card department". */
    fun who(i: IntentInfo): String = "${i.agent}, ${i.department}"

    /** Unix seconds as "HH:mm" in [zone]. */
    fun clock(unixSeconds: Long, zone: ZoneId): String = HH_MM.format(Instant.ofEpochSecond(unixSeconds).atZone(zone))

    /** For a tester: what `callguard intent --audience` needs. */
    fun audienceLine(audience: String): String = "This phone's audience id (callguard intent --audience): $audience"

    private fun channelName(c: Channel): String = when (c) {
        Channel.PHONE -> "phone"
        Channel.SMS -> "SMS"
        Channel.WHATSAPP -> "WhatsApp"
        Channel.TELEGRAM -> "Telegram"
        Channel.VIBER -> "Viber"
        Channel.SIGNAL -> "Signal"
        Channel.OTHER -> "other"
    }
}
