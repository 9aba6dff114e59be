// Plain Kotlin (no android.*): when WorkManager should run the next list sync.
package io.callguard.sample.logic

object SyncScheduler {
    /** WorkManager's minimum periodic interval; also the floor here, so a bad hint cannot spin. */
    const val MIN_DELAY_SECONDS = 15L * 60
    /** A clock jump or a far hint must not stop syncing for longer than a day. */
    const val MAX_DELAY_SECONDS = 24L * 60 * 60

    /**
     * Seconds from [nowUnixSeconds] until the sync the SDK asks for at [nextSyncAtUnixSeconds]
     * (`CallGuard.nextSyncAt()`), clamped to [MIN_DELAY_SECONDS]..[MAX_DELAY_SECONDS].
     * A time in the past (overdue, or "sync now") gives the minimum.
     */
    fun delaySeconds(nextSyncAtUnixSeconds: Long, nowUnixSeconds: Long): Long {
        val raw = try {
            Math.subtractExact(nextSyncAtUnixSeconds, nowUnixSeconds)
        } catch (e: ArithmeticException) {
            if (nextSyncAtUnixSeconds > nowUnixSeconds) Long.MAX_VALUE else Long.MIN_VALUE
        }
        return raw.coerceIn(MIN_DELAY_SECONDS, MAX_DELAY_SECONDS)
    }
}
