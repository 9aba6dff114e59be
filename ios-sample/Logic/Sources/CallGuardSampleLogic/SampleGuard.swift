// Opens CallGuard the same way in the app and in the Call Directory
// extension, given where the state lives and which trust is pinned.
// SharedGuard.swift (Shared/) finds those on iOS: the App Group container,
// the bundle's trust.json and test-ca.pem.
import CallGuard
import Foundation

public enum SampleGuard {
    /// A guard on `stateDirectory` in the settings' region and language,
    /// with every trust file added: adding a trust puts the list stored
    /// for its issuer back in force at once. `testCAPem`: a private CA's
    /// certificate for testing (the SDK's own TLS stack trusts it too).
    public static func open(
        settings: SharedSettings,
        stateDirectory: URL,
        trust: [String],
        testCAPem: String? = nil
    ) throws -> CallGuard {
        let callGuard = CallGuard(
            homeRegion: settings.homeRegion,
            language: settings.language,
            stateDirectory: stateDirectory
        )
        for trustJson in trust {
            _ = try callGuard.addTrust(trustJson: trustJson)
        }
        if let testCAPem {
            callGuard.setSyncConfig(config: SyncConfig(caCertsPem: [testCAPem]))
        }
        return callGuard
    }
}
