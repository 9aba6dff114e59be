// The SDK from Swift, against the real Rust library, on the shared vectors
// in tests/vectors/ (the very files the Rust and Kotlin tests read). Mirrors
// bindings/kotlin/test/io/callguard/: every list vector, every call vector,
// every error variant, the logger called from Rust, screens racing a
// reload, persistence, the idiomatic layer; plus the Call Directory feeder.
//
// Run on Linux (the test command does; Debian's Swift in a chroot):
//     bindings/swift/run-linux-tests.sh
// on a Mac after bindings/build-ios.sh:
//     cd bindings/swift && swift test
// or on the simulator:
//     xcodebuild test -scheme CallGuard -destination 'platform=iOS Simulator,name=iPhone 16'
import CallGuard
import Foundation
import XCTest

private let nowText = "2026-12-01T00:00:00Z"
private let trustFile = "trust/example-bank.json"
private let listFile = "lists/valid-eddsa-general.jws"
private let bankLine = Call(
    number: "+7 495 000-00-01",
    channel: .phone,
    displayName: nil,
    attestation: .notVerified,
    direction: .incoming
)

final class ListVectorTests: XCTestCase {
    func testEveryListVector() throws {
        let cases = try Vectors.json("lists.json").objs("cases")
        XCTAssertGreaterThanOrEqual(cases.count, 40, "the manifest lost cases")
        for vector in cases {
            let name = try vector.string("name")
            let maxBytes = vector.uint64("max_bytes")
            let cg = CallGuard(config: GuardConfig(homeRegion: "RU", language: "en", stateDir: nil, maxListBytes: maxBytes))
            _ = try cg.addTrust(trustJson: Vectors.text(vector.string("trust")))
            let now = try Vectors.epoch(vector.string("now"))
            if let priorName = vector.optionalString("prior") {
                let prior = try XCTUnwrap(cases.first { $0.optionalString("name") == priorName }, name)
                _ = try cg.loadListAt(jws: Vectors.bytes(prior.string("list")), nowUnixSeconds: now)
            }
            let expect = try vector.string("expect")
            do {
                let info = try cg.loadListAt(jws: Vectors.bytes(vector.string("list")), nowUnixSeconds: now)
                XCTAssertEqual(expect, "ok", "\(name): accepted, expected \(expect)")
                if let version = vector.uint64("version") {
                    XCTAssertEqual(info.version, version, name)
                }
                if let contacts = vector.uint64("contacts") {
                    XCTAssertEqual(info.contacts, contacts, name)
                }
                XCTAssertEqual(cg.lists().filter { $0.issuer == info.issuer }, [info], name)
            } catch let CallGuardError.InvalidList(code, detail) {
                XCTAssertEqual(code, expect, "\(name): \(detail)")
            }
        }
    }
}

final class CallVectorTests: XCTestCase {
    func testEveryCallVector() throws {
        let doc = try Vectors.json("calls.json")
        let home = try doc.string("home_region")
        let loadedAt = try Vectors.epoch(nowText) // loaded while current; a case's clock may be later
        let cases = try doc.objs("cases")
        XCTAssertFalse(cases.isEmpty)
        for vector in cases {
            let name = try vector.string("name")
            let cg = try CallGuard(config: GuardConfig(homeRegion: home, language: vector.string("lang")))
            for pair in try doc.objs("lists") {
                _ = try cg.addTrust(trustJson: Vectors.text(pair.string("trust")))
                _ = try cg.loadListAt(jws: Vectors.bytes(pair.string("list")), nowUnixSeconds: loadedAt)
            }
            let c = try vector.obj("call")
            let call = try Call(
                number: c.string("number"),
                channel: VectorNames.channel(c.string("channel")),
                displayName: c.optionalString("display_name"),
                attestation: VectorNames.attestation(c.string("attestation")),
                direction: VectorNames.direction(c.string("direction")),
                savedContact: c["saved_contact"] as? Bool ?? false
            )
            let got = try cg.screenAt(call: call, nowUnixSeconds: Vectors.epoch(vector.string("now")))
            let e = try vector.obj("expect")
            XCTAssertEqual(VectorNames.name(got.verdict), e.optionalString("verdict"), "\(name): verdict")
            XCTAssertEqual(VectorNames.name(got.risk), e.optionalString("risk"), "\(name): risk")
            XCTAssertEqual(got.reason, e.optionalString("reason"), "\(name): reason")
            XCTAssertEqual(got.issuer, e.optionalString("issuer"), "\(name): issuer")
            XCTAssertEqual(got.label, e.optionalString("label"), "\(name): label")
            XCTAssertEqual(got.number, e.optionalString("number"), "\(name): number")
            XCTAssertFalse(got.title.isEmpty, name)
            XCTAssertFalse(got.message.isEmpty, name)
            if let number = got.number {
                XCTAssertFalse(got.message.contains(number), "\(name): number in message")
            }
        }
    }
}

