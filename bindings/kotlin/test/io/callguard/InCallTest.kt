// In-call protection (tests/vectors/in-call.json) through the native
// library: the same timelines as core/tests/in_call_vectors.rs and
// state/tests/in_call_history.rs, with the history in a real state
// directory and a restart as a new process makes it (a new guard on it).
package io.callguard

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import java.nio.file.Files
import kotlin.test.assertEquals
import kotlin.test.assertTrue

class InCallTest {
    private fun guard(dir: String, list: String?, now: Long): CallGuard {
        val guard = CallGuard(GuardConfig("RU", "en", dir, null))
        guard.addTrust(Vectors.text("trust/example-bank.json"))
        // After a restart the stored list is back in force with its trust.
        if (list != null && guard.lists().isEmpty()) guard.loadListAt(Vectors.bytes(list), now)
        return guard
    }

    private fun event(e: Map<String, Any?>): CallEvent {
        val (kind, body) = e.entries.single()
        @Suppress("UNCHECKED_CAST")
        val b = body as Map<String, Any?>
        return when (kind) {
            "screened" -> CallEvent.Screened(
                b.str("call")!!,
                Screening(
                    Verdict.valueOf(b.str("verdict")!!.uppercase()), Risk.NEUTRAL, b.str("reason")!!,
                    null, null, null, null, "", "",
                ),
                Channel.valueOf((b.str("channel") ?: "phone").uppercase()),
            )
            "active" -> CallEvent.Active(b.str("call")!!)
            "answered" -> CallEvent.Answered(b.str("call")!!)
            "ended" -> CallEvent.Ended(b.str("call")!!)
            "idle" -> CallEvent.Idle
            "screen_shared" -> CallEvent.ScreenShared(b["on"] as Boolean)
            else -> error("unknown event $kind")
        }
    }

    @TestFactory
    fun everyTimeline(): List<DynamicTest> {
        val doc = Vectors.json("in-call.json")
        val start = Vectors.epoch(doc.str("start")!!)
        return doc.objs("cases")
            // A bespoke policy without a signed list cannot go through a guard.
            .filter { it["policy"] == null || it["list"] != null }
            .map { case ->
                DynamicTest.dynamicTest(case.str("name")!!) {
                    val dir = Files.createTempDirectory("cg-in-call").toString()
                    val list = case.str("list")
                    var g = guard(dir, list, start)
                    for ((i, step) in case.objs("steps").withIndex()) {
                        val now = start + (step["at"] as Long)
                        when {
                            step["event"] != null -> g.reportCallEventAt(event(step.obj("event")), now)
                            step["restart"] != null -> { g.close(); g = guard(dir, list, now) }
                            else -> {
                                val action = SensitiveAction.valueOf(step.str("advise")!!.uppercase())
                                val got = g.adviseActionAt(action, now)
                                val e = step.obj("expect")
                                val at = "${case.str("name")} step $i"
                                assertEquals(e.str("level"), got.level.name.lowercase(), at)
                                @Suppress("UNCHECKED_CAST")
                                val want = e["reasons"] as List<String>
                                assertEquals(want, got.reasons.map { it.name.lowercase() }, at)
                                assertEquals(e["hold_until"] as Long?, got.holdUntil?.let { it - start }, at)
                                // Words whenever a reason applies, none otherwise.
                                assertEquals(want.isNotEmpty(), got.title.isNotEmpty(), at)
                                if (got.holdUntil != null) assertTrue(got.body.contains("minute"), "$at: ${got.body}")
                                e.str("body_starts")?.let { assertTrue(got.body.startsWith(it), "$at: ${got.body}") }
                            }
                        }
                    }
                    g.close()
                }
            }
    }

    @Test
    fun theSuspendingFormsReachTheSameHistory() = runBlocking {
        val dir = Files.createTempDirectory("cg-in-call-async").toString()
        CallGuard(GuardConfig("RU", "ru", dir, null)).use { g ->
            val fake = Screening(Verdict.IMPERSONATION, Risk.DANGER, "claims_authority", null, null, null, null, "", "")
            g.reportCallEventSuspending(fake.asCallEvent("wa-1", Channel.TELEGRAM))
            val advice = g.adviseActionSuspending(SensitiveAction.TRANSFER)
            assertEquals(AdviceLevel.HOLD, advice.level)
            assertEquals(listOf(AdviceReason.ON_CALL_WITH_DANGER), advice.reasons)
            assertTrue(advice.body.contains("минут") && advice.body.contains("Telegram"), advice.body)
        }
        // Another process on the same directory sees the call.
        CallGuard(GuardConfig("RU", "en", dir, null)).use { g ->
            assertEquals(AdviceLevel.HOLD, g.adviseAction(SensitiveAction.CREDENTIALS).level)
        }
    }
}
