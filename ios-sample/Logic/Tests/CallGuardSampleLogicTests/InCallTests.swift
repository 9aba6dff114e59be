// In-call protection in the iOS sample: what CXCallObserver and
// UIScreen.isCaptured tell becomes the SDK's events, and the advice becomes
// the Transfer screen — through the real library.
import CallGuard
import CallGuardSampleLogic
import XCTest

final class InCallTests: XCTestCase {
    func testACallKitCallIsActiveThenAnsweredThenEndedOnce() {
        var events: [CallEvent] = []
        let tracker = InCallTracker { events.append($0) }
        tracker.callChanged(ObservedCall(id: "U1", hasConnected: false, hasEnded: false))
        tracker.callChanged(ObservedCall(id: "U1", hasConnected: true, hasEnded: false))
        tracker.callChanged(ObservedCall(id: "U1", hasConnected: true, hasEnded: false))
        tracker.callChanged(ObservedCall(id: "U1", hasConnected: true, hasEnded: true))
        tracker.callChanged(ObservedCall(id: "U1", hasConnected: true, hasEnded: true))
        XCTAssertEqual(events, [.active(callId: "U1"), .answered(callId: "U1"), .ended(callId: "U1")])
    }

    func testBeforeAdviceTheCallsOnAreSeenAgainAndNoCallIsIdle() {
        var events: [CallEvent] = []
        let tracker = InCallTracker { events.append($0) }
        tracker.sight([ObservedCall(id: "U1", hasConnected: true, hasEnded: false)])
        XCTAssertEqual(events, [.active(callId: "U1"), .answered(callId: "U1"), .active(callId: "U1")])
        events.removeAll()
        tracker.sight([])
        XCTAssertEqual(events, [.idle])
    }

    func testScreenCaptureIsReportedOnChangesOnly() {
        var events: [CallEvent] = []
        let tracker = InCallTracker { events.append($0) }
        tracker.screenCaptured(false)
        tracker.screenCaptured(true)
        tracker.screenCaptured(true)
        XCTAssertEqual(events, [.screenShared(on: false), .screenShared(on: true)])
    }

    /// The tester's steps on iOS: a call is on (CallKit says only that), the screen is
    /// shared, the customer opens Transfer, then asks to see a code.
    func testACallWithTheScreenSharedThenTransferAndCodes() throws {
        let now: Int64 = 1_796_083_200
        let callGuard = CallGuard(config: GuardConfig(homeRegion: "RU", language: "ru"))
        _ = try callGuard.addTrust(trustJson: Fixtures.text("trust/example-bank.json"))
        _ = try callGuard.loadListAt(jws: Fixtures.data("lists/valid-eddsa-general.jws"), nowUnixSeconds: now)
        let tracker = InCallTracker { try? callGuard.reportCallEventAt(event: $0, nowUnixSeconds: now) }
        tracker.callChanged(ObservedCall(id: "U1", hasConnected: true, hasEnded: false))
        let transfer = TransferGate.gate(callGuard.adviseActionAt(action: .transfer, nowUnixSeconds: now + 60), language: "ru")
        guard case let .confirm(title, _, continueLabel, callBank) = transfer else {
            return XCTFail("\(transfer)")
        }
        XCTAssertFalse(title.isEmpty)
        XCTAssertEqual(continueLabel, "Продолжить всё равно")
        XCTAssertEqual(callBank, "Позвонить в банк")
        tracker.screenCaptured(true)
        let utc = TimeZone(identifier: "UTC")!
        let codes = TransferGate.gate(callGuard.adviseActionAt(action: .credentials, nowUnixSeconds: now + 60), language: "ru", timeZone: utc)
        guard case let .hold(_, body, until, _) = codes else {
            return XCTFail("\(codes)")
        }
        XCTAssertEqual(until, "Пауза до 00:31")
        XCTAssertTrue(body.contains("30 минут"), body)
        // The call ends: nothing holds a transfer any more.
        tracker.callChanged(ObservedCall(id: "U1", hasConnected: true, hasEnded: true))
        XCTAssertEqual(TransferGate.gate(callGuard.adviseActionAt(action: .transfer, nowUnixSeconds: now + 120), language: "ru"), .proceed(reminder: nil))
    }
}
