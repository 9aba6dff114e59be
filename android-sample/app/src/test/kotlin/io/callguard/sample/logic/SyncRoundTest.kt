package io.callguard.sample.logic

import io.callguard.CallGuardException
import io.callguard.FeedSyncOutcome
import io.callguard.FeedVia
import io.callguard.SyncOutcome
import io.callguard.SyncStatus
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test
import java.io.File
import java.util.concurrent.CancellationException
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue

class SyncRoundTest {
    private fun vector(rel: String) = File(TestGuard.vectors, rel).readBytes()

    private fun feed(version: ULong, via: FeedVia?, bytes: ULong) =
        FeedSyncOutcome(if (via == null) SyncStatus.NOT_MODIFIED else SyncStatus.UPDATED, "example-bank", version, via, bytes)

    @Test
    fun feedLines() {
        assertEquals("feed v2, delta, 1.9 kB", SyncRound.feedLine(feed(2uL, FeedVia.DELTA, 1_949uL)))
        assertEquals("feed v1, full, 97 B", SyncRound.feedLine(feed(1uL, FeedVia.FULL, 97uL)))
        assertEquals("feed v2, not modified", SyncRound.feedLine(feed(2uL, null, 0uL)))
    }

    @Test
    fun sizes() {
        assertEquals("0 B", SyncRound.size(0uL))
        assertEquals("999 B", SyncRound.size(999uL))
        assertEquals("1.0 kB", SyncRound.size(1_000uL))
        assertEquals("999.9 kB", SyncRound.size(999_949uL))
        assertEquals("1.0 MB", SyncRound.size(999_950uL))
        assertEquals("38.6 MB", SyncRound.size(38_612_345uL))
    }

    @Test
    fun aRefusedFeedNeverStopsTheListAndLeavesTheListInForce() = runBlocking {
        TestGuard.withList().use { g ->
            val list = g.lists().single()
            // The SDK's real refusal: version 2's manifest with a tampered blob.
            val result = SyncRound.run(
                list = { SyncOutcome(SyncStatus.UPDATED, g.lists().single()) },
                feed = { g.installFeedAt(vector("feeds/manifest-2.jws"), vector("feeds/tampered-2.cgfeed"), TestGuard.NOW); error("accepted") },
            )
            assertEquals("updated, v${list.version} · feed refused: hash_mismatch", result.status)
            assertEquals(SyncRound.Next.SCHEDULE, result.next, "a refusal is not retried at once")
            assertTrue(g.feedsAt(TestGuard.NOW).isEmpty(), "nothing unverified in force")
        }
    }

    @Test
    fun aRefusedListNeverStopsTheFeed() = runBlocking {
        TestGuard.withList().use { g ->
            var feedRan = false
            val result = SyncRound.run(
                // The SDK's real refusal: a feed manifest is not a list.
                list = { g.loadListAt(vector("feeds/manifest-1.jws"), TestGuard.NOW); error("accepted") },
                feed = {
                    feedRan = true
                    g.installFeedAt(vector("feeds/manifest-1.jws"), vector("feeds/feed-1.cgfeed"), TestGuard.NOW)
                    feed(1uL, FeedVia.FULL, 97uL)
                },
            )
            assertTrue(feedRan)
            assertTrue(result.status.startsWith("list refused: "), result.status)
            assertTrue(result.status.endsWith(" · feed v1, full, 97 B"), result.status)
            assertEquals(SyncRound.Next.SCHEDULE, result.next)
            assertEquals(1uL, g.feedsAt(TestGuard.NOW).single().version)
            assertEquals(12uL, g.lists().single().version, "the last good list stays")
        }
    }

    @Test
    fun aNetworkFailureOfEitherIsRetriedAndNamesOnlyItsCode() = runBlocking {
        val offline = CallGuardException.Network("timeout: no answer from https://bank.example/feed-manifest.jws")
        val listOk: suspend () -> SyncOutcome = { SyncOutcome(SyncStatus.NOT_MODIFIED, TestGuard.shared.lists().single()) }
        val a = SyncRound.run(listOk, { throw offline })
        assertEquals("not_modified, v12 · feed network error: timeout", a.status)
        assertEquals(SyncRound.Next.RETRY, a.next)
        assertFalse(a.status.contains("bank.example"), "no URL in the status")
        val b = SyncRound.run({ throw offline }, { feed(2uL, null, 0uL) })
        assertEquals("list network error: timeout · feed v2, not modified", b.status)
        assertEquals(SyncRound.Next.RETRY, b.next)
        val c = SyncRound.run({ throw CallGuardException.Storage("disk full") }, null)
        assertEquals("list error: Storage" to SyncRound.Next.RETRY, c.status to c.next)
    }

    @Test
    fun onlyWhatHasAUrlRunsAndCancellationIsNotSwallowed() = runBlocking {
        assertEquals("feed v2, delta, 1.9 kB", SyncRound.run(null, { feed(2uL, FeedVia.DELTA, 1_949uL) }).status)
        assertEquals(SyncRound.Result("nothing to sync", SyncRound.Next.SCHEDULE), SyncRound.run(null, null))
        var feedRan = false
        assertFailsWith<CancellationException> {
            SyncRound.run({ throw CancellationException("worker stopped") }, { feedRan = true; feed(1uL, null, 0uL) })
        }
        assertFalse(feedRan, "a cancelled round stops")
    }
}
