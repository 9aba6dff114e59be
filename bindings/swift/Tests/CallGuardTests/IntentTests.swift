import Foundation
import XCTest
@testable import CallGuard

/// Call intents through the real library: the shared vectors
/// (tests/vectors/intents.json), the verdicts and the in-app status — the
/// same scenario as state/tests/intent_vectors.rs and IntentTest.kt.
final class IntentTests: XCTestCase {
    func testEveryIntentVectorGetsItsExpectedOutcome() throws {
        let doc = try Vectors.json("intents.json")
        let now = try Vectors.epoch(doc.string("now"))
        let audience = try doc.string("audience")
        let config = GuardConfig(homeRegion: "RU", language: "en", stateDir: nil, maxListBytes: nil, intentAudience: audience)
        let cg = CallGuard(config: config)
        _ = try cg.addTrust(trustJson: Vectors.text(doc.string("trust")))
        _ = try cg.loadListAt(jws: Vectors.bytes(doc.string("list")), nowUnixSeconds: now)
        XCTAssertEqual(cg.intentAudience(), audience)
        let call = Call(number: try doc.string("call_from"), channel: .phone, displayName: nil, attestation: .notVerified, direction: .incoming)
        XCTAssertEqual(cg.screenAt(call: call, nowUnixSeconds: now).reason, "unannounced")

        for vector in try doc.objs("cases") {
            let name = try vector.string("name")
            var got = "ok"
            do {
                _ = try cg.receiveIntentAt(jws: Vectors.bytes(vector.string("intent")), nowUnixSeconds: now)
            } catch let CallGuardError.InvalidIntent(code, _) {
                got = code
            }
            XCTAssertEqual(got, try vector.string("expect"), name)
        }
        let announced = cg.screenAt(call: call, nowUnixSeconds: now)
        XCTAssertEqual(announced.verdict, .expected)
        XCTAssertEqual(announced.risk, .safe)
        XCTAssertEqual(announced.intentId, "call-0001")
        XCTAssertEqual(cg.activeIntentsAt(nowUnixSeconds: now).map(\.purpose), ["your credit card application"])
    }
}
