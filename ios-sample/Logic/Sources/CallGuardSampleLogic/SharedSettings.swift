// Settings and bookkeeping the app and its Call Directory extension share,
// in the App Group's UserDefaults (SampleConfig.swift in Shared/ opens them
// there), and the identifiers read from Info.plist.
import CallGuard
import Foundation

/// The identifiers project.yml writes into Info.plist, with the defaults
/// of an unedited project.yml when a key is missing or empty.
public struct SampleIdentifiers: Equatable, Sendable {
    /// The App Group both targets belong to (project.yml: CALLGUARD_APP_GROUP).
    public var appGroupID: String
    /// The Call Directory extension's bundle id (CALLGUARD_BUNDLE_ID + ".directory").
    public var directoryExtensionID: String

    public init(info: [String: Any]) {
        appGroupID = Self.value(info, "CallGuardAppGroup") ?? "group.io.callguard.sample"
        directoryExtensionID = Self.value(info, "CallGuardDirectoryExtension") ?? "io.callguard.sample.directory"
    }

    private static func value(_ info: [String: Any], _ key: String) -> String? {
        guard let value = (info[key] as? String)?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            return nil
        }
        return value
    }
}

/// Settings and bookkeeping in UserDefaults (thread-safe), so the
/// extension sees what the app wrote.
public final class SharedSettings: @unchecked Sendable {
    public let defaults: UserDefaults

    public init(defaults: UserDefaults) {
        self.defaults = defaults
    }

    private enum Key {
        static let syncURL = "syncURL"
        static let feedURL = "feedURL"
        static let language = "language"
        static let homeRegion = "homeRegion"
        static let lastSync = "lastSync"
        static let lastSyncResult = "lastSyncResult"
        static let appliedVersions = "directory.appliedVersions"
        static let appliedLanguage = "directory.appliedLanguage"
        static let feedMode = "directory.feedMode"
    }

    /// What the Call Directory does with numbers reported in feeds: label
    /// them (the default), block fraud, or leave them out. The extension
    /// reads it on every request; the SDK records the mode with the applied
    /// versions, so a change is a full reload.
    public var feedMode: FeedDirectoryMode {
        get {
            switch defaults.string(forKey: Key.feedMode) {
            case "block": return .block
            case "off": return .off
            default: return .label
            }
        }
        set {
            let name: String
            switch newValue {
            case .label: name = "label"
            case .block: name = "block"
            case .off: name = "off"
            }
            defaults.set(name, forKey: Key.feedMode)
        }
    }

    /// The HTTPS URL of the signed list (`callguard serve` during testing).
    public var syncURL: String {
        get { defaults.string(forKey: Key.syncURL) ?? "" }
        set { defaults.set(newValue, forKey: Key.syncURL) }
    }

    /// The HTTPS URL of the bank's feed manifest (numbers reported as fraud
    /// or spam, `feed-manifest.jws`); empty: no feed. Synced after the list.
    public var feedURL: String {
        get { defaults.string(forKey: Key.feedURL) ?? "" }
        set { defaults.set(newValue, forKey: Key.feedURL) }
    }

    /// "en", "ru", "uk" or "kk": the language of warnings and of Call Directory labels.
    public var language: String {
        get { defaults.string(forKey: Key.language) ?? Self.language(preferred: Locale.preferredLanguages) }
        set { defaults.set(newValue, forKey: Key.language) }
    }

    /// ISO 3166 region for numbers written without "+" (e.g. "8 800 …" in RU).
    public var homeRegion: String {
        get { defaults.string(forKey: Key.homeRegion) ?? Locale.current.region?.identifier ?? "" }
        set { defaults.set(newValue.trimmingCharacters(in: .whitespaces).uppercased(), forKey: Key.homeRegion) }
    }

    public var lastSync: Date? {
        get { defaults.object(forKey: Key.lastSync) as? Date }
        set { defaults.set(newValue, forKey: Key.lastSync) }
    }

    public var lastSyncResult: String? {
        get { defaults.string(forKey: Key.lastSyncResult) }
        set { defaults.set(newValue, forKey: Key.lastSyncResult) }
    }

    /// Issuer → list version (and "feed:<issuer>" → feed version) the Call
    /// Directory holds, written by the
    /// extension once CallKit accepted a request; `nil`: unknown (full
    /// reload), also when anything stored is not a version.
    public var appliedVersions: [String: UInt64]? {
        get {
            guard let stored = defaults.dictionary(forKey: Key.appliedVersions) else { return nil }
            var versions: [String: UInt64] = [:]
            for (issuer, value) in stored {
                guard let number = value as? NSNumber, number.int64Value >= 0 else { return nil }
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
    public var appliedLanguage: String? {
        get { defaults.string(forKey: Key.appliedLanguage) }
        set { defaults.set(newValue, forKey: Key.appliedLanguage) }
    }

    /// What the extension may diff against: nothing if the labels were
    /// written in another language (a change of language is a full reload).
    public var directoryBaseline: [String: UInt64]? {
        appliedLanguage == language ? appliedVersions : nil
    }

    /// The sample speaks Russian to whoever prefers it, English otherwise.
    public static func language(preferred: [String]) -> String {
        let first = (preferred.first ?? "en").lowercased()
        return ["ru", "uk", "kk"].first { first == $0 || first.hasPrefix($0 + "-") || first.hasPrefix($0 + "_") } ?? "en"
    }
}

/// A flag set from one thread and read from another (the extension's
/// request-failed callback vs. its feeding loop).
public final class RequestFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    public init() {}

    public var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    public func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
