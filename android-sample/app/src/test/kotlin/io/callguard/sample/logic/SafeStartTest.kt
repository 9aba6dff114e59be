package io.callguard.sample.logic

import io.callguard.setLogger
import org.junit.jupiter.api.Test
import kotlin.test.assertEquals
import kotlin.test.assertIs
import kotlin.test.assertTrue

class SafeStartTest {
    @Test
    fun aLibraryThatCannotLoadTurnsProtectionOffInsteadOfThrowing() {
        val off = assertIs<Protection.Off>(SafeStart.attempt {
            throw UnsatisfiedLinkError("dlopen failed: library \"libcallguard_ffi.so\" not found")
        })
        assertTrue("cannot be loaded" in off.reason, off.reason)
        assertTrue(SafeStart.statusLine(off).startsWith("Protection OFF: the native library cannot be loaded"))
    }

    @Test
    fun uniffisChecksumMismatchInsideAnInitializerErrorIsNamed() {
        val off = assertIs<Protection.Off>(SafeStart.attempt {
            throw ExceptionInInitializerError(RuntimeException("UniFFI API checksum mismatch: try cleaning and rebuilding your project"))
        })
        assertTrue("does not match" in off.reason, off.reason)
        val again = assertIs<Protection.Off>(SafeStart.attempt { throw NoClassDefFoundError("io/callguard/UniffiLib") })
        assertTrue("earlier in this process" in again.reason, again.reason)
    }

    @Test
    fun anyOtherFailureIsReportedByClassAndMessage() {
        val off = assertIs<Protection.Off>(SafeStart.attempt { throw IllegalStateException("x".repeat(1000)) })
        assertTrue(off.reason.startsWith("IllegalStateException: xxx"))
        assertTrue(off.reason.length < 300, "bounded")
        assertEquals(Protection.Off("OutOfMemoryError"), SafeStart.attempt { throw OutOfMemoryError() })
    }

    @Test
    fun theRealLibraryStarts() {
        var ran = 0
        val on = SafeStart.attempt {
            ran++
            setLogger { _, _ -> } // the first native call CallGuardApp makes
        }
        assertEquals(Protection.On, on)
        assertEquals(1, ran)
        assertEquals("Protection: on", SafeStart.statusLine(on))
    }

    @Test
    fun aDeciderOnAGuardThatIsOffAllowsTheCall() {
        val decider = ScreeningDecider({ throw ProtectionOffException("the native library cannot be loaded") })
        val d = decider.decide(io.callguard.Call("+74950000001", io.callguard.Channel.PHONE, null,
            io.callguard.Attestation.NOT_VERIFIED, io.callguard.Direction.INCOMING))
        assertEquals(ScreeningOutcome.FAILED, d.outcome)
        assertEquals(false, WarningPresenter.present(d.screening, CallSource.PHONE, true, true).show)
    }
}
