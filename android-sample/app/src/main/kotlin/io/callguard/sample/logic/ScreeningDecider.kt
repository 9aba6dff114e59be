// Plain Kotlin (no android.*): screening under a time budget. Telecom waits
// for the screening app before it rings; a slow or broken screening must
// never delay or lose a call, so anything but a timely answer means "allow".
package io.callguard.sample.logic

import io.callguard.Call
import io.callguard.Screening
import java.util.concurrent.CompletableFuture
import java.util.concurrent.ExecutionException
import java.util.concurrent.Executor
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException
import java.util.concurrent.atomic.AtomicInteger

enum class ScreeningOutcome { SCREENED, FAILED, TIMED_OUT }

data class Decision(
    /** Null unless [outcome] is SCREENED. */
    val screening: Screening?,
    val outcome: ScreeningOutcome,
    /** FAILED: the exception's class (never its message: it could carry caller data). */
    val error: String? = null,
)

/**
 * @param screen the SDK call, e.g. `{ guard.screen(it) }`; may throw.
 * @param budgetMillis how long [decide] waits for it.
 * @param executor where screening runs; by default daemon threads, a new one whenever all
 *   are busy, so one stuck screening cannot hold up the next call.
 */
class ScreeningDecider(
    private val screen: (Call) -> Screening,
    private val budgetMillis: Long = DEFAULT_BUDGET_MILLIS,
    private val executor: Executor = defaultExecutor,
) {
    /**
     * Screens [call] and waits at most the budget. On a timeout, [onLate] still gets the
     * screening if it arrives later (the call is already allowed; a warning can still be shown).
     */
    fun decide(call: Call, onLate: ((Screening) -> Unit)? = null): Decision {
        val future = try {
            CompletableFuture.supplyAsync({ screen(call) }, executor)
        } catch (e: Exception) { // RejectedExecutionException
            return Decision(null, ScreeningOutcome.FAILED, e.javaClass.name)
        }
        return try {
            Decision(future.get(budgetMillis, TimeUnit.MILLISECONDS), ScreeningOutcome.SCREENED)
        } catch (e: TimeoutException) {
            if (onLate != null) future.thenAccept { late -> runCatching { onLate(late) } }
            Decision(null, ScreeningOutcome.TIMED_OUT)
        } catch (e: ExecutionException) {
            Decision(null, ScreeningOutcome.FAILED, (e.cause ?: e).javaClass.name)
        } catch (e: InterruptedException) {
            Thread.currentThread().interrupt()
            Decision(null, ScreeningOutcome.FAILED, e.javaClass.name)
        }
    }

    companion object {
        /**
         * Telecom's deadline minus a margin. Telecom waits `call_screening_timeout` (default
         * 5 000 ms: Timeouts.getCallScreeningTimeoutMillis, packages/services/Telecomm,
         * Settings.Secure `telecom.call_screening_timeout`) for the whole filter chain, from
         * before it binds this service: a cold process start, the blocked-number check and the
         * carrier's screening all come out of the same 5 s. This budget starts only at
         * onScreenCall, so 2 s are left for all of that. A warm screening takes microseconds; a
         * cold start's first verdict tens of milliseconds (scripts/bench-cold-start.sh,
         * docs/platforms.md "Cold start"). Answering after Telecom gave up would be ignored.
         */
        const val DEFAULT_BUDGET_MILLIS = 3_000L

        private val threadCount = AtomicInteger()
        val defaultExecutor: Executor by lazy {
            Executors.newCachedThreadPool { r ->
                Thread(r, "callguard-screen-${threadCount.incrementAndGet()}").apply { isDaemon = true }
            }
        }
    }
}
