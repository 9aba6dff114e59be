// Opens CallGuard the same way in the app and in the Call Directory
// extension: state directory in the App Group container (so both see the
// list the app synced), protected until first unlock, bundled trust.
// SampleGuard (Logic/) opens the guard; this file finds its inputs on iOS.
import CallGuard
import CallGuardSampleLogic
import Foundation

enum SharedGuardError: LocalizedError {
    case noAppGroup(String)
    case noTrust

    var errorDescription: String? {
        switch self {
        case let .noAppGroup(id):
            return "App Group \(id) is not available: check the signing team and the App Group capability of both targets."
        case .noTrust:
            return "No trust.json in the app bundle: add the bank's trust file (callguard trust …) as Shared/trust.json."
        }
    }
}

enum SharedGuard {
    /// `<App Group container>/CallGuard`, created and protected.
    static func stateDirectory(appGroupID: String = SampleConfig.appGroupID) throws -> URL {
        guard let container = FileManager.default.containerURL(forSecurityApplicationGroupIdentifier: appGroupID) else {
            throw SharedGuardError.noAppGroup(appGroupID)
        }
        let directory = container.appendingPathComponent("CallGuard", isDirectory: true)
        try prepare(directory: directory)
        return directory
    }

    /// Creates `directory` with the protection class
    /// `completeUntilFirstUserAuthentication`: readable while the phone is
    /// locked (background refresh, the Call Directory extension), but only
    /// after the first unlock since boot. The SDK writes atomically (temp
    /// file + rename) inside it, and new files inherit the directory's class.
    static func prepare(directory: URL) throws {
        let protection: [FileAttributeKey: Any] = [
            .protectionKey: FileProtectionType.completeUntilFirstUserAuthentication,
        ]
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: protection)
        // Also when the directory already existed (created by an older build).
        try FileManager.default.setAttributes(protection, ofItemAtPath: directory.path)
    }

    /// The trust files compiled into this bundle (never downloaded).
    static func bundledTrust(in bundle: Bundle = .main) throws -> [String] {
        guard let url = bundle.url(forResource: "trust", withExtension: "json") else {
            throw SharedGuardError.noTrust
        }
        return [try String(contentsOf: url, encoding: .utf8)]
    }

    /// A guard on the shared state directory with every bundled trust added.
    /// Adding the trust puts the stored list back in force at once.
    static func open(
        settings: SharedSettings = .shared,
        stateDirectory: URL? = nil,
        trust: [String]? = nil,
        bundle: Bundle = .main
    ) throws -> CallGuard {
        // Testing with a private CA: drop its certificate in as test-ca.pem.
        // (A configuration profile makes iOS trust it; this makes the SDK's
        // own TLS stack trust it too, whichever it uses.)
        let testCA = bundle.url(forResource: "test-ca", withExtension: "pem")
            .flatMap { try? String(contentsOf: $0, encoding: .utf8) }
        return try SampleGuard.open(
            settings: settings,
            stateDirectory: stateDirectory ?? Self.stateDirectory(),
            trust: trust ?? bundledTrust(in: bundle),
            testCAPem: testCA
        )
    }
}
