// swift-tools-version: 5.9
//
// The CallGuard Swift package: the uniffi-generated Swift
// (Sources/CallGuard/Generated/CallGuard.swift), the hand-written idiomatic
// layer next to it, and the Rust static library as a binary target.
//
// Build the binary target first, on a Mac:
//     bindings/build-ios.sh
// It writes CallGuardFFI.xcframework next to this file (git-ignored) and
// CallGuardFFI.xcframework.zip plus its checksum for releases.
//
// Releases: replace the local binary target with the zipped one, e.g.
//     .binaryTarget(
//         name: "CallGuardFFI",
//         url: "https://github.com/OWNER/callguard/releases/download/v0.1.0/CallGuardFFI.xcframework.zip",
//         checksum: "<the output of `swift package compute-checksum CallGuardFFI.xcframework.zip`>"
//     ),
// (build-ios.sh prints that checksum). A URL binary target must be a zip
// served over HTTPS; SwiftPM verifies the checksum before using it.
//
// On Linux (the test command, bindings/swift/run-linux-tests.sh) there is no
// xcframework: the FFI is a system library, the generated header plus the
// host-built libcallguard_ffi.so, found through the linker flags the script
// passes (-Xlinker -L<dir> -Xlinker -rpath -Xlinker <dir>). Apple builds
// never see that branch.
import PackageDescription

#if os(Linux)
let ffiTarget: Target = .systemLibrary(name: "CallGuardFFI", path: "linux/CallGuardFFI")
#else
let ffiTarget: Target = .binaryTarget(name: "CallGuardFFI", path: "CallGuardFFI.xcframework")
#endif

let package = Package(
    name: "CallGuard",
    platforms: [
        .iOS(.v16),
        // macOS only so that `swift test` runs on the developer's Mac
        // (build-ios.sh adds a macOS slice to the xcframework).
        .macOS(.v13),
    ],
    products: [
        .library(name: "CallGuard", targets: ["CallGuard"]),
    ],
    targets: [
        ffiTarget,
        .target(
            name: "CallGuard",
            dependencies: ["CallGuardFFI"],
            path: "Sources/CallGuard",
            // The SDK's privacy manifest (required-reason APIs of the Rust
            // core): Xcode merges it into the app's privacy report.
            resources: [.copy("PrivacyInfo.xcprivacy")],
            linkerSettings: [
                // The Rust static library uses nothing beyond libSystem for
                // screening; these cover the platform TLS/network stack the
                // sync may use. Linking an unused framework costs nothing.
                .linkedFramework("Security", .when(platforms: [.iOS, .macOS])),
                .linkedFramework("SystemConfiguration", .when(platforms: [.iOS, .macOS])),
            ]
        ),
        // The tests read the shared vectors in the repository's
        // tests/vectors/ (the very files the Rust and Kotlin tests read).
        // SwiftPM cannot copy resources from outside the package directory,
        // so there is no `resources:` here: the tests find the vectors by
        // walking up from their own source file (#filePath) to the directory
        // that holds tests/vectors/lists.json, or take CALLGUARD_VECTORS from
        // the environment. That works for `swift test` on the Mac and on Linux,
        // and for the iOS Simulator (same file system); not on a physical device.
        .testTarget(
            name: "CallGuardTests",
            dependencies: ["CallGuard"],
            path: "Tests/CallGuardTests"
        ),
    ]
)
