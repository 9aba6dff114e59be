// Compile-only stubs of the few androidx.work (WorkManager 2.10) classes the
// sample uses: no stubs of WorkManager are published. Signatures copied from
// the AndroidX reference (developer.android.com/reference/androidx/work/…);
// every body throws. Only what the sample calls: a missing member is a
// compile error, to be added here from the reference.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.work

import android.content.Context
import java.util.concurrent.TimeUnit

private fun stub(): Nothing = throw RuntimeException("Stub!")

enum class ExistingWorkPolicy { REPLACE, KEEP, APPEND, APPEND_OR_REPLACE }

enum class NetworkType { NOT_REQUIRED, CONNECTED, UNMETERED, NOT_ROAMING, METERED, TEMPORARILY_UNMETERED }

enum class BackoffPolicy { EXPONENTIAL, LINEAR }

class WorkerParameters private constructor()

abstract class ListenableWorker(appContext: Context, workerParams: WorkerParameters) {
    val applicationContext: Context get() = stub()

    abstract class Result internal constructor() {
        companion object {
            @JvmStatic fun success(): Result = stub()
            @JvmStatic fun retry(): Result = stub()
            @JvmStatic fun failure(): Result = stub()
        }
    }
}

abstract class CoroutineWorker(appContext: Context, params: WorkerParameters) :
    ListenableWorker(appContext, params) {
    abstract suspend fun doWork(): Result
}

class Constraints private constructor() {
    class Builder {
        fun setRequiredNetworkType(networkType: NetworkType): Builder = stub()
        fun build(): Constraints = stub()
    }
}

abstract class WorkRequest internal constructor() {
    abstract class Builder<B : Builder<B, *>, W : WorkRequest> internal constructor() {
        fun setInitialDelay(duration: Long, timeUnit: TimeUnit): B = stub()
        fun setConstraints(constraints: Constraints): B = stub()
        fun setBackoffCriteria(backoffPolicy: BackoffPolicy, backoffDelay: Long, timeUnit: TimeUnit): B = stub()
        fun build(): W = stub()
    }
}

class OneTimeWorkRequest private constructor() : WorkRequest() {
    class Builder(workerClass: Class<out ListenableWorker>) : WorkRequest.Builder<Builder, OneTimeWorkRequest>()
}

inline fun <reified W : ListenableWorker> OneTimeWorkRequestBuilder(): OneTimeWorkRequest.Builder =
    OneTimeWorkRequest.Builder(W::class.java)

abstract class Operation internal constructor()

abstract class WorkManager internal constructor() {
    abstract fun enqueueUniqueWork(
        uniqueWorkName: String,
        existingWorkPolicy: ExistingWorkPolicy,
        request: OneTimeWorkRequest,
    ): Operation

    companion object {
        @JvmStatic fun getInstance(context: Context): WorkManager = stub()
    }
}
