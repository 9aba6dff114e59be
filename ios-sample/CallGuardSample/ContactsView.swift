// "Check my contacts": reads the address book (CNContactStore, after the
// system asks with NSContactsUsageDescription), asks the SDK's contact
// audit, and lists what needs a look. A rename is saved only when the
// customer taps it; nothing is ever sent. What to show and offer is
// ContactCheck's (CallGuardSampleLogic, tested on Linux).
import CallGuardSampleLogic
import Contacts
import SwiftUI

struct ContactsView: View {
    @EnvironmentObject private var model: AppModel
    @State private var rows: [ContactRow] = []
    @State private var summary = "Find saved contacts a fake call could hide behind."
    @State private var checking = false

    var body: some View {
        NavigationStack {
            List {
                Section {
                    Button(checking ? "Checking…" : "Check my contacts") { check() }
                        .disabled(checking || model.callGuard == nil)
                } footer: {
                    Text(summary)
                }
                ForEach(rows, id: \.identifier) { row in
                    Section(row.contactName) {
                        Text(row.title).bold()
                        Text(row.message).font(.footnote)
                        ForEach(row.actions, id: \.self) { action in
                            switch action {
                            case let .rename(name):
                                Button("Rename to “\(name)”") { rename(row.identifier, to: name) }
                            case .open:
                                Link("Open in Contacts", destination: URL(string: "contacts://")!)
                            }
                        }
                    }
                }
            }
            .navigationTitle("My contacts")
        }
    }

    private func check() {
        guard let callGuard = model.callGuard else { return }
        checking = true
        let store = CNContactStore()
        store.requestAccess(for: .contacts) { granted, _ in
            guard granted else {
                DispatchQueue.main.async {
                    checking = false
                    summary = "Without access to your contacts there is nothing to check."
                }
                return
            }
            let keys = [CNContactGivenNameKey, CNContactFamilyNameKey, CNContactOrganizationNameKey,
                        CNContactPhoneNumbersKey] as [CNKeyDescriptor]
            var entries: [AddressBookEntry] = []
            try? store.enumerateContacts(with: CNContactFetchRequest(keysToFetch: keys)) { contact, _ in
                let name = [contact.givenName, contact.familyName].filter { !$0.isEmpty }.joined(separator: " ")
                entries.append(AddressBookEntry(
                    identifier: contact.identifier,
                    name: name.isEmpty ? contact.organizationName : name,
                    numbers: contact.phoneNumbers.map { $0.value.stringValue }
                ))
            }
            let found = ContactCheck.rows(callGuard: callGuard, entries: entries)
            DispatchQueue.main.async {
                rows = found
                summary = ContactCheck.summary(checked: entries.count, rows: found.count)
                checking = false
            }
        }
    }

    /// The contact's given name becomes `name`, its family name empty: the name shown on a call.
    private func rename(_ identifier: String, to name: String) {
        let store = CNContactStore()
        let keys = [CNContactGivenNameKey, CNContactFamilyNameKey] as [CNKeyDescriptor]
        guard let contact = try? store.unifiedContact(withIdentifier: identifier, keysToFetch: keys),
              let mutable = contact.mutableCopy() as? CNMutableContact else { return }
        mutable.givenName = name
        mutable.familyName = ""
        let save = CNSaveRequest()
        save.update(mutable)
        try? store.execute(save)
        check()
    }
}
