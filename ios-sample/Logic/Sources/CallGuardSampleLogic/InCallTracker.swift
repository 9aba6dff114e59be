// In-call protection, the glue's half (plain Swift, tested on Linux): turns
// what iOS tells an app into the SDK's call events. Every decision is the
// SDK's (CallGuard.adviseAction); this only says which call is on, ended,
// and whether the screen is captured.
//
// iOS tells an app little (docs/platforms.md, "In-call signals"):
// - CXCallObserver: every call the system knows (cellular, FaceTime, VoIP
//   apps through CallKit) with a UUID, outgoing, on hold, connected, ended —
//   no number, no app, no caller. So every call is `active` (an unknown
//   caller, `on_call_unknown`), its UUID the call id.
// - UIScreen.isCaptured: the screen is recorded, mirrored or AirPlayed.
import CallGuard
import Foundation

/// A CXCall as the tracker needs it (CallKit stays in the app's glue).
public struct ObservedCall: Equatable {
    public let id: String
    public let hasConnected: Bool
    public let hasEnded: Bool

    public init(id: String, hasConnected: Bool, hasEnded: Bool) {
        self.id = id
        self.hasConnected = hasConnected
        self.hasEnded = hasEnded
    }
}

public final class InCallTracker {
    private let report: (CallEvent) -> Void
    private let lock = NSLock()
    private var seen: [String: (connected: Bool, ended: Bool)] = [:]
    private var captured: Bool?

    /// `report`: where events go (CallGuard.reportCallEvent, its failures handled).
    public init(report: @escaping (CallEvent) -> Void) {
        self.report = report
    }

    /// CXCallObserverDelegate's `callChanged`, or each of `callObserver.calls` when the
    /// Transfer screen opens (the app may have started during a call).
    public func callChanged(_ call: ObservedCall) {
        lock.lock()
        defer { lock.unlock() }
        let before = seen[call.id]
        if before?.ended == true { return }
        if before == nil {
            report(.active(callId: call.id))
        }
        if call.hasConnected && before?.connected != true {
            report(.answered(callId: call.id))
        }
        if call.hasEnded {
            report(.ended(callId: call.id))
        }
        seen[call.id] = (call.hasConnected, call.hasEnded)
        // Bounded: ended calls are not needed once reported.
        if seen.count > 64 {
            seen = seen.filter { !$0.value.ended }
        }
    }

    /// Before advice is asked, `callObserver.calls`: the calls still on are seen going on
    /// now (the SDK then counts them as on whatever the clock says); none at all is `idle`,
    /// which also ends what the history kept from before the app started.
    public func sight(_ calls: [ObservedCall]) {
        for call in calls {
            callChanged(call)
        }
        lock.lock()
        defer { lock.unlock() }
        let on = calls.filter { !$0.hasEnded }
        if on.isEmpty {
            report(.idle)
        } else {
            for call in on {
                report(.active(callId: call.id))
            }
        }
    }

    /// UIScreen.isCaptured, when read and on capturedDidChangeNotification.
    public func screenCaptured(_ isCaptured: Bool) {
        lock.lock()
        defer { lock.unlock() }
        guard captured != isCaptured else { return }
        captured = isCaptured
        report(.screenShared(on: isCaptured))
    }
}
