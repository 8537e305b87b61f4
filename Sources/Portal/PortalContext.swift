import HTTPTypes
import Hummingbird
import NIOCore
import Operations

/// Per request: the session the cookie names (once the session check found
/// it), the peer's address, and the header fields a handler of the generated
/// API adds to its answer.
public struct PortalContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    var session: Session?
    /// The connection's peer; behind the TLS proxy, the proxy.
    let peer: SocketAddress?
    /// Who failed logins are counted against (`ClientAddress`); set before the handlers run.
    var client = ClientAddress.unknown
    let responseFields: ResponseFields

    public init(source: Source) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress
        responseFields = ResponseFields()
    }
}
