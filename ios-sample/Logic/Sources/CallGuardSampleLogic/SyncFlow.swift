// One sync, wherever it starts (the Sync button, app launch, a background
// refresh): download + verify + store through the SDK, then the
// bookkeeping: what the status screen says, whether the Call Directory must
// be reloaded, and when the next background refresh may begin. The app's
// SyncService.swift connects it to CallKit and BackgroundTasks.
import CallGuard
import Foundation

public enum SyncError: LocalizedError, Equatable {
    case noURL

    public var errorDescription: String? {
        "No list URL: set it in Settings."
    }
}

public enum SyncFlow {
    /// After a failed attempt (or one iOS cut short), try again this much later.
    public static let retryAfterFailure: TimeInterval = 15 * 60
    /// iOS refuses refreshes asked for too soon; never earlier than this from now.
    public static let minimumBackgroundDelay: TimeInterval = 60

    /// The URL to sync from, or `SyncError.noURL` for an empty setting.
    public static func url(from settings: SharedSettings) throws -> String {
        let url = settings.syncURL.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !url.isEmpty else { throw SyncError.noURL }
        return url
    }

    /// Syncs, records the result in `settings`, and reloads the Call
    /// Directory through `reloadDirectory` when what it shows changed.
    /// Never throws: the result is returned and written to the settings.
    @discardableResult
    public static func run(
        callGuard: CallGuard,
        settings: SharedSettings,
        now: @escaping () -> Date = Date.init,
        reloadDirectory: () async throws -> Void
    ) async -> Result<SyncOutcome, Error> {
        let result: Result<SyncOutcome, Error>
        do {
            let url = try url(from: settings)
            // In async code this is the SDK's non-blocking overload.
            result = .success(try await callGuard.sync(url: url))
        } catch {
            result = .failure(error)
        }
        await record(result, current: callGuard.directoryVersionsFor(mode: settings.feedMode), settings: settings, now: now(), reloadDirectory: reloadDirectory)
        return result
    }

    /// The bookkeeping after a sync with `result`; `current` are the
    /// versions now in force.
    public static func record(
        _ result: Result<SyncOutcome, Error>,
        current: [String: UInt64],
        settings: SharedSettings,
        now: Date,
        reloadDirectory: () async throws -> Void
    ) async {
        switch result {
        case let .success(outcome):
            settings.lastSync = now
            var message = describe(outcome)
            if needsDirectoryReload(outcome, current: current, baseline: settings.directoryBaseline) {
                do {
                    try await reloadDirectory()
                    message += " · caller ID updated"
                } catch {
                    message += " · caller ID not updated: \(describe(error))"
                }
            }
            settings.lastSyncResult = message
        case let .failure(error):
            settings.lastSyncResult = "Failed: \(describe(error))"
        }
    }

    /// The Call Directory is reloaded after a sync that brought a new list,
    /// and whenever it does not hold what is in force (an earlier reload
    /// failed or expired, or the language changed): the extension then
    /// answers with a diff or in full, as the baseline allows.
    public static func needsDirectoryReload(
        _ outcome: SyncOutcome,
        current: [String: UInt64],
        baseline: [String: UInt64]?
    ) -> Bool {
        outcome.status == .updated || baseline != current
    }

    /// `BGAppRefreshTaskRequest.earliestBeginDate` for a refresh the SDK
    /// wants at `next`: never in the past, never sooner than iOS allows.
    public static func earliestBackgroundBegin(next: Date, now: Date) -> Date {
        max(next, now.addingTimeInterval(minimumBackgroundDelay))
    }

    public static func describe(_ outcome: SyncOutcome) -> String {
        switch outcome.status {
        case .updated:
            return "Updated to version \(outcome.list.version)"
        case .notModified:
            return "Up to date (version \(outcome.list.version))"
        }
    }

    public static func describe(_ error: Error) -> String {
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
        case let .InvalidIntent(code, _):
            // Not a sync error (IntentInbox words intent refusals); the code says enough here.
            return "call intent refused (\(code))"
        case let .InvalidFeed(code, detail):
            return "feed refused (\(code)): \(detail)"
        }
    }
}
