// Call intents in the iOS sample, against the real SDK and the shared
// vectors (tests/vectors/intents.json; TEST-ONLY keys): what a pasted text
// or a callguard-sample:// URL turns into, and the status lines. The same
// cases as android-sample's IntentInboxTest.kt and IntentStatusTest.kt.
import CallGuard
import CallGuardSampleLogic
import Foundation
import XCTest

final class IntentInboxTests: XCTestCase {
    private let utc = TimeZone(identifier: "UTC")!

    func testEveryVectorAsPastedTextAndAsAURLGetsItsOutcome() throws {
        for asURL in [false, true] {
            let callGuard = try IntentFixtures.guardWithList()
            let inbox = IntentFixtures.inbox(callGuard, timeZone: utc)
            let cases = try IntentFixtures.cases()
            XCTAssertEqual(cases.count, 10)
            for (name, file, expect) in cases {
                let jws = try Fixtures.text(file)
                let result: InboxResult
                if asURL {
                    result = inbox.fromURL(try XCTUnwrap(URL(string: "callguard-sample://intent?jws=\(jws)")))
                } else {
                    result = inbox.fromText(jws)
                }
                XCTAssertEqual(result.code, expect, "\(name) (URL: \(asURL))")
                // The intent is a bearer token for this install: never on the screen.
                XCTAssertFalse(result.text.contains(String(jws.prefix { $0 != "." })), name)
                XCTAssertFalse(result.text.contains(String(jws.split(separator: ".").last ?? "")), name)
            }
            XCTAssertEqual(callGuard.activeIntentsAt(nowUnixSeconds: IntentFixtures.now).map(\.id), ["call-0001"])
        }
    }

    func testAcceptedSaysWhoAndUntilWhenInLocalTime() throws {
        let jws = try Fixtures.text("intents/announced.jwt")
        let result = IntentFixtures.inbox(try IntentFixtures.guardWithList(), timeZone: utc).fromText(jws)
        guard case let .accepted(info, text) = result else { return XCTFail("refused: \(result.text)") }
        XCTAssertEqual(text, "Announced call accepted: Anna, card department — until 00:10")
        XCTAssertEqual(info.from, "+74950000001")
        let moscow = try XCTUnwrap(TimeZone(identifier: "Europe/Moscow"))
        let russian = IntentFixtures.inbox(try IntentFixtures.guardWithList(language: "ru"), timeZone: moscow)
        XCTAssertEqual(russian.fromText(jws).text, "Announced call accepted: Анна, отдел карт — until 03:10")
    }

    func testRefusalsArePlainSentencesWithTheirCode() throws {
        let inbox = IntentFixtures.inbox(try IntentFixtures.guardWithList(), timeZone: utc)
        XCTAssertEqual(
            inbox.fromText(try Fixtures.text("intents/tampered.jwt")).text,
            "Refused (bad_signature): the signature does not match: it was changed after it was signed."
        )
        XCTAssertTrue(inbox.fromText(try Fixtures.text("intents/wrong-audience.jwt")).text.contains("made for another phone"))
        XCTAssertEqual(inbox.fromText("hello").code, "malformed")
        let codes = [
            "not_a_link", "no_intent", "bad_escape", "too_large", "malformed", "wrong_type", "unsupported_alg",
            "no_current_list", "key_not_delegated", "key_expired", "bad_signature", "wrong_audience",
            "window_too_long", "not_yet_valid", "expired", "not_listed", "inbound_only", "channel_not_used",
            "replayed", "too_many", "storage",
        ]
        let fallback = IntentInbox.sentence("something_new")
        XCTAssertEqual(fallback, "CallGuard did not accept it.")
        XCTAssertEqual(Set(codes.map(IntentInbox.sentence)).subtracting([fallback]).count, codes.count)
    }

    func testBeforeTheListAndOnAnotherInstall() throws {
        let jws = try Fixtures.text("intents/announced.jwt")
        let noList = CallGuard(config: GuardConfig(homeRegion: "RU", language: "en", stateDir: nil, maxListBytes: nil, intentAudience: IntentFixtures.audience))
        _ = try noList.addTrust(trustJson: Fixtures.text("trust/example-bank.json"))
        XCTAssertEqual(IntentFixtures.inbox(noList, timeZone: utc).fromText(jws).code, "no_current_list")
        // No app-provided audience: the SDK's own random one, which the vectors do not name.
        let other = try IntentFixtures.guardWithList(audience: nil)
        XCTAssertEqual(other.intentAudience().count, 22)
        XCTAssertEqual(IntentFixtures.inbox(other, timeZone: utc).fromText(jws).code, "wrong_audience")
    }

