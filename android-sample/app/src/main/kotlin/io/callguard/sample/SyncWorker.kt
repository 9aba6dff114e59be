// Keeps the list and the feed of reported numbers current: syncs them from
// their URLs when the SDK says (CallGuard.nextSyncAt), then schedules itself
// again. What a round does and reports is SyncRound's (plain Kotlin, tested).
package io.callguard.sample

import android.content.Context
import androidx.work.BackoffPolicy
import androidx.work.Constraints
import androidx.work.CoroutineWorker
import androidx.work.ExistingWorkPolicy
import androidx.work.NetworkType
import androidx.work.OneTimeWorkRequestBuilder
import androidx.work.WorkManager
import androidx.work.WorkerParameters
import io.callguard.sample.logic.SyncRound
import io.callguard.sample.logic.SyncScheduler
import io.callguard.syncFeedSuspending
import io.callguard.syncList
import java.util.concurrent.TimeUnit

class SyncWorker(context: Context, params: WorkerParameters) : CoroutineWorker(context, params) {
    override suspend fun doWork(): Result {
        val app = applicationContext as CallGuardApp
        val listUrl = app.settings.syncUrl
        val feedUrl = app.settings.feedUrl
        if (listUrl == null && feedUrl == null) return Result.success() // nothing to sync; the app schedules on save
        val guard = try { app.guard() } catch (e: Throwable) { return Result.failure() }
        val now = System.currentTimeMillis() / 1000
        // The list and the feed each run to their own end (SyncRound): one refused or
        // unreachable never keeps the other from being brought up to date.
        val round = SyncRound.run(
            list = listUrl?.let { url -> suspend { guard.syncList(url) } },
            feed = feedUrl?.let { url -> suspend { guard.syncFeedSuspending(url) } },
        )
        app.settings.recordSync(now, round.status)
        return when (round.next) {
            SyncRound.Next.RETRY -> Result.retry() // WorkManager's exponential backoff from 15 min
            SyncRound.Next.SCHEDULE -> {
                // Refusals included: the last good list and feed stay in force until the next try.
                schedule(applicationContext, guard.nextSyncAt(), ExistingWorkPolicy.APPEND_OR_REPLACE)
                Result.success()
            }
        }
    }

    companion object {
        private const val NAME = "callguard-sync"

        /**
         * One pending sync at a time, at the SDK's [nextSyncAtUnixSeconds] (clamped by
         * SyncScheduler). From inside the worker APPEND_OR_REPLACE queues the next run behind
         * the running one (REPLACE would cancel the running worker itself).
         */
        fun schedule(context: Context, nextSyncAtUnixSeconds: Long, policy: ExistingWorkPolicy) {
            val delay = SyncScheduler.delaySeconds(nextSyncAtUnixSeconds, System.currentTimeMillis() / 1000)
            val request = OneTimeWorkRequestBuilder<SyncWorker>()
                .setInitialDelay(delay, TimeUnit.SECONDS)
                .setConstraints(Constraints.Builder().setRequiredNetworkType(NetworkType.CONNECTED).build())
                .setBackoffCriteria(BackoffPolicy.EXPONENTIAL, 15, TimeUnit.MINUTES)
                .build()
            WorkManager.getInstance(context).enqueueUniqueWork(NAME, policy, request)
        }
    }
}
