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
            // A call log of 10 000 different callers: mostly mobile numbers,
            // every 20th a messenger caller known by name only, every 100th the bank.
            val calls = List(10_000) { i ->
                when {
                    i % 100 == 0 -> Call("+7 495 000-00-01", Channel.PHONE, null, Attestation.NOT_VERIFIED, Direction.INCOMING)
                    i % 20 == 0 -> Call("", Channel.WHATSAPP, "Служба безопасности $i", Attestation.NOT_VERIFIED, Direction.INCOMING)
                    else -> Call("8 916 %03d-%02d-%02d".format(i / 100, i % 100, i % 97), Channel.PHONE, null, Attestation.NOT_VERIFIED, Direction.INCOMING)
                }
            }
            val probe = listOf(0, 1, 20, 9_999)
            val expected = probe.map { guard.screenAt(calls[it], now).verdict }
            repeat(20) { guard.screenManyAt(calls, now) } // JIT warm-up
            val samples = LongArray(21)
            for (i in samples.indices) {
                val t0 = System.nanoTime()
                val got = guard.screenManyAt(calls, now)
                samples[i] = System.nanoTime() - t0
                assertEquals(calls.size, got.size)
                assertEquals(expected, probe.map { got[it].verdict })
            }
            samples.sort()
            val ms = samples[samples.size / 2] / 1e6
            println("kotlin screen_many: %d calls, median %.2f ms (%.2f µs per call)".format(calls.size, ms, ms * 1000 / calls.size))
        }
    }

    /**
     * In-call protection through the FFI, with a state directory as on a phone: the advice
     * before a transfer (the saved history read and merged, the words) and recording an event
     * (the writer lock, read, merge, an fsync'd write).
     */
    @Test
    fun medianInCallCostThroughTheFfi() {
        val dir = java.nio.file.Files.createTempDirectory("cg-bench-in-call").toString()
        CallGuard(GuardConfig("RU", "ru", dir, null)).use { guard ->
            guard.addTrust(Vectors.text("trust/example-bank.json"))
            guard.loadListAt(Vectors.bytes("lists/valid-eddsa-general.jws"), now)
            val fake = Screening(Verdict.IMPERSONATION, Risk.DANGER, "claims_authority", null, null, null, null, "", "")
            for (i in 0 until 31) guard.reportCallEventAt(CallEvent.Active("old-$i"), now - 3600 + i)
            guard.reportCallEventAt(CallEvent.Screened("wa-1", fake, Channel.WHATSAPP), now)
            fun median(n: Int, block: () -> Unit): Double {
                repeat(n) { block() } // JIT warm-up
                val samples = LongArray(n)
                for (i in samples.indices) {
                    val t0 = System.nanoTime()
                    block()
                    samples[i] = System.nanoTime() - t0
                }
                samples.sort()
                return samples[n / 2] / 1000.0
            }
            val advise = median(5_000) {
                assertEquals(AdviceLevel.HOLD, guard.adviseActionAt(SensitiveAction.TRANSFER, now + 60).level)
            }
            val report = median(500) { guard.reportCallEventAt(CallEvent.Answered("wa-1"), now + 60) }
            println("kotlin in-call: adviseAction median %.1f µs, reportCallEvent median %.1f µs (state directory, 32 calls)".format(advise, report))
        }
    }
}
