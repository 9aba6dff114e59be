// The Transfer screen's gate (plain Swift, tested on Linux): the SDK's
// advice as what the screen shows. Every decision is the SDK's; this only
// lays it out, and makes sure a pause always says until when and always
// offers to call the bank.
import CallGuard
import Foundation

public enum Gate: Equatable {
    /// Send at once; the words, if any (the bank's announced call), are a reminder.
    case proceed(reminder: String?)
    /// Show the words; send only when the customer taps `continueLabel`.
    case confirm(title: String, body: String, continueLabel: String, callBankLabel: String)
    /// No sending before `until`; `callBankLabel` is always on the screen.
    case hold(title: String, body: String, until: String, callBankLabel: String)
}

public enum TransferGate {
    public static func gate(_ advice: ActionAdvice, language: String, timeZone: TimeZone = .current, now: Date = Date()) -> Gate {
        let words = Words(language: language)
        switch advice.level {
        case .proceed:
            return .proceed(reminder: advice.body.isEmpty ? nil : advice.body)
        case .confirm:
            return .confirm(title: advice.title, body: advice.body, continueLabel: words.continueAnyway, callBankLabel: words.callBank)
        case .hold:
            // The SDK always gives a hold its end; should it ever not, the screen says a
            // day from now (the SDK's bound), never "forever".
            let until = advice.holdUntilDate ?? now.addingTimeInterval(24 * 3600)
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = timeZone
            formatter.dateFormat = "HH:mm"
            return .hold(title: advice.title, body: advice.body, until: words.until(formatter.string(from: until)), callBankLabel: words.callBank)
        }
    }

    /// The screen's own words (the SDK's are in the advice).
    private struct Words {
        let continueAnyway: String
        let callBank: String
        let until: (String) -> String

        init(language: String) {
            switch language.lowercased().split(separator: "-").first.map(String.init) ?? "" {
            case "ru": (continueAnyway, callBank, until) = ("Продолжить всё равно", "Позвонить в банк", { "Пауза до \($0)" })
            case "uk": (continueAnyway, callBank, until) = ("Продовжити все одно", "Зателефонувати в банк", { "Пауза до \($0)" })
            case "kk": (continueAnyway, callBank, until) = ("Бәрібір жалғастыру", "Банкке қоңырау шалу", { "\($0) дейін үзіліс" })
            default: (continueAnyway, callBank, until) = ("Continue anyway", "Call the bank", { "Paused until \($0)" })
            }
        }
    }
}
