// Feeds of reported numbers from Swift, on the shared feed vectors
// (tests/vectors/feeds/expected.json, the scenario the Rust and Kotlin tests
// run): install version 1, screen; a tampered blob and a rolled-back
// manifest refused with the feed in force unchanged; the delta to version 2;
// and syncFeed from a real HTTP server on 127.0.0.1 (StaticHost below).
import CallGuard
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class FeedTests: XCTestCase {
    private var doc: [String: Any] = [:]
    private var now: Int64 = 0
    private var v1: [String: Any] = [:]
    private var v2: [String: Any] = [:]

    override func setUpWithError() throws {
        doc = try Vectors.json("feeds/expected.json")
        now = try XCTUnwrap((doc["now"] as? NSNumber)?.int64Value)
        let versions = try doc.objs("versions")
        v1 = try XCTUnwrap(versions.first { $0.uint64("version") == 1 })
        v2 = try XCTUnwrap(versions.first { $0.uint64("version") == 2 })
    }

    private func guardWithList(stateDirectory: URL? = nil) throws -> CallGuard {
        let cg = try CallGuard(homeRegion: doc.string("home_region"), language: doc.string("lang"), stateDirectory: stateDirectory)
        _ = try cg.addTrust(trustJson: Vectors.text(doc.string("trust")))
        _ = try cg.loadListAt(jws: Vectors.bytes(doc.string("list")), nowUnixSeconds: now)
        return cg
    }

    private func call(_ c: [String: Any]) throws -> Call {
        try Call(number: c.string("number"), channel: .phone, displayName: nil, attestation: .notVerified,
                 direction: VectorNames.direction(c.string("direction")))
    }

    /// `screen` and `screenMany` give every call of `v` its expected answer.
    private func assertCalls(_ cg: CallGuard, _ v: [String: Any], line: UInt = #line) throws {
        let calls = try v.objs("calls")
        XCTAssertGreaterThanOrEqual(calls.count, 5, "the vector lost calls", line: line)
        let many = cg.screenManyAt(calls: try calls.map(call), nowUnixSeconds: now)
        XCTAssertEqual(many.count, calls.count, line: line)
        for (c, code) in zip(calls, many) {
            let name = "v\(v.uint64("version") ?? 0) \(try c.string("name"))"
            let s = cg.screenAt(call: try call(c), nowUnixSeconds: now)
            XCTAssertEqual(VectorNames.name(s.verdict), try c.string("verdict"), name, line: line)
            XCTAssertEqual(VectorNames.name(s.risk), try c.string("risk"), name, line: line)
            XCTAssertEqual(s.reason, try c.string("reason"), name, line: line)
            XCTAssertEqual(s.issuer, c.optionalString("issuer"), name, line: line)
            XCTAssertEqual(code.verdict, s.verdict, "\(name): screenMany", line: line)
            XCTAssertEqual(code.risk, s.risk, "\(name): screenMany", line: line)
        }
    }

    private func assertInfo(_ info: FeedInfo, _ v: [String: Any], line: UInt = #line) throws {
        XCTAssertEqual(info.issuer, try doc.string("issuer"), line: line)
        XCTAssertEqual(info.version, v.uint64("version"), line: line)
        XCTAssertEqual(info.issuedAt, (v["issued_at"] as? NSNumber)?.int64Value, line: line)
        XCTAssertEqual(info.expiresAt, (v["expires_at"] as? NSNumber)?.int64Value, line: line)
        XCTAssertEqual(info.numbers, v.uint64("numbers"), line: line)
        XCTAssertEqual(info.prefixes, v.uint64("prefixes"), line: line)
        XCTAssertEqual(info.sha256, try v.string("sha256"), line: line)
        XCTAssertFalse(info.expired, line: line)
    }

    private func refusal(_ name: String) throws -> [String: Any] {
        try XCTUnwrap(try doc.objs("refusals").first { $0.optionalString("name") == name }, name)
    }

    /// Installs refusal `name`'s manifest with its blob or delta: the code it is refused with.
    private func refusedCode(_ cg: CallGuard, _ name: String) throws -> String? {
        let r = try refusal(name)
        let manifest = try Vectors.bytes(r.string("manifest"))
        do {
            if let blob = r.optionalString("blob") {
                _ = try cg.installFeedAt(manifest: manifest, blob: Vectors.bytes(blob), nowUnixSeconds: now)
            } else {
                _ = try cg.installFeedDeltaAt(manifest: manifest, delta: Vectors.bytes(r.string("delta")), nowUnixSeconds: now)
            }
            XCTFail("\(name) was accepted")
            return nil
        } catch let CallGuardError.InvalidFeed(code, detail) {
            XCTAssertFalse(detail.isEmpty)
            return code
        }
    }

    func testInstallScreenDeltaAndRefusals() throws {
        let cg = try guardWithList()
        XCTAssertEqual(cg.feedsAt(nowUnixSeconds: now), [])
        let info = try cg.installFeedAt(manifest: Vectors.bytes(v1.string("manifest")),
                                        blob: Vectors.bytes(v1.string("blob")), nowUnixSeconds: now)
        try assertInfo(info, v1)
        XCTAssertEqual(cg.feedsAt(nowUnixSeconds: now), [info])
        try assertCalls(cg, v1)

        XCTAssertEqual(try refusal("tampered-blob").uint64("after"), 1)
        XCTAssertEqual(try refusedCode(cg, "tampered-blob"), "hash_mismatch")
        XCTAssertEqual(cg.feedsAt(nowUnixSeconds: now).map(\.version), [1], "v1 stays in force")
        try assertCalls(cg, v1)

        let info2 = try cg.installFeedDeltaAt(manifest: Vectors.bytes(v2.string("manifest")),
                                              delta: Vectors.bytes(v2.string("delta")), nowUnixSeconds: now)
        try assertInfo(info2, v2)
        try assertCalls(cg, v2)

        for name in ["rolled-back", "delta-on-the-wrong-base"] {
            XCTAssertEqual(try refusal(name).uint64("after"), 2)
            XCTAssertEqual(try refusedCode(cg, name), try refusal(name).string("code"), name)
            XCTAssertEqual(cg.feedsAt(nowUnixSeconds: now).map(\.version), [2], "\(name): v2 stays in force")
        }
        try assertCalls(cg, v2)
        // Past its expiry it is still held and still warns, marked expired.
        let later = try XCTUnwrap((v2["expires_at"] as? NSNumber)?.int64Value) + 1
        XCTAssertEqual(cg.feedsAt(nowUnixSeconds: later).map(\.expired), [true])
        XCTAssertEqual(cg.screenAt(call: try call(v2.objs("calls")[0]), nowUnixSeconds: later).verdict, .reported)
    }

    func testAStoredFeedIsInForceAfterARestart() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cg-feed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            let first = try guardWithList(stateDirectory: dir)
            _ = try first.installFeedAt(manifest: Vectors.bytes(v1.string("manifest")),
                                        blob: Vectors.bytes(v1.string("blob")), nowUnixSeconds: now)
        }
        let again = try guardWithList(stateDirectory: dir)
        let feeds = again.feedsAt(nowUnixSeconds: now)
        XCTAssertEqual(feeds.count, 1)
        if let info = feeds.first { try assertInfo(info, v1) }
        try assertCalls(again, v1)
    }

    func testSyncFeedFromARealServer() throws {
        let host = try StaticHost()
        defer { host.stop() }
        func put(_ name: String, _ rel: String) throws { host.put("/feed/\(name)", try Vectors.bytes(rel)) }
        try put("manifest.jws", v1.string("manifest"))
        try put("feed-1.cgfeed", v1.string("blob"))
        try put("feed-2.cgfeed", v2.string("blob"))
        try put("feed-1-2.cgdelta", v2.string("delta"))
        let url = "http://127.0.0.1:\(host.port)/feed/manifest.jws"
        let cg = try guardWithList()
        cg.setSyncConfig(config: SyncConfig(allowHttpLocalhost: true, totalTimeoutMs: 5000))

        let first = try cg.syncFeedAt(url: url, nowUnixSeconds: now)
        XCTAssertEqual(first.status, .updated)
        XCTAssertEqual(first.issuer, "example-bank")
        XCTAssertEqual(first.version, 1)
        XCTAssertEqual(first.via, .full)
        let size = try Vectors.bytes(v1.string("manifest")).count + Vectors.bytes(v1.string("blob")).count
        XCTAssertEqual(first.downloadedBytes, UInt64(size))
        try assertCalls(cg, v1)

        let same = try cg.syncFeedAt(url: url, nowUnixSeconds: now)
        XCTAssertEqual(same.status, .notModified)
        XCTAssertNil(same.via)

        try put("manifest.jws", v2.string("manifest"))
        _ = host.takeRequests()
        let second = try cg.syncFeedAt(url: url, nowUnixSeconds: now)
        XCTAssertEqual(second.status, .updated)
        XCTAssertEqual(second.version, 2)
        XCTAssertEqual(second.via, .delta)
        XCTAssertEqual(host.takeRequests(), ["/feed/manifest.jws", "/feed/feed-1-2.cgdelta"], "the delta, not the full blob")
        try assertCalls(cg, v2)

        // A rolled-back manifest from the server changes nothing.
        try put("manifest.jws", "feeds/rollback-1.jws")
        XCTAssertThrowsError(try cg.syncFeedAt(url: url, nowUnixSeconds: now)) { error in
            switch error {
            case let CallGuardError.InvalidFeed(code, _), let CallGuardError.InvalidList(code, _):
                XCTAssertEqual(code, "rollback")
            default:
                XCTFail("expected a rollback refusal, got \(error)")
            }
        }
        XCTAssertEqual(cg.feedsAt(nowUnixSeconds: now).map(\.version), [2])
    }
}

