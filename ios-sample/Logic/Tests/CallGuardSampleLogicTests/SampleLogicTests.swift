// The iOS sample's decisions, on Linux and on a Mac, against the real SDK
// and the shared vectors (TEST-ONLY keys): settings, screen text, what a
// sync leaves behind, and how Call Directory requests are fed and booked.
// What needs iOS (App Group container, bundle, CallKit, BackgroundTasks) is
// tested in ios-sample/CallGuardSampleTests on the Simulator.
import CallGuard
import CallGuardSampleLogic
import Foundation
import XCTest

final class SharedSettingsTests: SettingsTestCase {
    func testIdentifiersComeFromInfoPlistWithDefaults() {
        let set = SampleIdentifiers(info: [
            "CallGuardAppGroup": "group.com.example.guard",
            "CallGuardDirectoryExtension": "com.example.guard.directory",
        ])
        XCTAssertEqual(set.appGroupID, "group.com.example.guard")
        XCTAssertEqual(set.directoryExtensionID, "com.example.guard.directory")
        // An unset build setting expands to "": the defaults, not an empty id.
        let unset = SampleIdentifiers(info: ["CallGuardAppGroup": " ", "CallGuardDirectoryExtension": 7])
        XCTAssertEqual(unset.appGroupID, "group.io.callguard.sample")
        XCTAssertEqual(unset.directoryExtensionID, "io.callguard.sample.directory")
    }

    func testRegionIsStoredUppercaseAndLanguageFollowsThePreferredOne() {
        settings.homeRegion = " ru "
        XCTAssertEqual(settings.homeRegion, "RU")
        XCTAssertEqual(SharedSettings.language(preferred: ["ru-RU", "en"]), "ru")
        XCTAssertEqual(SharedSettings.language(preferred: ["uk-UA"]), "uk")
        XCTAssertEqual(SharedSettings.language(preferred: ["kk-KZ", "ru"]), "kk")
        XCTAssertEqual(SharedSettings.language(preferred: ["kkk"]), "en")
        XCTAssertEqual(SharedSettings.language(preferred: ["de-DE", "ru"]), "en")
        XCTAssertEqual(SharedSettings.language(preferred: []), "en")
    }

    func testAppliedVersionsRoundTripAndALanguageChangeMeansAFullReload() {
        XCTAssertNil(settings.directoryBaseline)
        settings.appliedVersions = ["example-bank": 12, "other-bank": 3]
        settings.appliedLanguage = "en"
        XCTAssertEqual(settings.directoryBaseline, ["example-bank": 12, "other-bank": 3])
        settings.language = "ru"
        XCTAssertNil(settings.directoryBaseline, "labels were written in English")
        settings.appliedVersions = nil
        settings.language = "en"
        XCTAssertNil(settings.directoryBaseline)
    }

    func testAppliedVersionsThatAreNotVersionsAreUnknown() {
        settings.defaults.set(["example-bank": "twelve"], forKey: "directory.appliedVersions")
        XCTAssertNil(settings.appliedVersions)
        settings.defaults.set(["example-bank": -1], forKey: "directory.appliedVersions")
        XCTAssertNil(settings.appliedVersions, "a negative number is not a version")
    }
}

final class FormatTests: XCTestCase {
    func testScreensShowExpiryVersionStatusAndRisk() {
        let info = ListInfo(
            issuer: "example-bank",
            version: 12,
            issuedAt: "2026-11-28T09:00:00Z",
            expiresAt: "2026-12-28T09:00:00Z",
            contacts: 4
        )
        let before = Date(timeIntervalSince1970: TimeInterval(Fixtures.listTime))
        let after = before.addingTimeInterval(60 * 86_400)
        XCTAssertTrue(Format.expiryLine(info, now: before).hasPrefix("Valid until"))
        XCTAssertTrue(Format.expiryLine(info, now: after).hasPrefix("Expired"))
        XCTAssertTrue(Format.expiryLine(info, now: after).hasSuffix(": sync to renew"))
        XCTAssertEqual(Format.versionLine(info), "Version 12 · 4 contacts")
        XCTAssertEqual(Format.date(nil), "—")
        XCTAssertNotEqual(Format.date(before), "—")
        XCTAssertEqual(Format.status(.enabled), "On")
        XCTAssertEqual(Format.status(.disabled), "Off")
        XCTAssertEqual(Format.status(.unknown), "Unknown")
        XCTAssertEqual(ScreeningStyle(risk: .danger).color, .red)
        XCTAssertEqual(ScreeningStyle(risk: .caution).color, .orange)
        XCTAssertEqual(ScreeningStyle(risk: .safe).symbol, "checkmark.shield.fill")
    }

