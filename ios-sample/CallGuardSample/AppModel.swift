// The app's state for its three screens: the lists and feeds in force, announced
// calls, sync status, the Call Directory extension's status, and the settings.
import CallGuard
import CallGuardSampleLogic
import CallKit
import Foundation
import UIKit

@MainActor
final class AppModel: ObservableObject {
    @Published private(set) var lists: [ListInfo] = []
    @Published private(set) var lastSync: Date?
    @Published private(set) var lastSyncResult: String?
    @Published private(set) var nextSync: Date?
    @Published private(set) var isSyncing = false
    @Published private(set) var openError: String?
    @Published private(set) var directoryStatus: CXCallDirectoryManager.EnabledStatus = .unknown
    /// "Talking to you now: …" lines (IntentStatus), empty without a guard.
    @Published private(set) var announcedCalls: [String] = []
    /// This install's audience id: a tester passes it to `callguard intent --audience`.
    @Published private(set) var audienceID: String?
    /// What became of the last intent handed in (a sentence, never the intent).
    @Published private(set) var intentResult: String?

    @Published var syncURL: String {
        didSet { settings.syncURL = syncURL }
    }

    /// The feed of reported numbers (its manifest URL); empty: none.
    @Published var feedURL: String {
        didSet { settings.feedURL = feedURL }
    }

    /// What caller ID does with reported numbers; the SDK keys the applied
    /// versions by mode, so the extension reloads in full after a change.
    @Published var feedMode: FeedDirectoryMode {
        didSet {
            guard feedMode != oldValue else { return }
            settings.feedMode = feedMode
            Task { try? await SyncService.reloadCallDirectory() }
        }
    }

    @Published var language: String {
        didSet {
            guard language != oldValue else { return }
            settings.language = language
            reopen()
            // Labels are written in the guard's language: rewrite them all.
            Task { try? await SyncService.reloadCallDirectory() }
        }
    }

    @Published var homeRegion: String {
        didSet {
            guard homeRegion != oldValue else { return }
            settings.homeRegion = homeRegion
            reopen()
        }
    }

    let settings: SharedSettings
    private(set) var callGuard: CallGuard?
    /// In-call protection's glue (CallKit's observer, the screen's capture state).
    private var inCall: InCallObserver?

    init(settings: SharedSettings = .shared) {
        self.settings = settings
        syncURL = settings.syncURL
        feedURL = settings.feedURL
        feedMode = settings.feedMode
        language = settings.language
        homeRegion = settings.homeRegion
        reopen()
    }

    /// (Re)opens the guard: at launch and when the language or region changes.
    func reopen() {
        do {
            let opened = try SharedGuard.open(settings: settings)
            callGuard = opened
            inCall = InCallObserver(callGuard: opened)
            openError = nil
        } catch {
            callGuard = nil
            inCall = nil
            openError = SyncFlow.describe(error)
        }
        refresh()
    }

    /// Re-reads what the SDK and the shared settings say (the background
    /// sync may have changed it while the app was away).
    func refresh() {
        // The background task (BGAppRefreshTask) syncs with its own CallGuard:
        // pick up what it stored before reading the lists.
        _ = try? callGuard?.reload()
        lists = callGuard?.lists() ?? []
        nextSync = callGuard?.nextSyncDate()
        lastSync = settings.lastSync
        lastSyncResult = settings.lastSyncResult
        // The SDK lists only what is valid now and still vouched for by a list in force.
        announcedCalls = callGuard.map { IntentStatus.lines($0.activeIntents(), now: Date(), timeZone: .current) } ?? []
        audienceID = callGuard?.intentAudience()
    }

    /// The Transfer screen's advice, after every call event reported before it.
    /// Without a guard (protection off) the app's own flow goes on, as without the SDK.
    func adviseTransfer(_ show: @escaping (Gate) -> Void) {
        guard let callGuard, let inCall else {
            show(.proceed(reminder: nil))
            return
        }
        let language = settings.language
        inCall.afterPendingReports {
            let gate = TransferGate.gate(callGuard.adviseAction(action: .transfer), language: language)
            DispatchQueue.main.async { show(gate) }
        }
    }

    /// A call intent from `onOpenURL` (`callguard-sample://intent?jws=…`).
    /// A real app receives intents by push, never by a URL.
    func receiveIntent(url: URL) {
        takeIntent { $0.fromURL(url) }
    }

    /// A call intent pasted on the status screen (the JWS, or the URL).
    func receiveIntent(text: String) {
        takeIntent { $0.fromText(text) }
    }

    /// On the main actor like `refresh()`: one signature check and a small
    /// atomic write in the state directory.
    private func takeIntent(_ deliver: (IntentInbox) -> InboxResult) {
        guard let callGuard else {
            intentResult = "Could not check it: CallGuard did not start (see the error above)."
            return
        }
        let inbox = IntentInbox(timeZone: .current) { try callGuard.receiveIntent(jws: $0) }
        intentResult = deliver(inbox).text
        refresh()
    }

    func syncNow() async {
        guard let callGuard, !isSyncing else { return }
        isSyncing = true
        await SyncService.run(callGuard: callGuard, settings: settings)
        isSyncing = false
        refresh()
        await refreshDirectoryStatus()
    }

    /// At launch: sync if the SDK says it is time (e.g. background refresh
    /// was switched off), otherwise just make sure a refresh is scheduled.
    func syncIfDue() async {
        guard let callGuard else { return }
        if callGuard.nextSyncDate() <= Date(), !settings.syncURL.isEmpty {
            await syncNow()
        } else {
            SyncService.schedule(after: callGuard.nextSyncDate())
        }
    }

    func scheduleBackgroundSync() {
        guard let callGuard else { return }
        SyncService.schedule(after: callGuard.nextSyncDate())
    }

    func refreshDirectoryStatus() async {
        directoryStatus = await SyncService.directoryStatus()
    }

    /// "Check a number before you call".
    func check(_ number: String) -> Screening? {
        callGuard?.checkBeforeCalling(number: number)
    }

    /// Opens the Settings page where the extension is switched on.
    func openPhoneSettings() {
        CXCallDirectoryManager.sharedInstance.openSettings { _ in }
    }
}

extension DirectoryStatus {
    /// CallKit's answer in the logic's terms (Format.status words it).
    init(_ status: CXCallDirectoryManager.EnabledStatus) {
        switch status {
        case .enabled:
            self = .enabled
        case .disabled:
            self = .disabled
        case .unknown:
            self = .unknown
        @unknown default:
            self = .unknown
        }
    }
}
