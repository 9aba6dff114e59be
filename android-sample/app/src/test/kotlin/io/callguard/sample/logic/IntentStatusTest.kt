package io.callguard.sample.logic

import io.callguard.Channel
import io.callguard.IntentInfo
import org.junit.jupiter.api.Test
import java.time.Instant
import java.time.ZoneId
import java.time.ZoneOffset
import kotlin.test.assertEquals
import kotlin.test.assertTrue

class IntentStatusTest {
    private val now = Instant.ofEpochSecond(TestGuard.INTENT_NOW)

    @Test
    fun anAcceptedIntentIsTalkingToYouNowInLocalTime() {
        TestGuard.withIntentList().use { guard ->
            assertEquals(listOf("Announced calls: none right now"), IntentStatus.lines(guard.activeIntentsAt(now.epochSecond), now, ZoneOffset.UTC))
            guard.receiveIntentAt(TestGuard.intent("announced").toByteArray(), now.epochSecond)
            val active = guard.activeIntentsAt(now.epochSecond)
            assertEquals(
                listOf("Talking to you now: Anna, card department, about your credit card application — until 00:10 (+74950000001, phone)"),
                IntentStatus.lines(active, now, ZoneOffset.UTC),
            )
            assertTrue(IntentStatus.lines(active, now, ZoneId.of("Europe/Moscow")).single().contains("— until 03:10 "))
            // Over (past exp and the SDK's two minutes of skew): the SDK no longer lists it.
            val over = now.plusSeconds(5 * 60 + 121)
            assertEquals(listOf("Announced calls: none right now"), IntentStatus.lines(guard.activeIntentsAt(over.epochSecond), over, ZoneOffset.UTC))
        }
    }

    @Test
    fun aWindowThatOpensInAMomentSaysSoon() {
        TestGuard.withIntentList(language = "ru").use { guard ->
            guard.receiveIntentAt(TestGuard.intent("announced").toByteArray(), now.epochSecond)
            // 60 s before its notBefore (00:00): inside the SDK's skew, so listed, but not yet on.
            val early = Instant.ofEpochSecond(1796083200L - 60)
            val line = IntentStatus.lines(guard.activeIntentsAt(early.epochSecond), early, ZoneOffset.UTC).single()
            assertEquals(
                "Calling you soon: Анна, отдел карт, about ваша заявка на кредитную карту — from 00:00 until 00:10 (+74950000001, phone)",
                line,
            )
        }
    }

    @Test
    fun soonestEndFirstAndTheAudienceForTesters() {
        fun info(id: String, exp: Long, channel: Channel) =
            IntentInfo("example-bank", id, "+74950000001", channel, "Anna", "card department", "a loan", TestGuard.INTENT_NOW - 60, exp)
        val lines = IntentStatus.lines(
            listOf(info("b", TestGuard.INTENT_NOW + 1200, Channel.WHATSAPP), info("a", TestGuard.INTENT_NOW + 600, Channel.PHONE)),
            now,
            ZoneOffset.UTC,
        )
        assertEquals(2, lines.size)
        assertTrue(lines[0].endsWith("until 00:15 (+74950000001, phone)"), lines[0])
        assertTrue(lines[1].endsWith("until 00:25 (+74950000001, WhatsApp)"), lines[1])
        TestGuard.withIntentList().use { guard ->
            assertEquals(
                "This phone's audience id (callguard intent --audience): callguard-test-audience",
                IntentStatus.audienceLine(guard.intentAudience()),
            )
        }
    }
}
