package io.callguard.sample.logic

import org.junit.jupiter.api.Test
import kotlin.test.assertEquals

class SyncSchedulerTest {
    private val now = TestGuard.NOW

    @Test
    fun theSdksHintIsFollowedWithinBounds() {
        assertEquals(6 * 3600L, SyncScheduler.delaySeconds(now + 6 * 3600, now))
        assertEquals(SyncScheduler.MIN_DELAY_SECONDS, SyncScheduler.delaySeconds(now + 60, now))
        assertEquals(SyncScheduler.MIN_DELAY_SECONDS, SyncScheduler.delaySeconds(now, now))
        assertEquals(SyncScheduler.MIN_DELAY_SECONDS, SyncScheduler.delaySeconds(now - 86_400, now), "overdue")
        assertEquals(SyncScheduler.MAX_DELAY_SECONDS, SyncScheduler.delaySeconds(now + 10 * 86_400, now))
        assertEquals(SyncScheduler.MAX_DELAY_SECONDS, SyncScheduler.delaySeconds(Long.MAX_VALUE, Long.MIN_VALUE), "no overflow")
        assertEquals(SyncScheduler.MIN_DELAY_SECONDS, SyncScheduler.delaySeconds(Long.MIN_VALUE, Long.MAX_VALUE), "no overflow")
        assertEquals(15 * 60L, SyncScheduler.MIN_DELAY_SECONDS, "WorkManager's minimum")
    }
}
