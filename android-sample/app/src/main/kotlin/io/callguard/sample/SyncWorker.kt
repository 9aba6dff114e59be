// Keeps the list current: downloads it from the sync URL when the SDK says
// (CallGuard.nextSyncAt), then schedules itself again.
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
import io.callguard.CallGuardException
import io.callguard.syncList
import io.callguard.sample.logic.SyncScheduler
import java.util.concurrent.TimeUnit

class SyncWorker(context: Context, params: WorkerParameters) : CoroutineWorker(context, params) {
    override suspend fun doWork(): Result {
        val app = applicationContext as CallGuardApp
        val url = app.settings.syncUrl ?: return Result.success() // nothing to sync; the app schedules on save
        val guard = try { app.guard() } catch (e: Throwable) { return Result.failure() }
        val now = System.currentTimeMillis() / 1000
        return try {
            val outcome = guard.syncList(url)
            app.settings.recordSync(now, "${outcome.status.name.lowercase()}, v${outcome.list.version}")
            schedule(applicationContext, guard.nextSyncAt(), ExistingWorkPolicy.APPEND_OR_REPLACE)
            Result.success()
        } catch (e: CallGuardException.Network) {
            app.settings.recordSync(now, "network error: ${e.detail.substringBefore(' ')}")
            Result.retry() // WorkManager's exponential backoff from 15 min
        } catch (e: CallGuardException.InvalidList) {
            // Refused (expired, rollback, bad signature…): the last good list stays in force.
            app.settings.recordSync(now, "list refused: ${e.code}")
            schedule(applicationContext, guard.nextSyncAt(), ExistingWorkPolicy.APPEND_OR_REPLACE)
            Result.success()
        } catch (e: CallGuardException) {
            app.settings.recordSync(now, "error: ${e.javaClass.simpleName}")
            Result.retry()
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
