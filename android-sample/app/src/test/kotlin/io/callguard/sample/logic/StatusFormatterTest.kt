package io.callguard.sample.logic

import org.junit.jupiter.api.Test
import java.time.Instant
import kotlin.test.assertEquals
import kotlin.test.assertTrue

class StatusFormatterTest {
    @Test
    fun theLoadedListIsDescribed() {
        val lines = StatusFormatter.listLines(TestGuard.shared.lists(), Instant.ofEpochSecond(TestGuard.NOW))
        assertEquals(listOf("example-bank v12 · 6 contacts · expires 2026-12-28 (in 27 days)"), lines)
    }

    @Test
    fun expiredAndMissing() {
        val lines = StatusFormatter.listLines(TestGuard.shared.lists(), Instant.ofEpochSecond(TestGuard.LATER))
        assertTrue(lines.single().contains("EXPIRED 2026-12-28"), lines.single())
        TestGuard.withoutList().use { g ->
            assertTrue(StatusFormatter.listLines(g.lists(), Instant.EPOCH).single().startsWith("No list loaded"))
        }
        assertEquals("last sync: never", StatusFormatter.lastSync(null, null))
        assertEquals("last sync: 2026-12-01 00:00 UTC, updated", StatusFormatter.lastSync(TestGuard.NOW, "updated"))
    }

    @Test
    fun feedsAreDescribedAndOptional() {
        assertEquals(emptyList(), StatusFormatter.feedLines(TestGuard.shared.feeds(), Instant.ofEpochSecond(TestGuard.NOW)))
        TestGuard.withFeed().use { g ->
            val now = Instant.ofEpochSecond(TestGuard.NOW)
            assertEquals(
                listOf("example-bank feed v1 · 404 numbers, 1 range · expires 2026-12-29 (in 28 days)"),
                StatusFormatter.feedLines(g.feedsAt(TestGuard.NOW), now),
            )
            val later = g.feedsAt(TestGuard.LATER)
            assertEquals(
                listOf("example-bank feed v1 · 404 numbers, 1 range · EXPIRED 2026-12-29 — still warns; sync it"),
                StatusFormatter.feedLines(later, Instant.ofEpochSecond(TestGuard.LATER)),
            )
        }
    }
}