    func testAnUnparsableExpiryIsShownAsSent() {
        let info = ListInfo(issuer: "x", version: 1, issuedAt: "?", expiresAt: "soon", contacts: 0)
        XCTAssertEqual(Format.expiryLine(info), "Valid until soon")
    }
}

final class SyncFlowTests: SettingsTestCase {
    private let list = ListInfo(issuer: "example-bank", version: 13, issuedAt: "2026-11-29T09:00:00Z", expiresAt: "2026-12-29T09:00:00Z", contacts: 4)

    func testASyncWithoutAURLFailsAndSaysWhy() async throws {
        let callGuard = try openGuard()
        settings.syncURL = "  \n"
        var reloads = 0
        let result = await SyncFlow.run(callGuard: callGuard, settings: settings) { reloads += 1 }
        guard case let .failure(error) = result else {
            return XCTFail("a sync without a URL succeeded")
        }
        XCTAssertEqual(error as? SyncError, .noURL)
        XCTAssertEqual(settings.lastSyncResult, "Failed: No list URL: set it in Settings.")
        XCTAssertNil(settings.lastSync)
        XCTAssertEqual(reloads, 0)
    }

    func testAFailedDownloadIsRecordedWithItsCodeAndReloadsNothing() async throws {
        let callGuard = try openGuard()
        // Port 9 (discard) on loopback: refused at once, no server needed.
        settings.syncURL = " https://127.0.0.1:9/list.jws "
        var reloads = 0
        let result = await SyncFlow.run(callGuard: callGuard, settings: settings) { reloads += 1 }
        guard case let .failure(error) = result, case CallGuardError.Network = error else {
            return XCTFail("expected a network error, got \(result)")
        }
        XCTAssertEqual(settings.lastSyncResult?.hasPrefix("Failed: network: "), true, settings.lastSyncResult ?? "nil")
        XCTAssertNil(settings.lastSync)
        XCTAssertEqual(reloads, 0)
    }

    func testANewListReloadsTheDirectory() async {
        let now = Date(timeIntervalSince1970: TimeInterval(Fixtures.listTime))
        var reloads = 0
        await SyncFlow.record(.success(SyncOutcome(status: .updated, list: list)), current: ["example-bank": 13], settings: settings, now: now) {
            reloads += 1
        }
        XCTAssertEqual(reloads, 1)
        XCTAssertEqual(settings.lastSync, now)
        XCTAssertEqual(settings.lastSyncResult, "Updated to version 13 · caller ID updated")
    }

    func testAnUnchangedListReloadsOnlyADirectoryThatIsBehind() async {
        let now = Date(timeIntervalSince1970: TimeInterval(Fixtures.listTime))
        settings.appliedVersions = ["example-bank": 13]
        settings.appliedLanguage = settings.language
        var reloads = 0
        await SyncFlow.record(.success(SyncOutcome(status: .notModified, list: list)), current: ["example-bank": 13], settings: settings, now: now) {
            reloads += 1
        }
        XCTAssertEqual(reloads, 0, "the directory holds what is in force")
        XCTAssertEqual(settings.lastSyncResult, "Up to date (version 13)")

        // An earlier reload expired: the directory's versions are unknown.
        settings.appliedVersions = nil
        await SyncFlow.record(.success(SyncOutcome(status: .notModified, list: list)), current: ["example-bank": 13], settings: settings, now: now) {
            reloads += 1
            throw CocoaLikeError.extensionDisabled
        }
        XCTAssertEqual(reloads, 1)
        XCTAssertEqual(settings.lastSyncResult?.hasPrefix("Up to date (version 13) · caller ID not updated: "), true, settings.lastSyncResult ?? "nil")
    }

