// A bank's override of the copy (tests/vectors/copy.json) through the
// native library: the same cases as core/tests/copy_vectors.rs.
package io.callguard

import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith

class CopyTest {
    @TestFactory
    fun everyCopyVector(): List<DynamicTest> {
        val doc = Vectors.json("copy.json")
        val c = doc.obj("call")
        val call = Call(
            number = c.str("number")!!,
            channel = Channel.valueOf(c.str("channel")!!.uppercase()),
            displayName = c.str("display_name"),
            attestation = Attestation.valueOf(c.str("attestation")!!.uppercase()),
            direction = Direction.valueOf(c.str("direction")!!.uppercase()),
            savedContact = false,
        )
        val now = Vectors.epoch(doc.str("now")!!)
        return doc.objs("cases").map { case ->
            DynamicTest.dynamicTest(case.str("name")!!) {
                val lang = case.str("lang")!!
                CallGuard(GuardConfig(doc.str("home_region")!!, lang, null, null)).use { guard ->
                    for (pair in doc.objs("lists")) {
                        guard.addTrust(Vectors.text(pair.str("trust")!!))
                        guard.loadListAt(Vectors.bytes(pair.str("list")!!), now)
                    }
                    val before = guard.screenAt(call, now)
                    val e = case.obj("expect")
                    val ftl = case.str("ftl")
                    val code = e.str("code")
                    if (code == null) {
                        if (ftl != null) guard.useCopy(lang, ftl)
                        val got = guard.screenAt(call, now)
                        assertEquals(e.str("title"), got.title, "title")
                        assertEquals(e.str("message"), got.message, "message")
                    } else {
                        val err = assertFailsWith<CallGuardException.InvalidCopy> { guard.useCopy(lang, ftl!!) }
                        assertEquals(code, err.code)
                        e.str("message_id")?.let { assertEquals(true, err.detail.startsWith(it), err.detail) }
                        // Refused whole: the words in use stay.
                        assertEquals(before, guard.screenAt(call, now))
                    }
                }
            }
        }
    }
}
