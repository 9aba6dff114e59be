// Prints the median cost of one `screen` call through the FFI (JNA) on this
// JVM. Measured, never asserted: timing assertions make flaky tests.
package io.callguard

import org.junit.jupiter.api.Test
import kotlin.test.assertEquals

class ScreenBenchmarkTest {
    @Test
    fun medianScreenCostThroughTheFfi() {
        callGuard("RU").use { guard ->
            guard.addTrust(Vectors.text("trust/example-bank.json"))
            guard.loadListAt(Vectors.bytes("lists/valid-eddsa-general.jws"), Vectors.epoch("2026-12-01T00:00:00Z"))
            val call = Call("+7 495 000-00-01", Channel.PHONE, null, Attestation.NOT_VERIFIED, Direction.INCOMING)
            val now = Vectors.epoch("2026-12-01T00:00:00Z")
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
            println("kotlin ffi screen: median %.1f µs, p90 %.1f µs over %d calls (target ≤ 50 µs)".format(median, p90, samples.size))
        }
    }
}
