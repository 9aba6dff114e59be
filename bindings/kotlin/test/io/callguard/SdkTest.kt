// The SDK's behaviour from Kotlin: every error variant as an exception, the
// logger called from Rust, concurrency while lists reload, lifecycle,
// persistence and the idiomatic layer.
package io.callguard

import org.junit.jupiter.api.Test
import java.nio.file.Files
import java.util.Collections
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNull
import kotlin.test.assertTrue

private val NOW = Vectors.epoch("2026-12-01T00:00:00Z")
private const val TRUST = "trust/example-bank.json"
private const val LIST = "lists/valid-eddsa-general.jws"
private val BANK_LINE = Call("+7 495 000-00-01", Channel.PHONE, null, Attestation.NOT_VERIFIED, Direction.INCOMING)

class SdkTest {
    @Test
    fun invalidListCarriesTheRejectionCode() {
        callGuard("RU").use { guard ->
            guard.addTrust(Vectors.text(TRUST))
            val e = assertFailsWith<CallGuardException.InvalidList> {
                guard.loadListAt(Vectors.bytes("lists/forged-signature.jws"), NOW)
            }
            assertEquals("bad_signature", e.code)
            assertTrue(e.detail.isNotEmpty())
            assertTrue(guard.lists().isEmpty(), "nothing unverified is ever in force")
        }
    }

    @Test
    fun invalidTrustIsAnException() {
        callGuard("RU").use { guard ->
            val e = assertFailsWith<CallGuardException.InvalidTrust> { guard.addTrust("{\"issuer\":\"x\"}") }
            assertTrue(e.detail.isNotEmpty())
            // A private key pasted into the app is refused.
            val privateKey = Vectors.text("keys/ed-a.jwk")
            assertFailsWith<CallGuardException.InvalidTrust> {
                guard.addTrust("{\"issuer\":\"example-bank\",\"keys\":[$privateKey]}")
            }
        }
    }

    @Test
    fun unusableStateDirectoryIsAStorageException() {
        val file = Files.createTempFile("callguard", ".not-a-dir").toFile()
        callGuard("RU", stateDir = file.resolve("state").path).use { guard ->
            guard.addTrust(Vectors.text(TRUST))
            assertFailsWith<CallGuardException.Storage> { guard.loadListAt(Vectors.bytes(LIST), NOW) }
            // Screening still answers: no valid list.
            assertEquals(Verdict.UNVERIFIABLE, guard.screenAt(BANK_LINE, NOW).verdict)
        }
    }

    @Test
    fun theLoggerIsCalledFromRustWithNothingPersonal() {
        val lines = Collections.synchronizedList(mutableListOf<Pair<LogLevel, String>>())
        setLogger { level, message -> lines.add(level to message) }
        callGuard("RU").use { guard ->
            guard.addTrust(Vectors.text(TRUST))
            guard.loadListAt(Vectors.bytes(LIST), NOW)
            runCatching { guard.loadListAt(Vectors.bytes("lists/tampered-payload.jws"), NOW) }
            guard.screenAt(BANK_LINE, NOW)
        }
        assertTrue(lines.any { it.first == LogLevel.INFO && it.second.contains("version 12") }, "$lines")
        assertTrue(lines.any { it.first == LogLevel.WARN && it.second.contains("bad_signature") }, "$lines")
        for ((_, message) in lines) {
            assertFalse(Regex("\\d{7,}").containsMatchIn(message), "a number in a log line: $message")
            assertFalse(message.contains("Example Bank") || message.contains("Hotline"), message)
        }
    }