    func testADirectoryInAnotherLanguageIsReloaded() {
        let outcome = SyncOutcome(status: .notModified, list: list)
        XCTAssertFalse(SyncFlow.needsDirectoryReload(outcome, current: ["example-bank": 13], baseline: ["example-bank": 13]))
        XCTAssertTrue(SyncFlow.needsDirectoryReload(outcome, current: ["example-bank": 13], baseline: nil))
        XCTAssertTrue(SyncFlow.needsDirectoryReload(outcome, current: ["example-bank": 13], baseline: ["example-bank": 12]))
        XCTAssertTrue(SyncFlow.needsDirectoryReload(SyncOutcome(status: .updated, list: list), current: ["example-bank": 13], baseline: ["example-bank": 13]))
    }

    func testTheNextBackgroundRefreshIsNeverInThePast() {
        let now = Date(timeIntervalSince1970: TimeInterval(Fixtures.listTime))
        XCTAssertEqual(SyncFlow.earliestBackgroundBegin(next: now.addingTimeInterval(-3600), now: now), now.addingTimeInterval(60))
        XCTAssertEqual(SyncFlow.earliestBackgroundBegin(next: now.addingTimeInterval(7200), now: now), now.addingTimeInterval(7200))
    }

    func testErrorsAreDescribedWithTheirCode() {
        XCTAssertEqual(
            SyncFlow.describe(CallGuardError.InvalidList(code: "expired", detail: "expires_at is past")),
            "list refused (expired): expires_at is past"
        )
        XCTAssertEqual(SyncFlow.describe(CallGuardError.Network(detail: "timeout: 30 s")), "network: timeout: 30 s")
        XCTAssertEqual(SyncFlow.describe(CallGuardError.Storage(detail: "rename failed")), "storage: rename failed")
        XCTAssertEqual(SyncFlow.describe(CallGuardError.InvalidTrust(detail: "no keys")), "trust file: no keys")
        XCTAssertEqual(SyncFlow.describe(SyncError.noURL), "No list URL: set it in Settings.")
    }
}

final class DirectoryRequestTests: SettingsTestCase {
    func testAListTheAppStoredIsInForceInTheExtension() throws {
        let app = try openGuard()
        XCTAssertTrue(app.lists().isEmpty)
        let info = try app.loadListAt(jws: Fixtures.data("lists/valid-eddsa-general.jws"), nowUnixSeconds: Fixtures.listTime)
        XCTAssertEqual(info.version, 12)

        // The extension is another process: another guard on the same directory.
        let directoryProcess = try openGuard()
        XCTAssertEqual(directoryProcess.lists().map(\.version), [12])
        let request = FakeRequest(incremental: false)
        let outcome = Locked<DirectoryRequest.Outcome?>(nil)
        DirectoryRequest.fulfill(request, callGuard: directoryProcess, settings: settings, finished: { o in outcome.set(o) })
        guard case let .accepted(report) = outcome.value else {
            return XCTFail("expected accepted, got \(String(describing: outcome.value))")
        }
        XCTAssertEqual(report.mode, .full)
        XCTAssertEqual(report.versions, ["example-bank": 12])
        XCTAssertEqual(request.labels[78_005_553_535], "⚠ Not Example Bank — hang up", "the hotline gets a warning label")
        XCTAssertTrue(request.ascending)
        XCTAssertEqual(settings.appliedVersions, ["example-bank": 12])
        XCTAssertEqual(settings.appliedLanguage, "en")
        XCTAssertEqual(settings.directoryBaseline, ["example-bank": 12])
        XCTAssertTrue(DirectoryRequest.describe(.accepted(report)).hasPrefix("directory full: +\(report.added) -0"))
    }

