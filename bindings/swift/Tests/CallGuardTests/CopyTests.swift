// A bank's override of the copy (tests/vectors/copy.json) through the real
// Rust library: the same cases as core/tests/copy_vectors.rs and
// bindings/kotlin/test/io/callguard/CopyTest.kt.
import CallGuard
import Foundation
import XCTest

final class CopyTests: XCTestCase {
    func testEveryCopyVector() throws {
        let doc = try Vectors.json("copy.json")
        let c = try doc.obj("call")
        let call = try Call(
            number: c.string("number"),
            channel: VectorNames.channel(c.string("channel")),
            displayName: c.optionalString("display_name"),
            attestation: VectorNames.attestation(c.string("attestation")),
            direction: VectorNames.direction(c.string("direction")),
            savedContact: false
        )
        let now = try Vectors.epoch(doc.string("now"))
        let cases = try doc.objs("cases")
        XCTAssertGreaterThanOrEqual(cases.count, 9)
        for vector in cases {
            let name = try vector.string("name")
            let lang = try vector.string("lang")
            let cg = try CallGuard(config: GuardConfig(homeRegion: doc.string("home_region"), language: lang))
            for pair in try doc.objs("lists") {
                _ = try cg.addTrust(trustJson: Vectors.text(pair.string("trust")))
                _ = try cg.loadListAt(jws: Vectors.bytes(pair.string("list")), nowUnixSeconds: now)
            }
            let before = cg.screenAt(call: call, nowUnixSeconds: now)
            let e = try vector.obj("expect")
            let ftl = vector.optionalString("ftl")
            if let code = e.optionalString("code") {
                do {
                    try cg.useCopy(language: lang, ftl: ftl ?? "")
                    XCTFail("\(name): accepted, expected \(code)")
                } catch let CallGuardError.InvalidCopy(got, detail) {
                    XCTAssertEqual(got, code, "\(name): \(detail)")
                    if let id = e.optionalString("message_id") {
                        XCTAssertTrue(detail.hasPrefix(id), "\(name): \(detail)")
                    }
                }
                // Refused whole: the words in use stay.
                XCTAssertEqual(cg.screenAt(call: call, nowUnixSeconds: now), before, name)
            } else {
                if let ftl = ftl {
                    try cg.useCopy(language: lang, ftl: ftl)
                }
                let got = cg.screenAt(call: call, nowUnixSeconds: now)
                XCTAssertEqual(got.title, e.optionalString("title"), "\(name): title")
                XCTAssertEqual(got.message, e.optionalString("message"), "\(name): message")
            }
        }
    }
}
