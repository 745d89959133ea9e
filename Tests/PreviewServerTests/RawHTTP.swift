import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny blocking HTTP/1.1 client over a real loopback socket, run off the
/// concurrency pool: enough for the real-socket tests (a GET, an open SSE stream).
final class RawConnection: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let socket: Int32
    private var received = Data()

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(socket)
            throw Failure(description: "connect to \(port) failed")
        }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(socket) }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Everything received up to and including `marker`, consumed; throws after `timeout` seconds.
    func read(until marker: String, timeout: Double = 5) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        let needle = Data(marker.utf8)
        while true {
            if let range = received.range(of: needle) {
                let text = String(decoding: received[..<range.upperBound], as: UTF8.self)
                received = Data(received[range.upperBound...])
                return text
            }
            guard Date() < deadline else {
                throw Failure(description: "no '\(marker)' within \(timeout) s; got: \(String(decoding: received, as: UTF8.self))")
            }
            guard try receive() else { throw Failure(description: "connection closed before '\(marker)'") }
        }
    }

    /// Everything until the peer closes the connection.
    func readToEnd(timeout: Double = 5) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while try receive() {
            guard Date() < deadline else { throw Failure(description: "connection still open after \(timeout) s") }
        }
        defer { received = Data() }
        return String(decoding: received, as: UTF8.self)
    }

    /// Reads what is there; false once the peer closed.
    private func receive() throws -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            received.append(contentsOf: buffer[0..<count])
            return true
        }
        if count == 0 { return false }
        if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return true }
        throw Failure(description: "recv failed: \(errno)")
    }
}

/// One HTTP exchange over a fresh connection.
struct RawResponse: Sendable {
    let status: Int
    let head: String
    let body: String

    static func get(port: Int, _ path: String, headers: String = "") async throws -> RawResponse {
        try await offPool {
            let connection = try RawConnection(port: port)
            connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\(headers)Connection: close\r\n\r\n")
            let text = try connection.readToEnd()
            let parts = text.components(separatedBy: "\r\n\r\n")
            let head = parts.first ?? ""
            let status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            return RawResponse(status: status, head: head, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
        }
    }
}

/// Runs blocking socket work on a dispatch thread, not on the concurrency pool the server needs.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