/// A static host on 127.0.0.1 (plain HTTP/1.1, one request per connection):
/// files by path, an ETag per file, `If-None-Match` → 304. Foundation has
/// no HTTP server on Linux, so it is a few socket calls on its own thread.
final class StaticHost: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: Data] = [:]
    private var requests: [String] = []
    private let listener: Int32
    let port: UInt16

    init() throws {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw VectorError.badValue("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0 // any free port
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                bind(fd, sa, length) == 0 && listen(fd, 16) == 0
                    && getsockname(fd, sa, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw VectorError.badValue("bind 127.0.0.1")
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    func put(_ path: String, _ body: Data) {
        lock.lock(); defer { lock.unlock() }
        files[path] = body
    }

    /// The paths requested since the last call.
    func takeRequests() -> [String] {
        lock.lock(); defer { lock.unlock() }
        defer { requests = [] }
        return requests
    }

    func stop() {
        // Wakes the blocked accept(), which then fails and ends the loop.
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            serve(client)
            close(client)
        }
    }

    private func serve(_ client: Int32) {
        var head = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while head.range(of: Data("\r\n\r\n".utf8)) == nil && head.count < 65536 {
            let n = recv(client, &buffer, buffer.count, 0)
            if n <= 0 { return }
            head.append(contentsOf: buffer[0..<n])
        }
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let path = lines.first?.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        let ifNoneMatch = lines.dropFirst().first { $0.lowercased().hasPrefix("if-none-match:") }
            .map { String($0.dropFirst("if-none-match:".count)).trimmingCharacters(in: .whitespaces) }
        lock.lock()
        requests.append(path)
        let body = files[path]
        lock.unlock()
        var response: Data
        if let body {
            // A content hash is all an ETag needs to be here: it changes with the file.
            var hasher = Hasher()
            hasher.combine(body)
            let etag = "\"\(body.count)-\(UInt64(bitPattern: Int64(hasher.finalize())))\""
            if ifNoneMatch == etag {
                response = Data("HTTP/1.1 304 Not Modified\r\nETag: \(etag)\r\nConnection: close\r\n\r\n".utf8)
            } else {
                response = Data("HTTP/1.1 200 OK\r\nETag: \(etag)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n".utf8)
                response.append(body)
            }
        } else {
            response = Data("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
        }
        #if canImport(Glibc)
        let flags = Int32(MSG_NOSIGNAL)
        #else
        let flags: Int32 = 0
        #endif
        response.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = send(client, raw.baseAddress! + sent, raw.count - sent, flags)
                if n <= 0 { return }
                sent += n
            }
        }
    }
}
