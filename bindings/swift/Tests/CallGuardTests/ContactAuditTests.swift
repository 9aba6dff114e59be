// The shared contact-audit vectors (tests/vectors/contacts/) from Swift:
// the same findings as Rust and Kotlin.
import Foundation
import XCTest
@testable import CallGuard

final class ContactAuditTests: XCTestCase {
    func testTheSharedAddressBookGivesItsExpectedFindings() throws {
        let doc = try Vectors.json("contacts/address-book.json")
        let cg = CallGuard(homeRegion: try doc.string("home_region"), language: "ru")
        let now = try Vectors.epoch("2026-12-01T00:00:00Z")
        for pair in try doc.objs("lists") {
            _ = try cg.addTrust(trustJson: Vectors.text(pair.string("trust")))
            _ = try cg.loadListAt(jws: Vectors.bytes(pair.string("list")), nowUnixSeconds: now)
        }
        let contacts = try doc.objs("contacts").map { c in
            SavedContact(name: try c.string("name"), numbers: c["numbers"] as? [String] ?? [])
        }
        let found = cg.auditContacts(contacts: contacts).map { f -> [String] in
            XCTAssertFalse(f.title.isEmpty || f.message.isEmpty)
            let kind = f.kind == .savedInboundOnly ? "saved_inbound_only" : "claims_bank_not_listed"
            return [String(f.index), f.number, kind, f.issuer]
        }
        let expected = try doc.objs("expected").map { e -> [String] in
            [String((e["index"] as? NSNumber)?.intValue ?? -1), try e.string("number"), try e.string("kind"), try e.string("issuer")]
        }
        XCTAssertEqual(found, expected)
    }

    func testASavedContactsOwnLabelRaisesNoClaim() throws {
        let cg = CallGuard(homeRegion: "RU", language: "en")
        let now = try Vectors.epoch("2026-12-01T00:00:00Z")
        _ = try cg.addTrust(trustJson: Vectors.text("trust/example-bank.json"))
        _ = try cg.loadListAt(jws: Vectors.bytes("lists/valid-eddsa-general.jws"), nowUnixSeconds: now)
        func verdict(_ name: String, saved: Bool) -> Verdict {
            cg.screenAt(call: Call(number: "+79161234567", channel: .whatsapp, displayName: name,
                                   attestation: .notVerified, direction: .incoming, savedContact: saved),
                        nowUnixSeconds: now).verdict
        }
        XCTAssertEqual(verdict("Мама Пример Банк работа", saved: true), .unknown)
        XCTAssertEqual(verdict("Служба безопасности Пример Банка", saved: true), .impersonation)
    }
}
