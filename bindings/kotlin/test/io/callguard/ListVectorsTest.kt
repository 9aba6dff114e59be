// Every list vector (valid lists and every attack) through the real native
// library: the same files and expectations as core/tests/list_attacks.rs.
package io.callguard

import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import kotlin.test.fail

class ListVectorsTest {
    @TestFactory
    fun everyListVector(): List<DynamicTest> {
        val cases = Vectors.json("lists.json").objs("cases")
        assertTrue(cases.size >= 40, "the manifest lost cases")
        return cases.map { case ->
            DynamicTest.dynamicTest(case.str("name")!!) {
                val maxBytes = (case["max_bytes"] as Long?)?.toULong()
                CallGuard(GuardConfig("RU", "en", null, maxBytes)).use { guard ->
                    guard.addTrust(Vectors.text(case.str("trust")!!))
                    val now = Vectors.epoch(case.str("now")!!)
                    case.str("prior")?.let { priorName ->
                        val prior = cases.first { it["name"] == priorName }
                        guard.loadListAt(Vectors.bytes(prior.str("list")!!), now)
                    }
                    val expect = case.str("expect")!!
                    try {
                        val info = guard.loadListAt(Vectors.bytes(case.str("list")!!), now)
                        if (expect != "ok") fail("accepted, expected $expect")
                        (case["version"] as Long?)?.let { assertEquals(it.toULong(), info.version) }
                        (case["contacts"] as Long?)?.let { assertEquals(it.toULong(), info.contacts) }
                        assertEquals(info, guard.lists().single { it.issuer == info.issuer })
                    } catch (e: CallGuardException.InvalidList) {
                        assertEquals(expect, e.code, e.detail)
                    }
                }
            }
        }
    }
}
