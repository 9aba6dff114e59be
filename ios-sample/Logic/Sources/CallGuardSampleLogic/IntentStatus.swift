// The status screen's lines about announced calls ("Talking to you now:
// Anna, card department, about … — until 14:35"), in the customer's local
// time, and the install's audience id for testers. The counterpart of
// android-sample's IntentStatus.kt (same words).
import CallGuard
import Foundation

public enum IntentStatus {
    /// One line per announced call, soonest end first; "none" when there
    /// is none. `intents` is `activeIntents()`: the SDK already dropped
    /// what is over or no longer vouched for.
    public static func lines(_ intents: [IntentInfo], now: Date, timeZone: TimeZone) -> [String] {
        if intents.isEmpty { return ["Announced calls: none right now"] }
        return intents
            .sorted { ($0.expiresAt, $0.id) < ($1.expiresAt, $1.id) }
            .map { line($0, now: now, timeZone: timeZone) }
    }

    /// "Talking to you now: Anna, card department, about your credit card
    /// application — until 14:35 (+74950000001, phone)". An intent whose
    /// window opens in a moment (the SDK allows two minutes of clock skew)
    /// says "Calling you soon … from 14:25 until 14:35".
    public static func line(_ info: IntentInfo, now: Date, timeZone: TimeZone) -> String {
        let until = clock(info.expiresAt, timeZone: timeZone)
        let lead: String
        if TimeInterval(info.notBefore) > now.timeIntervalSince1970 {
            let from = clock(info.notBefore, timeZone: timeZone)
            lead = "Calling you soon: \(who(info)), about \(info.purpose) — from \(from) until \(until)"
        } else {
            lead = "Talking to you now: \(who(info)), about \(info.purpose) — until \(until)"
        }
        return "\(lead) (\(info.from), \(channelName(info.channel)))"
    }

    /// "Anna, card department".
    public static func who(_ info: IntentInfo) -> String {
        "\(info.agent), \(info.department)"
    }

    /// Unix seconds as "HH:mm" in `timeZone`.
    public static func clock(_ unixSeconds: Int64, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(unixSeconds)))
    }

    /// For a tester: what `callguard intent --audience` needs.
    public static func audienceLine(_ audience: String) -> String {
        "This phone's audience id (callguard intent --audience): \(audience)"
    }

    private static func channelName(_ channel: Channel) -> String {
        switch channel {
        case .phone: return "phone"
        case .sms: return "SMS"
        case .whatsapp: return "WhatsApp"
        case .telegram: return "Telegram"
        case .viber: return "Viber"
        case .signal: return "Signal"
        case .other: return "other"
        }
    }
}