    func testTheNextRequestIsADiffFromTheBookedVersions() throws {
        let callGuard = try openGuard()
        _ = try callGuard.loadListAt(jws: Fixtures.data("lists/valid-eddsa-general.jws"), nowUnixSeconds: Fixtures.listTime)
        let request = FakeRequest(incremental: false)
        DirectoryRequest.fulfill(request, callGuard: callGuard, settings: settings)
        _ = try callGuard.loadListAt(jws: Fixtures.data("lists/valid-v13.jws"), nowUnixSeconds: Fixtures.listTime)

        request.begin(incremental: true)
        let outcome = Locked<DirectoryRequest.Outcome?>(nil)
        DirectoryRequest.fulfill(request, callGuard: callGuard, settings: settings, finished: { o in outcome.set(o) })
        guard case let .accepted(report) = outcome.value else {
            return XCTFail("expected accepted, got \(String(describing: outcome.value))")
        }
        XCTAssertEqual(report.versions, ["example-bank": 13])
        XCTAssertEqual(settings.appliedVersions, ["example-bank": 13])
        XCTAssertEqual(request.removeAllCalls, report.mode == .incremental ? 0 : 1)
    }

    func testAnExpiredRequestForgetsTheVersionsSoTheNextOneIsFull() throws {
        let callGuard = try openGuard()
        _ = try callGuard.loadListAt(jws: Fixtures.data("lists/valid-eddsa-general.jws"), nowUnixSeconds: Fixtures.listTime)
        settings.appliedVersions = ["example-bank": 11]
        settings.appliedLanguage = "en"
        let request = FakeRequest(incremental: true)
        request.expire = true
        let outcome = Locked<DirectoryRequest.Outcome?>(nil)
        DirectoryRequest.fulfill(request, callGuard: callGuard, settings: settings, finished: { o in outcome.set(o) })
        XCTAssertEqual(outcome.value, .expired)
        XCTAssertNil(settings.appliedVersions, "CallKit applied nothing: the directory's versions are unknown")
        XCTAssertNil(settings.directoryBaseline)

        request.begin(incremental: true)
        let removalsBefore = request.removeAllCalls
        DirectoryRequest.fulfill(request, callGuard: callGuard, settings: settings, finished: { o in outcome.set(o) })
        guard case let .accepted(report) = outcome.value else {
            return XCTFail("expected accepted, got \(String(describing: outcome.value))")
        }
        XCTAssertEqual(report.mode, .full)
        XCTAssertEqual(request.removeAllCalls, removalsBefore + 1, "an incremental request answered in full starts from empty")
        XCTAssertEqual(request.labels.count, report.added)
    }

    func testALanguageChangedDuringTheRequestIsNotBookedAsItsLanguage() throws {
        let callGuard = try openGuard()
        _ = try callGuard.loadListAt(jws: Fixtures.data("lists/valid-eddsa-general.jws"), nowUnixSeconds: Fixtures.listTime)
        let request = FakeRequest(incremental: false)
        request.onComplete = { [settings] in settings?.language = "ru" }
        DirectoryRequest.fulfill(request, callGuard: callGuard, settings: settings)
        XCTAssertEqual(settings.appliedLanguage, "en", "the labels were written in English")
        XCTAssertNil(settings.directoryBaseline, "Russian now: the next request rewrites every label")
    }

    func testACancelledRequestBooksNothing() throws {
        let callGuard = try openGuard()
        _ = try callGuard.loadListAt(jws: Fixtures.data("lists/valid-eddsa-general.jws"), nowUnixSeconds: Fixtures.listTime)
        let request = FakeRequest(incremental: false)
        let finished = Locked(0)
        DirectoryRequest.fulfill(request, callGuard: callGuard, settings: settings, isCancelled: { true }, finished: { _ in
            finished.set(1)
        })
        XCTAssertEqual(request.cancellations, 1)
        XCTAssertEqual(request.completions, 0)
        XCTAssertEqual(finished.value, 0)
        XCTAssertNil(settings.appliedVersions)
    }

