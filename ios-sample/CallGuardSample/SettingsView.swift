// Settings: where the signed list and the feed of reported numbers are
// published, what caller ID does with reported numbers, and the language of
// the warnings and caller ID labels.
import CallGuard
import SwiftUI

struct SettingsView: View {
    @EnvironmentObject private var model: AppModel
    @State private var region = ""

    var body: some View {
        NavigationStack {
            Form {
                Section {
                    TextField("https://host:8443/list.jws", text: $model.syncURL)
                        .keyboardType(.URL)
                        .textContentType(.URL)
                        .textInputAutocapitalization(.never)
                        .autocorrectionDisabled()
                } header: {
                    Text("List URL")
                } footer: {
                    Text("HTTPS only. For testing: callguard serve on your Mac, with a CA this phone trusts (see ios-sample/README.md).")
                }
                Section {
                    TextField("https://host:8443/feed-manifest.jws", text: $model.feedURL)
                        .keyboardType(.URL)
                        .textContentType(.URL)
                        .textInputAutocapitalization(.never)
                        .autocorrectionDisabled()
                    Picker("In caller ID", selection: $model.feedMode) {
                        Text("Label").tag(FeedDirectoryMode.label)
                        Text("Block fraud").tag(FeedDirectoryMode.block)
                        Text("Off").tag(FeedDirectoryMode.off)
                    }
                } header: {
                    Text("Feed URL (reported numbers)")
                } footer: {
                    Text("Optional: the bank's signed feed of numbers reported as fraud or spam, synced after the list. Label shows \"⚠ Reported: fraud\"; Block fraud blocks those calls.")
                }
                Section("Language") {
                    Picker("Language", selection: $model.language) {
                        Text("English").tag("en")
                        Text("Русский").tag("ru")
                        Text("Українська").tag("uk")
                        Text("Қазақша").tag("kk")
                    }
                    .pickerStyle(.segmented)
                }
                Section {
                    TextField("RU", text: $region)
                        .textInputAutocapitalization(.characters)
                        .autocorrectionDisabled()
                        .onSubmit { model.homeRegion = region.uppercased() }
                } header: {
                    Text("Home region")
                } footer: {
                    Text("ISO 3166 code, e.g. RU: how numbers written without + are read (8 800 … in Russia).")
                }
                Section("About") {
                    LabeledContent("Trust", value: "trust.json (bundled)")
                    LabeledContent("Extension", value: SampleConfig.directoryExtensionID)
                    LabeledContent("App Group", value: SampleConfig.appGroupID)
                }
            }
            .navigationTitle("Settings")
            .onAppear { region = model.homeRegion }
        }
    }
}
