// The hand-written Swift layer over the generated bindings (Generated/):
// defaults and names that read well at the call site, an async `sync` and
// `syncFeed`, a closure logger. No logic: every decision is Rust's. It
// mirrors the Kotlin layer (bindings/kotlin/src/io/callguard/CallGuardKtx.kt)
// name for name (Kotlin's `syncList` / `syncFeedSuspending` are `async` here).
//
// Note: the module and its main class are both named `CallGuard`, so never
// qualify a type with the module name (`CallGuard.Screening` means a nested
// type of the class). Plain `Screening`, `Call`, … after `import CallGuard`.
import Foundation

// MARK: - Construction and screening

extension CallGuard {
    /// A guard for `homeRegion` (ISO 3166, e.g. "RU") speaking `language`
    /// ("en", "ru"; others fall back to English). With `stateDirectory`, the
    /// last accepted list per issuer is kept there and back in force as soon
    /// as its issuer's trust is added again; `nil` keeps lists in memory only.
    public convenience init(
        homeRegion: String,
        language: String = "en",
        stateDirectory: URL? = nil,
        maxListBytes: UInt64? = nil
    ) {
        self.init(config: GuardConfig(
            homeRegion: homeRegion,
            language: language,
            stateDir: stateDirectory?.path,
            maxListBytes: maxListBytes
        ))
    }

    /// Screens an incoming call.
    public func screenIncoming(
        number: String,
        channel: Channel = .phone,
        displayName: String? = nil,
        attestation: Attestation = .notVerified
    ) -> Screening {
        screen(call: Call(
            number: number,
            channel: channel,
            displayName: displayName,
            attestation: attestation,
            direction: .incoming
        ))
    }

    /// "Check a number before you call": the customer is about to dial `number`.
    public func checkBeforeCalling(number: String) -> Screening {
        screen(call: Call(
            number: number,
            channel: .phone,
            displayName: nil,
            attestation: .notVerified,
            direction: .outgoing
        ))
    }

    /// Loads a signed list from its text (the JWS as downloaded).
    public func loadList(jws: String) throws -> ListInfo {
        try loadList(jws: Data(jws.utf8))
    }

    /// `nextSyncAt()` as a `Date`, e.g. for `BGAppRefreshTaskRequest.earliestBeginDate`.
    public func nextSyncDate() -> Date {
        Date(timeIntervalSince1970: TimeInterval(nextSyncAt()))
    }
}

// MARK: - Sync without blocking the caller

extension CallGuard {
    /// Where the blocking Rust download runs: a dispatch queue, not the
    /// cooperative thread pool, which must never be blocked on network I/O.
    private static let syncQueue = DispatchQueue(
        label: "io.callguard.sync",
        qos: .utility,
        attributes: .concurrent
    )

    /// Downloads the signed list at `url` (HTTPS), verifies it and puts it in
    /// force, like the blocking `sync(url:)`, without blocking the caller.
    ///
    /// Overload note: inside `async` code, `try await guard.sync(url:)` picks
    /// this method; synchronous code gets the generated blocking one.
    ///
    /// Cancellation: a task cancelled before the download starts throws
    /// `CancellationError` and nothing happens. Once started, the Rust call
    /// cannot be interrupted (it is bounded by its own timeouts); it runs to
    /// its end and its real outcome is returned, because a list that was
    /// verified and stored is in force whether or not anyone still waits.
    /// Nothing half-done is ever visible: the list is stored atomically.
    ///
    /// Throws `CallGuardError.Network`, `.InvalidList` or `.Storage`.
    public func sync(url: String) async throws -> SyncOutcome {
        try Task.checkCancellation()
        return try await withCheckedThrowingContinuation { continuation in
            CallGuard.syncQueue.async {
                // A synchronous closure: this is the generated, blocking sync.
                continuation.resume(with: Result { try self.sync(url: url) })
            }
        }
    }

    /// Syncs the feed of reported numbers whose manifest is at `url`: the
    /// manifest, then a delta or the full blob, hash-checked and put in force
    /// like the blocking `syncFeed(url:)`, without blocking the caller. The
    /// same overload and cancellation rules as `sync(url:)`: a feed is only
    /// ever stored whole and verified, so nothing half-done is visible.
    ///
    /// Throws `CallGuardError.Network`, `.InvalidFeed` or `.Storage`.
    public func syncFeed(url: String) async throws -> FeedSyncOutcome {
        try Task.checkCancellation()
        return try await withCheckedThrowingContinuation { continuation in
            CallGuard.syncQueue.async {
                // A synchronous closure: this is the generated, blocking syncFeed.
                continuation.resume(with: Result { try self.syncFeed(url: url) })
            }
        }
    }
}

