// Prints the median cost of one `screen` and of a 10 000-call `screenMany`
// through the FFI (JNA) on this JVM; scripts/bench.sh puts them next to
// Swift's. Measured, never asserted: timing assertions make flaky tests.
package io.callguard

import org.junit.jupiter.api.Test
import kotlin.test.assertEquals

class ScreenBenchmarkTest {
    private val now = Vectors.epoch("2026-12-01T00:00:00Z")

    private fun guard(): CallGuard = callGuard("RU").also {
        it.addTrust(Vectors.text("trust/example-bank.json"))
        it.loadListAt(Vectors.bytes("lists/valid-eddsa-general.jws"), now)
    }

    @Test
    fun medianScreenCostThroughTheFfi() {
        guard().use { guard ->
            val call = Call("+7 495 000-00-01", Channel.PHONE, null, Attestation.NOT_VERIFIED, Direction.INCOMING)
            repeat(20_000) { guard.screenAt(call, now) } // JIT warm-up
            val samples = LongArray(10_000)
            for (i in samples.indices) {
                val t0 = System.nanoTime()
                val s = guard.screenAt(call, now)
                samples[i] = System.nanoTime() - t0
                assertEquals(Verdict.OFFICIAL, s.verdict)
            }
            samples.sort()
            val median = samples[samples.size / 2] / 1000.0
            val p90 = samples[samples.size * 9 / 10] / 1000.0
            println("kotlin screen: median %.1f µs, p90 %.1f µs over %d calls".format(median, p90, samples.size))
        }
    }

    @Test
    fun medianScreenManyCostForACallLog() {
        guard().use { guard ->
            // A call log: the bank's line, strangers, a messenger caller by name.
            val kinds = listOf(
                Call("+7 495 000-00-01", Channel.PHONE, null, Attestation.NOT_VERIFIED, Direction.INCOMING),
                Call("8 (916) 123-45-67", Channel.PHONE, null, Attestation.NOT_VERIFIED, Direction.INCOMING),
                Call("+7 812 555 01 02", Channel.PHONE, null, Attestation.PASSED, Direction.OUTGOING),
                Call("", Channel.WHATSAPP, "Служба безопасности", Attestation.NOT_VERIFIED, Direction.INCOMING),
            )
            val calls = List(10_000) { kinds[it % kinds.size] }
            val expected = kinds.map { guard.screenAt(it, now).verdict }
            repeat(20) { guard.screenManyAt(calls, now) } // JIT warm-up
            val samples = LongArray(21)
            for (i in samples.indices) {
                val t0 = System.nanoTime()
                val got = guard.screenManyAt(calls, now)
                samples[i] = System.nanoTime() - t0
                assertEquals(calls.size, got.size)
                assertEquals(expected, got.take(kinds.size).map { it.verdict })
            }
            samples.sort()
            val ms = samples[samples.size / 2] / 1e6
            println("kotlin screen_many: %d calls, median %.2f ms (%.2f µs per call)".format(calls.size, ms, ms * 1000 / calls.size))
        }
    }
}
