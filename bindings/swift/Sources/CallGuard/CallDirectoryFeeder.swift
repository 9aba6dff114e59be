// Feeds the iOS Call Directory (CallKit's caller ID for numbers not in the
// customer's contacts) from the lists and the feeds of reported numbers in
// force (labelled, blocked or left out: `DirectoryOptions.feeds`), chunk by
// chunk: a Call
// Directory extension has a small memory limit, so the directory is never
// materialised at once. What the labels say and which numbers get one is
// Rust's decision (`CallGuard.directory(options:)`); this file only moves
// entries into CallKit in the order and shape CallKit demands.
//
// The feeder writes to a `CallDirectorySink` and completes a
// `CallDirectoryRequest`. `CXCallDirectoryExtensionContext` is both (below,
// iOS only); tests use a recording fake, so this file builds and is tested
// on macOS too.
import Foundation
#if canImport(CallKit) && os(iOS)
import CallKit
#endif

/// Where the feeder writes. The requirements are spelled exactly like
/// `CXCallDirectoryExtensionContext`'s methods (`CXCallDirectoryPhoneNumber`
/// is `Int64`), so the context conforms with an empty extension.
public protocol CallDirectorySink: AnyObject {
    /// Must be read before any entry is added or removed.
    var isIncremental: Bool { get }
    func addIdentificationEntry(withNextSequentialPhoneNumber phoneNumber: Int64, label: String)
    func addBlockingEntry(withNextSequentialPhoneNumber phoneNumber: Int64)
    func removeIdentificationEntry(withPhoneNumber phoneNumber: Int64)
    func removeAllIdentificationEntries()
    func removeAllBlockingEntries()
}

/// A Call Directory request the feeder can finish: what `fulfill` needs
/// beyond the sink.
public protocol CallDirectoryRequest: CallDirectorySink {
    /// `CXCallDirectoryExtensionContext.completeRequest(completionHandler:)`.
    /// The handler's Bool is `expired`, as Apple documents it: true means the
    /// request ran out of time and the entries added were NOT applied (the
    /// directory keeps what it held before); false means CallKit took them.
    func completeDirectoryRequest(_ completion: @escaping @Sendable (_ expired: Bool) -> Void)
    /// `CXCallDirectoryExtensionContext.cancelRequest(withError:)`: CallKit
    /// keeps the previous directory.
    func cancelDirectoryRequest(with error: Error)
}

#if canImport(CallKit) && os(iOS)
extension CXCallDirectoryExtensionContext: CallDirectoryRequest {
    // Own names rather than CallKit's, so the conformance does not depend on
    // how a given SDK imports the handler's Sendable-ness.
    public func completeDirectoryRequest(_ completion: @escaping @Sendable (_ expired: Bool) -> Void) {
        completeRequest(completionHandler: completion)
    }

    public func cancelDirectoryRequest(with error: Error) {
        cancelRequest(withError: error)
    }
}
#endif

public struct CallDirectoryFeeder {
    public enum Mode: String, Sendable {
        /// Every entry from scratch (after removing the old ones if CallKit
        /// asked for an incremental request).
        case full
        /// Only what changed since the versions the directory already holds.
        case incremental
    }

    public struct Report: Equatable, Sendable {
        public var mode: Mode
        /// Identification entries added.
        public var added: Int
        /// Identification entries removed (incremental only).
        public var removed: Int
        /// Blocking entries added.
        public var blocked: Int
        /// Prefix ranges over `maxPrefixExpansion`, left out (full mode only).
        public var skippedPrefixes: UInt64
        /// Issuer → list version this directory now reflects. Store it (e.g.
        /// in the App Group's UserDefaults) only once CallKit applied the
        /// request (`fulfill`'s `onAccepted`: completed, not expired), and
        /// pass it back as `appliedVersions` next time.
        public var versions: [String: UInt64]
    }

    public enum FeedError: Error, Equatable {
        /// CallKit rejects a request whose additions are not strictly
        /// ascending; the SDK promises they are. Caught here, with the
        /// numbers, rather than as CallKit's opaque `entriesOutOfOrder`.
        case outOfOrder(previous: Int64, next: Int64)
    }

    public let callGuard: CallGuard
    public let options: DirectoryOptions

    /// `options.chunkSize` bounds the memory one step needs; inside a Call
    /// Directory extension a few thousand entries per chunk is comfortable.
    public init(callGuard: CallGuard, options: DirectoryOptions) {
        self.callGuard = callGuard
        self.options = options
    }

    /// The versions of the lists in force, issuer → version.
    public static func versions(of lists: [ListInfo]) -> [String: UInt64] {
        Dictionary(lists.map { ($0.issuer, $0.version) }, uniquingKeysWith: { max($0, $1) })
    }

    /// What a full load with these options applies: the lists' versions and
    /// the feeds' (keyed by the SDK with the feed mode, so a directory
    /// written in another mode is reloaded, never diffed).
    public func versions() -> [String: UInt64] {
        callGuard.directoryVersionsFor(mode: options.feeds ?? .label)
    }

