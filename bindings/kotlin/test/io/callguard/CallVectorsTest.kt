// Every row of the decision table (tests/vectors/calls.json) through the
// native library: the same expectations as core/tests/screening_vectors.rs.
package io.callguard

import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertTrue

class CallVectorsTest {
    @TestFactory
    fun everyCallVector(): List<DynamicTest> {
        val doc = Vectors.json("calls.json")
        val home = doc.str("home_region")!!
        return doc.objs("cases").map { case ->
            DynamicTest.dynamicTest(case.str("name")!!) {
                CallGuard(GuardConfig(home, case.str("lang")!!, null, null)).use { guard ->
                    for (pair in doc.objs("lists")) {
                        guard.addTrust(Vectors.text(pair.str("trust")!!))
                        // Loaded while current; the case's clock may be later.
                        guard.loadListAt(Vectors.bytes(pair.str("list")!!), Vectors.epoch("2026-12-01T00:00:00Z"))
                    }
                    val c = case.obj("call")
                    val call = Call(
                        number = c.str("number")!!,
                        channel = Channel.valueOf(c.str("channel")!!.uppercase()),
                        displayName = c.str("display_name"),
                        attestation = Attestation.valueOf(c.str("attestation")!!.uppercase()),
                        direction = Direction.valueOf(c.str("direction")!!.uppercase()),
                        savedContact = c["saved_contact"] == true,
                    )
                    val got = guard.screenAt(call, Vectors.epoch(case.str("now")!!))
                    val e = case.obj("expect")
                    assertEquals(e.str("verdict"), got.verdict.name.lowercase(), "verdict")
                    assertEquals(e.str("risk"), got.risk.name.lowercase(), "risk")
                    assertEquals(e.str("reason"), got.reason, "reason")
                    assertEquals(e.str("issuer"), got.issuer, "issuer")
                    assertEquals(e.str("label"), got.label, "label")
                    assertEquals(e.str("number"), got.number, "number")
                    assertTrue(got.title.isNotEmpty() && got.message.isNotEmpty())
                    got.number?.let { assertFalse(got.message.contains(it), "number in message") }
                }
            }
        }
    }

    /** The same rows through `screenManyAt`, one batch per language and clock. */
    @Test
    fun everyCallVectorInBatches() {
        val doc = Vectors.json("calls.json")
        val home = doc.str("home_region")!!
        val batches = doc.objs("cases").groupBy { it.str("lang")!! to it.str("now")!! }
        for ((key, cases) in batches) {
            val (lang, now) = key
            CallGuard(GuardConfig(home, lang, null, null)).use { guard ->
                for (pair in doc.objs("lists")) {
                    guard.addTrust(Vectors.text(pair.str("trust")!!))
                    guard.loadListAt(Vectors.bytes(pair.str("list")!!), Vectors.epoch("2026-12-01T00:00:00Z"))
                }
                val calls = cases.map { case ->
                    val c = case.obj("call")
                    Call(
                        number = c.str("number")!!,
                        channel = Channel.valueOf(c.str("channel")!!.uppercase()),
                        displayName = c.str("display_name"),
                        attestation = Attestation.valueOf(c.str("attestation")!!.uppercase()),
                        direction = Direction.valueOf(c.str("direction")!!.uppercase()),
                        savedContact = c["saved_contact"] == true,
                    )
                }
                val got = guard.screenManyAt(calls, Vectors.epoch(now))
                assertEquals(cases.size, got.size)
                for ((case, code) in cases.zip(got)) {
                    val name = case.str("name")
                    val e = case.obj("expect")
                    assertEquals(e.str("verdict"), code.verdict.name.lowercase(), "$name: verdict")
                    assertEquals(e.str("risk"), code.risk.name.lowercase(), "$name: risk")
                    assertEquals(e.str("reason"), code.reason.name.lowercase(), "$name: reason")
                }
            }
        }
    }
}
