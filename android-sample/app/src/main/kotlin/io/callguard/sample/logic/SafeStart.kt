// Plain Kotlin (no android.*): starting the native side without taking the
// process down. The first call into Rust loads libcallguard_ffi.so through
// JNA and checks uniffi's API checksums; on a device without our ABI, or
// with bindings and library from different builds, that throws an Error
// (UnsatisfiedLinkError, ExceptionInInitializerError…). Thrown from
// Application.onCreate it kills every start of the process — also the one
// Telecom makes to bind the screening service. Caught here, it becomes
// "protection off: why" on the status screen, and calls simply ring.
package io.callguard.sample.logic

/** Whether CallGuard can screen, and if not, why (in words for the status screen). */
sealed interface Protection {
    /** Nothing has tried to start it yet. */
    data object NotStarted : Protection
    data object On : Protection
    data class Off(val reason: String) : Protection
}

/** Thrown instead of touching the native side once protection is off. */
class ProtectionOffException(val reason: String) : IllegalStateException("protection off: $reason")

object SafeStart {
    /**
     * Runs [step] and reports whether it worked. Catches every Throwable, Errors included:
     * a library that cannot load throws Errors, and nothing may escape into onCreate.
     */
    fun attempt(step: () -> Unit): Protection = try {
        step()
        Protection.On
    } catch (t: Throwable) {
        Protection.Off(reasonFor(t))
    }

    /**
     * Why, for the status screen and logcat. Never the caller's data: the steps that fail here
     * (loading the library, reading the trust file, opening the state directory) have none.
     */
    fun reasonFor(t: Throwable): String {
        // ExceptionInInitializerError (a static initialiser threw) and friends wrap the real one.
        val root = generateSequence(t) { it.cause?.takeIf { c -> c !== it } }.take(8).last()
        val message = root.message.orEmpty()
        return when {
            root is ProtectionOffException -> root.reason
            root is UnsatisfiedLinkError ->
                "the native library cannot be loaded on this device (missing for its CPU type, or damaged)"
            "checksum mismatch" in message || "contract version mismatch" in message ->
                "the native library does not match the app's bindings (rebuild both from the same source)"
            // A class whose static initialiser failed once fails with this ever after.
            root is NoClassDefFoundError ->
                "the native bindings failed to initialise earlier in this process"
            else -> root.javaClass.simpleName + (if (message.isEmpty()) "" else ": " + message.take(MAX_MESSAGE))
        }
    }

    /** The status screen's line. */
    fun statusLine(p: Protection): String = when (p) {
        Protection.On -> "Protection: on"
        Protection.NotStarted -> "Protection: starting…"
        is Protection.Off -> "Protection OFF: ${p.reason}. Calls ring as usual, without warnings."
    }

    private const val MAX_MESSAGE = 200
}
