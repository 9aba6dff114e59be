// swift-tools-version: 5.9
//
// What the iOS sample decides, in plain Swift (Foundation and the CallGuard
// SDK only; no SwiftUI, UIKit, CallKit or BackgroundTasks), so it compiles
// and its XCTests run on Linux too (bindings/swift/run-linux-tests.sh):
// reading the shared settings, the text the screens show, what happens after
// a sync, and how a Call Directory request is fed and booked. The app and
// its extension (project.yml) link it; their remaining files only connect it
// to Apple's frameworks. The counterpart of android-sample's logic/ package.
import PackageDescription

let package = Package(
    name: "CallGuardSampleLogic",
    platforms: [
        .iOS(.v16),
        .macOS(.v13),
    ],
    products: [
        .library(name: "CallGuardSampleLogic", targets: ["CallGuardSampleLogic"]),
    ],
    dependencies: [
        // The SDK's package (its identity is its directory's name).
        .package(path: "../../bindings/swift"),
    ],
    targets: [
        .target(
            name: "CallGuardSampleLogic",
            dependencies: [.product(name: "CallGuard", package: "swift")],
            path: "Sources/CallGuardSampleLogic"
        ),
        // Reads tests/vectors/ like the SDK's tests: found by walking up from
        // #filePath, or CALLGUARD_VECTORS.
        .testTarget(
            name: "CallGuardSampleLogicTests",
            dependencies: ["CallGuardSampleLogic"],
            path: "Tests/CallGuardSampleLogicTests"
        ),
    ]
)
