// The tester's ways to hand the app a call intent: a URL
// `callguard-sample://intent?jws=…` (onOpenURL) or a pasted text (the JWS
// `callguard intent` prints, or that URL). Parsed by hand so '+' stays '+'
// and a broken escape is a reason, not a nil. A real app gets intents by
// push, never from a link. The counterpart of android-sample's IntentLink.kt.
import Foundation

/// What a link or a pasted text carries: the intent's bytes, or why there are none.
public enum IntentPayload: Equatable, Sendable {
    case bytes(Data)
    /// One of `IntentLink`'s local codes: not_a_link, no_intent, bad_escape, too_large.
    case unusable(String)
}

public enum IntentLink {
    public static let scheme = "callguard-sample"
    public static let host = "intent"
    public static let parameter = "jws"

    /// Longest link or text looked at. The SDK refuses intents over 4096
    /// bytes itself; this only keeps a huge paste from being copied and
    /// decoded (percent-encoding at most triples 4096 bytes, plus the prefix).
    public static let maxCharacters = 16 * 1024

    /// The intent in `callguard-sample://intent?jws=…` (percent-decoded).
    public static func parse(_ url: URL) -> IntentPayload {
        parse(url.absoluteString)
    }

    /// The intent in `callguard-sample://intent?jws=…` (percent-decoded).
    public static func parse(_ link: String) -> IntentPayload {
        guard link.utf16.count <= maxCharacters else { return .unusable("too_large") }
        let text = link.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let schemeEnd = text.range(of: "://"),
              text[..<schemeEnd.lowerBound].lowercased() == scheme
        else { return .unusable("not_a_link") }
        let rest = text[schemeEnd.upperBound...].prefix { $0 != "#" }
        let authorityAndPath = rest.prefix { $0 != "?" }
        let host = authorityAndPath.hasSuffix("/") ? authorityAndPath.dropLast() : authorityAndPath
        guard host.lowercased() == Self.host else { return .unusable("not_a_link") }
        let query = rest.firstIndex(of: "?").map { mark in rest[rest.index(after: mark)...] } ?? ""
        let values = query.split(separator: "&", omittingEmptySubsequences: false)
            .filter { pair in pair.prefix { c in c != "=" } == parameter }
            .map { pair in pair.firstIndex(of: "=").map { eq in pair[pair.index(after: eq)...] } ?? "" }
        // Two intents in one link: which one the tester meant is a guess, so neither.
        guard values.count <= 1 else { return .unusable("not_a_link") }
        guard let raw = values.first, !raw.isEmpty else { return .unusable("no_intent") }
        guard let bytes = percentDecode(raw) else { return .unusable("bad_escape") }
        return bytes.isEmpty ? .unusable("no_intent") : .bytes(bytes)
    }

    /// A pasted text: a link as above, or the compact JWS itself.
    /// Surrounding whitespace (a copied line break) is dropped.
    public static func fromText(_ text: String) -> IntentPayload {
        guard text.utf16.count <= maxCharacters else { return .unusable("too_large") }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.lowercased().hasPrefix(scheme + ":") { return parse(trimmed) }
        return trimmed.isEmpty ? .unusable("no_intent") : .bytes(Data(trimmed.utf8))
    }

    /// RFC 3986 percent-decoding to bytes; nil on a broken escape. '+' is a plus sign.
    private static func percentDecode<S: StringProtocol>(_ text: S) -> Data? {
        let input = Array(text.utf8)
        var out = Data(capacity: input.count)
        var i = 0
        while i < input.count {
            if input[i] == UInt8(ascii: "%") {
                guard i + 2 < input.count, let hi = hexValue(input[i + 1]), let lo = hexValue(input[i + 2]) else {
                    return nil
                }
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(input[i])
                i += 1
            }
        }
        return out
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
