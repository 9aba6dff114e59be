// Holds the one CallGuard of the process. Trust comes from res/raw/trust.json
// (a TEST trust file: replace it with your `callguard trust` output); lists
// live in filesDir/callguard and are back in force as soon as trust is added.
package io.callguard.sample

import android.app.Application
import android.media.AudioManager
import android.os.Build
import android.telephony.TelephonyManager
import android.util.Log
import androidx.work.ExistingWorkPolicy
import io.callguard.CallGuard
import io.callguard.LogLevel
import io.callguard.SyncConfig
import io.callguard.callGuard
import io.callguard.sample.logic.DeviceDefaults
import io.callguard.sample.logic.InCallTracker
import io.callguard.sample.logic.Protection
import io.callguard.sample.logic.ProtectionOffException
import io.callguard.sample.logic.RepeatFilter
import io.callguard.sample.logic.SafeStart
import io.callguard.sample.logic.ScreeningDecider
import io.callguard.setLogger
import java.io.File
import java.util.Locale
import kotlin.concurrent.thread

class CallGuardApp : Application() {
    lateinit var settings: Settings
        private set

    @Volatile
    private var current: CallGuard? = null

    /**
     * Whether the native side started, and if not, why: the status screen shows it. Never
     * thrown from onCreate: the process must start even when the library cannot load (a
     * device ABI we do not ship, bindings and library from different builds), since Telecom
     * starts it to bind the screening service too. Calls then ring without warnings.
     */
    @Volatile
    var protection: Protection = Protection.NotStarted
        private set

    /** Set when the library itself did not load: nothing native may be called in this process. */
    @Volatile
    private var nativeOff: Protection.Off? = null

    /** Screening within Telecom's deadline (ScreeningDecider.DEFAULT_BUDGET_MILLIS); any failure allows the call. */
    val decider: ScreeningDecider by lazy { ScreeningDecider({ call -> guard().screen(call) }) }

    /** One warning per ringing messenger call. */
    val repeatFilter = RepeatFilter()

    /**
     * Where call events are recorded: one thread, in order, never the main one (a report
     * writes the state directory, a few milliseconds). The Transfer screen asks for advice on
     * it too, so the advice comes after every event reported before.
     */
    val inCallExecutor: java.util.concurrent.ExecutorService = java.util.concurrent.Executors.newSingleThreadExecutor()

    /**
     * In-call protection: what the screenings, the audio mode and the screen-recording state
     * say, reported to the guard (docs/in-call-protection.md). A report that fails (no guard,
     * a full disk) is logged by kind only: it must never stop a screening.
     */
    val inCall = InCallTracker({ event ->
        inCallExecutor.execute {
            runCatching { guard().reportCallEvent(event) }
                .onFailure { Log.w(TAG, "call event not recorded: ${it.javaClass.simpleName}") }
        }
    })

    override fun onCreate() {
        super.onCreate()
        settings = Settings(this)
        WarningNotifier.createChannels(this)
        // setLogger is the first call into Rust: it loads the library. Inside SafeStart, so a
        // library that cannot load turns protection off instead of killing the process.
        val native = SafeStart.attempt { setLogger { level, message -> Log.println(priority(level), TAG, message) } }
        if (native is Protection.Off) {
            nativeOff = native
            protection = native
            Log.e(TAG, "CallGuard protection off: ${native.reason}")
            return
        }
        watchAudioMode()
        // Load the trust and the stored lists off the main thread, so the first call does not
        // pay for it; then make sure a sync is scheduled.
        thread(name = "callguard-init") {
            runCatching { guard() }.onSuccess { g ->
                SyncWorker.schedule(this, g.nextSyncAt(), ExistingWorkPolicy.KEEP)
            }
        }
    }

    /**
     * The guard, created on first use. Throws when it cannot be: [ProtectionOffException] when
     * the native library did not start, else what creating it threw (see [protection]).
     */
    fun guard(): CallGuard = current ?: synchronized(this) {
        current ?: create(settings.language).also { current = it }
    }

    /** Language of the SDK's titles and messages: a new guard (same state directory). */
    fun setLanguage(language: String) {
        val old = synchronized(this) {
            settings.language = language
            val previous = current
            current = create(language)
            previous
        }
        old?.close() // screenings in flight on the old guard finish first (uniffi counts calls)
    }

    private fun create(language: String): CallGuard {
        nativeOff?.let { throw ProtectionOffException(it.reason) }
        return tryCreate(language)
    }

    private fun tryCreate(language: String): CallGuard = try {
        val stateDir = File(filesDir, "callguard").apply { mkdirs() }
        callGuard(homeRegion = homeRegion(), language = language, stateDir = stateDir.path).also { g ->
            g.addTrust(resources.openRawResource(R.raw.trust).bufferedReader().use { it.readText() })
            g.setSyncConfig(
                SyncConfig(
                    caCertsPem = listOfNotNull(syncCaPem()),
                    // Only debug builds may fetch http://localhost (adb reverse); release builds need HTTPS.
                    allowHttpLocalhost = BuildConfig.DEBUG,
                ),
            )
            protection = Protection.On
        }
    } catch (e: Throwable) {
        // Also Errors: a guard that cannot be created must leave the caller (a screening, the
        // status screen) with an exception it handles, and the status screen with the reason.
        val off = Protection.Off(SafeStart.reasonFor(e))
        protection = off
        Log.e(TAG, "CallGuard could not start: ${off.reason}")
        throw e
    }

    /**
     * "A call is on" without a permission: the audio mode (docs/platforms.md, "In-call
     * signals"). The listener is API 31; on 29-30 the Transfer screen reads the mode itself.
     */
    private fun watchAudioMode() {
        val audio = getSystemService(AudioManager::class.java) ?: return
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.S) {
            audio.addOnModeChangedListener(inCallExecutor) { mode -> inCall.audioMode(mode) }
        }
    }


    /** assets/sync-ca.pem, if the tester added one: the CA of a `callguard serve --tls-cert` server. */
    private fun syncCaPem(): String? =
        runCatching { assets.open("sync-ca.pem").bufferedReader().use { it.readText() } }.getOrNull()

    private fun homeRegion(): String {
        val tm = getSystemService(TelephonyManager::class.java)
        return DeviceDefaults.homeRegion(tm?.simCountryIso, tm?.networkCountryIso, Locale.getDefault().country)
    }

    private fun priority(level: LogLevel) = when (level) {
        LogLevel.ERROR -> Log.ERROR
        LogLevel.WARN -> Log.WARN
        LogLevel.INFO -> Log.INFO
        LogLevel.DEBUG -> Log.DEBUG
    }

    companion object {
        const val TAG = "CallGuard"
    }
}
