// CallGuard sample: what a bank app adds to protect its customers from fake
// "bank" calls, on iOS. Three screens (status, check a number, settings),
// background list refresh, and the Call Directory extension that labels
// incoming calls.
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
    var body: some View {
        TabView {
            StatusView()
                .tabItem { Label("Status", systemImage: "checkmark.shield") }
            CheckNumberView()
                .tabItem { Label("Check", systemImage: "phone.arrow.up.right") }
            SettingsView()
                .tabItem { Label("Settings", systemImage: "gearshape") }
        }
    }
}
