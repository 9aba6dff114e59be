// The Call Directory with a feed in force, from Kotlin, on the shared feed
// vectors (tests/vectors/feeds): reported numbers labelled or blocked per
// FeedDirectoryMode, official numbers keeping the bank's label, the feed
// versions recorded per mode, and the incremental changes from v1 to v2.
package io.callguard

import java.nio.file.Files
import org.junit.jupiter.api.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue

class DirectoryFeedTest {
    private val doc = Vectors.json("feeds/expected.json")
    private val now = doc["now"] as Long
    private val versions = doc.objs("versions")
    private val v1 = versions.single { it["version"] == 1L }
    private val v2 = versions.single { it["version"] == 2L }

    // The vectors' numbers (numbers-1.txt, numbers-2.txt), as Call Directory numbers.
    private val fraud = 79161234567L
    private val spamInV1 = 79991234567L      // fraud in v2
    private val officialReported = 74950000001L  // the bank's own line, wrongly reported
    private val removedInV2 = 79161112233L
    private val addedInV2 = 79160000000L
    private val fraudLabel = "⚠ Reported: fraud"
    private val spamLabel = "⚠ Reported: spam"

    private fun guard(stateDir: String? = null): CallGuard {
        val guard = callGuard(doc.str("home_region")!!, doc.str("lang")!!, stateDir)
        guard.addTrust(Vectors.text(doc.str("trust")!!))
        guard.loadListAt(Vectors.bytes(doc.str("list")!!), now)
        return guard
    }

    private fun CallGuard.installV1() =
        installFeedAt(Vectors.bytes(v1.str("manifest")!!), Vectors.bytes(v1.str("blob")!!), now)

    private fun CallGuard.installV2ByDelta() =
        installFeedDeltaAt(Vectors.bytes(v2.str("manifest")!!), Vectors.bytes(v2.str("delta")!!), now)

    private fun options(mode: FeedDirectoryMode) = DirectoryOptions(feeds = mode, chunkSize = 3u)

    private fun drain(reader: DirectoryReader): List<DirectoryEntry> {
        val out = mutableListOf<DirectoryEntry>()
        while (true) {
            val chunk = reader.nextChunk()
            if (chunk.isEmpty()) return out
            out += chunk
        }
    }

    private fun drain(reader: BlockingReader): List<Long> {
        val out = mutableListOf<Long>()
        while (true) {
            val chunk = reader.nextChunk()
            if (chunk.isEmpty()) return out
            out += chunk
        }
    }

    /** The full directory as number → label, checked strictly ascending. */
    private fun full(guard: CallGuard, mode: FeedDirectoryMode): Map<Long, String> {
        val entries = drain(guard.directoryAt(options(mode), now))
        assertTrue(entries.zipWithNext().all { (a, b) -> a.number < b.number }, "$mode: strictly ascending")
        return entries.associate { it.number to it.label }
    }

    @Test
    fun labelModeMarksReportedNumbersAndKeepsTheBanksLabels() {
        guard().use { guard ->
            val listOnly = full(guard, FeedDirectoryMode.LABEL)
            assertFalse(listOnly.values.any { it.startsWith("⚠ Reported") }, "no feed yet: no reported label")
            guard.installV1()
            val label = full(guard, FeedDirectoryMode.LABEL)
            assertEquals(fraudLabel, label[fraud])
            assertEquals(spamLabel, label[spamInV1])
            assertEquals(spamLabel, label[removedInV2])
            // The bank's line keeps the bank's label, reported or not.
            assertEquals(listOnly[officialReported], label[officialReported])
            assertFalse(label[officialReported]!!.startsWith("⚠ Reported"))
            // Label = the lists' entries unchanged + the reported numbers (prefixes are not expanded).
            assertEquals(listOnly, label.filterKeys { it in listOnly })
            // The vectors' 400 unchanging spam numbers (+7 927 …, make.sh) aside.
            val filler = (label.keys - listOnly.keys).filter { it / 10_000_000L == 7927L }
            assertEquals(400, filler.size)
            assertTrue(filler.all { label[it] == spamLabel })
            assertEquals(setOf(fraud, spamInV1, removedInV2), label.keys - listOnly.keys - filler.toSet())
            // Off: the lists only; the default options: Label.
            assertEquals(listOnly, full(guard, FeedDirectoryMode.OFF))
            val byDefault = drain(guard.directoryAt(DirectoryOptions(chunkSize = 3u), now)).associate { it.number to it.label }
            assertEquals(label, byDefault)
        }
    }