final class SdkTests: XCTestCase {
    func testInvalidListCarriesTheRejectionCode() throws {
        let cg = CallGuard(homeRegion: "RU")
        _ = try cg.addTrust(trustJson: Vectors.text(trustFile))
        XCTAssertThrowsError(try cg.loadListAt(jws: Vectors.bytes("lists/forged-signature.jws"), nowUnixSeconds: Vectors.epoch(nowText))) { error in
            guard case let CallGuardError.InvalidList(code, detail) = error else {
                return XCTFail("expected InvalidList, got \(error)")
            }
            XCTAssertEqual(code, "bad_signature")
            XCTAssertFalse(detail.isEmpty)
            XCTAssertEqual((error as? CallGuardError)?.listRejectionCode, "bad_signature")
        }
        XCTAssertTrue(cg.lists().isEmpty, "nothing unverified is ever in force")
    }

    func testInvalidTrustIsAnError() throws {
        let cg = CallGuard(homeRegion: "RU")
        XCTAssertThrowsError(try cg.addTrust(trustJson: "{\"issuer\":\"x\"}")) { error in
            guard case let CallGuardError.InvalidTrust(detail) = error else {
                return XCTFail("expected InvalidTrust, got \(error)")
            }
            XCTAssertFalse(detail.isEmpty)
        }
        // A private key pasted into the app is refused.
        let privateKey = try Vectors.text("keys/ed-a.jwk")
        XCTAssertThrowsError(try cg.addTrust(trustJson: "{\"issuer\":\"example-bank\",\"keys\":[\(privateKey)]}")) { error in
            guard case CallGuardError.InvalidTrust = error else {
                return XCTFail("expected InvalidTrust, got \(error)")
            }
        }
    }

