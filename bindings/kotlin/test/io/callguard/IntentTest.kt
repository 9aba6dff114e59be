// Call intents through the real native library: the shared vectors
// (tests/vectors/intents.json), the verdicts, the in-app status, and intents
// that survive a restart — the same scenario as state/tests/intent_vectors.rs.
package io.callguard

import java.nio.file.Files
import org.junit.jupiter.api.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue

class IntentTest {
    private val doc = Vectors.json("intents.json")
    private val now = Vectors.epoch(doc.str("now")!!)
    private val audience = doc.str("audience")!!
    private val callFrom = doc.str("call_from")!!

    private fun guard(stateDir: String? = null): CallGuard {
        val guard = CallGuard(GuardConfig("RU", "en", stateDir, null, audience))
        guard.addTrust(Vectors.text(doc.str("trust")!!))
        guard.loadListAt(Vectors.bytes(doc.str("list")!!), now)
        return guard
    }

    private fun CallGuard.phoneCall(): Screening =
        screenAt(Call(callFrom, Channel.PHONE, null, Attestation.NOT_VERIFIED, Direction.INCOMING), now)

    @Test
    fun everyIntentVectorGetsItsExpectedOutcome() {
        guard().use { guard ->
            assertEquals(audience, guard.intentAudience())
            val before = guard.phoneCall()
            assertEquals(Verdict.OFFICIAL, before.verdict)
            assertEquals("unannounced", before.reason)
            for (case in doc.objs("cases")) {
                val name = case.str("name")!!
                val got = try {
                    guard.receiveIntentAt(Vectors.bytes(case.str("intent")!!), now)
                    "ok"
                } catch (e: CallGuardException.InvalidIntent) {
                    e.code
                }
                assertEquals(case.str("expect"), got, name)
            }
            val announced = guard.phoneCall()
            assertEquals(Verdict.EXPECTED, announced.verdict)
            assertEquals(Risk.SAFE, announced.risk)
            assertEquals("announced", announced.reason)
            assertEquals("call-0001", announced.intentId)
            assertTrue(announced.message.contains("Anna"))
            val active = guard.activeIntentsAt(now).single()
            assertEquals("+74950000001", active.from)
            assertEquals(Channel.PHONE, active.channel)
            assertEquals("your credit card application", active.purpose)
        }
    }

    @Test
    fun anIntentForAnotherPhoneIsAnException() {
        guard().use { guard ->
            val e = assertFailsWith<CallGuardException.InvalidIntent> {
                guard.receiveIntentAt(Vectors.bytes("intents/wrong-audience.jwt"), now)
            }
            assertEquals("wrong_audience", e.code)
        }
    }

    @Test
    fun intentsSurviveARestart() {
        val dir = Files.createTempDirectory("callguard-intents").toFile()
        guard(dir.path).use { it.receiveIntentAt(Vectors.bytes("intents/announced.jwt"), now) }
        CallGuard(GuardConfig("RU", "en", dir.path, null, audience)).use { guard ->
            assertTrue(guard.activeIntentsAt(now).isEmpty(), "nothing before the trust is pinned")
            guard.addTrust(Vectors.text(doc.str("trust")!!))
            assertEquals("call-0001", guard.activeIntentsAt(now).single().id)
            assertEquals(Verdict.EXPECTED, guard.phoneCall().verdict)
        }
        // Without an app-provided audience, the SDK makes one and keeps it.
        val random = CallGuard(GuardConfig("RU", "en", dir.path)).use { it.intentAudience() }
        assertEquals(22, random.length)
        assertEquals(random, CallGuard(GuardConfig("RU", "en", dir.path)).use { it.intentAudience() })
    }
}