    @Test
    fun eightThreadsScreenWhileAnotherReloads() {
        callGuard("RU").use { guard ->
            guard.addTrust(Vectors.text(TRUST))
            guard.loadListAt(Vectors.bytes(LIST), NOW)
            val pool = Executors.newFixedThreadPool(9)
            val start = CountDownLatch(1)
            val wrong = AtomicInteger()
            val screened = AtomicInteger()
            repeat(8) {
                pool.submit {
                    start.await()
                    repeat(500) {
                        val s = guard.screenAt(BANK_LINE, NOW)
                        if (s.verdict != Verdict.OFFICIAL || s.label != "Card department") wrong.incrementAndGet()
                        screened.incrementAndGet()
                    }
                }
            }
            val reloads = AtomicInteger()
            pool.submit {
                start.await()
                repeat(100) {
                    // Same version, same payload: accepted again and swapped in.
                    guard.loadListAt(Vectors.bytes(if (it % 2 == 0) LIST else "lists/valid-es256-general.jws"), NOW)
                    guard.addTrust(Vectors.text(TRUST))
                    reloads.incrementAndGet()
                }
            }
            start.countDown()
            pool.shutdown()
            assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS))
            assertEquals(4000, screened.get())
            assertEquals(100, reloads.get())
            assertEquals(0, wrong.get(), "a screen saw a half-loaded state")
        }
    }

    @Test
    fun closeFreesTheObjectAndLaterUseThrows() {
        val guard = callGuard("RU")
        guard.use { assertNull(it.normalize("Мама")) }
        guard.close() // idempotent
        assertFailsWith<IllegalStateException> { guard.lists() }
    }

    @Test
    fun aStateDirectoryKeepsTheListForTheNextStart() {
        val dir = Files.createTempDirectory("callguard-state").toFile()
        callGuard("RU", stateDir = dir.path).use { guard ->
            guard.addTrust(Vectors.text(TRUST))
            guard.loadListAt(Vectors.bytes("lists/valid-v13.jws"), NOW)
        }
        callGuard("RU", stateDir = dir.path).use { guard ->
            assertTrue(guard.lists().isEmpty(), "trust is never read from disk")
            guard.addTrust(Vectors.text(TRUST))
            assertEquals(13UL, guard.lists().single().version)
            assertEquals(Verdict.OFFICIAL, guard.screenAt(BANK_LINE, NOW).verdict)
            val e = assertFailsWith<CallGuardException.InvalidList> { guard.loadListAt(Vectors.bytes(LIST), NOW) }
            assertEquals("rollback", e.code)
        }
    }

    @Test
    fun reloadPicksUpWhatAnotherInstanceStored() {
        // The app's instance and a background sync's, on one state directory.
        val dir = Files.createTempDirectory("callguard-state").toFile()
        callGuard("RU", stateDir = dir.path).use { app ->
            app.addTrust(Vectors.text(TRUST))
            app.loadListAt(Vectors.bytes(LIST), NOW)
            assertTrue(app.reload().isEmpty(), "nothing new yet")
            callGuard("RU", stateDir = dir.path).use { background ->
                background.addTrust(Vectors.text(TRUST))
                background.loadListAt(Vectors.bytes("lists/valid-v13.jws"), NOW)
            }
            assertEquals(12UL, app.lists().single().version, "an in-memory snapshot until reload")
            assertEquals(13UL, app.reload().single().version)
            assertEquals(13UL, app.lists().single().version)
            assertTrue(app.reload().isEmpty(), "picked up once")
        }
    }

    @Test
    fun idiomaticLayer() {
        callGuard("RU", language = "ru").use { guard ->
            guard.addTrust(Vectors.text(TRUST))
            guard.loadListAt(Vectors.bytes(LIST), NOW)
            assertEquals("+78005553535", guard.normalize("8 (800) 555-35-35"))
            assertEquals("900", guard.normalize("900"))
            val spoofed = guard.screenIncoming("8 800 555 35 35")
            // The real clock decides here; before the vectors' expiry this is spoofed,
            // after it the expired list still flags the hotline.
            assertEquals(Verdict.SPOOFED, spoofed.verdict)
            assertTrue(spoofed.isDanger)
            assertEquals("Горячая линия", spoofed.label)
            val whatsapp = guard.screenIncoming("", Channel.WHATSAPP, displayName = "Служба безопасности Пример Банка")
            assertTrue(whatsapp.verdict == Verdict.IMPERSONATION || whatsapp.verdict == Verdict.UNVERIFIABLE)
            assertEquals(Risk.CAUTION, guard.checkBeforeCalling("+7 999 000 00 00").risk)
            // The batch form answers each number as the one-by-one form does, in order.
            val numbers = listOf("+7 999 000 00 00", "8 800 555 35 35", "not a number", "+7 495 000-00-01")
            assertEquals(
                numbers.map { guard.checkBeforeCalling(it).let { s -> Triple(s.verdict, s.risk, s.reason) } },
                guard.checkBeforeCalling(numbers).map { Triple(it.verdict, it.risk, it.reason.name.lowercase()) },
            )
        }
    }

    @Test
    fun unknownHomeRegionStillMatchesInternationalNumbers() {
        callGuard("").use { guard ->
            guard.addTrust(Vectors.text(TRUST))
            guard.loadListAt(Vectors.bytes(LIST), NOW)
            assertEquals(Verdict.OFFICIAL, guard.screenAt(BANK_LINE, NOW).verdict)
            assertNull(guard.normalize("8 495 000 00 01"))
        }
    }
}
