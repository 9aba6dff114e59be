// One sync, wherever it starts (the Sync button, app launch, a background
// refresh), wired to iOS: SyncFlow (Logic/) syncs and decides what follows;
// this file reloads the Call Directory through CallKit when asked and
// schedules the next background run at the SDK's nextSyncAt().
import BackgroundTasks
import CallGuard
import CallGuardSampleLogic
import CallKit
import Foundation
import os

enum SyncService {
    // `os.Logger`, spelled out: the SDK has a `Logger` protocol too.
    private static let log = os.Logger(subsystem: "io.callguard.sample", category: "sync")

    /// Syncs and records the result in the shared settings, reloading the
    /// Call Directory if needed (SyncFlow in Logic/ decides), then schedules
    /// the next background refresh.
    @discardableResult
    static func run(callGuard: CallGuard, settings: SharedSettings = .shared) async -> Result<SyncOutcome, Error> {
        let result = await SyncFlow.run(callGuard: callGuard, settings: settings, reloadDirectory: reloadCallDirectory)
        let message = settings.lastSyncResult ?? "-"
        switch result {
        case .success:
            log.info("sync: \(message, privacy: .public)")
        case .failure:
            log.error("sync: \(message, privacy: .public)")
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
        request.earliestBeginDate = SyncFlow.earliestBackgroundBegin(next: date, now: Date())
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
                schedule(after: Date(timeIntervalSinceNow: SyncFlow.retryAfterFailure))
                completion.complete(success: false)
            }
        }
        task.expirationHandler = {
            // Out of time. The download itself cannot be interrupted (the
            // list is stored atomically if it completes); tell iOS now and
            // make sure another attempt is scheduled.
            work.cancel()
            schedule(after: Date(timeIntervalSinceNow: SyncFlow.retryAfterFailure))
            completion.complete(success: false)
        }
    }

    static func describe(_ error: Error) -> String {
        SyncFlow.describe(error)
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
