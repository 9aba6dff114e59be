// In-call protection's glue on iOS: CallKit's observer and the screen's
// capture state, reported to the guard through InCallTracker (Logic, tested
// on Linux). No permission is needed for either; neither says who calls
// (docs/platforms.md, "In-call signals"), so every call is an unknown caller.
import CallGuard
import CallGuardSampleLogic
import CallKit
import Foundation
import UIKit

final class InCallObserver: NSObject, CXCallObserverDelegate {
    private let observer = CXCallObserver()
    private let tracker: InCallTracker
    /// Reports are small file writes in the state directory: off the main thread, in order.
    private let queue: DispatchQueue
    private var captureToken: NSObjectProtocol?

    init(callGuard: CallGuard) {
        let queue = DispatchQueue(label: "io.callguard.sample.in-call")
        self.queue = queue
        tracker = InCallTracker { event in
            queue.async {
                // A report that could not be saved still counts in this process.
                try? callGuard.reportCallEvent(event: event)
            }
        }
        super.init()
        observer.setDelegate(self, queue: nil)
        // The app may have started during a call: report what is on now.
        for call in observer.calls {
            tracker.callChanged(Self.observed(call))
        }
        tracker.screenCaptured(UIScreen.main.isCaptured)
        captureToken = NotificationCenter.default.addObserver(
            forName: UIScreen.capturedDidChangeNotification, object: nil, queue: .main
        ) { [weak self] note in
            guard let screen = note.object as? UIScreen else { return }
            self?.tracker.screenCaptured(screen.isCaptured)
        }
    }

    deinit {
        if let captureToken {
            NotificationCenter.default.removeObserver(captureToken)
        }
    }

    func callObserver(_ callObserver: CXCallObserver, callChanged call: CXCall) {
        tracker.callChanged(Self.observed(call))
    }

    /// Asked before the Transfer screen's advice: the calls CallKit shows now and the
    /// capture state, then the advice on the same queue, after every event reported before.
    func afterPendingReports(_ work: @escaping () -> Void) {
        tracker.sight(observer.calls.map(Self.observed))
        tracker.screenCaptured(UIScreen.main.isCaptured)
        queue.async(execute: work)
    }

    private static func observed(_ call: CXCall) -> ObservedCall {
        ObservedCall(id: call.uuid.uuidString, hasConnected: call.hasConnected, hasEnded: call.hasEnded)
    }
}
