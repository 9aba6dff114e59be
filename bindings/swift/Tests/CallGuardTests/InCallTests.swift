// In-call protection (tests/vectors/in-call.json) through the real Rust
// library: the same timelines as core/tests/in_call_vectors.rs and
// bindings/kotlin/test/io/callguard/InCallTest.kt, with the history in a
// real state directory and a restart as a new process makes it.
import CallGuard
import Foundation
import XCTest

final class InCallTests: XCTestCase {
    /// `onCallWithDanger` → `on_call_with_danger`: the vectors' names.
    static func snake<T>(_ value: T) -> String {
        String(describing: value).reduce(into: "") { out, c in
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
    }

    static let verdicts: [Verdict] = [.official, .verified, .expected, .spoofed, .impersonation, .reported, .unknown, .unverifiable]
    static let actions: [SensitiveAction] = [.transfer, .newPayee, .cardDetails, .credentials, .limitChange, .deviceEnrolment, .installOrRemoteAccess]

    func guardOn(_ dir: URL, list: String?, now: Int64) throws -> CallGuard {
        let cg = CallGuard(config: GuardConfig(homeRegion: "RU", language: "en", stateDir: dir.path))
        _ = try cg.addTrust(trustJson: Vectors.text("trust/example-bank.json"))
        // After a restart the stored list is back in force with its trust.
        if let list = list, cg.lists().isEmpty {
            _ = try cg.loadListAt(jws: Vectors.bytes(list), nowUnixSeconds: now)
        }
        return cg
    }

    func event(_ e: [String: Any]) throws -> CallEvent {
        guard let (kind, raw) = e.first, let body = raw as? [String: Any] else { throw VectorError.badValue("event") }
        switch kind {
        case "screened":
            let verdictName = try body.string("verdict")
            guard let verdict = Self.verdicts.first(where: { VectorNames.name($0) == verdictName }) else {
                throw VectorError.badValue(verdictName)
            }
            let screening = Screening(verdict: verdict, risk: .neutral, reason: try body.string("reason"),
                                      issuer: nil, label: nil, number: nil, intentId: nil, title: "", message: "")
            let channel = try VectorNames.channel(body.optionalString("channel") ?? "phone")
            return screening.asCallEvent(callId: try body.string("call"), channel: channel)
        case "active": return .active(callId: try body.string("call"))
        case "answered": return .answered(callId: try body.string("call"))
        case "ended": return .ended(callId: try body.string("call"))
        case "idle": return .idle
        case "screen_shared":
            guard let on = body["on"] as? Bool else { throw VectorError.badValue("on") }
            return .screenShared(on: on)
        default: throw VectorError.badValue(kind)
        }
    }

    func testEveryTimelineWithRestarts() throws {
        let doc = try Vectors.json("in-call.json")
        let start = try Vectors.epoch(doc.string("start"))
        var ran = 0
        for vector in try doc.objs("cases") {
            // A bespoke policy without a signed list cannot go through a guard.
            if vector["policy"] != nil && vector["list"] == nil { continue }
            let name = try vector.string("name")
            let list = vector.optionalString("list")
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("callguard-in-call-\(UUID().uuidString)", isDirectory: true)
            var cg = try guardOn(dir, list: list, now: start)
            for (i, step) in try vector.objs("steps").enumerated() {
                let now = start + ((step["at"] as? NSNumber)?.int64Value ?? 0)
                if let e = step["event"] as? [String: Any] {
                    try cg.reportCallEventAt(event: event(e), nowUnixSeconds: now)
                } else if step["restart"] != nil {
                    cg = try guardOn(dir, list: list, now: now)
                } else {
                    let actionName = try step.string("advise")
                    guard let action = Self.actions.first(where: { Self.snake($0) == actionName }) else {
                        throw VectorError.badValue(actionName)
                    }
                    let got = cg.adviseActionAt(action: action, nowUnixSeconds: now)
                    let e = try step.obj("expect")
                    let at = "\(name) step \(i)"
                    XCTAssertEqual(Self.snake(got.level), try e.string("level"), at)
                    XCTAssertEqual(got.reasons.map { Self.snake($0) }, e["reasons"] as? [String], at)
                    XCTAssertEqual(got.holdUntil.map { $0 - start }, (e["hold_until"] as? NSNumber)?.int64Value, at)
                    XCTAssertEqual(got.reasons.isEmpty, got.title.isEmpty, at)
                    if let starts = e.optionalString("body_starts") {
                        XCTAssertTrue(got.body.hasPrefix(starts), "\(at): \(got.body)")
                    }
                }
            }
            ran += 1
        }
        XCTAssertGreaterThanOrEqual(ran, 6)
    }

    func testTheAsyncFormsReachTheSameHistory() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("callguard-in-call-\(UUID().uuidString)", isDirectory: true)
        let cg = CallGuard(config: GuardConfig(homeRegion: "RU", language: "ru", stateDir: dir.path))
        let fake = Screening(verdict: .impersonation, risk: .danger, reason: "claims_authority",
                             issuer: nil, label: nil, number: nil, intentId: nil, title: "", message: "")
        try await cg.reportCallEvent(fake.asCallEvent(callId: "wa-1", channel: .telegram))
        let advice = await cg.adviseAction(.transfer)
        XCTAssertEqual(advice.level, .hold)
        XCTAssertEqual(advice.reasons, [.onCallWithDanger])
        XCTAssertNotNil(advice.holdUntilDate)
        XCTAssertTrue(advice.body.contains("минут") && advice.body.contains("Telegram"), advice.body)
        let other = CallGuard(config: GuardConfig(homeRegion: "RU", language: "en", stateDir: dir.path))
        XCTAssertEqual(other.adviseAction(action: .credentials).level, .hold)
    }
}
