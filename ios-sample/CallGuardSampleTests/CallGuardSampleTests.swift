// Unit tests of what only iOS can run, hosted in the app on the Simulator:
// the protected state directory, the bundled trust, Info.plist identifiers,
// the hand-off through SharedGuard. The sample's decisions (settings, screen
// text, sync bookkeeping, Call Directory requests) are plain Swift in
// Logic/, tested there on Linux and on a Mac; the SDK in bindings/swift/Tests.
import CallGuard
import CallGuardSampleLogic
import XCTest
@testable import CallGuardSample

final class CallGuardSampleTests: XCTestCase {
    private var suiteName = ""
    private var settings: SharedSettings!
    private var directory: URL!

    override func setUpWithError() throws {
        suiteName = "callguard-sample-tests-\(UUID().uuidString)"
        settings = SharedSettings(defaults: try XCTUnwrap(UserDefaults(suiteName: suiteName)))
        settings.homeRegion = "RU"
        settings.language = "en"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(suiteName, isDirectory: true)
    }

    override func tearDownWithError() throws {
        UserDefaults.standard.removePersistentDomain(forName: suiteName)
        try? FileManager.default.removeItem(at: directory)
    }

    func testTheStateDirectoryIsCreatedProtectedUntilFirstUnlock() throws {
        try SharedGuard.prepare(directory: directory)
        try SharedGuard.prepare(directory: directory) // again: an existing directory is fine
        var isDirectory: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory))
        XCTAssertTrue(isDirectory.boolValue)
        // The Simulator does not always report data protection; a device does.
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.path)
        if let protection = attributes[.protectionKey] as? FileProtectionType {
            XCTAssertEqual(protection, .completeUntilFirstUserAuthentication)
        }
    }

    func testTheBundledTrustIsATrustFile() throws {
        let trust = try SharedGuard.bundledTrust()
        XCTAssertEqual(trust.count, 1)
        let callGuard = CallGuard(homeRegion: "RU")
        XCTAssertFalse(try callGuard.addTrust(trustJson: trust[0]).isEmpty)
    }

    func testAListTheAppStoredIsInForceInTheExtension() throws {
        let trust = try Fixtures.text("example-bank", "json")
        let app = try SharedGuard.open(settings: settings, stateDirectory: directory, trust: [trust])
        XCTAssertTrue(app.lists().isEmpty)
        let info = try app.loadListAt(jws: Fixtures.data("valid-eddsa-general", "jws"), nowUnixSeconds: Fixtures.listTime)
        XCTAssertEqual(info.version, 12)

        // The extension is another process: another guard on the same directory.
        let directoryProcess = try SharedGuard.open(settings: settings, stateDirectory: directory, trust: [trust])
        XCTAssertEqual(directoryProcess.lists().map(\.version), [12])
        let sink = RecordingSink()
        let report = try CallDirectoryFeeder(
            callGuard: directoryProcess,
            options: DirectoryOptions(language: nil, maxPrefixExpansion: 100_000, chunkSize: 500)
        ).feed(sink, appliedVersions: settings.directoryBaseline)
        XCTAssertEqual(report.mode, .full)
        XCTAssertEqual(report.versions, ["example-bank": 12])
        XCTAssertNotNil(sink.labels[78_005_553_535], "the hotline gets a warning label")
        XCTAssertTrue(sink.ascending)
    }

    func testASyncWithoutAURLFailsAndSaysWhy() async throws {
        let callGuard = try SharedGuard.open(settings: settings, stateDirectory: directory)
        settings.syncURL = "  "
        let result = await SyncService.run(callGuard: callGuard, settings: settings)
        guard case let .failure(error) = result else {
            return XCTFail("a sync without a URL succeeded")
        }
        XCTAssertTrue(error is SyncError)
        XCTAssertEqual(settings.lastSyncResult?.hasPrefix("Failed"), true)
        XCTAssertNil(settings.lastSync)
    }

    func testIdentifiersComeFromInfoPlist() {
        XCTAssertTrue(SampleConfig.appGroupID.hasPrefix("group."), SampleConfig.appGroupID)
        XCTAssertTrue(SampleConfig.directoryExtensionID.hasSuffix(".directory"), SampleConfig.directoryExtensionID)
    }
}

/// Test files from tests/vectors/ (bundled into this test target by
/// project.yml): TEST-ONLY keys, lists valid until 2026-12-28.
private enum Fixtures {
    /// 2026-12-01T00:00:00Z, when the vector lists are current.
    static let listTime: Int64 = 1_796_083_200

    static func data(_ name: String, _ ext: String) throws -> Data {
        let bundle = Bundle(for: CallGuardSampleTests.self)
        let url = try XCTUnwrap(bundle.url(forResource: name, withExtension: ext), "\(name).\(ext) not in the test bundle")
        return try Data(contentsOf: url)
    }

    static func text(_ name: String, _ ext: String) throws -> String {
        try XCTUnwrap(String(data: data(name, ext), encoding: .utf8))
    }
}

/// What CallKit would hold after a complete request.
private final class RecordingSink: CallDirectorySink {
    let isIncremental = false
    private(set) var labels: [Int64: String] = [:]
    private(set) var ascending = true
    private var last: Int64?

    func addIdentificationEntry(withNextSequentialPhoneNumber phoneNumber: Int64, label: String) {
        if let last, phoneNumber <= last { ascending = false }
        last = phoneNumber
        labels[phoneNumber] = label
    }

    func addBlockingEntry(withNextSequentialPhoneNumber phoneNumber: Int64) {}
    func removeIdentificationEntry(withPhoneNumber phoneNumber: Int64) {}
    func removeAllIdentificationEntries() {}
    func removeAllBlockingEntries() {}
}
