// Feeds of reported numbers from Kotlin, on the shared feed vectors
// (tests/vectors/feeds/expected.json, the scenario the Rust and Swift tests
// run): install version 1, screen; a tampered blob and a rolled-back
// manifest refused with v1/v2 still in force; the delta to version 2; and
// syncFeed from a real HTTP server on 127.0.0.1 (the JDK's HttpServer).
package io.callguard

import com.sun.net.httpserver.HttpServer
import org.junit.jupiter.api.Test
import java.net.InetAddress
import java.net.InetSocketAddress
import java.nio.file.Files
import java.security.MessageDigest
import java.util.Collections
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import kotlin.test.assertTrue

class FeedTest {
    private val doc = Vectors.json("feeds/expected.json")
    private val now = doc["now"] as Long
    private val versions = doc.objs("versions")
    private val v1 = versions.single { it["version"] == 1L }
    private val v2 = versions.single { it["version"] == 2L }

    private fun guard(stateDir: String? = null): CallGuard {
        val guard = callGuard(doc.str("home_region")!!, doc.str("lang")!!, stateDir)
        guard.addTrust(Vectors.text(doc.str("trust")!!))
        guard.loadListAt(Vectors.bytes(doc.str("list")!!), now)
        return guard
    }

    private fun call(c: Map<String, Any?>) = Call(
        c.str("number")!!, Channel.PHONE, null, Attestation.NOT_VERIFIED,
        if (c.str("direction") == "outgoing") Direction.OUTGOING else Direction.INCOMING,
    )

    /** `screen` and `screenMany` give every call of [v] its expected answer. */
    private fun assertCalls(guard: CallGuard, v: Map<String, Any?>) {
        val calls = v.objs("calls")
        assertTrue(calls.size >= 5, "the vector lost calls")
        val many = guard.screenManyAt(calls.map { call(it) }, now)
        for ((c, code) in calls.zip(many)) {
            val name = "v${v["version"]} ${c.str("name")}"
            val s = guard.screenAt(call(c), now)
            assertEquals(c.str("verdict"), s.verdict.name.lowercase(), name)
            assertEquals(c.str("risk"), s.risk.name.lowercase(), name)
            assertEquals(c.str("reason"), s.reason, name)
            assertEquals(c.str("issuer"), s.issuer, name)
            assertEquals(ScreeningCode(s.verdict, s.risk, code.reason), code, "$name: screenMany")
            assertEquals(c.str("reason"), code.reason.name.lowercase(), "$name: screenMany reason")
        }
    }

    private fun assertInfo(info: FeedInfo, v: Map<String, Any?>) {
        assertEquals(doc.str("issuer"), info.issuer)
        assertEquals((v["version"] as Long).toULong(), info.version)
        assertEquals(v["issued_at"] as Long, info.issuedAt)
        assertEquals(v["expires_at"] as Long, info.expiresAt)
        assertEquals((v["numbers"] as Long).toULong(), info.numbers)
        assertEquals((v["prefixes"] as Long).toULong(), info.prefixes)
        assertEquals(v.str("sha256"), info.sha256)
        assertEquals(false, info.expired)
    }

    private fun refusal(name: String) = doc.objs("refusals").single { it.str("name") == name }

    /** Installs refusal [name]'s manifest with its blob or delta: the code it is refused with. */
    private fun refusedCode(guard: CallGuard, name: String): String {
        val r = refusal(name)
        val manifest = Vectors.bytes(r.str("manifest")!!)
        val e = assertFailsWith<CallGuardException.InvalidFeed>(name) {
            when (val blob = r.str("blob")) {
                null -> guard.installFeedDeltaAt(manifest, Vectors.bytes(r.str("delta")!!), now)
                else -> guard.installFeedAt(manifest, Vectors.bytes(blob), now)
            }
        }
        assertTrue(e.detail.isNotEmpty())
        return e.code
    }

    @Test
    fun installScreenDeltaAndRefusals() {
        guard().use { guard ->
            assertTrue(guard.feedsAt(now).isEmpty())
            val info = guard.installFeedAt(Vectors.bytes(v1.str("manifest")!!), Vectors.bytes(v1.str("blob")!!), now)
            assertInfo(info, v1)
            assertEquals(listOf(info), guard.feedsAt(now))
            assertCalls(guard, v1)

            assertEquals(1L, refusal("tampered-blob")["after"])
            assertEquals("hash_mismatch", refusedCode(guard, "tampered-blob"))
            assertEquals(1UL, guard.feedsAt(now).single().version, "v1 stays in force")
            assertCalls(guard, v1)

            val v2Info = guard.installFeedDeltaAt(Vectors.bytes(v2.str("manifest")!!), Vectors.bytes(v2.str("delta")!!), now)
            assertInfo(v2Info, v2)
            assertCalls(guard, v2)

            for (name in listOf("rolled-back", "delta-on-the-wrong-base")) {
                assertEquals(2L, refusal(name)["after"])
                assertEquals(refusal(name).str("code"), refusedCode(guard, name))
                assertEquals(2UL, guard.feedsAt(now).single().version, "$name: v2 stays in force")
            }
            assertCalls(guard, v2)
            // Past its expiry it is still held and still warns, marked expired.
            val later = (v2["expires_at"] as Long) + 1
            assertTrue(guard.feedsAt(later).single().expired)
            assertEquals(Verdict.REPORTED, guard.screenAt(call(v2.objs("calls").first()), later).verdict)
        }
    }

