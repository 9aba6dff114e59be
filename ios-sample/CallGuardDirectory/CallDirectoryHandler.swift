// The Call Directory extension: iOS runs it when the app asks
// (CXCallDirectoryManager.reloadExtension after a sync) and it hands iOS the
// caller ID labels for the bank's numbers, from the list the app synced into
// the App Group, and for the numbers reported in feeds (labelled "⚠ Reported:
// fraud", blocked, or left out: SharedSettings.feedMode). It never touches
// the network. Incremental when CallKit asks and the applied versions
// (lists and feeds) allow it; blocking and identification entries are two
// separate ascending sequences, both streamed.
//
// Memory: extensions get a few MB. The feeder pulls the directory from the
// SDK in chunks (DirectoryOptions.chunkSize) and passes each chunk to CallKit
// before asking for the next, so a list with prefix ranges expanded to
// hundreds of thousands of numbers never sits in memory at once.
import CallGuard
import CallGuardSampleLogic
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

        let log = self.log
        let failed = self.failed
        // The plan (options, baseline, what is booked when CallKit accepts or
        // drops the request) is DirectoryRequest in Logic/, tested on Linux.
        DirectoryRequest.fulfill(
            context,
            callGuard: callGuard,
            settings: settings,
            isCancelled: { failed.isSet },
            finished: { outcome in
                switch outcome {
                case .accepted:
                    log.info("\(DirectoryRequest.describe(outcome), privacy: .public)")
                case .expired:
                    log.error("\(DirectoryRequest.describe(outcome), privacy: .public)")
                }
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
