// A call intent handed to the app (a tester's URL or paste here; a push
// message in a real app) goes to the SDK, which alone decides; the customer
// gets one plain sentence back. Never the intent's text: it is a bearer
// token for this install. The counterpart of android-sample's IntentInbox.kt.
import CallGuard
import Foundation

/// What the app shows after an intent arrived.
public enum InboxResult: Equatable {
    case accepted(IntentInfo, text: String)
    /// `code`: the SDK's refusal code (docs/call-intents.md §3) or a local
    /// one — not_a_link, no_intent, bad_escape, too_large (`IntentLink`);
    /// storage, failed.
    case refused(code: String, text: String)

    /// One sentence for the screen.
    public var text: String {
        switch self {
        case let .accepted(_, text), let .refused(_, text):
            return text
        }
    }

    /// "ok" or the refusal code.
    public var code: String {
        switch self {
        case .accepted:
            return "ok"
        case let .refused(code, _):
            return code
        }
    }
}

public struct IntentInbox {
    private let receive: (Data) throws -> IntentInfo
    private let timeZone: TimeZone

    /// - Parameters:
    ///   - timeZone: the customer's, for "until 14:35".
    ///   - receive: the SDK call, e.g. `{ try callGuard.receiveIntent(jws: $0) }`.
    public init(timeZone: TimeZone = .current, receive: @escaping (Data) throws -> IntentInfo) {
        self.receive = receive
        self.timeZone = timeZone
    }

    /// From `onOpenURL`: `callguard-sample://intent?jws=…`.
    public func fromURL(_ url: URL) -> InboxResult {
        take(IntentLink.parse(url))
    }

    /// From a link as text.
    public func fromLink(_ link: String) -> InboxResult {
        take(IntentLink.parse(link))
    }

    /// From the paste field: the JWS itself, or a link.
    public func fromText(_ text: String) -> InboxResult {
        take(IntentLink.fromText(text))
    }

    private func take(_ payload: IntentPayload) -> InboxResult {
        switch payload {
        case let .unusable(code):
            return Self.refused(code)
        case let .bytes(jws):
            do {
                let info = try receive(jws)
                let until = IntentStatus.clock(info.expiresAt, timeZone: timeZone)
                return .accepted(info, text: "Announced call accepted: \(IntentStatus.who(info)) — until \(until)")
            } catch let CallGuardError.InvalidIntent(code, _) {
                return Self.refused(code)
            } catch CallGuardError.Storage {
                return Self.refused("storage")
            } catch {
                // Only the error's type: its text could carry details the screen must not show.
                return .refused(code: "failed", text: "Could not check it (\(type(of: error))).")
            }
        }
    }

    private static func refused(_ code: String) -> InboxResult {
        .refused(code: code, text: "Refused (\(code)): \(sentence(code))")
    }

    /// A plain sentence per refusal code; an unknown code (a newer SDK) gets a general one.
    public static func sentence(_ code: String) -> String {
        switch code {
        case "not_a_link": return "this is not a CallGuard intent link (callguard-sample://intent?jws=…)."
        case "no_intent": return "there is no intent in it."
        case "bad_escape": return "the link is damaged (a broken %-escape). Copy it again."
        case "too_large": return "this is too large to be a call intent."
        case "malformed": return "this is not a readable call intent. Copy the whole text again."
        case "wrong_type": return "this is a signed message, but not a call intent."
        case "unsupported_alg": return "it is signed with an algorithm CallGuard does not accept."
        case "no_current_list": return "no current list of this bank is loaded. Sync the list, then send the intent again."
        case "key_not_delegated": return "the bank's list does not allow the key that signed it to announce calls."
        case "key_expired": return "the key that signed it has expired."
        case "bad_signature": return "the signature does not match: it was changed after it was signed."
        case "wrong_audience": return "it was made for another phone. Use the audience id shown on the status screen."
        case "window_too_long": return "its time window is longer than the bank allows."
        case "not_yet_valid": return "its time window has not started yet. Is the phone's clock right?"
        case "expired": return "its time window is over."
        case "not_listed": return "it announces a call from a number that is not on the bank's list."
        case "inbound_only": return "the bank never calls from that number."
        case "channel_not_used": return "the bank does not use that number on that channel."
        case "replayed": return "an announcement with the same id but other content arrived before."
        case "too_many": return "too many calls of this bank are announced at once."
        case "storage": return "the app could not save it. Try again."
        default: return "CallGuard did not accept it."
        }
    }
}
