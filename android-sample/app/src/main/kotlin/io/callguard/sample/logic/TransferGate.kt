// The Transfer screen's gate (plain Kotlin, tested on the JVM): the SDK's
// advice as what the screen shows. Every decision is the SDK's; this only
// lays it out, and makes sure a pause always says until when and always
// offers to call the bank.
package io.callguard.sample.logic

import io.callguard.ActionAdvice
import io.callguard.AdviceLevel
import java.time.Instant
import java.time.ZoneId
import java.time.format.DateTimeFormatter

sealed interface Gate {
    /** Send at once. The words, if any (the bank's announced call), are a reminder to show. */
    data class Proceed(val reminder: String?) : Gate

    /** Show the words; send only when the customer taps [continueLabel]. */
    data class Confirm(val title: String, val body: String, val continueLabel: String, val callBankLabel: String) : Gate

    /** No sending before [until]; [callBankLabel] is always on this screen. */
    data class Hold(val title: String, val body: String, val until: String, val callBankLabel: String) : Gate
}

object TransferGate {
    fun gate(advice: ActionAdvice, language: String, zone: ZoneId = ZoneId.systemDefault()): Gate {
        val words = Words.of(language)
        return when (advice.level) {
            AdviceLevel.PROCEED -> Gate.Proceed(advice.body.ifEmpty { null })
            AdviceLevel.CONFIRM -> Gate.Confirm(advice.title, advice.body, words.continueAnyway, words.callBank)
            AdviceLevel.HOLD -> {
                // The SDK always gives a hold its end; should it ever not, the screen says a
                // day from now rather than nothing (the SDK's bound), never "forever".
                val until = advice.holdUntil ?: (Instant.now().epochSecond + 24 * 3600)
                val time = DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(Instant.ofEpochSecond(until))
                Gate.Hold(advice.title, advice.body, words.until(time), words.callBank)
            }
        }
    }

    /** The screen's own words (the SDK's are in the advice). */
    private data class Words(val continueAnyway: String, val callBank: String, val until: (String) -> String) {
        companion object {
            fun of(language: String): Words = when (language.lowercase().substringBefore('-')) {
                "ru" -> Words("Продолжить всё равно", "Позвонить в банк", { "Пауза до $it" })
                "uk" -> Words("Продовжити все одно", "Зателефонувати в банк", { "Пауза до $it" })
                "kk" -> Words("Бәрібір жалғастыру", "Банкке қоңырау шалу", { "$it дейін үзіліс" })
                else -> Words("Continue anyway", "Call the bank", { "Paused until $it" })
            }
        }
    }
}