    func testUnusableStateDirectoryIsAStorageError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("callguard-\(UUID().uuidString).not-a-dir")
        XCTAssertTrue(FileManager.default.createFile(atPath: file.path, contents: Data()))
        defer { try? FileManager.default.removeItem(at: file) }
        let cg = CallGuard(homeRegion: "RU", stateDirectory: file.appendingPathComponent("state"))
        _ = try cg.addTrust(trustJson: Vectors.text(trustFile))
        XCTAssertThrowsError(try cg.loadListAt(jws: Vectors.bytes(listFile), nowUnixSeconds: Vectors.epoch(nowText))) { error in
            guard case CallGuardError.Storage = error else {
                return XCTFail("expected Storage, got \(error)")
            }
        }
        // Screening still answers: no valid list.
        XCTAssertEqual(try cg.screenAt(call: bankLine, nowUnixSeconds: Vectors.epoch(nowText)).verdict, .unverifiable)
    }

    func testUnreachableSyncURLIsANetworkError() throws {
        let cg = CallGuard(homeRegion: "RU")
        _ = try cg.addTrust(trustJson: Vectors.text(trustFile))
        // Port 9 (discard) on loopback: refused at once, no test server needed.
        XCTAssertThrowsError(try cg.sync(url: "https://127.0.0.1:9/list.jws")) { error in
            Self.assertNetworkError(error, code: "connection_refused")
        }
        XCTAssertTrue(cg.lists().isEmpty)
    }

    func testAsyncSyncReportsNetworkErrors() async throws {
        let cg = CallGuard(homeRegion: "RU")
        _ = try cg.addTrust(trustJson: Vectors.text(trustFile))
        do {
            _ = try await cg.sync(url: "https://127.0.0.1:9/list.jws")
            XCTFail("a sync from a closed port succeeded")
        } catch {
            Self.assertNetworkError(error, code: "connection_refused")
        }
    }

    func testAsyncSyncCancelledBeforeItStartsDoesNothing() async throws {
        let cg = CallGuard(homeRegion: "RU")
        let task = Task { () async throws -> SyncOutcome in
            while !Task.isCancelled {
                await Task.yield()
            }
            return try await cg.sync(url: "https://127.0.0.1:9/list.jws")
        }
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("a cancelled sync returned")
        } catch is CancellationError {
            // expected: not started
        }
    }

    func testTheLoggerIsCalledFromRustWithNothingPersonal() throws {
        let lines = Locked<[(LogLevel, String)]>([])
        setLogger { level, message in
            lines.withLock { $0.append((level, message)) }
        }
        defer { setLogger { _, _ in } }
        do {
            let cg = CallGuard(homeRegion: "RU")
            let now = try Vectors.epoch(nowText)
            _ = try cg.addTrust(trustJson: Vectors.text(trustFile))
            _ = try cg.loadListAt(jws: Vectors.bytes(listFile), nowUnixSeconds: now)
            _ = try? cg.loadListAt(jws: Vectors.bytes("lists/tampered-payload.jws"), nowUnixSeconds: now)
            _ = cg.screenAt(call: bankLine, nowUnixSeconds: now)
        }
        let seen = lines.withLock { $0 }
        XCTAssertTrue(seen.contains { $0.0 == .info && $0.1.contains("version 12") }, "\(seen)")
        XCTAssertTrue(seen.contains { $0.0 == .warn && $0.1.contains("bad_signature") }, "\(seen)")
        for (_, message) in seen {
            XCTAssertNil(message.range(of: "[0-9]{7,}", options: .regularExpression), "a number in a log line: \(message)")
            XCTAssertFalse(message.contains("Example Bank") || message.contains("Hotline"), message)
        }
    }

    func testEightThreadsScreenWhileAnotherReloads() throws {
        let cg = CallGuard(homeRegion: "RU")
        let trust = try Vectors.text(trustFile)
        let lists = try [Vectors.bytes(listFile), Vectors.bytes("lists/valid-es256-general.jws")]
        let now = try Vectors.epoch(nowText)
        _ = try cg.addTrust(trustJson: trust)
        _ = try cg.loadListAt(jws: lists[0], nowUnixSeconds: now)

        let screened = Locked(0)
        let wrong = Locked(0)
        let reloads = Locked(0)
        let failures = Locked<[String]>([])
        // Iterations 0–7 screen, 8 reloads. No start barrier: concurrentPerform
        // may run fewer threads than iterations on a small machine.
        DispatchQueue.concurrentPerform(iterations: 9) { worker in
            if worker == 8 {
                for i in 0..<100 {
                    do {
                        // Same version, same payload: accepted again and swapped in.
                        _ = try cg.loadListAt(jws: lists[i % 2], nowUnixSeconds: now)
                        _ = try cg.addTrust(trustJson: trust)
                        reloads.withLock { $0 += 1 }
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
            } else {
                for _ in 0..<500 {
                    let s = cg.screenAt(call: bankLine, nowUnixSeconds: now)
                    if s.verdict != .official || s.label != "Card department" {
                        wrong.withLock { $0 += 1 }
                    }
                    screened.withLock { $0 += 1 }
                }
            }
        }
        XCTAssertEqual(failures.withLock { $0 }, [])
        XCTAssertEqual(screened.withLock { $0 }, 4000)
        XCTAssertEqual(reloads.withLock { $0 }, 100)
        XCTAssertEqual(wrong.withLock { $0 }, 0, "a screen saw a half-loaded state")
    }

    func testReleasingTheLastReferenceFreesTheGuard() {
        // Swift has no close(): the Rust object is freed in deinit.
        weak var released: CallGuard?
        do {
            let cg = CallGuard(homeRegion: "RU")
            XCTAssertNil(cg.normalize(number: "Мама"))
            released = cg
        }
        XCTAssertNil(released)
    }

    func testAStateDirectoryKeepsTheListForTheNextStart() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("callguard-state-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let now = try Vectors.epoch(nowText)
        do {
            let cg = CallGuard(homeRegion: "RU", stateDirectory: dir)
            _ = try cg.addTrust(trustJson: Vectors.text(trustFile))
            _ = try cg.loadListAt(jws: Vectors.bytes("lists/valid-v13.jws"), nowUnixSeconds: now)
        }
        let cg = CallGuard(homeRegion: "RU", stateDirectory: dir)
        XCTAssertTrue(cg.lists().isEmpty, "trust is never read from disk")
        _ = try cg.addTrust(trustJson: Vectors.text(trustFile))
        XCTAssertEqual(cg.lists().map(\.version), [13])
        XCTAssertEqual(cg.screenAt(call: bankLine, nowUnixSeconds: now).verdict, .official)
        XCTAssertThrowsError(try cg.loadListAt(jws: Vectors.bytes(listFile), nowUnixSeconds: now)) { error in
            XCTAssertEqual((error as? CallGuardError)?.listRejectionCode, "rollback")
        }
    }

    func testIdiomaticLayer() throws {
        let cg = CallGuard(homeRegion: "RU", language: "ru")
        _ = try cg.addTrust(trustJson: Vectors.text(trustFile))
        _ = try cg.loadListAt(jws: Vectors.bytes(listFile), nowUnixSeconds: Vectors.epoch(nowText))
        XCTAssertEqual(cg.normalize(number: "8 (800) 555-35-35"), "+78005553535")
        XCTAssertEqual(cg.normalize(number: "900"), "900")
        let spoofed = cg.screenIncoming(number: "8 800 555 35 35")
        // The real clock decides here; before the vectors' expiry this is spoofed,
        // after it the expired list still flags the hotline.
        XCTAssertEqual(spoofed.verdict, .spoofed)
        XCTAssertTrue(spoofed.isDanger)
        XCTAssertEqual(spoofed.label, "Горячая линия")
        let whatsapp = cg.screenIncoming(number: "", channel: .whatsapp, displayName: "Служба безопасности Пример Банка")
        XCTAssertTrue(whatsapp.verdict == .impersonation || whatsapp.verdict == .unverifiable, "\(whatsapp.verdict)")
        XCTAssertEqual(cg.checkBeforeCalling(number: "+7 999 000 00 00").risk, .caution)

        let info = try XCTUnwrap(cg.lists().first)
        XCTAssertNotNil(info.issuedAtDate)
        let expires = try XCTUnwrap(info.expiresAtDate)
        XCTAssertTrue(info.isExpired(at: expires.addingTimeInterval(1)))
        XCTAssertFalse(info.isExpired(at: expires.addingTimeInterval(-1)))
        // Never synced: "now" at the latest, which moves between the calls.
        XCTAssertGreaterThan(cg.nextSyncAt(), 0)
        XCTAssertEqual(cg.nextSyncDate().timeIntervalSince1970, TimeInterval(cg.nextSyncAt()), accuracy: 2)

        // loadList(jws: String) runs on the real clock: accepted, or refused
        // only because the vectors have expired by now.
        let fresh = CallGuard(homeRegion: "RU")
        _ = try fresh.addTrust(trustJson: Vectors.text(trustFile))
        // The call is outside XCTAssertEqual: inside its autoclosure an error
        // would be recorded as a failure and never reach the catch below.
        do {
            let info = try fresh.loadList(jws: Vectors.text("lists/valid-v13.jws"))
            XCTAssertEqual(info.version, 13)
        } catch let CallGuardError.InvalidList(code, detail) {
            XCTAssertEqual(code, "expired", detail)
        }
    }

    func testUnknownHomeRegionStillMatchesInternationalNumbers() throws {
        let cg = CallGuard(homeRegion: "")
        _ = try cg.addTrust(trustJson: Vectors.text(trustFile))
        _ = try cg.loadListAt(jws: Vectors.bytes(listFile), nowUnixSeconds: Vectors.epoch(nowText))
        XCTAssertEqual(try cg.screenAt(call: bankLine, nowUnixSeconds: Vectors.epoch(nowText)).verdict, .official)
        XCTAssertNil(cg.normalize(number: "8 495 000 00 01"))
    }

    /// The detail starts with the expected code (README: "Sync error codes").
    static func assertNetworkError(_ error: Error, code: String, file: StaticString = #filePath, line: UInt = #line) {
        guard case let CallGuardError.Network(detail) = error else {
            return XCTFail("expected Network, got \(error)", file: file, line: line)
        }
        XCTAssertTrue(detail.hasPrefix("\(code): "), "detail must start with \(code): \(detail)", file: file, line: line)
    }
}

final class CallDirectoryFeederTests: XCTestCase {
    private func loadedGuard(_ list: String = listFile) throws -> CallGuard {
        let cg = CallGuard(homeRegion: "RU")
        _ = try cg.addTrust(trustJson: Vectors.text(trustFile))
        _ = try cg.loadListAt(jws: Vectors.bytes(list), nowUnixSeconds: Vectors.epoch(nowText))
        return cg
    }

    private func options(chunkSize: UInt32 = 1000, maxPrefixExpansion: UInt64 = 100_000) -> DirectoryOptions {
        DirectoryOptions(language: nil, maxPrefixExpansion: maxPrefixExpansion, chunkSize: chunkSize)
    }

    func testAFullLoadAddsEveryEntryInAscendingOrderAcrossChunks() throws {
        let cg = try loadedGuard()
        let sink = RecordingSink()
        sink.beginRequest(incremental: false)
        let report = try CallDirectoryFeeder(callGuard: cg, options: options(chunkSize: 7))
            .feed(sink, appliedVersions: nil)
        XCTAssertEqual(report.mode, .full)
        XCTAssertEqual(report.versions, ["example-bank": 12])
        XCTAssertEqual(report.added, sink.identification.count)
        XCTAssertEqual(sink.violations, [])
        XCTAssertEqual(sink.removeAllCalls, 0, "a complete request must not remove")
        XCTAssertNotNil(sink.identification[74_950_000_001], "the bank's outbound line")
        // The hotline is inbound_only: the bank never calls from it.
        XCTAssertEqual(sink.identification[78_005_553_535], "⚠ Not Example Bank — hang up")
        XCTAssertEqual(report.skippedPrefixes, 0)
    }

    func testAPrefixOverTheCapIsSkippedAndCounted() throws {
        let cg = try loadedGuard()
        let sink = RecordingSink()
        sink.beginRequest(incremental: false)
        let report = try CallDirectoryFeeder(callGuard: cg, options: options(maxPrefixExpansion: 10))
            .feed(sink, appliedVersions: nil)
        XCTAssertGreaterThanOrEqual(report.skippedPrefixes, 1)
        XCTAssertNil(sink.identification[74_951_110_000], "+7495111… is a prefix range")
        XCTAssertEqual(sink.violations, [])
    }

    func testAnIncrementalUpdateEndsWhereAFullLoadWould() throws {
        let cg = try loadedGuard()
        let directory = RecordingSink()
        directory.beginRequest(incremental: false)
        let first = try CallDirectoryFeeder(callGuard: cg, options: options()).feed(directory, appliedVersions: nil)

        _ = try cg.loadListAt(jws: Vectors.bytes("lists/valid-v13.jws"), nowUnixSeconds: Vectors.epoch(nowText))
        directory.beginRequest(incremental: true)
        let update = try CallDirectoryFeeder(callGuard: cg, options: options())
            .feed(directory, appliedVersions: first.versions)
        XCTAssertEqual(update.versions, ["example-bank": 13])
        if update.mode == .incremental {
            XCTAssertEqual(directory.removeAllCalls, 0, "an incremental update removes only what changed")
        }

        let expected = RecordingSink()
        expected.beginRequest(incremental: false)
        _ = try CallDirectoryFeeder(callGuard: cg, options: options()).feed(expected, appliedVersions: nil)
        XCTAssertEqual(directory.identification, expected.identification)
        XCTAssertEqual(directory.violations, [])
    }

    func testAnIncrementalRequestWithUnknownVersionsReloadsEverything() throws {
        let cg = try loadedGuard()
        let sink = RecordingSink()
        sink.beginRequest(incremental: false)
        sink.addIdentificationEntry(withNextSequentialPhoneNumber: 1, label: "stale")
        sink.beginRequest(incremental: true)
        let report = try CallDirectoryFeeder(callGuard: cg, options: options()).feed(sink, appliedVersions: nil)
        XCTAssertEqual(report.mode, .full)
        XCTAssertEqual(sink.removeAllCalls, 1)
        XCTAssertNil(sink.identification[1])
        XCTAssertEqual(sink.identification.count, report.added)
    }

    func testCancellationStopsBetweenChunks() throws {
        let cg = try loadedGuard()
        let sink = RecordingSink()
        sink.beginRequest(incremental: false)
        var chunksSeen = 0
        XCTAssertThrowsError(
            try CallDirectoryFeeder(callGuard: cg, options: options(chunkSize: 2))
                .feed(sink, appliedVersions: nil, isCancelled: {
                    chunksSeen += 1
                    return chunksSeen > 2
                })
        ) { error in
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
        XCTAssertLessThanOrEqual(sink.identification.count, 4)
    }

    // MARK: fulfill: completeRequest's flag is `expired` (issue 11 item 14)

    func testACompletedRequestSavesTheVersionsItApplied() throws {
        let cg = try loadedGuard()
        let directory = RecordingSink()
        let saved = Locked<[String: UInt64]?>(nil)
        let expiredCalls = Locked(0)
        directory.beginRequest(incremental: false)
        CallDirectoryFeeder(callGuard: cg, options: options()).fulfill(
            directory,
            appliedVersions: nil,
            onExpired: { expiredCalls.withLock { $0 += 1 } },
            onAccepted: { report in saved.withLock { $0 = report.versions } }
        )
        XCTAssertEqual(directory.completions, 1)
        XCTAssertEqual(directory.cancellations, 0)
        XCTAssertEqual(saved.withLock { $0 }, ["example-bank": 12], "completed, not expired: the versions are the directory's now")
        XCTAssertEqual(expiredCalls.withLock { $0 }, 0)
        XCTAssertNotNil(directory.identification[74_950_000_001])

        // The next request diffs from what was saved and ends where a full load would.
        _ = try cg.loadListAt(jws: Vectors.bytes("lists/valid-v13.jws"), nowUnixSeconds: Vectors.epoch(nowText))
        directory.beginRequest(incremental: true)
        CallDirectoryFeeder(callGuard: cg, options: options()).fulfill(
            directory,
            appliedVersions: saved.withLock { $0 },
            onAccepted: { report in saved.withLock { $0 = report.versions } }
        )
        XCTAssertEqual(saved.withLock { $0 }, ["example-bank": 13])
        let expected = RecordingSink()
        expected.beginRequest(incremental: false)
        _ = try CallDirectoryFeeder(callGuard: cg, options: options()).feed(expected, appliedVersions: nil)
        XCTAssertEqual(directory.identification, expected.identification)
        XCTAssertEqual(directory.violations, [])
    }

    func testAnExpiredRequestSavesNothingAndTheNextRequestReloadsEverything() throws {
        let cg = try loadedGuard()
        let directory = RecordingSink()
        let saved = Locked<[String: UInt64]?>(nil)
        let expiredCalls = Locked(0)
        directory.beginRequest(incremental: false)
        directory.expireOnCompletion = true
        CallDirectoryFeeder(callGuard: cg, options: options()).fulfill(
            directory,
            appliedVersions: nil,
            onExpired: { expiredCalls.withLock { $0 += 1 } },
            onAccepted: { report in saved.withLock { $0 = report.versions } }
        )
        XCTAssertEqual(directory.completions, 1)
        XCTAssertNil(saved.withLock { $0 }, "expired: CallKit applied nothing, so no versions may be saved")
        XCTAssertEqual(expiredCalls.withLock { $0 }, 1)
        XCTAssertTrue(directory.identification.isEmpty, "the fake, like CallKit, dropped what the expired request added")

        // Nothing saved: the next (incremental) request is answered in full.
        directory.beginRequest(incremental: true)
        let report = Locked<CallDirectoryFeeder.Report?>(nil)
        CallDirectoryFeeder(callGuard: cg, options: options()).fulfill(
            directory,
            appliedVersions: saved.withLock { $0 },
            onAccepted: { r in report.withLock { $0 = r } }
        )
        let done = try XCTUnwrap(report.withLock { $0 })
        XCTAssertEqual(done.mode, .full)
        XCTAssertEqual(directory.removeAllCalls, 1)
        XCTAssertEqual(directory.identification.count, done.added)
        XCTAssertEqual(done.versions, ["example-bank": 12])
    }

    func testAFeedErrorCancelsTheRequestAndSavesNothing() throws {
        let cg = try loadedGuard()
        let directory = RecordingSink()
        let accepted = Locked(0)
        directory.beginRequest(incremental: false)
        CallDirectoryFeeder(callGuard: cg, options: options(chunkSize: 2)).fulfill(
            directory,
            appliedVersions: nil,
            isCancelled: { true },
            onAccepted: { _ in accepted.withLock { $0 += 1 } }
        )
        XCTAssertEqual(directory.cancellations, 1)
        XCTAssertEqual(directory.completions, 0)
        XCTAssertEqual(accepted.withLock { $0 }, 0)
    }

    func testBlockedNumbersAreNormalizedSortedAndUnique() throws {
        let cg = try loadedGuard()
        let sink = RecordingSink()
        sink.beginRequest(incremental: true)
        let report = try CallDirectoryFeeder(callGuard: cg, options: options())
            .feed(sink, appliedVersions: nil, blockedNumbers: ["+7 999 000-00-00", "8 999 000 00 00", "+1 202 555 0100"])
        XCTAssertEqual(sink.blocking, [12_025_550_100, 79_990_000_000])
        XCTAssertEqual(report.blocked, 2)
        XCTAssertEqual(sink.removeAllBlockingCalls, 1, "an incremental request replaces the blocked numbers")
        XCTAssertEqual(sink.violations, [])
    }
}

// MARK: - Test support

/// A fake Call Directory that keeps what CallKit would and records the
/// rules a real `CXCallDirectoryExtensionContext` enforces. As a request it
/// completes at once; with `expireOnCompletion` it reports `expired` and, as
/// CallKit does then, keeps the directory it held before the request.
final class RecordingSink: CallDirectoryRequest {
    private(set) var isIncremental = false
    private(set) var identification: [Int64: String] = [:]
    private(set) var blocking: [Int64] = []
    private(set) var removeAllCalls = 0
    private(set) var removeAllBlockingCalls = 0
    private(set) var violations: [String] = []
    private(set) var completions = 0
    private(set) var cancellations = 0
    /// The next completion reports `expired == true`.
    var expireOnCompletion = false
    private var lastAdded: Int64?
    private var lastBlocked: Int64?
    private var before: (identification: [Int64: String], blocking: [Int64]) = ([:], [])

    func beginRequest(incremental: Bool) {
        isIncremental = incremental
        lastAdded = nil
        lastBlocked = nil
        expireOnCompletion = false
        before = (identification, blocking)
    }

    func completeDirectoryRequest(_ completion: @escaping @Sendable (_ expired: Bool) -> Void) {
        completions += 1
        let expired = expireOnCompletion
        if expired {
            (identification, blocking) = before
        }
        completion(expired)
    }

    func cancelDirectoryRequest(with error: Error) {
        cancellations += 1
        (identification, blocking) = before
    }

    func addIdentificationEntry(withNextSequentialPhoneNumber phoneNumber: Int64, label: String) {
        if let last = lastAdded, phoneNumber <= last {
            violations.append("identification \(phoneNumber) after \(last)")
        }
        lastAdded = phoneNumber
        identification[phoneNumber] = label
    }

    func addBlockingEntry(withNextSequentialPhoneNumber phoneNumber: Int64) {
        if let last = lastBlocked, phoneNumber <= last {
            violations.append("blocking \(phoneNumber) after \(last)")
        }
        lastBlocked = phoneNumber
        blocking.append(phoneNumber)
    }

    func removeIdentificationEntry(withPhoneNumber phoneNumber: Int64) {
        if !isIncremental { violations.append("remove in a complete request") }
        identification[phoneNumber] = nil
    }

    func removeAllIdentificationEntries() {
        if !isIncremental { violations.append("removeAll in a complete request") }
        removeAllCalls += 1
        identification.removeAll()
    }

    func removeAllBlockingEntries() {
        if !isIncremental { violations.append("removeAllBlocking in a complete request") }
        removeAllBlockingCalls += 1
        blocking.removeAll()
    }
}

/// A value behind a lock, for counters and logs written from many threads.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

enum VectorError: Error {
    case notFound(String)
    case missing(String)
    case badValue(String)
}

/// The shared vectors in tests/vectors/. Found by walking up from this
/// source file (#filePath) to the directory holding tests/vectors/lists.json,
/// because SwiftPM cannot bundle files from outside the package directory;
/// CALLGUARD_VECTORS overrides. Works wherever the test process sees the
/// Mac's file system (`swift test`, the iOS Simulator), not on a device.
enum Vectors {
    static func directory() throws -> URL {
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
        throw VectorError.notFound("tests/vectors above \(#filePath); set CALLGUARD_VECTORS")
    }

    static func bytes(_ rel: String) throws -> Data {
        try Data(contentsOf: directory().appendingPathComponent(rel))
    }

    static func text(_ rel: String) throws -> String {
        guard let text = String(data: try bytes(rel), encoding: .utf8) else {
            throw VectorError.badValue(rel)
        }
        return text
    }

    static func json(_ rel: String) throws -> [String: Any] {
        guard let doc = try JSONSerialization.jsonObject(with: bytes(rel)) as? [String: Any] else {
            throw VectorError.badValue(rel)
        }
        return doc
    }

    static func epoch(_ rfc3339: String) throws -> Int64 {
        guard let date = ISO8601DateFormatter().date(from: rfc3339) else {
            throw VectorError.badValue(rfc3339)
        }
        return Int64(date.timeIntervalSince1970)
    }
}

extension Dictionary where Key == String, Value == Any {
    func string(_ key: String) throws -> String {
        guard let value = self[key] as? String else { throw VectorError.missing(key) }
        return value
    }

    /// `nil` for a missing key and for JSON null.
    func optionalString(_ key: String) -> String? {
        self[key] as? String
    }

    func uint64(_ key: String) -> UInt64? {
        (self[key] as? NSNumber)?.uint64Value
    }

    func obj(_ key: String) throws -> [String: Any] {
        guard let value = self[key] as? [String: Any] else { throw VectorError.missing(key) }
        return value
    }

    func objs(_ key: String) throws -> [[String: Any]] {
        guard let value = self[key] as? [[String: Any]] else { throw VectorError.missing(key) }
        return value
    }
}

/// The vectors' lower_snake_case names for the SDK's enums.
enum VectorNames {
    static func channel(_ name: String) throws -> Channel {
        switch name {
        case "phone": return .phone
        case "sms": return .sms
        case "whatsapp": return .whatsapp
        case "telegram": return .telegram
        case "viber": return .viber
        case "signal": return .signal
        case "other": return .other
        default: throw VectorError.badValue(name)
        }
    }

    static func attestation(_ name: String) throws -> Attestation {
        switch name {
        case "passed": return .passed
        case "failed": return .failed
        case "not_verified": return .notVerified
        default: throw VectorError.badValue(name)
        }
    }

    static func direction(_ name: String) throws -> Direction {
        switch name {
        case "incoming": return .incoming
        case "outgoing": return .outgoing
        default: throw VectorError.badValue(name)
        }
    }

    static func name(_ verdict: Verdict) -> String {
        switch verdict {
        case .official: return "official"
        case .verified: return "verified"
        case .expected: return "expected"
        case .spoofed: return "spoofed"
        case .impersonation: return "impersonation"
        case .reported: return "reported"
        case .unknown: return "unknown"
        case .unverifiable: return "unverifiable"
        }
    }

    static func name(_ risk: Risk) -> String {
        switch risk {
        case .safe: return "safe"
        case .neutral: return "neutral"
        case .caution: return "caution"
        case .danger: return "danger"
        }
    }
}