    /// Fills `sink` and returns what it did. Does not complete the request.
    ///
    /// - `appliedVersions`: what the directory held after the last request
    ///   CallKit accepted (`Report.versions`), or `nil` if unknown. Only used
    ///   when CallKit asks for an incremental request; if the SDK cannot
    ///   express the change as a diff from them (`directoryChanges` returns
    ///   `nil`), the feeder removes everything and adds all entries again.
    /// - `blockedNumbers`: numbers the customer chose to block, as typed;
    ///   normalised and sorted by the SDK, merged with the feeds' fraud
    ///   numbers when `options.feeds` is `.block` (one ascending sequence,
    ///   streamed). Always replaced as a whole.
    /// - `isCancelled`: checked between chunks, with `Task.isCancelled`; set
    ///   it from `CXCallDirectoryExtensionContextDelegate.requestFailed`.
    ///   Cancellation throws `CancellationError`; the caller then cancels the
    ///   request, so CallKit keeps the previous directory.
    public func feed(
        _ sink: CallDirectorySink,
        appliedVersions: [String: UInt64]?,
        blockedNumbers: [String] = [],
        isCancelled: () -> Bool = { false }
    ) throws -> Report {
        // CallKit: ask before adding or removing anything.
        let incremental = sink.isIncremental
        let versions = versions()
        var report = Report(mode: .full, added: 0, removed: 0, blocked: 0, skippedPrefixes: 0, versions: versions)
        try checkCancelled(isCancelled)

        if incremental, let applied = appliedVersions,
           let changes = callGuard.directoryChanges(appliedVersions: applied, options: options) {
            report.mode = .incremental
            let removals = changes.removals()
            try drain(isCancelled, next: { removals.nextChunk() }) { entries in
                for entry in entries {
                    sink.removeIdentificationEntry(withPhoneNumber: entry.number)
                }
                report.removed += entries.count
            }
            let additions = changes.additions()
            var previous: Int64?
            try drain(isCancelled, next: { additions.nextChunk() }) { entries in
                try Self.add(entries, to: sink, after: &previous)
                report.added += entries.count
            }
        } else {
            if incremental {
                // An incremental request we answer in full: start from empty.
                sink.removeAllIdentificationEntries()
            }
            let reader = callGuard.directory(options: options)
            var previous: Int64?
            try drain(isCancelled, next: { reader.nextChunk() }) { entries in
                try Self.add(entries, to: sink, after: &previous)
                report.added += entries.count
            }
            report.skippedPrefixes = UInt64(reader.skippedPrefixes().count)
        }

        try checkCancelled(isCancelled)
        if incremental {
            sink.removeAllBlockingEntries()
        }
        let blocking = callGuard.blockingDirectory(options: options, numbers: blockedNumbers)
        var previousBlocked: Int64?
        try drain(isCancelled, next: { blocking.nextChunk() }) { numbers in
            for number in numbers {
                if let last = previousBlocked, number <= last {
                    throw FeedError.outOfOrder(previous: last, next: number)
                }
                sink.addBlockingEntry(withNextSequentialPhoneNumber: number)
                previousBlocked = number
            }
            report.blocked += numbers.count
        }
        return report
    }

    private static func add(_ entries: [DirectoryEntry], to sink: CallDirectorySink, after previous: inout Int64?) throws {
        for entry in entries {
            if let last = previous, entry.number <= last {
                throw FeedError.outOfOrder(previous: last, next: entry.number)
            }
            sink.addIdentificationEntry(withNextSequentialPhoneNumber: entry.number, label: entry.label)
            previous = entry.number
        }
    }

    /// Pulls chunks until an empty one, checking cancellation before each.
    /// Each chunk runs in its own autorelease pool: the labels bridged to
    /// NSString would otherwise pile up until the request ends.
    private func drain<Element>(
        _ isCancelled: () -> Bool,
        next: () throws -> [Element],
        body: ([Element]) throws -> Void
    ) throws {
        while true {
            try checkCancelled(isCancelled)
            let done: Bool = try Self.withAutoreleasePool {
                let chunk = try next()
                if chunk.isEmpty { return true }
                try body(chunk)
                return false
            }
            if done { return }
        }
    }

    private func checkCancelled(_ isCancelled: () -> Bool) throws {
        if Task.isCancelled || isCancelled() {
            throw CancellationError()
        }
    }

    private static func withAutoreleasePool<T>(_ body: () throws -> T) rethrows -> T {
        #if canImport(ObjectiveC)
        return try autoreleasepool(invoking: body)
        #else
        return try body()
        #endif
    }
}

extension CallDirectoryFeeder {
    /// The whole of `CXCallDirectoryProvider.beginRequest(with:)`: feeds
    /// `request`, then completes it, or cancels it on any error (CallKit then
    /// keeps the directory it had).
    ///
    /// - `onAccepted`: runs only if CallKit applied the data (the request did
    ///   not expire): store `report.versions` there.
    /// - `onExpired`: runs if the request expired: CallKit did not apply
    ///   what was added. Forget the stored versions there (store `nil`), so
    ///   the next request reloads everything instead of diffing from versions
    ///   the directory may not hold — a diff from a wrong baseline would leave
    ///   stale labels (a number the bank removed keeping the bank's name).
    ///
    /// Both run on whatever thread CallKit calls the completion on.
    public func fulfill(
        _ request: CallDirectoryRequest,
        appliedVersions: [String: UInt64]?,
        blockedNumbers: [String] = [],
        isCancelled: () -> Bool = { false },
        onExpired: @escaping @Sendable () -> Void = {},
        onAccepted: @escaping @Sendable (Report) -> Void
    ) {
        let report: Report
        do {
            report = try feed(
                request,
                appliedVersions: appliedVersions,
                blockedNumbers: blockedNumbers,
                isCancelled: isCancelled
            )
        } catch {
            request.cancelDirectoryRequest(with: error)
            return
        }
        request.completeDirectoryRequest { expired in
            if expired {
                onExpired()
            } else {
                onAccepted(report)
            }
        }
    }
}
