// The sync scenarios of sync/tests/hostile_servers.rs, once through the
// Kotlin bindings: a real HTTPS server process on 127.0.0.1 (the
// hostile_server example) that misbehaves on purpose.
package io.callguard

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import java.io.File
import java.nio.file.Files
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncTest {
    private lateinit var server: Process
    private lateinit var https: String
    private lateinit var otherCa: String
    private lateinit var caPem: String
    private lateinit var otherHost: String
    private lateinit var otherHostCaPem: String
    private lateinit var http: String
    private val now = Vectors.epoch("2026-12-01T00:00:00Z")

    @BeforeAll
    fun startServer() {
        val exe = System.getProperty("callguard.hostileServer") ?: "target/debug/examples/hostile_server"
        val out = Files.createTempDirectory("hostile").toFile()
        server = ProcessBuilder(exe, Vectors.dir.path, out.path).redirectError(ProcessBuilder.Redirect.INHERIT).start()
        val line = server.inputStream.bufferedReader().readLine() ?: error("the server did not start")
        val info = Json.parse(line) as Map<*, *>
        https = info["https"] as String
        otherCa = info["other_ca"] as String
        caPem = File(info["ca_pem_file"] as String).readText()
        otherHost = info["other_host"] as String
        otherHostCaPem = File(info["other_host_ca_pem_file"] as String).readText()
        http = info["http"] as String
    }

    @AfterAll
    fun stopServer() {
        server.outputStream.close()
        server.destroy()
    }

    /** A guard holding Example Bank's list v12, trusting the test CA. */
    private fun guardWithV12(stateDir: String? = Files.createTempDirectory("cg").toString()): CallGuard {
        val guard = callGuard("RU", stateDir = stateDir)
        guard.addTrust(Vectors.text("trust/example-bank.json"))
        guard.loadListAt(Vectors.bytes("lists/valid-eddsa-general.jws"), now)
        guard.setSyncConfig(SyncConfig(caCertsPem = listOf(caPem), totalTimeoutMs = 5_000uL))
        return guard
    }

    private fun assertRejected(path: String, code: String, guard: CallGuard = guardWithV12(), at: Long = now) {
        guard.use {
            val e = assertFailsWith<CallGuardException> { it.syncAt("$https$path", at) }
            val got = when (e) {
                is CallGuardException.InvalidList -> e.code
                is CallGuardException.Network -> e.detail.substringBefore(':')
                else -> e.toString()
            }
            assertEquals(code, got, e.toString())
            assertEquals(12UL, it.lists().single().version, "the previous list stays in force")
        }
    }

    @Test
    fun updatedThenNotModified() {
        guardWithV12().use { guard ->
            val first = guard.syncAt("$https/ok", now)
            assertEquals(SyncStatus.UPDATED, first.status)
            assertEquals(13UL, first.list.version)
            assertEquals(SyncStatus.NOT_MODIFIED, guard.syncAt("$https/ok", now).status)
            assertTrue(guard.nextSyncAtFrom(now) > now)
        }
    }

    @Test
    fun suspendWrapperRunsOnIo() = runBlocking {
        guardWithV12().use { guard ->
            // syncList uses the real clock: /fresh is valid until 2099.
            val outcome = guard.syncList("$https/fresh")
            assertEquals(SyncStatus.UPDATED, outcome.status)
            assertEquals(100UL, outcome.list.version)
        }
    }

    @Test fun retriesAfter500() = guardWithV12().use { assertEquals(13UL, it.syncAt("$https/500-then-ok", now).list.version) }
    @Test fun honoursRetryAfter() = guardWithV12().use { assertEquals(13UL, it.syncAt("$https/429-then-ok", now).list.version) }
    @Test fun notFound() = assertRejected("/404", "http_status")
    @Test fun tamperedBody() = assertRejected("/tampered", "bad_signature")
    @Test fun unknownKey() = assertRejected("/unknown-key", "unknown_key")
    @Test fun rollback() = assertRejected("/rollback", "rollback")
    @Test fun expired() = assertRejected("/expired", "expired", at = Vectors.epoch("2027-12-01T00:00:00Z"))
    @Test fun truncated() = assertRejected("/truncated", "network")
    @Test fun redirectToHttp() = assertRejected("/redirect-http", "insecure_redirect")

    @Test
    fun endlessBodyStopsAtTheCap() {
        val guard = callGuard("RU", maxListBytes = 100_000uL)
        guard.addTrust(Vectors.text("trust/example-bank.json"))
        guard.loadListAt(Vectors.bytes("lists/valid-eddsa-general.jws"), now)
        guard.setSyncConfig(SyncConfig(caCertsPem = listOf(caPem)))
        assertRejected("/endless", "too_large", guard)
    }

    @Test
    fun drippingServerTimesOut() {
        val guard = guardWithV12()
        guard.setSyncConfig(SyncConfig(caCertsPem = listOf(caPem), totalTimeoutMs = 2_000uL, maxAttempts = 1u))
        val started = System.nanoTime()
        assertRejected("/drip", "timeout", guard)
        assertTrue((System.nanoTime() - started) / 1_000_000 < 8_000, "bounded wall time")
    }

    /** The Network detail of a sync of [url] under [config]; v12 stays in force. */
    private fun networkFailure(url: String, config: SyncConfig): String = guardWithV12().use { guard ->
        guard.setSyncConfig(config)
        val e = assertFailsWith<CallGuardException.Network> { guard.syncAt(url, now) }
        assertEquals(12UL, guard.lists().single().version, "the previous list stays in force")
        e.detail
    }

    @Test
    fun certificateFromAnotherCa() {
        val detail = networkFailure("$otherCa/ok", SyncConfig(caCertsPem = listOf(caPem), maxAttempts = 1u))
        assertTrue(detail.startsWith("tls_untrusted:"), detail)
        assertTrue(detail.contains("caCertsPem"), "the hint says how to trust a private CA: $detail")
    }

    @Test
    fun certificateForAnotherHost() {
        val detail = networkFailure("$otherHost/ok", SyncConfig(caCertsPem = listOf(caPem, otherHostCaPem), maxAttempts = 1u))
        assertTrue(detail.startsWith("tls_wrong_host:"), detail)
    }

    @Test
    fun nothingListening() {
        val port = java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1")).use { it.localPort }
        val detail = networkFailure("https://127.0.0.1:$port/ok", SyncConfig(caCertsPem = listOf(caPem), maxAttempts = 1u))
        assertTrue(detail.startsWith("connection_refused:"), detail)
    }

    @Test
    fun plainHttpIsRefusedAndSaysHowToAllowIt() {
        val detail = networkFailure("$http/ok", SyncConfig(caCertsPem = listOf(caPem)))
        assertTrue(detail.startsWith("insecure_url:"), detail)
        assertTrue(detail.contains("allowHttpLocalhost"), detail)
    }

    @Test
    fun anAppsOwnTransportIsUsedAndChecked() {
        guardWithV12().use { guard ->
            val seen = mutableListOf<String>()
            guard.setHttpTransport(object : HttpTransport {
                override fun get(request: HttpRequest): HttpResponse {
                    seen.add(request.url)
                    return HttpResponse(200u, listOf(HttpHeader("ETag", "\"x\"")), Vectors.bytes("lists/valid-v13.jws"), request.url)
                }
            })
            assertEquals(13UL, guard.syncAt("https://bank.example/list.jws", now).list.version)
            assertEquals(listOf("https://bank.example/list.jws"), seen)
            // A transport that followed a redirect to http is caught in Rust.
            guard.setHttpTransport(object : HttpTransport {
                override fun get(request: HttpRequest) =
                    HttpResponse(200u, emptyList(), Vectors.bytes("lists/valid-v13.jws"), "http://evil.example/list.jws")
            })
            val e = assertFailsWith<CallGuardException.Network> { guard.syncAt("https://bank.example/list.jws", now) }
            assertTrue(e.detail.startsWith("insecure_redirect"), e.detail)
            // An exception thrown by the app's transport becomes a Network error.
            guard.setHttpTransport(object : HttpTransport {
                override fun get(request: HttpRequest): HttpResponse = throw TransportException.Timeout("offline")
            })
            val t = assertFailsWith<CallGuardException.Network> { guard.syncAt("https://bank.example/list.jws", now) }
            assertTrue(t.detail.startsWith("timeout"), t.detail)
            // A code in front of the app's message is kept (its own pinning, say).
            guard.setHttpTransport(object : HttpTransport {
                override fun get(request: HttpRequest): HttpResponse =
                    throw TransportException.Failed("tls_untrusted: the pinned key did not match")
            })
            val u = assertFailsWith<CallGuardException.Network> { guard.syncAt("https://bank.example/list.jws", now) }
            assertEquals("tls_untrusted: the pinned key did not match", u.detail)
        }
    }
}
