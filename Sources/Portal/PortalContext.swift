import HTTPTypes
import Hummingbird
import Operations

/// Per request: the session the cookie names, once the session check found it.
public struct PortalContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    var session: Session?

    public init(source: Source) {
        coreContext = .init(source: source)
    }
}
