package io.callguard.sample.logic

import io.callguard.Attestation
import io.callguard.Call
import io.callguard.Channel
import io.callguard.Direction
import org.junit.jupiter.api.Test
import kotlin.test.assertFalse
import kotlin.test.assertTrue

class RepeatFilterTest {
    private fun wa(name: String) = Call("", Channel.WHATSAPP, name, Attestation.NOT_VERIFIED, Direction.INCOMING)

    @Test
    fun oneRingingCallOneWarning() {
        val f = RepeatFilter(windowMillis = 60_000)
        assertTrue(f.isNew(wa("Пример Банк"), 1_000))
        assertFalse(f.isNew(wa("Пример Банк"), 4_000), "re-posted while ringing")
        assertTrue(f.isNew(wa("Иван"), 5_000), "another caller")
        assertTrue(f.isNew(wa("Пример Банк"), 70_000), "calls again later")
        assertTrue(f.isNew(Call("", Channel.TELEGRAM, "Пример Банк", Attestation.NOT_VERIFIED, Direction.INCOMING), 70_500))
    }
}
