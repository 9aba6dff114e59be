// syncFeedSuspending: the coroutine wrapper over syncFeed. It uses the real
// clock, and the shared feed manifests expire, so this test signs its own
// manifest for the shared blob (tests/vectors/feeds/feed-1.cgfeed) with a
// fresh Ed25519 key (the JDK's), dated around now, and serves it through
// the app's own transport, which records the thread each fetch runs on.
package io.callguard

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test
import java.security.KeyPairGenerator
import java.security.MessageDigest
import java.security.PrivateKey
import java.security.Signature
import java.time.Instant
import java.time.temporal.ChronoUnit
import java.util.Base64
import java.util.Collections
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue

class DirectoryFeedSyncTest {
    private val b64 = Base64.getUrlEncoder().withoutPadding()
    private val blob = Vectors.bytes("feeds/feed-1.cgfeed")

    private class Issuer(val trustJson: String, val key: PrivateKey)

    private fun issuer(id: String): Issuer {
        val pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
        // X.509 SubjectPublicKeyInfo of Ed25519: a 12-byte header, then the raw 32-byte key.
        val raw = pair.public.encoded.takeLast(32).toByteArray()
        val trust = """{"issuer":"$id","threshold":1,"keys":[{"kty":"OKP","crv":"Ed25519","alg":"EdDSA",""" +
            """"use":"sig","kid":"k1","x":"${b64.encodeToString(raw)}"}]}"""
        return Issuer(trust, pair.private)
    }

    /** A feed manifest (docs/feed-format.md §5) for [blob], valid from an hour ago for a week. */
    private fun manifest(issuer: Issuer, id: String, version: Int): ByteArray {
        val now = Instant.now().truncatedTo(ChronoUnit.SECONDS)
        val sha = MessageDigest.getInstance("SHA-256").digest(blob).joinToString("") { "%02x".format(it) }
        val payload = """{"type":"callguard.feed-manifest","schema":1,"issuer":"$id","version":$version,""" +
            """"issued_at":"${now.minus(1, ChronoUnit.HOURS)}","expires_at":"${now.plus(7, ChronoUnit.DAYS)}",""" +
            """"blobs":[{"name":"feed-1.cgfeed","kind":"full","sha256":"$sha","length":${blob.size}}]}"""
        val protected = b64.encodeToString("""{"alg":"EdDSA","kid":"k1","typ":"callguard-feed+json"}""".toByteArray())
        val body = b64.encodeToString(payload.toByteArray())
        val signer = Signature.getInstance("Ed25519")
        signer.initSign(issuer.key)
        signer.update("$protected.$body".toByteArray())
        val signature = b64.encodeToString(signer.sign())
        return """{"payload":"$body","signatures":[{"protected":"$protected","signature":"$signature"}]}""".toByteArray()
    }

    /** Serves [files] by URL and records, per fetch, the URL and the thread it ran on. */
    private class Host(val files: Map<String, ByteArray>) : HttpTransport {
        val fetched: MutableList<Pair<String, String>> = Collections.synchronizedList(mutableListOf())
        override fun get(request: HttpRequest): HttpResponse {
            fetched.add(request.url to Thread.currentThread().name)
            val body = files[request.url] ?: return HttpResponse(404u, emptyList(), ByteArray(0), request.url)
            return HttpResponse(200u, emptyList(), body, request.url)
        }
    }

    private val base = "https://bank.example/feed"

    @Test
    fun syncsTheFeedOnDispatchersIo() = runBlocking {
        val bank = issuer("fresh-bank")
        val host = Host(mapOf("$base/manifest.jws" to manifest(bank, "fresh-bank", 1), "$base/feed-1.cgfeed" to blob))
        callGuard("RU").use { guard ->
            guard.addTrust(bank.trustJson)
            guard.setHttpTransport(host)
            val outcome = guard.syncFeedSuspending("$base/manifest.jws")
            assertEquals(SyncStatus.UPDATED, outcome.status)
            assertEquals("fresh-bank" to 1UL, outcome.issuer to outcome.version)
            assertEquals(FeedVia.FULL, outcome.via)
            assertEquals(listOf("$base/manifest.jws", "$base/feed-1.cgfeed"), host.fetched.map { it.first })
            val caller = Thread.currentThread().name
            for ((url, thread) in host.fetched) {
                assertTrue(thread.startsWith("DefaultDispatcher-worker"), "$url fetched on $thread, not on Dispatchers.IO")
                assertTrue(thread != caller, "$url fetched on the caller's thread")
            }
            // In force: the vector's fraud number is reported now (the real clock).
            val screening = guard.screenIncoming("+7 916 123-45-67")
            assertEquals(Verdict.REPORTED to "reported_fraud", screening.verdict to screening.reason)
            assertEquals(listOf("fresh-bank" to 1UL), guard.feeds().map { it.issuer to it.version })
        }
    }

    @Test
    fun aRefusalIsThrownToTheCoroutine() = runBlocking {
        val bank = issuer("fresh-bank")
        val stranger = issuer("fresh-bank") // same issuer id, a key nobody trusts
        val host = Host(mapOf("$base/manifest.jws" to manifest(stranger, "fresh-bank", 1), "$base/feed-1.cgfeed" to blob))
        callGuard("RU").use { guard ->
            guard.addTrust(bank.trustJson)
            guard.setHttpTransport(host)
            val e = assertFailsWith<CallGuardException> { guard.syncFeedSuspending("$base/manifest.jws") }
            val code = when (e) {
                is CallGuardException.InvalidFeed -> e.code
                is CallGuardException.InvalidList -> e.code
                else -> e.toString()
            }
            assertEquals("bad_signature", code)
            assertEquals(listOf("$base/manifest.jws"), host.fetched.map { it.first }, "no blob after a refused manifest")
            assertTrue(guard.feeds().isEmpty(), "nothing unverified in force")
        }
    }
}
