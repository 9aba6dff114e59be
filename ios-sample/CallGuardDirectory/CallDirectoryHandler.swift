// The Call Directory extension: iOS runs it when the app asks
// (CXCallDirectoryManager.reloadExtension after a sync) and it hands iOS the
// caller ID labels for the bank's numbers, from the list the app synced into
// the App Group. It never touches the network.
//
// Memory: extensions get a few MB. The feeder pulls the directory from the
// SDK in chunks (DirectoryOptions.chunkSize) and passes each chunk to CallKit
// before asking for the next, so a list with prefix ranges expanded to
// hundreds of thousands of numbers never sits in memory at once.
import CallGuard
import CallKit
import Foundation
import os

final class CallDirectoryHandler: CXCallDirectoryProvider {
    private let failed = RequestFlag()
    // `os.Logger`, spelled out: the SDK has a `Logger` protocol too.
    private let log = os.Logger(subsystem: "io.callguard.sample.directory", category: "directory")

    override func beginRequest(with context: CXCallDirectoryExtensionContext) {
        context.delegate = self
        let settings = SharedSettings.shared
        let callGuard: CallGuard
        do {
            callGuard = try SharedGuard.open(settings: settings)
        } catch {
            log.error("cannot open the guard: \(error.localizedDescription, privacy: .public)")
            context.cancelRequest(withError: error)
            return
        }

        let language = settings.language
        let log = self.log
        let failed = self.failed
        let feeder = CallDirectoryFeeder(
            callGuard: callGuard,
            options: DirectoryOptions(language: nil, maxPrefixExpansion: 100_000, chunkSize: 2_000)
        )
        // Incremental when iOS allows it and we know what the directory
        // holds (same language, known versions); otherwise everything anew.
        feeder.fulfill(
            context,
            appliedVersions: settings.directoryBaseline,
            isCancelled: { failed.isSet },
            onExpired: {
                // CallKit did not apply the entries: whatever the directory holds now,
                // the next request reloads it all rather than diff from a guess.
                settings.appliedVersions = nil
                log.error("request expired: the next one reloads the whole directory")
            },
            onAccepted: { report in
                settings.appliedVersions = report.versions
                settings.appliedLanguage = language
                log.info("directory \(report.mode.rawValue, privacy: .public): +\(report.added) -\(report.removed), blocked \(report.blocked), skipped prefixes \(report.skippedPrefixes)")
            }
        )
    }
}

extension CallDirectoryHandler: CXCallDirectoryExtensionContextDelegate {
    func requestFailed(for extensionContext: CXCallDirectoryExtensionContext, withError error: Error) {
        // E.g. CXErrorCodeCallDirectoryManagerError.maximumEntriesExceeded or
        // entriesOutOfOrder. Stop feeding; iOS keeps the previous directory.
        failed.set()
        log.error("request failed: \(error.localizedDescription, privacy: .public)")
    }
}