    func testTheSampleOptionsKeepRequestsSmall() {
        XCTAssertNil(DirectoryRequest.options.language, "labels in the guard's language")
        XCTAssertLessThanOrEqual(DirectoryRequest.options.chunkSize, 5_000)
        XCTAssertEqual(DirectoryRequest.options.maxPrefixExpansion, 100_000)
    }
}

// MARK: - Support

/// Fresh settings in their own UserDefaults suite, and a state directory.
class SettingsTestCase: XCTestCase {
    private var suiteName = ""
    var settings: SharedSettings!
    var directory: URL!

    override func setUpWithError() throws {
        suiteName = "callguard-sample-logic-\(UUID().uuidString)"
        settings = SharedSettings(defaults: try XCTUnwrap(UserDefaults(suiteName: suiteName)))
        settings.homeRegion = "RU"
        settings.language = "en"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(suiteName, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        settings.defaults.removePersistentDomain(forName: suiteName)
        try? FileManager.default.removeItem(at: directory)
    }

    func openGuard() throws -> CallGuard {
        try SampleGuard.open(settings: settings, stateDirectory: directory, trust: [Fixtures.text("trust/example-bank.json")])
    }
}

enum CocoaLikeError: Error {
    case extensionDisabled
}

/// A Call Directory request that keeps what CallKit would: it completes at
/// once (or reports `expired` and keeps the directory it held before).
final class FakeRequest: CallDirectoryRequest {
    private(set) var isIncremental: Bool
    private(set) var labels: [Int64: String] = [:]
    private(set) var ascending = true
    private(set) var removeAllCalls = 0
    private(set) var completions = 0
    private(set) var cancellations = 0
    var expire = false
    var onComplete: () -> Void = {}
    private var last: Int64?
    private var before: [Int64: String] = [:]

    init(incremental: Bool) {
        isIncremental = incremental
    }

    func begin(incremental: Bool) {
        isIncremental = incremental
        last = nil
        expire = false
        before = labels
    }

    func completeDirectoryRequest(_ completion: @escaping @Sendable (_ expired: Bool) -> Void) {
        completions += 1
        onComplete()
        if expire { labels = before }
        completion(expire)
    }

    func cancelDirectoryRequest(with error: Error) {
        cancellations += 1
        labels = before
    }

    func addIdentificationEntry(withNextSequentialPhoneNumber phoneNumber: Int64, label: String) {
        if let last, phoneNumber <= last { ascending = false }
        last = phoneNumber
        labels[phoneNumber] = label
    }

    func addBlockingEntry(withNextSequentialPhoneNumber phoneNumber: Int64) {}

    func removeIdentificationEntry(withPhoneNumber phoneNumber: Int64) {
        labels[phoneNumber] = nil
    }

    func removeAllIdentificationEntries() {
        removeAllCalls += 1
        labels.removeAll()
    }

    func removeAllBlockingEntries() {}
}

/// A value the @Sendable completion handlers write.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) {
        stored = value
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func set(_ value: Value) {
        lock.lock()
        stored = value
        lock.unlock()
    }
}

/// tests/vectors/, found by walking up from this file (#filePath) or from
/// CALLGUARD_VECTORS: TEST-ONLY keys, lists valid until 2026-12-28.
enum Fixtures {
    /// 2026-12-01T00:00:00Z, when the vector lists are current.
    static let listTime: Int64 = 1_796_083_200

    static func data(_ rel: String) throws -> Data {
        try Data(contentsOf: directory().appendingPathComponent(rel))
    }

    static func text(_ rel: String) throws -> String {
        try XCTUnwrap(String(data: data(rel), encoding: .utf8), rel)
    }

    private static func directory() throws -> URL {
        if let override = ProcessInfo.processInfo.environment["CALLGUARD_VECTORS"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        var dir = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        for _ in 0..<16 {
            let candidate = dir.appendingPathComponent("tests/vectors", isDirectory: true)
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("lists.json").path) {
                return candidate
            }
            dir.deleteLastPathComponent()
        }
        throw XCTSkip("tests/vectors not found above \(#filePath); set CALLGUARD_VECTORS")
    }
}
