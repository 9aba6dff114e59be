// The feed of reported numbers in the iOS sample's sync: synced after the
// list (whatever became of the list), recorded in the status line, and a
// Call Directory reload when the feed version in force changed in a mode
// that shows feeds. The feed versions are real: the shared feed vectors
// (tests/vectors/feeds) installed into a real guard at their clock.
import CallGuard
import CallGuardSampleLogic
import Foundation
import XCTest

final class FeedSyncFlowTests: SettingsTestCase {
    private let list = ListInfo(issuer: "example-bank", version: 12, issuedAt: "2026-11-28T09:00:00Z", expiresAt: "2026-12-28T09:00:00Z", contacts: 6)
    private var now: Date { Date(timeIntervalSince1970: TimeInterval(Fixtures.listTime)) }

    /// A guard on the test's state directory with the list and feed version 1 in force.
    private func guardWithFeedV1(_ name: String = "state") throws -> CallGuard {
        let cg = try SampleGuard.open(settings: settings, stateDirectory: directory.appendingPathComponent(name, isDirectory: true),
                                      trust: [Fixtures.text("trust/example-bank.json")])
        _ = try cg.loadListAt(jws: Fixtures.data("lists/valid-eddsa-general.jws"), nowUnixSeconds: Fixtures.listTime)
        _ = try cg.installFeedAt(manifest: Fixtures.data("feeds/manifest-1.jws"), blob: Fixtures.data("feeds/feed-1.cgfeed"),
                                 nowUnixSeconds: Fixtures.listTime)
        return cg
    }

    private func installV2(_ cg: CallGuard) throws {
        _ = try cg.installFeedDeltaAt(manifest: Fixtures.data("feeds/manifest-2.jws"), delta: Fixtures.data("feeds/feed-1-2.cgdelta"),
                                      nowUnixSeconds: Fixtures.listTime)
    }

    /// The directory holds what a full load applied in the settings' mode.
    private func directoryApplied(_ cg: CallGuard) {
        settings.appliedVersions = cg.directoryVersionsFor(mode: settings.feedMode)
        settings.appliedLanguage = settings.language
    }

    private let feedV2 = FeedSyncOutcome(status: .updated, issuer: "example-bank", version: 2, via: .delta, downloadedBytes: 1_949)

    func testTheFeedURLIsOptionalAndTrimmed() {
        XCTAssertEqual(settings.feedURL, "")
        XCTAssertNil(SyncFlow.feedURL(from: settings))
        settings.feedURL = "  https://127.0.0.1:8443/feed-manifest.jws \n"
        XCTAssertEqual(SyncFlow.feedURL(from: settings), "https://127.0.0.1:8443/feed-manifest.jws")
    }

    func testANewFeedVersionReloadsTheDirectoryInLabelAndBlockModes() async throws {
        for mode in [FeedDirectoryMode.label, .block] {
            settings.feedMode = mode
            let cg = try guardWithFeedV1("\(mode)")
            directoryApplied(cg)
            XCTAssertFalse(SyncFlow.needsDirectoryReload(SyncOutcome(status: .notModified, list: list),
                                                         current: cg.directoryVersionsFor(mode: mode), baseline: settings.directoryBaseline),
                           "\(mode): up to date")
            try installV2(cg)
            var reloads = 0
            await SyncFlow.record(.success(SyncOutcome(status: .notModified, list: list)), feed: .success(feedV2),
                                  current: cg.directoryVersionsFor(mode: mode), settings: settings, now: now) { reloads += 1 }
            XCTAssertEqual(reloads, 1, "\(mode): the feed changed what the directory shows")
            XCTAssertEqual(settings.lastSyncResult, "Up to date (version 12) · Feed version 2 (delta, 1.9 kB) · caller ID updated")
        }
    }

