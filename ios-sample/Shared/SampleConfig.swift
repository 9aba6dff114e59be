// What the app and its Call Directory extension share on iOS: identifiers
// (from Info.plist, set once in project.yml) and the settings both processes
// read from the App Group's UserDefaults. The parsing and the settings
// themselves are plain Swift in Logic/ (CallGuardSampleLogic), tested on
// Linux too; this file only points them at the bundle and the App Group.
import CallGuardSampleLogic
import Foundation

enum SampleConfig {
    private static let identifiers = SampleIdentifiers(info: Bundle.main.infoDictionary ?? [:])
    /// The App Group both targets belong to (project.yml: CALLGUARD_APP_GROUP).
    static var appGroupID: String { identifiers.appGroupID }
    /// The Call Directory extension's bundle id (project.yml: CALLGUARD_BUNDLE_ID + ".directory").
    static var directoryExtensionID: String { identifiers.directoryExtensionID }
    /// BGTaskSchedulerPermittedIdentifiers in the app's Info.plist.
    static let syncTaskID = "io.callguard.sample.sync"
    /// The sample bank's hotline (the shared vectors' example bank): the Transfer
    /// screen's "Call the bank". A real app uses its bank's number.
    static let bankHotline = URL(string: "tel:+78005553535")!
}

extension SharedSettings {
    /// The App Group's UserDefaults, so the extension sees what the app wrote.
    static let shared = SharedSettings(defaults: UserDefaults(suiteName: SampleConfig.appGroupID) ?? .standard)
}
