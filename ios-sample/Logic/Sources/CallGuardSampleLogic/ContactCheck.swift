// The "Check my contacts" screen's decisions, in plain Swift (tested on
// Linux): the app reads the address book (CNContactStore), the SDK's audit
// finds what matters, this turns findings into rows and the actions to
// offer. Nothing here writes: a rename happens only on the customer's tap.
import CallGuard
import Foundation

/// One contact as CNContactStore gives it: its identifier (to edit it) and what the audit reads.
public struct AddressBookEntry: Equatable, Sendable {
    public let identifier: String
    public let name: String
    public let numbers: [String]

    public init(identifier: String, name: String, numbers: [String]) {
        self.identifier = identifier
        self.name = name
        self.numbers = numbers
    }
}

public enum ContactAction: Equatable, Sendable {
    /// Rename the contact so that its name warns ("Example Bank hotline — never calls you").
    case rename(to: String)
    /// Open the contact, for the customer to delete or rename it.
    case open
}

public struct ContactRow: Equatable, Sendable {
    public let identifier: String
    public let contactName: String
    public let title: String
    public let message: String
    public let actions: [ContactAction]
}

public enum ContactCheck {
    /// The audit of `entries` as rows, one per finding, in address-book order.
    public static func rows(callGuard: CallGuard, entries: [AddressBookEntry]) -> [ContactRow] {
        let findings = callGuard.auditContacts(contacts: entries.map { SavedContact(name: $0.name, numbers: $0.numbers) })
        return findings.map { row(entries[Int($0.index)], $0) }
    }

    public static func row(_ entry: AddressBookEntry, _ finding: ContactFinding) -> ContactRow {
        var actions: [ContactAction] = []
        if finding.kind == .savedInboundOnly, let name = finding.suggestedName {
            actions.append(.rename(to: name))
        }
        actions.append(.open)
        return ContactRow(identifier: entry.identifier, contactName: entry.name,
                          title: finding.title, message: finding.message, actions: actions)
    }

    public static func summary(checked: Int, rows: Int) -> String {
        switch rows {
        case 0: return "\(checked) contacts checked: nothing to fix."
        case 1: return "\(checked) contacts checked: 1 needs a look."
        default: return "\(checked) contacts checked: \(rows) need a look."
        }
    }
}