    func testANewFeedInOffModeLeavesTheDirectoryAlone() async throws {
        settings.feedMode = .off
        let cg = try guardWithFeedV1()
        directoryApplied(cg)
        try installV2(cg)
        var reloads = 0
        await SyncFlow.record(.success(SyncOutcome(status: .notModified, list: list)), feed: .success(feedV2),
                              current: cg.directoryVersionsFor(mode: .off), settings: settings, now: now) { reloads += 1 }
        XCTAssertEqual(reloads, 0, "feeds are not in the directory")
        XCTAssertEqual(settings.lastSyncResult, "Up to date (version 12) · Feed version 2 (delta, 1.9 kB)")
    }

    func testARefusedFeedNeverFailsTheList() async throws {
        var reloads = 0
        let refused = CallGuardError.InvalidFeed(code: "hash_mismatch", detail: "the blob's SHA-256 is not the manifest's")
        await SyncFlow.record(.success(SyncOutcome(status: .updated, list: list)), feed: .failure(refused),
                              current: ["example-bank": 12], settings: settings, now: now) { reloads += 1 }
        XCTAssertEqual(settings.lastSync, now, "the list synced")
        XCTAssertEqual(reloads, 1, "the new list is shown")
        XCTAssertEqual(settings.lastSyncResult,
                       "Updated to version 12 · Feed failed: feed refused (hash_mismatch): the blob's SHA-256 is not the manifest's · caller ID updated")
    }

    func testAFailedListStillBringsANewFeedToTheDirectory() async throws {
        let cg = try guardWithFeedV1()
        directoryApplied(cg)
        try installV2(cg)
        var reloads = 0
        await SyncFlow.record(.failure(CallGuardError.Network(detail: "timeout: 30 s")), feed: .success(feedV2),
                              current: cg.directoryVersionsFor(mode: settings.feedMode), settings: settings, now: now) { reloads += 1 }
        XCTAssertEqual(reloads, 1)
        XCTAssertNil(settings.lastSync, "the list did not sync")
        XCTAssertEqual(settings.lastSyncResult, "Failed: network: timeout: 30 s · Feed version 2 (delta, 1.9 kB) · caller ID updated")
    }

    func testAFailedListAndAnUnchangedFeedReloadNothing() async throws {
        let cg = try guardWithFeedV1()
        directoryApplied(cg)
        var reloads = 0
        let same = FeedSyncOutcome(status: .notModified, issuer: "example-bank", version: 1, via: nil, downloadedBytes: 0)
        await SyncFlow.record(.failure(CallGuardError.Network(detail: "timeout: 30 s")), feed: .success(same),
                              current: cg.directoryVersionsFor(mode: settings.feedMode), settings: settings, now: now) { reloads += 1 }
        XCTAssertEqual(reloads, 0)
        XCTAssertEqual(settings.lastSyncResult, "Failed: network: timeout: 30 s · Feed up to date (version 1)")
    }

    func testRunSyncsTheFeedAfterAFailedList() async throws {
        let callGuard = try openGuard()
        // Port 9 (discard) on loopback: refused at once, no server needed.
        settings.syncURL = "https://127.0.0.1:9/list.jws"
        settings.feedURL = "https://127.0.0.1:9/feed-manifest.jws"
        var reloads = 0
        let result = await SyncFlow.run(callGuard: callGuard, settings: settings) { reloads += 1 }
        guard case .failure(CallGuardError.Network) = result else {
            return XCTFail("expected the list's network error, got \(result)")
        }
        let status = settings.lastSyncResult ?? "nil"
        XCTAssertTrue(status.hasPrefix("Failed: network: connection_refused"), status)
        XCTAssertTrue(status.contains(" · Feed failed: network: connection_refused"), status)
        XCTAssertEqual(reloads, 0)
    }

    func testSizesAreDecimal() {
        XCTAssertEqual(SyncFlow.size(97), "97 B")
        XCTAssertEqual(SyncFlow.size(1_000), "1.0 kB")
        XCTAssertEqual(SyncFlow.size(1_949), "1.9 kB")
        XCTAssertEqual(SyncFlow.size(999_950), "1.0 MB")
        XCTAssertEqual(SyncFlow.size(38_612_345), "38.6 MB")
    }
}