    func testLinksArePercentDecodedAndPlusStaysPlus() throws {
        let jws = try Fixtures.text("intents/announced.jwt")
        let encoded = jws.replacingOccurrences(of: ".", with: "%2E")
        let inbox = IntentFixtures.inbox(try IntentFixtures.guardWithList(), timeZone: utc)
        XCTAssertEqual(inbox.fromLink("CallGuard-Sample://INTENT/?jws=\(encoded)#x").code, "ok")
        XCTAssertEqual(inbox.fromLink("callguard-sample://intent?from=paste&jws=\(jws)").code, "ok", "same intent again")
        XCTAssertEqual(IntentLink.parse("callguard-sample://intent?jws=a+b"), .bytes(Data("a+b".utf8)))
        XCTAssertEqual(IntentLink.parse("callguard-sample://intent?jws=%C3%A9"), .bytes(Data("é".utf8)))
    }

    func testUnusableLinksNeverReachTheSdk() {
        let untouched = IntentInbox(timeZone: utc) { _ in
            XCTFail("the SDK was called")
            throw CocoaLikeError.extensionDisabled
        }
        let cases: [(String, String)] = [
            ("https://intent?jws=abc", "not_a_link"),
            ("callguard-sample://list?jws=abc", "not_a_link"),
            ("callguard-sample:intent?jws=abc", "not_a_link"),
            ("callguard-sample://intent?jws=a&jws=b", "not_a_link"),
            ("callguard-sample://intent", "no_intent"),
            ("callguard-sample://intent?jws=", "no_intent"),
            ("callguard-sample://intent?token=abc", "no_intent"),
            ("callguard-sample://intent?jws=abc%2", "bad_escape"),
            ("callguard-sample://intent?jws=%zzabc", "bad_escape"),
            ("callguard-sample://intent?jws=" + String(repeating: "a", count: IntentLink.maxCharacters), "too_large"),
        ]
        for (link, code) in cases {
            XCTAssertEqual(untouched.fromLink(link).code, code, link)
        }
        XCTAssertEqual(untouched.fromText(" \n ").code, "no_intent")
        XCTAssertEqual(untouched.fromText(String(repeating: "x", count: IntentLink.maxCharacters + 1)).code, "too_large")
        // A pasted link is a link, also with the line break a copy brings along.
        XCTAssertEqual(untouched.fromText("callguard-sample://other?jws=abc\n").code, "not_a_link")
    }

    func testPastedTextIsTrimmedAndTheSdkCapsTheSize() throws {
        let inbox = IntentFixtures.inbox(try IntentFixtures.guardWithList(), timeZone: utc)
        XCTAssertEqual(inbox.fromText("\n  " + (try Fixtures.text("intents/announced.jwt")) + "\r\n").code, "ok")
        // Under the inbox's cap, over the SDK's 4096 bytes: the SDK refuses it.
        XCTAssertEqual(inbox.fromText(String(repeating: "a", count: 5000)).code, "too_large")
    }

    func testFailuresOutsideTheIntentSayWhatHappened() throws {
        let jws = try Fixtures.text("intents/announced.jwt")
        let storage = IntentInbox(timeZone: utc) { _ in throw CallGuardError.Storage(detail: "rename failed") }
        XCTAssertEqual(storage.fromText(jws).text, "Refused (storage): the app could not save it. Try again.")
        let other = IntentInbox(timeZone: utc) { _ in throw CocoaLikeError.extensionDisabled }
        XCTAssertEqual(other.fromText(jws), .refused(code: "failed", text: "Could not check it (CocoaLikeError)."))
        let newer = IntentInbox(timeZone: utc) { _ in throw CallGuardError.InvalidIntent(code: "from_the_future", detail: "x") }
        XCTAssertEqual(newer.fromText(jws).text, "Refused (from_the_future): CallGuard did not accept it.")
        XCTAssertEqual(SyncFlow.describe(CallGuardError.InvalidIntent(code: "expired", detail: "exp")), "call intent refused (expired)")
    }
}

final class IntentStatusTests: XCTestCase {
    private let utc = TimeZone(identifier: "UTC")!
    private let now = Date(timeIntervalSince1970: TimeInterval(IntentFixtures.now))

