// A list synced over HTTPS from a real `callguard serve` with its own CA,
// where one was started for these tests: the iOS simulator job of
// .github/workflows/mobile.yml starts it on the runner (the simulator shares
// the Mac's loopback) with scripts/phone-tests.sh serve, and passes
// CALLGUARD_SYNC_URL and CALLGUARD_SYNC_CA_FILE (as TEST_RUNNER_… variables,
// which xcodebuild hands to the tests without the prefix). Skipped elsewhere:
// FeedTests' testSyncFeedFromARealServer syncs from an in-process server on
// every run.
import Foundation
import XCTest
@testable import CallGuard

final class HttpsServerTests: XCTestCase {
    func testSyncListOverHttpsWithTheBanksOwnCa() throws {
        let env = ProcessInfo.processInfo.environment
        guard let url = env["CALLGUARD_SYNC_URL"], let caFile = env["CALLGUARD_SYNC_CA_FILE"] else {
            throw XCTSkip("no CALLGUARD_SYNC_URL / CALLGUARD_SYNC_CA_FILE: no server was started for this run")
        }
        let caPem = try String(contentsOfFile: caFile, encoding: .utf8)
        let now = try Vectors.epoch("2026-12-01T00:00:00Z")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        let cg = try CallGuard(homeRegion: "RU", language: "en", stateDirectory: dir)
        _ = try cg.addTrust(trustJson: Vectors.text("trust/example-bank.json"))
        cg.setSyncConfig(config: SyncConfig(caCertsPem: [caPem], totalTimeoutMs: 20000))
        XCTAssertEqual(try cg.syncAt(url: url, nowUnixSeconds: now).status, .updated)
        XCTAssertEqual(try cg.syncAt(url: url, nowUnixSeconds: now).status, .notModified)
        // Stored: a new guard on the same directory has it in force.
        let again = try CallGuard(homeRegion: "RU", language: "en", stateDirectory: dir)
        _ = try again.addTrust(trustJson: Vectors.text("trust/example-bank.json"))
        XCTAssertEqual(again.lists().map { $0.version }, [12])
    }
}
