// Prints the median cost of one `screen` and of a 10 000-call `screenMany`
// through the FFI from Swift; scripts/bench.sh puts them next to Kotlin's
// (bindings/kotlin/test/io/callguard/ScreenBenchmarkTest.kt measures the
// same calls the same way). Measured, never asserted: timing assertions make
// flaky tests.
import CallGuard
import Foundation
import XCTest

final class ScreenBenchmarkTests: XCTestCase {
    private func guardWithList() throws -> (CallGuard, Int64) {
        let now = try Vectors.epoch("2026-12-01T00:00:00Z")
        let cg = CallGuard(config: GuardConfig(homeRegion: "RU", language: "en", stateDir: nil, maxListBytes: nil))
        _ = try cg.addTrust(trustJson: Vectors.text("trust/example-bank.json"))
        _ = try cg.loadListAt(jws: Vectors.bytes("lists/valid-eddsa-general.jws"), nowUnixSeconds: now)
        return (cg, now)
    }

    private static func nanos(_ body: () -> Void) -> UInt64 {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return DispatchTime.now().uptimeNanoseconds - start
    }

    func testMedianScreenCostThroughTheFfi() throws {
        let (cg, now) = try guardWithList()
        let call = Call(number: "+7 495 000-00-01", channel: .phone, displayName: nil, attestation: .notVerified, direction: .incoming)
        for _ in 0..<20000 {
            _ = cg.screenAt(call: call, nowUnixSeconds: now) // warm-up, as on the JVM
        }
        var samples: [UInt64] = []
        samples.reserveCapacity(10000)
        for _ in 0..<10000 {
            var verdict = Verdict.unknown
            samples.append(Self.nanos { verdict = cg.screenAt(call: call, nowUnixSeconds: now).verdict })
            XCTAssertEqual(verdict, .official)
        }
        samples.sort()
        let median = Double(samples[samples.count / 2]) / 1000
        let p90 = Double(samples[samples.count * 9 / 10]) / 1000
        print(String(format: "swift screen: median %.1f µs, p90 %.1f µs over %d calls", median, p90, samples.count))
    }

    func testMedianScreenManyCostForACallLog() throws {
        let (cg, now) = try guardWithList()
        // The same call log as the Kotlin benchmark: 10 000 different callers,
        // every 20th a messenger caller known by name only, every 100th the bank.
        let calls = (0..<10000).map { i -> Call in
            if i % 100 == 0 {
                return Call(number: "+7 495 000-00-01", channel: .phone, displayName: nil, attestation: .notVerified, direction: .incoming)
            } else if i % 20 == 0 {
                return Call(number: "", channel: .whatsapp, displayName: "Служба безопасности \(i)", attestation: .notVerified, direction: .incoming)
            }
            let number = String(format: "8 916 %03d-%02d-%02d", i / 100, i % 100, i % 97)
            return Call(number: number, channel: .phone, displayName: nil, attestation: .notVerified, direction: .incoming)
        }
        let probe = [0, 1, 20, 9999]
        let expected = probe.map { cg.screenAt(call: calls[$0], nowUnixSeconds: now).verdict }
        for _ in 0..<20 {
            _ = cg.screenManyAt(calls: calls, nowUnixSeconds: now)
        }
        var samples: [UInt64] = []
        for _ in 0..<21 {
            var got: [ScreeningCode] = []
            samples.append(Self.nanos { got = cg.screenManyAt(calls: calls, nowUnixSeconds: now) })
            XCTAssertEqual(got.count, calls.count)
            XCTAssertEqual(probe.map { got[$0].verdict }, expected)
        }
        samples.sort()
        let ms = Double(samples[samples.count / 2]) / 1e6
        print(String(format: "swift screen_many: %d calls, median %.2f ms (%.2f µs per call)", calls.count, ms, ms * 1000 / Double(calls.count)))
    }
}
