// CallGuard sample: what a bank app adds to protect its customers from fake
// "bank" calls, on iOS. Three screens (status, check a number, settings),
// background list refresh, the Call Directory extension that labels
// incoming calls, and announced calls (call intents) handed in by testers
// as callguard-sample://intent?jws=… (the URL scheme is in project.yml).
import SwiftUI
import UIKit

final class AppDelegate: NSObject, UIApplicationDelegate {
    func application(
        _ application: UIApplication,
        didFinishLaunchingWithOptions launchOptions: [UIApplication.LaunchOptionsKey: Any]? = nil
    ) -> Bool {
        // BGTaskScheduler wants its handlers before launch finishes.
        SyncService.registerBackgroundTask()
        return true
    }
}

@main
struct CallGuardSampleApp: App {
    @UIApplicationDelegateAdaptor(AppDelegate.self) private var appDelegate
    @StateObject private var model = AppModel()
    @Environment(\.scenePhase) private var scenePhase

    var body: some Scene {
        WindowGroup {
            ContentView()
                .environmentObject(model)
                .task { await model.syncIfDue() }
        }
        .onChange(of: scenePhase) { phase in
            switch phase {
            case .active:
                model.refresh()
                Task { await model.refreshDirectoryStatus() }
            case .background:
                model.scheduleBackgroundSync()
            default:
                break
            }
        }
    }
}

struct ContentView: View {
    private enum Tab: Hashable {
        case status
        case check
        case transfer
        case contacts
        case settings
    }

    @EnvironmentObject private var model: AppModel
    @State private var tab = Tab.status

    var body: some View {
        TabView(selection: $tab) {
            StatusView()
                .tabItem { Label("Status", systemImage: "checkmark.shield") }
                .tag(Tab.status)
            CheckNumberView()
                .tabItem { Label("Check", systemImage: "phone.arrow.up.right") }
                .tag(Tab.check)
            TransferView()
                .tabItem { Label("Transfer", systemImage: "arrow.left.arrow.right") }
                .tag(Tab.transfer)
            ContactsView()
                .tabItem { Label("Contacts", systemImage: "person.crop.circle.badge.exclamationmark") }
                .tag(Tab.contacts)
            SettingsView()
                .tabItem { Label("Settings", systemImage: "gearshape") }
                .tag(Tab.settings)
        }
        .onOpenURL { url in
            // callguard-sample://intent?jws=… (a tester's link); the result shows on Status.
            model.receiveIntent(url: url)
            tab = .status
        }
    }
}
