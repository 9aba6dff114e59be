// One sync, wherever it starts (the Sync button, app launch, a background
// refresh): download + verify + store through the SDK, reload the Call
// Directory when what it shows changed, schedule the next background run at
// the SDK's nextSyncAt().
import BackgroundTasks
import CallGuard
import CallKit
import Foundation
import os

enum SyncError: LocalizedError {
    case noURL

    var errorDescription: String? {
        "No list URL: set it in Settings."
    }
}

enum SyncService {
    // `os.Logger`, spelled out: the SDK has a `Logger` protocol too.
    private static let log = os.Logger(subsystem: "io.callguard.sample", category: "sync")

    /// Syncs, records the result in the shared settings, reloads the Call
    /// Directory if needed and schedules the next background refresh.
    @discardableResult
    static func run(callGuard: CallGuard, settings: SharedSettings = .shared) async -> Result<SyncOutcome, Error> {
        let url = settings.syncURL.trimmingCharacters(in: .whitespacesAndNewlines)
        let result: Result<SyncOutcome, Error>
        if url.isEmpty {
            result = .failure(SyncError.noURL)
        } else {
            do {
                // In async code this is the SDK's non-blocking overload.
                let outcome = try await callGuard.sync(url: url)
                result = .success(outcome)
            } catch {
                result = .failure(error)
            }
        }

        switch result {
        case let .success(outcome):
            settings.lastSync = Date()
            var message = describe(outcome)
            let current = CallDirectoryFeeder.versions(of: callGuard.lists())
            if outcome.status == .updated || settings.directoryBaseline != current {
                do {
                    try await reloadCallDirectory()
                    message += " · caller ID updated"
                } catch {
                    message += " · caller ID not updated: \(describe(error))"
                }
            }
            settings.lastSyncResult = message
            log.info("sync: \(message, privacy: .public)")
        case let .failure(error):
            settings.lastSyncResult = "Failed: \(describe(error))"
            log.error("sync failed: \(describe(error), privacy: .public)")
        }
        schedule(after: callGuard.nextSyncDate())
        return result
    }

    /// Asks iOS to run the Call Directory extension now. It answers
    /// incrementally when it can (see CallDirectoryHandler).
    static func reloadCallDirectory() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            CXCallDirectoryManager.sharedInstance.reloadExtension(withIdentifier: SampleConfig.directoryExtensionID) { error in
                if let error {
                    continuation.resume(throwing: error)
                } else {
                    continuation.resume()
                }
            }
        }
    }

    /// Whether the customer switched the extension on in Settings.
    static func directoryStatus() async -> CXCallDirectoryManager.EnabledStatus {
        await withCheckedContinuation { (continuation: CheckedContinuation<CXCallDirectoryManager.EnabledStatus, Never>) in
            CXCallDirectoryManager.sharedInstance.getEnabledStatusForExtension(withIdentifier: SampleConfig.directoryExtensionID) { status, _ in
                continuation.resume(returning: status)
            }
        }
    }

    // MARK: Background refresh (BGAppRefreshTask)

    /// Must run before the app finishes launching (AppDelegate).
    static func registerBackgroundTask() {
        let registered = BGTaskScheduler.shared.register(forTaskWithIdentifier: SampleConfig.syncTaskID, using: nil) { task in
            guard let refresh = task as? BGAppRefreshTask else {
                task.setTaskCompleted(success: false)
                return
            }
            handle(refresh)
        }
        if !registered {
            log.error("BGTaskScheduler refused \(SampleConfig.syncTaskID, privacy: .public): is it in BGTaskSchedulerPermittedIdentifiers?")
        }
    }

    /// Schedules the next refresh, never earlier than the SDK asks. iOS picks
    /// the actual moment (often later, depending on how the phone is used).
    /// Submitting again replaces the pending request.
    static func schedule(after date: Date) {
        let request = BGAppRefreshTaskRequest(identifier: SampleConfig.syncTaskID)
        request.earliestBeginDate = max(date, Date(timeIntervalSinceNow: 60))
        do {
            try BGTaskScheduler.shared.submit(request)
            log.info("next background sync after \(request.earliestBeginDate?.description ?? "-", privacy: .public)")
        } catch {
            // Always fails on the Simulator: background tasks need a device.
            log.error("cannot schedule the background sync: \(error.localizedDescription, privacy: .public)")
        }
    }

    private static func handle(_ task: BGAppRefreshTask) {
        let completion = TaskCompletion(task)
        let work = Task {
            do {
                let callGuard = try SharedGuard.open()
                let result = await run(callGuard: callGuard)
                completion.complete(success: (try? result.get()) != nil)
            } catch {
                log.error("background sync could not open the guard: \(describe(error), privacy: .public)")
                schedule(after: Date(timeIntervalSinceNow: 15 * 60))
                completion.complete(success: false)
            }
        }
        task.expirationHandler = {
            // Out of time. The download itself cannot be interrupted (the
            // list is stored atomically if it completes); tell iOS now and
            // make sure another attempt is scheduled.
            work.cancel()
            schedule(after: Date(timeIntervalSinceNow: 15 * 60))
            completion.complete(success: false)
        }
    }

    static func describe(_ outcome: SyncOutcome) -> String {
        switch outcome.status {
        case .updated:
            return "Updated to version \(outcome.list.version)"
        case .notModified:
            return "Up to date (version \(outcome.list.version))"
        }
    }

    static func describe(_ error: Error) -> String {
        guard let sdkError = error as? CallGuardError else {
            return error.localizedDescription
        }
        switch sdkError {
        case let .Network(detail):
            return "network: \(detail)"
        case let .InvalidList(code, detail):
            return "list refused (\(code)): \(detail)"
        case let .Storage(detail):
            return "storage: \(detail)"
        case let .InvalidTrust(detail):
            return "trust file: \(detail)"
        }
    }
}

/// Calls `setTaskCompleted` exactly once, whichever of the work and the
/// expiration handler gets there first.
private final class TaskCompletion: @unchecked Sendable {
    private let task: BGTask
    private let lock = NSLock()
    private var done = false

    init(_ task: BGTask) {
        self.task = task
    }

    func complete(success: Bool) {
        lock.lock()
        let first = !done
        done = true
        lock.unlock()
        if first {
            task.setTaskCompleted(success: success)
        }
    }
}
