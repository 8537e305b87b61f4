import HTTPTypes
import Hummingbird
import Operations

/// Per request: the session the cookie names (once the session check found
/// it), and the header fields a handler of the generated API adds to its answer.
public struct PortalContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    var session: Session?
    let responseFields: ResponseFields

    public init(source: Source) {
        coreContext = .init(source: source)
        responseFields = ResponseFields()
    }
}
