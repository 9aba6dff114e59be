// The app's state for its three screens: the lists in force, sync status,
// the Call Directory extension's status, and the settings.
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

    @Published var syncURL: String {
        didSet { settings.syncURL = syncURL }
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

    init(settings: SharedSettings = .shared) {
        self.settings = settings
        syncURL = settings.syncURL
        language = settings.language
        homeRegion = settings.homeRegion
        reopen()
    }

    /// (Re)opens the guard: at launch and when the language or region changes.
    func reopen() {
        do {
            callGuard = try SharedGuard.open(settings: settings)
            openError = nil
        } catch {
            callGuard = nil
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
