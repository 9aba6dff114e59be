// How the sample answers a Call Directory request (CallDirectoryHandler.swift
// in the extension hands every request here): which options feed it, which
// baseline an incremental request diffs from, and what is booked when
// CallKit accepts or drops the result. Works on any `CallDirectoryRequest`:
// CallKit's context on iOS, a recording fake in the tests.
import CallGuard
import Foundation

public enum DirectoryRequest {
    /// Extensions get a few MB: 2 000 entries per chunk keeps a request
    /// small; a prefix range over 100 000 numbers is left out (and counted)
    /// rather than expanded. Labels in the guard's language (nil).
    public static let options = DirectoryOptions(language: nil, maxPrefixExpansion: 100_000, chunkSize: 2_000)

    public enum Outcome: Equatable, Sendable {
        /// CallKit applied the entries; the versions and language are booked.
        case accepted(CallDirectoryFeeder.Report)
        /// CallKit applied nothing; the booked versions are forgotten, so the
        /// next request reloads everything instead of diffing from a guess.
        case expired
    }

    /// Feeds `request` from `callGuard` and completes it (or cancels it on
    /// any error: CallKit then keeps the previous directory). Incremental
    /// when CallKit allows it and the settings know what the directory holds
    /// in the current language; otherwise everything anew. `finished` runs
    /// after the bookkeeping, on whatever thread CallKit completes on; it is
    /// not called for a cancelled request.
    public static func fulfill(
        _ request: CallDirectoryRequest,
        callGuard: CallGuard,
        settings: SharedSettings,
        options: DirectoryOptions = options,
        isCancelled: () -> Bool = { false },
        finished: @escaping @Sendable (Outcome) -> Void = { _ in }
    ) {
        // The language the labels are written in now: a change while the
        // request runs must not be booked as this request's.
        let language = settings.language
        // Reported numbers: labelled, blocked or left out, as the app's
        // setting says (unless the caller chose).
        var options = options
        options.feeds = options.feeds ?? settings.feedMode
        CallDirectoryFeeder(callGuard: callGuard, options: options).fulfill(
            request,
            appliedVersions: settings.directoryBaseline,
            isCancelled: isCancelled,
            onExpired: {
                settings.appliedVersions = nil
                finished(.expired)
            },
            onAccepted: { report in
                settings.appliedVersions = report.versions
                settings.appliedLanguage = language
                finished(.accepted(report))
            }
        )
    }

    /// The log line for an outcome: counts and modes, never numbers or labels.
    public static func describe(_ outcome: Outcome) -> String {
        switch outcome {
        case let .accepted(report):
            return "directory \(report.mode.rawValue): +\(report.added) -\(report.removed), blocked \(report.blocked), skipped prefixes \(report.skippedPrefixes)"
        case .expired:
            return "request expired: the next one reloads the whole directory"
        }
    }
}
