import HTTPTypes
import Hummingbird

/// An answer other than success, with the words the page or client shows.
struct PortalError: Error, Sendable {
    var status: HTTPResponse.Status
    var message: String

    static func unauthorized() -> PortalError { PortalError(status: .unauthorized, message: "not logged in, or the session has ended") }
    static func forbidden(_ why: String) -> PortalError { PortalError(status: .forbidden, message: why) }
    static func badRequest(_ why: String) -> PortalError { PortalError(status: .badRequest, message: why) }
    static func notFound(_ what: String) -> PortalError { PortalError(status: .notFound, message: what) }
    static func tooLarge(_ limit: Int) -> PortalError {
        let size = limit >= 1 << 20 ? "\(limit >> 20) MB" : "\(limit >> 10) KB"
        return PortalError(status: .contentTooLarge, message: "the body is larger than the server takes (\(size))")
    }
}
