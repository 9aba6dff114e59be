// Plain Kotlin (no android.*): the status screen's lines about the lists and feeds in force.
package io.callguard.sample.logic

import io.callguard.FeedInfo
import io.callguard.ListInfo
import java.time.Duration
import java.time.Instant
import java.time.format.DateTimeParseException

object StatusFormatter {
    /** One line per list: "example-bank v12 · 6 contacts · expires 2026-12-28 (in 27 days)". */
    fun listLines(lists: List<ListInfo>, now: Instant): List<String> {
        if (lists.isEmpty()) return listOf("No list loaded: calls cannot be checked. Set a sync URL and sync.")
        return lists.sortedBy { it.issuer }.map { l ->
            "${l.issuer} v${l.version} · ${l.contacts} contacts · ${expiry(l.expiresAt, now)}"
        }
    }

    /**
     * One line per feed of reported numbers: "example-bank feed v2 · 4 numbers, 1 range ·
     * expires 2026-12-29 (in 28 days)". None without a feed: feeds are optional.
     */
    fun feedLines(feeds: List<FeedInfo>, now: Instant): List<String> =
        feeds.sortedBy { it.issuer }.map { f ->
            val ranges = if (f.prefixes == 1uL) "1 range" else "${f.prefixes} ranges"
            val expires = Instant.ofEpochSecond(f.expiresAt).toString()
            // An expired feed still warns (stale data may warn): say it needs a sync, nothing more.
            val expiry = if (f.expired) "EXPIRED ${expires.take(10)} — still warns; sync it" else expiry(expires, now)
            "${f.issuer} feed v${f.version} · ${f.numbers} numbers, $ranges · $expiry"
        }

    fun expiry(expiresAt: String, now: Instant): String {
        val at = try { Instant.parse(expiresAt) } catch (e: DateTimeParseException) { return "expires $expiresAt" }
        val day = expiresAt.take(10)
        if (!at.isAfter(now)) return "EXPIRED $day — warnings are limited until it is synced"
        val left = Duration.between(now, at)
        val inText = when {
            left.toDays() >= 2 -> "in ${left.toDays()} days"
            left.toHours() >= 1 -> "in ${left.toHours()} h"
            else -> "in ${left.toMinutes().coerceAtLeast(1)} min"
        }
        return "expires $day ($inText)"
    }

    /** "last sync: 2026-12-01 10:00 UTC, updated" / "never". */
    fun lastSync(atUnixSeconds: Long?, result: String?): String =
        if (atUnixSeconds == null || atUnixSeconds <= 0) "last sync: never"
        else "last sync: " + Instant.ofEpochSecond(atUnixSeconds).toString().take(16).replace('T', ' ') +
            " UTC" + (result?.let { ", $it" } ?: "")
}