    @Test
    fun theFeedPlanSaysWhatToDownload() {
        guard().use { guard ->
            val m2 = Vectors.bytes(v2.str("manifest")!!)
            assertEquals(FeedVia.FULL, guard.feedPlanAt(m2, now).download!!.via)
            guard.installFeedAt(Vectors.bytes(v1.str("manifest")!!), Vectors.bytes(v1.str("blob")!!), now)
            val plan = guard.feedPlanAt(m2, now)
            assertEquals(FeedVia.DELTA, plan.download!!.via)
            assertEquals("feed-1-2.cgdelta", plan.download!!.name)
            assertEquals(v2.str("sha256"), plan.full.sha256)
            guard.installFeedDeltaAt(m2, Vectors.bytes(v2.str("delta")!!), now)
            assertNull(guard.feedPlanAt(m2, now).download, "up to date")
        }
    }

    @Test
    fun aStoredFeedIsInForceAfterARestart() {
        val dir = Files.createTempDirectory("cg-feed").toString()
        guard(dir).use { it.installFeedAt(Vectors.bytes(v1.str("manifest")!!), Vectors.bytes(v1.str("blob")!!), now) }
        guard(dir).use { again ->
            assertInfo(again.feedsAt(now).single(), v1)
            assertCalls(again, v1)
        }
    }

    @Test
    fun syncFeedFromARealServer() {
        // A static host: files by path, an ETag per file, If-None-Match → 304.
        val files = Collections.synchronizedMap(mutableMapOf<String, ByteArray>())
        val requested = Collections.synchronizedList(mutableListOf<String>())
        fun put(name: String, rel: String) { files["/feed/$name"] = Vectors.bytes(rel) }
        put("manifest.jws", v1.str("manifest")!!)
        put("feed-1.cgfeed", v1.str("blob")!!)
        put("feed-2.cgfeed", v2.str("blob")!!)
        put("feed-1-2.cgdelta", v2.str("delta")!!)
        val server = HttpServer.create(InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0)
        server.createContext("/") { exchange ->
            exchange.use {
                requested.add(it.requestURI.path)
                val body = files[it.requestURI.path]
                if (body == null) {
                    it.sendResponseHeaders(404, -1)
                } else {
                    val etag = "\"" + MessageDigest.getInstance("SHA-256").digest(body)
                        .take(8).joinToString("") { b -> "%02x".format(b) } + "\""
                    it.responseHeaders.add("ETag", etag)
                    if (it.requestHeaders.getFirst("If-None-Match") == etag) {
                        it.sendResponseHeaders(304, -1)
                    } else {
                        it.sendResponseHeaders(200, body.size.toLong())
                        it.responseBody.write(body)
                    }
                }
            }
        }
        server.start()
        try {
            val url = "http://127.0.0.1:${server.address.port}/feed/manifest.jws"
            guard().use { guard ->
                guard.setSyncConfig(SyncConfig(allowHttpLocalhost = true, totalTimeoutMs = 5_000uL))
                val first = guard.syncFeedAt(url, now)
                assertEquals(SyncStatus.UPDATED, first.status)
                assertEquals("example-bank" to 1UL, first.issuer to first.version)
                assertEquals(FeedVia.FULL, first.via)
                val size = Vectors.bytes(v1.str("manifest")!!).size + Vectors.bytes(v1.str("blob")!!).size
                assertEquals(size.toULong(), first.downloadedBytes)
                assertCalls(guard, v1)

                val same = guard.syncFeedAt(url, now)
                assertEquals(SyncStatus.NOT_MODIFIED, same.status)
                assertNull(same.via)

                put("manifest.jws", v2.str("manifest")!!)
                requested.clear()
                val second = guard.syncFeedAt(url, now)
                assertEquals(SyncStatus.UPDATED to 2UL, second.status to second.version)
                assertEquals(FeedVia.DELTA, second.via)
                assertEquals(listOf("/feed/manifest.jws", "/feed/feed-1-2.cgdelta"), requested.toList(), "the delta, not the full blob")
                assertCalls(guard, v2)

                // A rolled-back manifest from the server changes nothing.
                put("manifest.jws", "feeds/rollback-1.jws")
                val e = assertFailsWith<CallGuardException> { guard.syncFeedAt(url, now) }
                val code = when (e) {
                    is CallGuardException.InvalidFeed -> e.code
                    is CallGuardException.InvalidList -> e.code
                    else -> e.toString()
                }
                assertEquals("rollback", code)
                assertEquals(2UL, guard.feedsAt(now).single().version)
            }
        } finally {
            server.stop(0)
        }
    }
}
