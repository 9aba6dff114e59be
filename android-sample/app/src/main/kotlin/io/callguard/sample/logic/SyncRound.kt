// Plain Kotlin (no android.*): one sync of the bank's list and of its feed of
// reported numbers, and the status line it leaves. The two are independent:
// a refused or unreachable feed never stops the list (the customer's
// protection against spoofed bank numbers), and a refused list never stops
// the feed. SyncWorker and the "Save and sync now" button only carry it out.
package io.callguard.sample.logic

import io.callguard.CallGuardException
import io.callguard.FeedSyncOutcome
import io.callguard.SyncOutcome
import java.util.Locale

object SyncRound {
    /** What WorkManager should do next. */
    enum class Next {
        /** Schedule the next sync at the SDK's nextSyncAt. */
        SCHEDULE,
        /** A network or storage failure: retry with WorkManager's backoff. */
        RETRY,
    }

    data class Result(
        /** "updated, v13 · feed v2, delta, 1.9 kB": for Settings.recordSync and the status screen. */
        val status: String,
        val next: Next,
    )

    /**
     * Runs [list] then [feed] (each null when its URL is not set), each to its own end.
     * Only the SDK's errors are caught: cancellation still cancels the whole round.
     */
    suspend fun run(list: (suspend () -> SyncOutcome)?, feed: (suspend () -> FeedSyncOutcome)?): Result {
        val parts = mutableListOf<String>()
        var retry = false
        if (list != null) {
            try {
                parts += listLine(list())
            } catch (e: CallGuardException) {
                parts += failureLine("list", e)
                retry = retry || !isRefusal(e)
            }
        }
        if (feed != null) {
            try {
                parts += feedLine(feed())
            } catch (e: CallGuardException) {
                parts += failureLine("feed", e)
                retry = retry || !isRefusal(e)
            }
        }
        if (parts.isEmpty()) parts += "nothing to sync"
        return Result(parts.joinToString(" · "), if (retry) Next.RETRY else Next.SCHEDULE)
    }

    /** "updated, v13" / "not_modified, v13". */
    fun listLine(o: SyncOutcome): String = "${o.status.name.lowercase()}, v${o.list.version}"

    /** "feed v2, delta, 1.9 kB" / "feed v2, full, 97 B" / "feed v2, not modified". */
    fun feedLine(o: FeedSyncOutcome): String {
        val via = o.via ?: return "feed v${o.version}, not modified"
        return "feed v${o.version}, ${via.name.lowercase()}, ${size(o.downloadedBytes)}"
    }

    /**
     * "list refused: rollback", "feed refused: hash_mismatch", "feed network error: timeout":
     * codes only, never a number or a URL (the Network detail's text after its code may quote one).
     */
    fun failureLine(what: String, e: CallGuardException): String = when (e) {
        is CallGuardException.InvalidList -> "$what refused: ${e.code}"
        is CallGuardException.InvalidFeed -> "$what refused: ${e.code}"
        is CallGuardException.Network -> "$what network error: ${e.detail.substringBefore(':').trim()}"
        else -> "$what error: ${e.javaClass.simpleName}"
    }

    /** Refused content: the last good list/feed stays in force; trying again at once would not help. */
    private fun isRefusal(e: CallGuardException) =
        e is CallGuardException.InvalidList || e is CallGuardException.InvalidFeed

    /** Decimal units, one decimal: "97 B", "1.9 kB", "3.4 MB". */
    fun size(bytes: ULong): String {
        val b = bytes.toDouble()
        return when {
            bytes < 1000uL -> "$bytes B"
            b < 999_950.0 -> String.format(Locale.ROOT, "%.1f kB", b / 1000)
            else -> String.format(Locale.ROOT, "%.1f MB", b / 1_000_000)
        }
    }
}
