package io.callguard.sample.logic

import io.callguard.Attestation
import io.callguard.Channel
import io.callguard.Direction
import io.callguard.Risk
import io.callguard.Verdict
import io.callguard.sample.logic.CallDetailsMapper.DIRECTION_INCOMING
import io.callguard.sample.logic.CallDetailsMapper.DIRECTION_OUTGOING
import io.callguard.sample.logic.CallDetailsMapper.DIRECTION_UNKNOWN
import io.callguard.sample.logic.CallDetailsMapper.VERIFICATION_STATUS_FAILED
import io.callguard.sample.logic.CallDetailsMapper.VERIFICATION_STATUS_NOT_VERIFIED
import io.callguard.sample.logic.CallDetailsMapper.VERIFICATION_STATUS_PASSED
import org.junit.jupiter.api.Test
import kotlin.test.assertEquals
import kotlin.test.assertNull

class CallDetailsMapperTest {
    private fun screen(info: PhoneCallInfo) = TestGuard.screen(CallDetailsMapper.map(info))

    @Test
    fun androidConstantsHaveTheirFrameworkValues() {
        // android.telecom.Connection / Call.Details values (API 30 / API 29).
        assertEquals(0, VERIFICATION_STATUS_NOT_VERIFIED)
        assertEquals(1, VERIFICATION_STATUS_PASSED)
        assertEquals(2, VERIFICATION_STATUS_FAILED)
        assertEquals(-1, DIRECTION_UNKNOWN)
        assertEquals(0, DIRECTION_INCOMING)
        assertEquals(1, DIRECTION_OUTGOING)
    }

    @Test
    fun telHandleOfTheBanksOutboundLine() {
        val call = CallDetailsMapper.map(PhoneCallInfo("tel:+74950000001"))
        assertEquals("+74950000001", call.number)
        assertEquals(Channel.PHONE, call.channel)
        assertEquals(Attestation.NOT_VERIFIED, call.attestation)
        assertEquals(Direction.INCOMING, call.direction)
        assertNull(call.displayName)
        val s = TestGuard.screen(call)
        assertEquals(Verdict.OFFICIAL, s.verdict)
        assertEquals("Card department", s.label)
    }

    @Test
    fun verificationStatusBecomesAttestation() {
        val passed = screen(PhoneCallInfo("tel:+74950000001", VERIFICATION_STATUS_PASSED))
        assertEquals(Verdict.VERIFIED, passed.verdict)
        assertEquals(Risk.SAFE, passed.risk)
        val failed = screen(PhoneCallInfo("tel:+74950000001", VERIFICATION_STATUS_FAILED))
        assertEquals(Verdict.SPOOFED, failed.verdict)
        assertEquals("attestation_failed", failed.reason)
        // A value a later Android may add is "not verified", never "passed".
        assertEquals(Attestation.NOT_VERIFIED, CallDetailsMapper.map(PhoneCallInfo("tel:+74950000001", 7)).attestation)
    }

    @Test
    fun theHotlineCallingIsSpoofedInAnyWritingOfTheNumber() {
        for (handle in listOf("tel:88005553535", "tel:+7%20800%20555-35-35", "tel:%2B78005553535", "tel:+78005553535;phone-context=+7")) {
            val s = screen(PhoneCallInfo(handle))
            assertEquals(Verdict.SPOOFED, s.verdict, handle)
            assertEquals("inbound_only", s.reason, handle)
            assertEquals("+78005553535", s.number, handle)
        }
    }

    @Test
    fun percentEncodedHandleIsDecodedButPlusStaysPlus() {
        assertEquals("+7 495 000-00-01", CallDetailsMapper.numberOf("tel:%2B7%20495%20000-00-01"))
        assertEquals("+74950000001", CallDetailsMapper.numberOf("tel:+74950000001"))
        assertEquals("%zz", CallDetailsMapper.numberOf("tel:%zz"))
    }

    @Test
    fun sipHandleCarriesTheNumberAsUser() {
        val call = CallDetailsMapper.map(PhoneCallInfo("sip:+74950000001@ims.mnc001.mcc250.3gppnetwork.org;user=phone"))
        assertEquals("+74950000001", call.number)
        assertEquals(Verdict.OFFICIAL, TestGuard.screen(call).verdict)
    }

    @Test
    fun withheldNumberIsScreenedWithoutOne() {
        val call = CallDetailsMapper.map(PhoneCallInfo(null))
        assertEquals("", call.number)
        val s = TestGuard.screen(call)
        assertEquals(Verdict.UNKNOWN, s.verdict)
        assertNull(s.number)
        assertEquals("", CallDetailsMapper.map(PhoneCallInfo("voicemail:1234")).number)
    }

    /**
     * Issue 11 item 4: a withheld number is "no number, no name" (Telecom gives a screening app
     * no caller name), whatever placeholder the network put in the handle; the SDK's verdict for
     * that is UNKNOWN / SAFE / not_listed, and the sample shows nothing.
     */
    @Test
    fun withheldPlaceholdersAreNoNumberAndTheSampleShowsNothing() {
        for (handle in listOf(null, "", "tel:", "sip:anonymous@anonymous.invalid", "sip:Anonymous@anonymous.invalid;user=phone",
            "tel:-2", "tel:-1", "tel:Restricted", "tel:PRIVATE", "unknown")) {
            val call = CallDetailsMapper.map(PhoneCallInfo(handle))
            assertEquals("", call.number, "$handle")
            assertNull(call.displayName)
            val s = TestGuard.screen(call)
            assertEquals(Verdict.UNKNOWN, s.verdict, "$handle")
            assertEquals(Risk.NEUTRAL, s.risk)
            assertEquals("not_listed", s.reason)
            assertNull(s.number)
            val shown = WarningPresenter.present(s, CallSource.PHONE, silenceSpoofed = true, canUseFullScreenIntent = true)
            assertEquals(false, shown.show, "$handle")
            assertEquals(CallAction.ALLOW, shown.action)
        }
        // A real short number is still a number.
        assertEquals("900", CallDetailsMapper.numberOf("tel:900"))
    }

    @Test
    fun networkCallerNameClaimingTheBankIsImpersonation() {
        val s = screen(PhoneCallInfo("tel:+79991234567", callerDisplayName = "Example Bank"))
        assertEquals(Verdict.IMPERSONATION, s.verdict)
        assertEquals(Risk.DANGER, s.risk)
    }

    @Test
    fun direction() {
        assertEquals(Direction.OUTGOING, CallDetailsMapper.map(PhoneCallInfo("tel:900", direction = DIRECTION_OUTGOING)).direction)
        assertEquals(Direction.INCOMING, CallDetailsMapper.map(PhoneCallInfo("tel:900", direction = DIRECTION_UNKNOWN)).direction)
        val out = screen(PhoneCallInfo("tel:88005553535", direction = DIRECTION_OUTGOING))
        assertEquals(Verdict.OFFICIAL, out.verdict) // calling the hotline is what it is for
        assertEquals("listed", out.reason)
    }
}
