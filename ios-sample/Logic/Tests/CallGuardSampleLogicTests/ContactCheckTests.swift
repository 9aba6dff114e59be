import CallGuard
@testable import CallGuardSampleLogic
import XCTest

final class ContactCheckTests: XCTestCase {
    private func guardWithList() throws -> CallGuard {
        let cg = CallGuard(homeRegion: "RU", language: "en")
        _ = try cg.addTrust(trustJson: Fixtures.text("trust/example-bank.json"))
        _ = try cg.loadListAt(jws: Fixtures.data("lists/valid-eddsa-general.jws"), nowUnixSeconds: Fixtures.listTime)
        return cg
    }

    func testTheTrapsBecomeRowsWithTheirActions() throws {
        let book = [
            AddressBookEntry(identifier: "1", name: "Мама", numbers: ["+7 916 765-43-21"]),
            AddressBookEntry(identifier: "2", name: "Пример Банк", numbers: ["8 800 555-35-35"]),
            AddressBookEntry(identifier: "3", name: "Служба безопасности Пример Банка", numbers: ["+7 916 123-45-67"]),
            AddressBookEntry(identifier: "4", name: "Лена Пример Банк", numbers: ["+7 916 000-11-22"]),
        ]
        let rows = ContactCheck.rows(callGuard: try guardWithList(), entries: book)
        XCTAssertEqual(rows.map(\.identifier), ["2", "3"])
        XCTAssertEqual(rows[0].actions, [.rename(to: "Example Bank hotline — never calls you"), .open])
        XCTAssertEqual(rows[1].actions, [.open])
        XCTAssertEqual(ContactCheck.summary(checked: book.count, rows: rows.count), "4 contacts checked: 2 need a look.")
    }

    func testARenamedContactIsNotFoundAgain() throws {
        let renamed = [AddressBookEntry(identifier: "2", name: "Example Bank hotline — never calls you", numbers: ["8 800 555-35-35"])]
        XCTAssertTrue(ContactCheck.rows(callGuard: try guardWithList(), entries: renamed).isEmpty)
    }
}
