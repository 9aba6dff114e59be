// The Call Directory with a feed in force, from Swift, on the shared feed
// vectors (tests/vectors/feeds): reported numbers labelled or blocked per
// FeedDirectoryMode, official numbers keeping the bank's label, feed
// versions per mode, the incremental changes from v1 to v2, and
// CallDirectoryFeeder in `.block` mode. Also the async `syncFeed(url:)`.
import CallGuard
import Foundation
import XCTest

final class DirectoryFeedTests: XCTestCase {
    private var doc: [String: Any] = [:]
    private var now: Int64 = 0
    private var v1: [String: Any] = [:]
    private var v2: [String: Any] = [:]

    // The vectors' numbers (numbers-1.txt, numbers-2.txt) as Call Directory numbers.
    private let fraud: Int64 = 79_161_234_567
    private let spamInV1: Int64 = 79_991_234_567      // fraud in v2
    private let officialReported: Int64 = 74_950_000_001  // the bank's own line, wrongly reported
    private let removedInV2: Int64 = 79_161_112_233
    private let addedInV2: Int64 = 79_160_000_000
    private let fraudLabel = "⚠ Reported: fraud"
    private let spamLabel = "⚠ Reported: spam"

    override func setUpWithError() throws {
        doc = try Vectors.json("feeds/expected.json")
        now = try XCTUnwrap((doc["now"] as? NSNumber)?.int64Value)
        let versions = try doc.objs("versions")
        v1 = try XCTUnwrap(versions.first { $0.uint64("version") == 1 })
        v2 = try XCTUnwrap(versions.first { $0.uint64("version") == 2 })
    }

    private func guardWithList(stateDirectory: URL? = nil) throws -> CallGuard {
        let cg = try CallGuard(homeRegion: doc.string("home_region"), language: doc.string("lang"), stateDirectory: stateDirectory)
        _ = try cg.addTrust(trustJson: Vectors.text(doc.string("trust")))
        _ = try cg.loadListAt(jws: Vectors.bytes(doc.string("list")), nowUnixSeconds: now)
        return cg
    }

    private func installV1(_ cg: CallGuard) throws {
        _ = try cg.installFeedAt(manifest: Vectors.bytes(v1.string("manifest")),
                                 blob: Vectors.bytes(v1.string("blob")), nowUnixSeconds: now)
    }

    private func installV2ByDelta(_ cg: CallGuard) throws {
        _ = try cg.installFeedDeltaAt(manifest: Vectors.bytes(v2.string("manifest")),
                                      delta: Vectors.bytes(v2.string("delta")), nowUnixSeconds: now)
    }

    private func options(_ mode: FeedDirectoryMode) -> DirectoryOptions {
        DirectoryOptions(chunkSize: 3, feeds: mode)
    }

    private func drain(_ reader: DirectoryReader) -> [DirectoryEntry] {
        var out: [DirectoryEntry] = []
        while case let chunk = reader.nextChunk(), !chunk.isEmpty { out += chunk }
        return out
    }

    private func drain(_ reader: BlockingReader) -> [Int64] {
        var out: [Int64] = []
        while case let chunk = reader.nextChunk(), !chunk.isEmpty { out += chunk }
        return out
    }

    /// The full directory as number → label, checked strictly ascending.
    private func full(_ cg: CallGuard, _ mode: FeedDirectoryMode, line: UInt = #line) -> [Int64: String] {
        let entries = drain(cg.directoryAt(options: options(mode), nowUnixSeconds: now))
        XCTAssertEqual(entries.map(\.number), entries.map(\.number).sorted(), "\(mode): ascending", line: line)
        XCTAssertEqual(Set(entries.map(\.number)).count, entries.count, "\(mode): unique", line: line)
        return Dictionary(entries.map { ($0.number, $0.label) }, uniquingKeysWith: { first, _ in first })
    }