    @Test
    fun blockModeMovesFraudToTheBlockingSequence() {
        guard().use { guard ->
            guard.installV1()
            val listOnly = full(guard, FeedDirectoryMode.OFF)
            val block = full(guard, FeedDirectoryMode.BLOCK)
            assertNull(block[fraud], "a blocked number has no label")
            assertFalse(block.values.contains(fraudLabel))
            assertEquals(spamLabel, block[spamInV1], "spam is still labelled")
            assertEquals(listOnly[officialReported], block[officialReported])

            val customers = listOf("8 916 000-00-02", "+7 916 123 45 67", "Мама")
            val blocking = drain(guard.blockingDirectoryAt(options(FeedDirectoryMode.BLOCK), customers, now))
            // The customer's numbers merged with the feed's fraud numbers (the
            // customer's +7 916 123-45-67 is also fraud: once); never the bank's line, never spam.
            assertEquals(listOf(79160000002L, fraud), blocking)
            assertTrue(blocking.zipWithNext().all { (a, b) -> a < b })
            // In Label mode only the customer's own block list blocks.
            assertEquals(
                guard.blockingEntries(customers),
                drain(guard.blockingDirectoryAt(options(FeedDirectoryMode.LABEL), customers, now)),
            )
        }
    }

    @Test
    fun theFeedIsRecordedPerMode() {
        guard().use { guard ->
            assertEquals(mapOf("example-bank" to 12UL), guard.directoryVersions())
            guard.installV1()
            assertEquals(mapOf("example-bank" to 12UL, "feed:example-bank" to 1UL), guard.directoryVersions())
            assertEquals(guard.directoryVersions(), guard.directoryVersionsFor(FeedDirectoryMode.LABEL))
            assertEquals(
                mapOf("example-bank" to 12UL, "feed-block:example-bank" to 1UL),
                guard.directoryVersionsFor(FeedDirectoryMode.BLOCK),
            )
            assertEquals(mapOf("example-bank" to 12UL), guard.directoryVersionsFor(FeedDirectoryMode.OFF))
        }
    }

    /** [base] with [changes] applied as the extension applies them: removals, then additions. */
    private fun apply(base: Map<Long, String>, changes: DirectoryChanges): Map<Long, String> {
        val out = base.toMutableMap()
        for (r in drain(changes.removals())) assertNotNull(out.remove(r.number), "removal of an entry not present")
        for (a in drain(changes.additions())) assertNull(out.put(a.number, a.label), "addition of an entry present")
        return out
    }

    @Test
    fun changesFromV1ToV2TurnOneDirectoryIntoTheOther() {
        for (mode in listOf(FeedDirectoryMode.LABEL, FeedDirectoryMode.BLOCK)) {
            val dir = Files.createTempDirectory("cg-dir-feed").toString()
            guard(dir).use { guard ->
                guard.installV1()
                val applied = guard.directoryVersionsFor(mode)
                val fullV1 = full(guard, mode)
                guard.installV2ByDelta()
                assertEquals(2UL, guard.feedsAt(now).single().version)
                val fullV2 = full(guard, mode)
                assertTrue(fullV1 != fullV2, "$mode: v2 changes the directory")
                val changes = assertNotNull(guard.directoryChangesAt(applied, options(mode), now), "$mode")
                assertEquals(fullV2, apply(fullV1, changes), "$mode: v1 + changes = v2")
                if (mode == FeedDirectoryMode.LABEL) {
                    assertEquals(fraudLabel, fullV2[addedInV2])
                    assertEquals(fraudLabel, fullV2[spamInV1], "spam → fraud")
                    assertNull(fullV2[removedInV2])
                }
                // Nothing new since v2: empty changes; the other mode's versions: a full reload.
                val now2 = assertNotNull(guard.directoryChangesAt(guard.directoryVersionsFor(mode), options(mode), now))
                assertEquals(fullV2, apply(fullV2, now2))
                val other = if (mode == FeedDirectoryMode.LABEL) FeedDirectoryMode.BLOCK else FeedDirectoryMode.LABEL
                assertNull(guard.directoryChangesAt(guard.directoryVersionsFor(other), options(mode), now))
            }
        }
    }
}
