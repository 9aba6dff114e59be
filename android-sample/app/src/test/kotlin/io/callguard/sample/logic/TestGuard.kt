// Test support: a real CallGuard (the native library through JNA) with the
// shared vectors of the SDK repo: trust/example-bank.json and
// lists/valid-eddsa-general.jws, loaded and screened at 2026-12-01T00:00:00Z.
package io.callguard.sample.logic

import io.callguard.Call
import io.callguard.CallGuard
import io.callguard.GuardConfig
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

    /**
     * [withList] plus the shared feed vector's version 1 (tests/vectors/feeds: +7 916 123-45-67
     * reported as fraud, +7 999 123-45-67 as spam), installed at [NOW], the feed vectors' clock.
     */
    fun withFeed(language: String = "en"): CallGuard = withList(language).also { g ->
        g.installFeedAt(File(vectors, "feeds/manifest-1.jws").readBytes(), File(vectors, "feeds/feed-1.cgfeed").readBytes(), NOW)
    }

    /** A guard with trust but no list. */
    fun withoutList(): CallGuard = callGuard("RU").also { g ->
        g.addTrust(File(vectors, "trust/example-bank.json").readText())
    }

    /** tests/vectors/intents.json: its clock (2026-12-01T00:05:00Z) and audience. */
    const val INTENT_NOW = 1796083500L
    const val AUDIENCE = "callguard-test-audience"

    /**
     * A guard whose audience id is the intent vectors' (as `GuardConfig(intentAudience = …)`),
     * with their list (lists/intents-v20.jws: delegates intent keys, announces calls) in force.
     */
    fun withIntentList(language: String = "en", audience: String? = AUDIENCE): CallGuard =
        CallGuard(GuardConfig("RU", language, null, null, audience)).also { g ->
            g.addTrust(File(vectors, "trust/example-bank.json").readText())
            g.loadListAt(File(vectors, "lists/intents-v20.jws").readBytes(), INTENT_NOW)
        }

    /** The intent in tests/vectors/intents/[name].jwt, as its text. */
    fun intent(name: String): String = File(vectors, "intents/$name.jwt").readText()

    /** One shared guard for the tests that only screen. */
    val shared: CallGuard by lazy { withList() }

    fun screen(call: Call, now: Long = NOW): Screening = shared.screenAt(call, now)
}
