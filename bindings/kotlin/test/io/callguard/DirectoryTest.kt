// The Call Directory export through the bindings (the logic is shared with
// iOS, so it is tested here too): the shared vector, chunking, the cap,
// incremental changes between two list versions, blocking entries.
package io.callguard

import org.junit.jupiter.api.Test
import java.nio.file.Files
import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue

class DirectoryTest {
    private val now = Vectors.epoch("2026-12-01T00:00:00Z")

    private fun drain(reader: DirectoryReader): List<DirectoryEntry> {
        val out = mutableListOf<DirectoryEntry>()
        while (true) {
            val chunk = reader.nextChunk()
            if (chunk.isEmpty()) return out
            out += chunk
        }
    }

    @Test
    fun matchesTheSharedVectorInChunks() {
        val doc = Vectors.json("directory.json")
        callGuard("RU", language = doc.str("lang")!!).use { guard ->
            for (pair in doc.objs("lists")) {
                guard.addTrust(Vectors.text(pair.str("trust")!!))
                guard.loadListAt(Vectors.bytes(pair.str("list")!!), now)
            }
            val options = DirectoryOptions(null, (doc["max_prefix_expansion"] as Long).toULong(), 2u)
            val reader = guard.directoryAt(options, Vectors.epoch(doc.str("now")!!))
            val entries = drain(reader).map { listOf(it.number, it.label) }
            @Suppress("UNCHECKED_CAST")
            val expected = (doc["entries"] as List<List<Any>>).map { listOf(it[0] as Long, it[1] as String) }
            assertEquals(expected, entries)
            assertEquals(listOf("+7495111"), reader.skippedPrefixes().map { it.prefix })
        }
    }

    @Test
    fun prefixesExpandUnderTheCap() {
        callGuard("RU").use { guard ->
            guard.addTrust(Vectors.text("trust/example-bank.json"))
            guard.loadListAt(Vectors.bytes("lists/valid-eddsa-general.jws"), now)
            val entries = drain(guard.directoryAt(DirectoryOptions(null, 100_000uL, 4096u), now))
            assertEquals(10_004, entries.size)
            assertTrue(entries.zipWithNext().all { (a, b) -> a.number < b.number }, "strictly ascending")
        }
    }

    @Test
    fun incrementalChangesBetweenVersions() {
        val dir = Files.createTempDirectory("cg-dir").toString()
        callGuard("RU", stateDir = dir).use { guard ->
            guard.addTrust(Vectors.text("trust/example-bank.json"))
            guard.loadListAt(Vectors.bytes("lists/valid-eddsa-general.jws"), now)
            val applied = guard.directoryVersions()
            assertEquals(mapOf("example-bank" to 12UL), applied)
            val options = DirectoryOptions(null, 1000uL, 100u)
            // Nothing new: an empty change set.
            val none = assertNotNull(guard.directoryChangesAt(applied, options, now))
            assertTrue(drain(none.removals()).isEmpty() && drain(none.additions()).isEmpty())
            // v13 has the same contacts: incremental, and still empty.
            guard.loadListAt(Vectors.bytes("lists/valid-v13.jws"), now)
            val changes = assertNotNull(guard.directoryChangesAt(applied, options, now))
            assertTrue(drain(changes.additions()).isEmpty())
            // v14 changes contacts; its previous list is v13.
            guard.loadListAt(Vectors.bytes("lists/valid-v14-changed.jws"), now)
            val diff = assertNotNull(guard.directoryChangesAt(mapOf("example-bank" to 13UL), options, now))
            assertEquals(listOf(74950000001L, 74950000002L), drain(diff.removals()).map { it.number })
            assertEquals(
                listOf(74950000001L to "Example Bank · Cards", 74950000009L to "Example Bank · New desk"),
                drain(diff.additions()).map { it.number to it.label },
            )
            // An unknown base version, or another issuer, means a full reload.
            assertNull(guard.directoryChangesAt(mapOf("example-bank" to 5UL), options, now))
            assertNull(guard.directoryChangesAt(emptyMap(), options, now))
        }
    }

    @Test
    fun blockingEntriesAreNormalizedSortedUnique() {
        callGuard("RU").use { guard ->
            assertEquals(
                listOf(79160000001L, 79160000002L),
                guard.blockingEntries(listOf("8 916 000-00-02", "+7 916 000 00 01", "89160000002", "Мама")),
            )
        }
    }
}
