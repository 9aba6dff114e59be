// One sync, wherever it starts (the Sync button, app launch, a background
// refresh): download + verify + store through the SDK (the list, then the
// feed of reported numbers if one is set), then the
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

    /// The feed manifest's URL, or `nil` when none is set (feeds are optional).
    public static func feedURL(from settings: SharedSettings) -> String? {
        let url = settings.feedURL.trimmingCharacters(in: .whitespacesAndNewlines)
        return url.isEmpty ? nil : url
    }

    /// Syncs the list, then the feed of reported numbers when a feed URL is
    /// set, records the result in `settings`, and reloads the Call
    /// Directory through `reloadDirectory` when what it shows changed. The
    /// feed runs whatever became of the list, and a refused or unreachable
    /// feed never fails the list's sync. Never throws: the list's result is
    /// returned (it drives the background schedule) and both are written to
    /// the settings.
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
        var feed: Result<FeedSyncOutcome, Error>?
        if let feedURL = feedURL(from: settings) {
            do {
                feed = .success(try await callGuard.syncFeed(url: feedURL))
            } catch {
                feed = .failure(error)
            }
        }
        await record(result, feed: feed, current: callGuard.directoryVersionsFor(mode: settings.feedMode),
                     settings: settings, now: now(), reloadDirectory: reloadDirectory)
        return result
    }

    /// The bookkeeping after a sync with `result` (and `feed`, when a feed
    /// URL is set); `current` are the versions a full Call Directory load
    /// applies now, feeds included (`directoryVersionsFor(mode:)`).
    public static func record(
        _ result: Result<SyncOutcome, Error>,
        feed: Result<FeedSyncOutcome, Error>? = nil,
        current: [String: UInt64],
        settings: SharedSettings,
        now: Date,
        reloadDirectory: () async throws -> Void
    ) async {
        var parts: [String] = []
        let outcome: SyncOutcome?
        switch result {
        case let .success(synced):
            settings.lastSync = now
            outcome = synced
            parts.append(describe(synced))
        case let .failure(error):
            outcome = nil
            parts.append("Failed: \(describe(error))")
        }
        if let feed {
            parts.append(describe(feed))
        }
        // A failed list may still come with a new feed: the directory follows what is in force.
        let synced = outcome != nil || (try? feed?.get()) != nil
        if synced && needsDirectoryReload(outcome, current: current, baseline: settings.directoryBaseline) {
            do {
                try await reloadDirectory()
                parts.append("caller ID updated")
            } catch {
                parts.append("caller ID not updated: \(describe(error))")
            }
        }
        settings.lastSyncResult = parts.joined(separator: " · ")
    }

    /// The Call Directory is reloaded after a sync that brought a new list,
    /// and whenever it does not hold what is in force: a new feed version
    /// (`current` holds the feeds under their mode's keys, so a new feed in
    /// Label or Block mode differs from the baseline and one in Off mode does
    /// not), an earlier reload that failed or expired, a language change. The
    /// extension then answers with a diff or in full, as the baseline allows.
    public static func needsDirectoryReload(
        _ outcome: SyncOutcome?,
        current: [String: UInt64],
        baseline: [String: UInt64]?
    ) -> Bool {
        outcome?.status == .updated || baseline != current
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

    /// "Feed version 2 (delta, 1.9 kB)", "Feed up to date (version 2)",
    /// "Feed failed: feed refused (hash_mismatch): …".
    public static func describe(_ feed: Result<FeedSyncOutcome, Error>) -> String {
        switch feed {
        case let .success(outcome):
            guard outcome.status == .updated, let via = outcome.via else {
                return "Feed up to date (version \(outcome.version))"
            }
            let how = via == .delta ? "delta" : "full"
            return "Feed version \(outcome.version) (\(how), \(size(outcome.downloadedBytes)))"
        case let .failure(error):
            return "Feed failed: \(describe(error))"
        }
    }

    /// Decimal units, one decimal: "97 B", "1.9 kB", "3.4 MB".
    public static func size(_ bytes: UInt64) -> String {
        if bytes < 1000 { return "\(bytes) B" }
        let value = Double(bytes)
        if value < 999_950 { return String(format: "%.1f kB", value / 1000) }
        return String(format: "%.1f MB", value / 1_000_000)
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
        case let .InvalidCopy(code, detail):
            // Not a sync error (the app's copy override at start); named for completeness.
            return "copy override refused (\(code)): \(detail)"
        }
    }
}