// MARK: - In-call protection

extension CallGuard {
    /// A queue for the in-call history's small file I/O: never behind a sync.
    private static let callsQueue = DispatchQueue(label: "io.callguard.calls", qos: .userInitiated, attributes: .concurrent)

    /// Reports a call event (in-call protection) without blocking the
    /// caller: with a state directory it takes the directory's lock and
    /// writes a small file. The event counts for this process even when
    /// `CallGuardError.Storage` is thrown (it could not be saved).
    public func reportCallEvent(_ event: CallEvent) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            CallGuard.callsQueue.async {
                continuation.resume(with: Result { try self.reportCallEvent(event: event) })
            }
        }
    }

    /// The advice before `action` (reads the state directory) without blocking the caller.
    public func adviseAction(_ action: SensitiveAction) async -> ActionAdvice {
        await withCheckedContinuation { continuation in
            CallGuard.callsQueue.async {
                continuation.resume(returning: self.adviseAction(action: action))
            }
        }
    }
}

extension Screening {
    /// This screening, of a call on `channel`, as the event that starts its call's record.
    public func asCallEvent(callId: String, channel: Channel) -> CallEvent {
        .screened(callId: callId, screening: self, channel: channel)
    }
}

extension ActionAdvice {
    /// `holdUntil` as a date.
    public var holdUntilDate: Date? { holdUntil.map { Date(timeIntervalSince1970: TimeInterval($0)) } }
}

// MARK: - Results

extension Screening {
    /// True when the customer must see a warning before answering.
    public var isDanger: Bool { risk == .danger }
}

extension ListInfo {
    /// `issuedAt` parsed (RFC 3339, UTC); `nil` only if Rust sent something unparsable.
    public var issuedAtDate: Date? { Self.parseRFC3339(issuedAt) }

    /// `expiresAt` parsed (RFC 3339, UTC).
    public var expiresAtDate: Date? { Self.parseRFC3339(expiresAt) }

    /// Whether the list has expired at `now` (an expired list still flags
    /// the bank's numbers; the SDK says so in its verdicts).
    public func isExpired(at now: Date = Date()) -> Bool {
        guard let expires = expiresAtDate else { return false }
        return now > expires
    }

    private static func parseRFC3339(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}

extension CallGuardError {
    /// The rejection code of an `InvalidList` error (docs/list-format.md §4), else `nil`.
    public var listRejectionCode: String? {
        if case let .InvalidList(code, _) = self { return code }
        return nil
    }
}

// MARK: - Logging

/// Adapts a closure to the SDK's `Logger` callback interface. Rust calls it
/// from any thread, so the closure must be thread-safe.
public final class ClosureLogger: Logger {
    private let block: @Sendable (LogLevel, String) -> Void

    public init(_ block: @escaping @Sendable (LogLevel, String) -> Void) {
        self.block = block
    }

    public func log(level: LogLevel, message: String) {
        block(level, message)
    }
}

/// The SDK's log lines to a closure (replacing any earlier logger), e.g.
/// `setLogger { level, message in os_log("%{public}@", message) }`.
/// Log lines never contain phone numbers, names or list contents.
public func setLogger(_ block: @escaping @Sendable (LogLevel, String) -> Void) {
    setLogger(logger: ClosureLogger(block))
}

// MARK: - Sendable

// uniffi 0.32 declares every record and enum `Sendable` itself, but only
// under `#if compiler(>=6)` (Xcode 16+). They are value types made of
// Sendable fields, so the same holds on Swift 5.9/5.10 compilers; declare it
// there only, never twice. (`CallGuardError` is an `Error`, hence already
// Sendable; `CallGuard`, `DirectoryReader` and the other objects are
// `@unchecked Sendable` in the generated code.)
#if !compiler(>=6)
extension Call: @unchecked Sendable {}
extension GuardConfig: @unchecked Sendable {}
extension ListInfo: @unchecked Sendable {}
extension Screening: @unchecked Sendable {}
extension SyncOutcome: @unchecked Sendable {}
extension SyncConfig: @unchecked Sendable {}
extension DirectoryOptions: @unchecked Sendable {}
extension DirectoryEntry: @unchecked Sendable {}
extension Attestation: @unchecked Sendable {}
extension Channel: @unchecked Sendable {}
extension Direction: @unchecked Sendable {}
extension LogLevel: @unchecked Sendable {}
extension Risk: @unchecked Sendable {}
extension Verdict: @unchecked Sendable {}
extension SyncStatus: @unchecked Sendable {}
extension FeedSyncOutcome: @unchecked Sendable {}
extension FeedVia: @unchecked Sendable {}
extension FeedDirectoryMode: @unchecked Sendable {}
#endif
