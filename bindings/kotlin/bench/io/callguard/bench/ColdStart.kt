// What Telecom waits for when it starts the app's process cold for a call:
// from a new process to the first verdict, phase by phase, through the
// same public API the sample's CallGuardApp uses (the library loads at the
// first call, then the guard opens the state directory, the trust brings
// the stored list and feed back into force, and the call is screened).
// scripts/bench-cold-start.sh runs it in a new JVM each time. Prints
// figures; never judges them.
package io.callguard.bench

import io.callguard.Risk
import io.callguard.Verdict
import io.callguard.callGuard
import io.callguard.screenIncoming
import io.callguard.setLogger
import java.io.File

fun main(args: Array<String>) {
    val (stateDir, trustFile, listed, reported) = args
    val processStart = ProcessHandle.current().info().startInstant().get().toEpochMilli()
    val mainAt = System.nanoTime()
    val toMain = System.currentTimeMillis() - processStart
    val trust = File(trustFile).readText()

    fun ms(from: Long) = (System.nanoTime() - from) / 1e6
    var t = System.nanoTime()
    setLogger { _, _ -> } // the first call into Rust: loads the library
    val library = ms(t)
    t = System.nanoTime()
    val guard = callGuard(homeRegion = "RU", language = "en", stateDir = stateDir)
    val open = ms(t)
    t = System.nanoTime()
    guard.addTrust(trust)
    val addTrust = ms(t)
    t = System.nanoTime()
    val first = guard.screenIncoming(listed)
    val firstVerdict = ms(t)
    val total = ms(mainAt) + toMain
    t = System.nanoTime()
    val reportedVerdict = guard.screenIncoming(reported)
    val reportedMs = ms(t)
    check(first.verdict == Verdict.OFFICIAL) { "the listed number is ${first.verdict}" }
    check(reportedVerdict.risk == Risk.DANGER) { "the reported number is ${reportedVerdict.verdict}" }
    println(
        "cold start: process->main %d ms, library %.1f ms, guard %.1f ms, addTrust %.1f ms, screen %.2f ms, first verdict %.1f ms after process start, a reported number %.2f ms later"
            .format(toMain, library, open, addTrust, firstVerdict, total, reportedMs),
    )
    guard.close()
}