    func testAnAcceptedIntentIsTalkingToYouNowInLocalTime() throws {
        let callGuard = try IntentFixtures.guardWithList()
        XCTAssertEqual(IntentStatus.lines(callGuard.activeIntentsAt(nowUnixSeconds: IntentFixtures.now), now: now, timeZone: utc), ["Announced calls: none right now"])
        _ = try callGuard.receiveIntentAt(jws: Fixtures.data("intents/announced.jwt"), nowUnixSeconds: IntentFixtures.now)
        let active = callGuard.activeIntentsAt(nowUnixSeconds: IntentFixtures.now)
        XCTAssertEqual(
            IntentStatus.lines(active, now: now, timeZone: utc),
            ["Talking to you now: Anna, card department, about your credit card application — until 00:10 (+74950000001, phone)"]
        )
        let moscow = try XCTUnwrap(TimeZone(identifier: "Europe/Moscow"))
        XCTAssertTrue(try XCTUnwrap(IntentStatus.lines(active, now: now, timeZone: moscow).first).contains("— until 03:10 "))
        // Over (past exp and the SDK's two minutes of skew): the SDK no longer lists it.
        let over = IntentFixtures.now + 5 * 60 + 121
        XCTAssertEqual(
            IntentStatus.lines(callGuard.activeIntentsAt(nowUnixSeconds: over), now: Date(timeIntervalSince1970: TimeInterval(over)), timeZone: utc),
            ["Announced calls: none right now"]
        )
    }

    func testAWindowThatOpensInAMomentSaysSoon() throws {
        let callGuard = try IntentFixtures.guardWithList(language: "ru")
        _ = try callGuard.receiveIntentAt(jws: Fixtures.data("intents/announced.jwt"), nowUnixSeconds: IntentFixtures.now)
        // 60 s before its notBefore (00:00): inside the SDK's skew, so listed, but not yet on.
        let early: Int64 = 1_796_083_200 - 60
        let lines = IntentStatus.lines(callGuard.activeIntentsAt(nowUnixSeconds: early), now: Date(timeIntervalSince1970: TimeInterval(early)), timeZone: utc)
        XCTAssertEqual(lines, ["Calling you soon: Анна, отдел карт, about ваша заявка на кредитную карту — from 00:00 until 00:10 (+74950000001, phone)"])
    }

    func testSoonestEndFirstAndTheAudienceForTesters() throws {
        func info(_ id: String, _ exp: Int64, _ channel: Channel) -> IntentInfo {
            IntentInfo(issuer: "example-bank", id: id, from: "+74950000001", channel: channel, agent: "Anna",
                       department: "card department", purpose: "a loan", notBefore: IntentFixtures.now - 60, expiresAt: exp)
        }
        let lines = IntentStatus.lines(
            [info("b", IntentFixtures.now + 1200, .whatsapp), info("a", IntentFixtures.now + 600, .phone)],
            now: now,
            timeZone: utc
        )
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].hasSuffix("until 00:15 (+74950000001, phone)"), lines[0])
        XCTAssertTrue(lines[1].hasSuffix("until 00:25 (+74950000001, WhatsApp)"), lines[1])
        XCTAssertEqual(
            IntentStatus.audienceLine(try IntentFixtures.guardWithList().intentAudience()),
            "This phone's audience id (callguard intent --audience): callguard-test-audience"
        )
    }
}

/// tests/vectors/intents.json: its clock, audience, list and cases.
enum IntentFixtures {
    /// 2026-12-01T00:05:00Z, the vectors' `now`.
    static let now: Int64 = 1_796_083_500
    static let audience = "callguard-test-audience"

    /// A guard with the vectors' audience (as `GuardConfig(intentAudience:)`)
    /// and their list (lists/intents-v20.jws) in force; memory only.
    static func guardWithList(language: String = "en", audience: String? = IntentFixtures.audience) throws -> CallGuard {
        let callGuard = CallGuard(config: GuardConfig(homeRegion: "RU", language: language, stateDir: nil, maxListBytes: nil, intentAudience: audience))
        _ = try callGuard.addTrust(trustJson: Fixtures.text("trust/example-bank.json"))
        _ = try callGuard.loadListAt(jws: Fixtures.data("lists/intents-v20.jws"), nowUnixSeconds: now)
        return callGuard
    }

    static func inbox(_ callGuard: CallGuard, timeZone: TimeZone) -> IntentInbox {
        IntentInbox(timeZone: timeZone) { try callGuard.receiveIntentAt(jws: $0, nowUnixSeconds: now) }
    }

    /// (name, intent file, expected outcome), in order; checks the clock and audience still match.
    static func cases() throws -> [(String, String, String)] {
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Fixtures.data("intents.json")) as? [String: Any])
        XCTAssertEqual(doc["audience"] as? String, audience)
        XCTAssertEqual(doc["now"] as? String, "2026-12-01T00:05:00Z")
        XCTAssertEqual(doc["list"] as? String, "lists/intents-v20.jws")
        let cases = try XCTUnwrap(doc["cases"] as? [[String: Any]])
        return try cases.map { c in
            try (XCTUnwrap(c["name"] as? String), XCTUnwrap(c["intent"] as? String), XCTUnwrap(c["expect"] as? String))
        }
    }
}