    func testLabelModeMarksReportedNumbersAndKeepsTheBanksLabels() throws {
        let cg = try guardWithList()
        let listOnly = full(cg, .label)
        XCTAssertFalse(listOnly.values.contains { $0.hasPrefix("⚠ Reported") }, "no feed yet")
        try installV1(cg)
        let label = full(cg, .label)
        XCTAssertEqual(label[fraud], fraudLabel)
        XCTAssertEqual(label[spamInV1], spamLabel)
        XCTAssertEqual(label[removedInV2], spamLabel)
        XCTAssertEqual(label[officialReported], listOnly[officialReported], "the bank's line keeps the bank's label")
        XCTAssertNotNil(listOnly[officialReported])
        // Label = the lists' entries unchanged + the reported numbers (prefixes are not expanded).
        XCTAssertEqual(label.filter { listOnly[$0.key] != nil }, listOnly)
        // The vectors' 400 unchanging spam numbers (+7 927 …, make.sh) aside.
        let added = Set(label.keys).subtracting(listOnly.keys)
        let filler = added.filter { $0 / 10_000_000 == 7927 }
        XCTAssertEqual(filler.count, 400)
        XCTAssertTrue(filler.allSatisfy { label[$0] == spamLabel })
        XCTAssertEqual(added.subtracting(filler), [fraud, spamInV1, removedInV2])
        XCTAssertEqual(full(cg, .off), listOnly)
    }

    func testBlockModeMovesFraudToTheBlockingSequence() throws {
        let cg = try guardWithList()
        try installV1(cg)
        let listOnly = full(cg, .off)
        let block = full(cg, .block)
        XCTAssertNil(block[fraud], "a blocked number has no label")
        XCTAssertFalse(block.values.contains(fraudLabel))
        XCTAssertEqual(block[spamInV1], spamLabel, "spam is still labelled")
        XCTAssertEqual(block[officialReported], listOnly[officialReported])

        let customers = ["8 916 000-00-02", "+7 916 123 45 67", "Мама"]
        let blocking = drain(cg.blockingDirectoryAt(options: options(.block), numbers: customers, nowUnixSeconds: now))
        XCTAssertEqual(blocking, [79_160_000_002, fraud], "the customer's numbers and the fraud number, once each")
        XCTAssertEqual(drain(cg.blockingDirectoryAt(options: options(.label), numbers: customers, nowUnixSeconds: now)),
                       cg.blockingEntries(numbers: customers), "Label: the customer's block list only")
    }

    func testTheFeedIsRecordedPerMode() throws {
        let cg = try guardWithList()
        try installV1(cg)
        XCTAssertEqual(cg.directoryVersions(), ["example-bank": 12, "feed:example-bank": 1])
        XCTAssertEqual(cg.directoryVersionsFor(mode: .block), ["example-bank": 12, "feed-block:example-bank": 1])
        XCTAssertEqual(cg.directoryVersionsFor(mode: .off), ["example-bank": 12])
        XCTAssertEqual(CallDirectoryFeeder(callGuard: cg, options: options(.block)).versions(),
                       cg.directoryVersionsFor(mode: .block))
        XCTAssertEqual(CallDirectoryFeeder(callGuard: cg, options: DirectoryOptions()).versions(),
                       cg.directoryVersions(), "no mode: Label")
    }

    /// `base` with `changes` applied as the extension applies them: removals, then additions.
    private func apply(_ base: [Int64: String], _ changes: DirectoryChanges, line: UInt = #line) -> [Int64: String] {
        var out = base
        for r in drain(changes.removals()) {
            XCTAssertNotNil(out.removeValue(forKey: r.number), "removal of an entry not present", line: line)
        }
        for a in drain(changes.additions()) {
            XCTAssertNil(out.updateValue(a.label, forKey: a.number), "addition of an entry present", line: line)
        }
        return out
    }

