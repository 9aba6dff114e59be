// What the app and its Call Directory extension share: identifiers (from
// Info.plist, set once in project.yml) and the settings both processes read
// from the App Group's UserDefaults.
import Foundation

enum SampleConfig {
    /// The App Group both targets belong to (project.yml: CALLGUARD_APP_GROUP).
    static let appGroupID: String = info("CallGuardAppGroup") ?? "group.io.callguard.sample"
    /// The Call Directory extension's bundle id (project.yml: CALLGUARD_BUNDLE_ID + ".directory").
    static let directoryExtensionID: String = info("CallGuardDirectoryExtension") ?? "io.callguard.sample.directory"
    /// BGTaskSchedulerPermittedIdentifiers in the app's Info.plist.
    static let syncTaskID = "io.callguard.sample.sync"

    private static func info(_ key: String) -> String? {
        guard let value = Bundle.main.object(forInfoDictionaryKey: key) as? String, !value.isEmpty else {
            return nil
        }
        return value
    }
}

/// Settings and bookkeeping in the App Group's UserDefaults, so the
/// extension sees what the app wrote. UserDefaults is thread-safe.
final class SharedSettings: @unchecked Sendable {
    static let shared = SharedSettings(defaults: UserDefaults(suiteName: SampleConfig.appGroupID) ?? .standard)

    let defaults: UserDefaults

    init(defaults: UserDefaults) {
        self.defaults = defaults
    }

    private enum Key {
        static let syncURL = "syncURL"
        static let language = "language"
        static let homeRegion = "homeRegion"
        static let lastSync = "lastSync"
        static let lastSyncResult = "lastSyncResult"
        static let appliedVersions = "directory.appliedVersions"
        static let appliedLanguage = "directory.appliedLanguage"
    }

    /// The HTTPS URL of the signed list (`callguard serve` during testing).
    var syncURL: String {
        get { defaults.string(forKey: Key.syncURL) ?? "" }
        set { defaults.set(newValue, forKey: Key.syncURL) }
    }

    /// "en" or "ru": the language of warnings and of Call Directory labels.
    var language: String {
        get { defaults.string(forKey: Key.language) ?? Self.defaultLanguage }
        set { defaults.set(newValue, forKey: Key.language) }
    }

    /// ISO 3166 region for numbers written without "+" (e.g. "8 800 …" in RU).
    var homeRegion: String {
        get { defaults.string(forKey: Key.homeRegion) ?? Locale.current.region?.identifier ?? "" }
        set { defaults.set(newValue.uppercased(), forKey: Key.homeRegion) }
    }

    var lastSync: Date? {
        get { defaults.object(forKey: Key.lastSync) as? Date }
        set { defaults.set(newValue, forKey: Key.lastSync) }
    }

    var lastSyncResult: String? {
        get { defaults.string(forKey: Key.lastSyncResult) }
        set { defaults.set(newValue, forKey: Key.lastSyncResult) }
    }

    /// Issuer → list version the Call Directory holds, written by the
    /// extension once CallKit accepted a request; `nil`: unknown (full reload).
    var appliedVersions: [String: UInt64]? {
        get {
            guard let stored = defaults.dictionary(forKey: Key.appliedVersions) else { return nil }
            var versions: [String: UInt64] = [:]
            for (issuer, value) in stored {
                guard let number = value as? NSNumber else { return nil }
                versions[issuer] = number.uint64Value
            }
            return versions
        }
        set {
            if let newValue {
                defaults.set(newValue.mapValues { NSNumber(value: $0) }, forKey: Key.appliedVersions)
            } else {
                defaults.removeObject(forKey: Key.appliedVersions)
            }
        }
    }

    /// The language the Call Directory labels were written in.
    var appliedLanguage: String? {
        get { defaults.string(forKey: Key.appliedLanguage) }
        set { defaults.set(newValue, forKey: Key.appliedLanguage) }
    }

    /// What the extension may diff against: nothing if the labels were
    /// written in another language (a change of language is a full reload).
    var directoryBaseline: [String: UInt64]? {
        appliedLanguage == language ? appliedVersions : nil
    }

    private static var defaultLanguage: String {
        (Locale.preferredLanguages.first ?? "en").hasPrefix("ru") ? "ru" : "en"
    }
}

/// A flag set from one thread and read from another (the extension's
/// request-failed callback vs. its feeding loop).
final class RequestFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
