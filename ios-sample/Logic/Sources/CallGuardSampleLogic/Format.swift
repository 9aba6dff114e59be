// The words and looks of the sample's screens, out of the SwiftUI views so
// they are tested (also on Linux). The warnings themselves (title, message)
// are the SDK's.
import CallGuard
import Foundation

/// Text for the screens.
public enum Format {
    public static func date(_ date: Date?) -> String {
        guard let date else { return "—" }
        return date.formatted(date: .abbreviated, time: .shortened)
    }

    public static func versionLine(_ info: ListInfo) -> String {
        "Version \(info.version) · \(info.contacts) contacts"
    }

    public static func expiryLine(_ info: ListInfo, now: Date = Date()) -> String {
        let when = info.expiresAtDate.map { date($0) } ?? info.expiresAt
        return info.isExpired(at: now) ? "Expired \(when): sync to renew" : "Valid until \(when)"
    }

    public static func status(_ status: DirectoryStatus) -> String {
        switch status {
        case .enabled:
            return "On"
        case .disabled:
            return "Off"
        case .unknown:
            return "Unknown"
        }
    }
}

/// Whether the customer switched the Call Directory extension on: CallKit's
/// `CXCallDirectoryManager.EnabledStatus`, mapped in the app (AppModel.swift).
public enum DirectoryStatus: Equatable, Sendable {
    case enabled
    case disabled
    case unknown
}

/// How a risk looks: an SF Symbol and a colour (the view maps the colour to
/// SwiftUI's).
public struct ScreeningStyle: Equatable, Sendable {
    public enum Tint: Equatable, Sendable {
        case red
        case orange
        case green
        /// Nothing known: no alarm, and no green shield either.
        case grey
    }

    public let symbol: String
    public let color: Tint

    public init(risk: Risk) {
        switch risk {
        case .danger:
            symbol = "exclamationmark.octagon.fill"
            color = .red
        case .caution:
            symbol = "exclamationmark.triangle.fill"
            color = .orange
        case .safe:
            symbol = "checkmark.shield.fill"
            color = .green
        case .neutral:
            symbol = "questionmark.circle"
            color = .grey
        }
    }
}
