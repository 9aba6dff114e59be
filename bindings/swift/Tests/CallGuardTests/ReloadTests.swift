import Foundation
import XCTest
@testable import CallGuard

/// Two instances on one state directory: the app's, and a background
/// sync's (BGAppRefreshTask) — the app picks up what the other stored.
final class ReloadTests: XCTestCase {
    func testReloadPicksUpWhatAnotherInstanceStored() throws {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("callguard-reload-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let now = try Vectors.epoch("2026-12-01T00:00:00Z")
        let trust = try Vectors.text("trust/example-bank.json")

        let app = CallGuard(homeRegion: "RU", stateDirectory: dir)
        _ = try app.addTrust(trustJson: trust)
        _ = try app.loadListAt(jws: Vectors.bytes("lists/valid-eddsa-general.jws"), nowUnixSeconds: now)
        XCTAssertTrue(try app.reload().isEmpty, "nothing new yet")

        do {
            let background = CallGuard(homeRegion: "RU", stateDirectory: dir)
            _ = try background.addTrust(trustJson: trust)
            _ = try background.loadListAt(jws: Vectors.bytes("lists/valid-v13.jws"), nowUnixSeconds: now)
        }
        XCTAssertEqual(app.lists().map(\.version), [12], "an in-memory snapshot until reload")
        XCTAssertEqual(try app.reload().map(\.version), [13])
        XCTAssertEqual(app.lists().map(\.version), [13])
        XCTAssertTrue(try app.reload().isEmpty, "picked up once")
    }
}
