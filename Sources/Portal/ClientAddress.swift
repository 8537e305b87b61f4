import HTTPTypes
import Hummingbird
import NIOCore

/// The address of the client a request comes from, as failed logins are
/// counted per address. Behind the TLS proxy (README: nginx on the same
/// machine) every connection comes from loopback; the proxy appends the
/// client's address to `X-Forwarded-For`, and only that last entry is the
/// proxy's word: entries before it are the client's own, and a client could
/// write anything there. A peer that is not on loopback is taken as it is.
enum ClientAddress {
    static let unknown = "unknown"
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    static func of(_ request: Request, peer: SocketAddress?) -> String {
        guard let peer, let ip = peer.ipAddress else { return forwarded(request) ?? unknown }
        if isLoopback(ip), let forwarded = forwarded(request) { return forwarded }
        return ip
    }

    private static func forwarded(_ request: Request) -> String? {
        // Several X-Forwarded-For fields count as one list (RFC 9110 5.3).
        let last = request.headers[values: forwardedFor].joined(separator: ",").split(separator: ",").last
        return last.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : String($0) }
    }

    static func isLoopback(_ ip: String) -> Bool {
        ip.hasPrefix("127.") || ip == "::1" || ip.hasPrefix("::ffff:127.")
    }
}
