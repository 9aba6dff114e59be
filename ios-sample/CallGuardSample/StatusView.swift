// Status: the lists in force (issuer, version, expiry), announced calls
// ("Talking to you now: …", the audience id, a paste field for testers), the
// last and next sync, and whether the Call Directory extension is switched on.
// The text comes from Format (Logic/), tested on Linux too.
import CallGuard
import CallGuardSampleLogic
import CallKit
import SwiftUI
import UIKit

struct StatusView: View {
    @EnvironmentObject private var model: AppModel
    @State private var pastedIntent = ""

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
                if model.callGuard != nil {
                    AnnouncedCallsSection(pastedIntent: $pastedIntent)
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

/// Announced calls, and the tester's way in: the audience id to make an
/// intent for (`callguard intent --audience`), and a field to paste it.
private struct AnnouncedCallsSection: View {
    @EnvironmentObject private var model: AppModel
    @Binding var pastedIntent: String

    var body: some View {
        Section {
            ForEach(model.announcedCalls, id: \.self) { line in
                Text(line)
            }
            if let id = model.audienceID {
                LabeledContent("Audience id", value: id)
                    .textSelection(.enabled)
                Button("Copy audience id") { UIPasteboard.general.string = id }
            }
            TextField("Paste an intent (eyJ… or callguard-sample://…)", text: $pastedIntent, axis: .vertical)
                .lineLimit(1...3)
                .textInputAutocapitalization(.never)
                .autocorrectionDisabled()
            Button("Accept intent") {
                model.receiveIntent(text: pastedIntent)
                pastedIntent = ""
            }
            .disabled(pastedIntent.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
            if let result = model.intentResult {
                Text(result)
                    .font(.footnote)
            }
        } header: {
            Text("Announced calls")
        } footer: {
            Text("For testing: make an intent for this audience id with `callguard intent`, then paste it here or open its callguard-sample://intent?jws=… link. A real banking app receives intents by push.")
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
