package io.callguard.sample.logic

import io.callguard.Attestation
import io.callguard.Call
import io.callguard.CallGuardException
import io.callguard.Channel
import io.callguard.Direction
import io.callguard.Verdict
import org.junit.jupiter.api.Test
import java.util.concurrent.CountDownLatch
import java.util.concurrent.RejectedExecutionException
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicReference
import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue

private val HOTLINE = Call("tel:+78005553535", Channel.PHONE, null, Attestation.NOT_VERIFIED, Direction.INCOMING)

class ScreeningDeciderTest {
    @Test
    fun realScreeningFitsTheBudget() {
        val decider = ScreeningDecider({ TestGuard.shared.screenAt(it, TestGuard.NOW) })
        repeat(50) { decider.decide(HOTLINE) } // warm up the JVM and JNA
        val d = decider.decide(HOTLINE)
        assertEquals(ScreeningOutcome.SCREENED, d.outcome)
        assertEquals(Verdict.SPOOFED, assertNotNull(d.screening).verdict)
    }

    @Test
    fun slowScreeningTimesOutToAllowAndTheWarningComesLate() {
        val late = AtomicReference<Verdict>()
        val arrived = CountDownLatch(1)
        val decider = ScreeningDecider({ Thread.sleep(300); TestGuard.shared.screenAt(it, TestGuard.NOW) }, budgetMillis = 50)
        val started = System.nanoTime()
        val d = decider.decide(HOTLINE) { late.set(it.verdict); arrived.countDown() }
        val waitedMs = (System.nanoTime() - started) / 1_000_000
        assertEquals(ScreeningOutcome.TIMED_OUT, d.outcome)
        assertNull(d.screening)
        assertTrue(waitedMs < 250, "waited $waitedMs ms")
        assertEquals(CallAction.ALLOW, WarningPresenter.present(d.screening, CallSource.PHONE, true, true).action)
        assertTrue(arrived.await(5, TimeUnit.SECONDS))
        assertEquals(Verdict.SPOOFED, late.get())
    }

    @Test
    fun sdkExceptionFailsToAllow() {
        val d = ScreeningDecider({ throw CallGuardException.Storage("disk") }).decide(HOTLINE)
        assertEquals(ScreeningOutcome.FAILED, d.outcome)
        assertEquals(CallGuardException.Storage::class.java.name, d.error)
        assertNull(d.screening)
    }

    @Test
    fun nativeLibraryMissingFailsToAllow() {
        val d = ScreeningDecider({ throw UnsatisfiedLinkError("no callguard_ffi") }).decide(HOTLINE)
        assertEquals(ScreeningOutcome.FAILED, d.outcome)
    }

    @Test
    fun rejectedExecutionFailsToAllow() {
        val d = ScreeningDecider({ error("not reached") }, executor = { throw RejectedExecutionException() }).decide(HOTLINE)
        assertEquals(ScreeningOutcome.FAILED, d.outcome)
    }

    @Test
    fun aStuckScreeningDoesNotBlockTheNextCall() {
        val release = CountDownLatch(1)
        val calls = java.util.concurrent.atomic.AtomicInteger()
        val decider = ScreeningDecider({
            if (calls.getAndIncrement() == 0) release.await() // the first screening hangs
            TestGuard.shared.screenAt(it, TestGuard.NOW)
        }, budgetMillis = 200)
        assertEquals(ScreeningOutcome.TIMED_OUT, decider.decide(HOTLINE).outcome)
        assertEquals(ScreeningOutcome.SCREENED, decider.decide(HOTLINE).outcome)
        release.countDown()
    }
}
