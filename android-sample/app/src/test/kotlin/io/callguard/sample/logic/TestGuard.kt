// Test support: a real CallGuard (the native library through JNA) with the
// shared vectors of the SDK repo: trust/example-bank.json and
// lists/valid-eddsa-general.jws, loaded and screened at 2026-12-01T00:00:00Z.
package io.callguard.sample.logic

import io.callguard.Call
import io.callguard.CallGuard
import io.callguard.Screening
import io.callguard.callGuard
import java.io.File

object TestGuard {
    /** 2026-12-01T00:00:00Z: the list (issued 2026-11-28, expires 2026-12-28) is current. */
    const val NOW = 1796083200L
    /** 2027-03-01T00:00:00Z: the list has expired. */
    const val LATER = 1803859200L

    val vectors: File = File(System.getProperty("callguard.vectors") ?: "tests/vectors")

    /** A guard for RU with the example bank's list in force; English copy unless [language]. */
    fun withList(language: String = "en"): CallGuard = callGuard("RU", language).also { g ->
        g.addTrust(File(vectors, "trust/example-bank.json").readText())
        g.loadListAt(File(vectors, "lists/valid-eddsa-general.jws").readBytes(), NOW)
    }

    /** A guard with trust but no list. */
    fun withoutList(): CallGuard = callGuard("RU").also { g ->
        g.addTrust(File(vectors, "trust/example-bank.json").readText())
    }

    /** One shared guard for the tests that only screen. */
    val shared: CallGuard by lazy { withList() }

    fun screen(call: Call, now: Long = NOW): Screening = shared.screenAt(call, now)
}
