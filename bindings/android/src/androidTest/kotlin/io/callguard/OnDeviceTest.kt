// The SDK's own scenarios on a real Android runtime (an emulator in
// .github/workflows/mobile.yml, job android-device): the real .so in an
// APK, bionic, the app's private files. The shared vectors come from
// tests/vectors/ as this APK's assets (build.gradle.kts).
//
// aListIsStoredAndBackAfterARestart would have caught the lock bug of
// issue 21: every store takes the state directory's writers' lock, which
// std's File::lock answered with Unsupported on Android, so loadListAt
// threw and nothing was ever stored. The JVM tests could not see it: the
// same call works on Linux.
package io.callguard

import androidx.test.ext.junit.runners.AndroidJUnit4
import androidx.test.platform.app.InstrumentationRegistry
import org.json.JSONArray
import org.json.JSONObject
import org.junit.Assert.assertEquals
import org.junit.Assume.assumeTrue
import org.junit.Test
import org.junit.runner.RunWith
import java.io.File
import java.time.Instant
import java.util.Base64
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

@RunWith(AndroidJUnit4::class)
class OnDeviceTest {
    private val instrumentation = InstrumentationRegistry.getInstrumentation()
    private val now = Instant.parse("2026-12-01T00:00:00Z").epochSecond

    private fun bytes(rel: String): ByteArray = instrumentation.context.assets.open(rel).use { it.readBytes() }
    private fun text(rel: String): String = String(bytes(rel), Charsets.UTF_8)

    /** A fresh directory in the app's own files, as CallGuardApp uses. */
    private fun stateDir(name: String): File =
        File(instrumentation.targetContext.filesDir, "callguard-test/$name").apply {
            deleteRecursively()
            mkdirs()
        }

    private fun guard(dir: File?): CallGuard =
        callGuard(homeRegion = "RU", language = "en", stateDir = dir?.path).also {
            it.addTrust(text("trust/example-bank.json"))
        }

    @Test
    fun aListIsStoredAndBackAfterARestart() {
        val dir = stateDir("restart")
        guard(dir).use { it.loadListAt(bytes("lists/valid-eddsa-general.jws"), now) }
        guard(dir).use { restarted ->
            assertEquals(listOf(12UL), restarted.lists().map { it.version })
            val official = restarted.screenAt(
                Call("+7 495 000-00-01", Channel.PHONE, null, Attestation.NOT_VERIFIED, Direction.INCOMING),
                now,
            )
            assertEquals(Verdict.OFFICIAL, official.verdict)
        }
    }

    @Test
    fun aFeedIsInstalledAndBackAfterARestartThenAppliesItsDelta() {
        val doc = JSONObject(text("feeds/expected.json"))
        val versions = doc.getJSONArray("versions")
        val v1 = versions.getJSONObject(0)
        val v2 = versions.getJSONObject(1)
        val dir = stateDir("feed")
        guard(dir).use {
            it.loadListAt(bytes("lists/valid-eddsa-general.jws"), now)
            it.installFeedAt(bytes(v1.getString("manifest")), bytes(v1.getString("blob")), now)
        }
        guard(dir).use { restarted ->
            // The stored blob is hashed again at the start (off the caller's thread).
            assertEquals(listOf(1UL), restarted.feeds().map { it.version })
            assertCalls(restarted, v1.getJSONArray("calls"))
            restarted.installFeedDeltaAt(bytes(v2.getString("manifest")), bytes(v2.getString("delta")), now)
            assertCalls(restarted, v2.getJSONArray("calls"))
        }
    }

    private fun assertCalls(guard: CallGuard, calls: JSONArray) {
        for (i in 0 until calls.length()) {
            val c = calls.getJSONObject(i)
            val got = guard.screenAt(
                Call(
                    c.getString("number"), Channel.PHONE, null, Attestation.NOT_VERIFIED,
                    Direction.valueOf(c.getString("direction").uppercase()),
                ),
                now,
            )
            assertEquals(c.getString("name"), c.getString("verdict"), got.verdict.name.lowercase())
            assertEquals(c.getString("name"), c.getString("reason"), got.reason)
        }
    }

    /** Many writers at once (threads here; the Rust state tests run as separate processes too). */
    @Test
    fun concurrentWritersNeitherFailNorLoseTheList() {
        val dir = stateDir("writers")
        val guards = (1..4).map { guard(dir) }
        val pool = Executors.newFixedThreadPool(guards.size)
        val start = CountDownLatch(1)
        val results = guards.map { g ->
            pool.submit<ListInfo> {
                start.await()
                g.loadListAt(bytes("lists/valid-eddsa-general.jws"), now)
            }
        }
        start.countDown()
        results.forEach { assertEquals(12UL, it.get(30, TimeUnit.SECONDS).version) }
        pool.shutdown()
        guards.forEach { it.close() }
        guard(dir).use { assertEquals(listOf(12UL), it.lists().map { l -> l.version }) }
    }

    /** Every row of the decision table (tests/vectors/calls.json) on the device. */
    @Test
    fun everyCallVector() {
        val doc = JSONObject(text("calls.json"))
        val lists = doc.getJSONArray("lists")
        val cases = doc.getJSONArray("cases")
        for (i in 0 until cases.length()) {
            val case = cases.getJSONObject(i)
            CallGuard(GuardConfig(doc.getString("home_region"), case.getString("lang"), null, null)).use { g ->
                for (j in 0 until lists.length()) {
                    val pair = lists.getJSONObject(j)
                    g.addTrust(text(pair.getString("trust")))
                    g.loadListAt(bytes(pair.getString("list")), now)
                }
                val c = case.getJSONObject("call")
                val call = Call(
                    number = c.getString("number"),
                    channel = Channel.valueOf(c.getString("channel").uppercase()),
                    displayName = if (c.isNull("display_name")) null else c.getString("display_name"),
                    attestation = Attestation.valueOf(c.getString("attestation").uppercase()),
                    direction = Direction.valueOf(c.getString("direction").uppercase()),
                    savedContact = c.optBoolean("saved_contact", false),
                )
                val got = g.screenAt(call, Instant.parse(case.getString("now")).epochSecond)
                val e = case.getJSONObject("expect")
                val name = case.getString("name")
                assertEquals(name, e.getString("verdict"), got.verdict.name.lowercase())
                assertEquals(name, e.getString("risk"), got.risk.name.lowercase())
                assertEquals(name, e.getString("reason"), got.reason)
            }
        }
    }

    /**
     * A sync over HTTPS from `callguard serve` on the runner, reached through
     * `adb reverse` (the workflow passes syncUrl and the CA as instrumentation
     * arguments). Skipped where no server was started for it.
     */
    @Test
    fun syncsFromALocalHttpsServer() {
        val args = InstrumentationRegistry.getArguments()
        val url = args.getString("syncUrl")
        val ca = args.getString("syncCaPemBase64")
        assumeTrue("no syncUrl instrumentation argument", url != null && ca != null)
        val caPem = String(Base64.getDecoder().decode(ca), Charsets.UTF_8)
        guard(stateDir("sync")).use { g ->
            g.setSyncConfig(SyncConfig(caCertsPem = listOf(caPem), totalTimeoutMs = 20_000uL))
            val outcome = g.syncAt(url!!, now)
            assertEquals(SyncStatus.UPDATED, outcome.status)
            assertEquals(SyncStatus.NOT_MODIFIED, g.syncAt(url, now).status)
        }
    }
}
