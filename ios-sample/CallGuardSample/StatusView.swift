// Status: the lists in force (issuer, version, expiry), the last and next
// sync, and whether the Call Directory extension is switched on.
// The text comes from Format (Logic/), tested on Linux too.
import CallGuard
import CallGuardSampleLogic
import CallKit
import SwiftUI

struct StatusView: View {
    @EnvironmentObject private var model: AppModel

    var body: some View {
        NavigationStack {
            List {
                if let error = model.openError {
                    Section {
                        Label(error, systemImage: "xmark.octagon")
                            .foregroundStyle(Color.red)
                    }
                }
                Section("Lists in force") {
                    if model.lists.isEmpty {
                        Text("No list yet. Set the list URL in Settings, then sync.")
                            .foregroundStyle(Color.secondary)
                    }
                    ForEach(model.lists, id: \.issuer) { info in
                        ListRow(info: info)
                    }
                }
                Section("Sync") {
                    LabeledContent("Last sync", value: Format.date(model.lastSync))
                    LabeledContent("Result", value: model.lastSyncResult ?? "—")
                    LabeledContent("Next sync", value: Format.date(model.nextSync))
                    Button {
                        Task { await model.syncNow() }
                    } label: {
                        if model.isSyncing {
                            ProgressView()
                        } else {
                            Text("Sync now")
                        }
                    }
                    .disabled(model.isSyncing || model.callGuard == nil)
                }
                Section {
                    LabeledContent("Call Directory", value: Format.status(DirectoryStatus(model.directoryStatus)))
                    if model.directoryStatus != .enabled {
                        Button("Open Settings") { model.openPhoneSettings() }
                    }
                } header: {
                    Text("Caller ID")
                } footer: {
                    Text("Switch on CallGuard Sample in Settings → Apps → Phone → Call Blocking & Identification. Incoming calls from the bank's numbers are then labelled, even from numbers not in your contacts.")
                }
            }
            .navigationTitle("CallGuard")
            .refreshable { await model.syncNow() }
        }
    }
}

private struct ListRow: View {
    let info: ListInfo

    var body: some View {
        let expired = info.isExpired()
        VStack(alignment: .leading, spacing: 4) {
            Text(info.issuer)
                .font(.headline)
            Text(Format.versionLine(info))
                .font(.subheadline)
            Text(Format.expiryLine(info))
                .font(.subheadline)
                .foregroundStyle(expired ? Color.red : Color.secondary)
        }
        .accessibilityElement(children: .combine)
    }
}