    func testChangesFromV1ToV2TurnOneDirectoryIntoTheOther() throws {
        for mode in [FeedDirectoryMode.label, .block] {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cg-dirfeed-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: dir) }
            let cg = try guardWithList(stateDirectory: dir)
            try installV1(cg)
            let applied = cg.directoryVersionsFor(mode: mode)
            let fullV1 = full(cg, mode)
            try installV2ByDelta(cg)
            let fullV2 = full(cg, mode)
            XCTAssertNotEqual(fullV1, fullV2, "\(mode): v2 changes the directory")
            let changes = try XCTUnwrap(cg.directoryChangesAt(appliedVersions: applied, options: options(mode), nowUnixSeconds: now))
            XCTAssertEqual(apply(fullV1, changes), fullV2, "\(mode): v1 + changes = v2")
            if mode == .label {
                XCTAssertEqual(fullV2[addedInV2], fraudLabel)
                XCTAssertEqual(fullV2[spamInV1], fraudLabel, "spam → fraud")
                XCTAssertNil(fullV2[removedInV2])
            }
            let other: FeedDirectoryMode = mode == .label ? .block : .label
            XCTAssertNil(cg.directoryChangesAt(appliedVersions: cg.directoryVersionsFor(mode: other),
                                               options: options(mode), nowUnixSeconds: now), "another mode: reload")
        }
    }

    func testTheFeederPutsFraudIntoTheBlockingSequenceInBlockMode() throws {
        let cg = try guardWithList()
        try installV1(cg)
        let customers = ["+1 202 555 0100"]

        let labelled = RecordingSink()
        labelled.beginRequest(incremental: false)
        let labelReport = try CallDirectoryFeeder(callGuard: cg, options: options(.label))
            .feed(labelled, appliedVersions: nil, blockedNumbers: customers)
        XCTAssertEqual(labelled.identification[fraud], fraudLabel)
        XCTAssertEqual(labelled.blocking, [12_025_550_100], "Label: only the customer's numbers are blocked")
        XCTAssertEqual(labelReport.versions["feed:example-bank"], 1)

        let blocked = RecordingSink()
        blocked.beginRequest(incremental: false)
        let report = try CallDirectoryFeeder(callGuard: cg, options: options(.block))
            .feed(blocked, appliedVersions: nil, blockedNumbers: customers)
        XCTAssertEqual(blocked.blocking, [12_025_550_100, fraud], "ascending: the customer's and the fraud number")
        XCTAssertEqual(report.blocked, 2)
        XCTAssertNil(blocked.identification[fraud], "blocked, not labelled")
        XCTAssertEqual(blocked.identification[spamInV1], spamLabel, "spam is still labelled")
        XCTAssertFalse(blocked.blocking.contains(officialReported), "the bank's line is never blocked")
        XCTAssertEqual(blocked.identification[officialReported], labelled.identification[officialReported])
        XCTAssertEqual(report.versions, ["example-bank": 12, "feed-block:example-bank": 1])
        XCTAssertEqual(blocked.violations, [])

        // Switching the mode back: the Block versions do not diff in Label mode, so all is reloaded.
        blocked.beginRequest(incremental: true)
        let back = try CallDirectoryFeeder(callGuard: cg, options: options(.label))
            .feed(blocked, appliedVersions: report.versions, blockedNumbers: customers)
        XCTAssertEqual(back.mode, .full)
        XCTAssertEqual(blocked.identification, labelled.identification)
        XCTAssertEqual(blocked.blocking, [12_025_550_100])
        XCTAssertEqual(blocked.violations, [])
    }

    // MARK: - async syncFeed(url:)

    /// The app's transport: serves a manifest, records the URLs asked for.
    private final class Host: HttpTransport, @unchecked Sendable {
        let files: [String: Data]
        let fetched = Locked<[String]>([])
        init(_ files: [String: Data]) { self.files = files }
        func get(request: HttpRequest) throws -> HttpResponse {
            fetched.withLock { $0.append(request.url) }
            guard let body = files[request.url] else {
                return HttpResponse(status: 404, headers: [], body: Data(), finalUrl: request.url)
            }
            return HttpResponse(status: 200, headers: [], body: body, finalUrl: request.url)
        }
    }

    // The shared manifests expire (and syncFeed uses the real clock), so the
    // async overload is checked on a refusal that does not depend on the
    // date: a manifest signed by a key the guard does not trust (another bank's trust only).
    func testAsyncSyncFeedThrowsTheRefusalAndStoresNothing() async throws {
        let url = "https://bank.example/feed/manifest.jws"
        let host = Host([url: try Vectors.bytes(v1.string("manifest"))])
        let cg = CallGuard(homeRegion: "RU")
        _ = try cg.addTrust(trustJson: Vectors.text("trust/other-bank.json"))   // not example-bank's keys
        cg.setHttpTransport(transport: host)
        do {
            _ = try await cg.syncFeed(url: url)
            XCTFail("an untrusted feed was accepted")
        } catch let CallGuardError.InvalidFeed(code, detail) {
            XCTAssertEqual(code, "unknown_key", detail)
        }
        XCTAssertEqual(host.fetched.withLock { $0 }, [url], "the manifest only: no blob after a refusal")
        XCTAssertEqual(cg.feeds(), [])
    }

    func testAsyncSyncFeedCancelledBeforeItStartsFetchesNothing() async throws {
        let host = Host([:])
        let cg = CallGuard(homeRegion: "RU")
        cg.setHttpTransport(transport: host)
        let task = Task { () async throws -> FeedSyncOutcome in
            while !Task.isCancelled {
                await Task.yield()
            }
            return try await cg.syncFeed(url: "https://bank.example/feed/manifest.jws")
        }
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("a cancelled syncFeed returned")
        } catch is CancellationError {
            // expected: not started
        }
        XCTAssertEqual(host.fetched.withLock { $0 }, [])
    }
}
