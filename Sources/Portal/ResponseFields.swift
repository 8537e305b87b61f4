import HTTPTypes
import Synchronization

/// Header fields a handler of the generated API adds to its answer. The
/// generated code percent-encodes every header it sets (the OpenAPI rule
/// for header parameters), which would break `Set-Cookie` and
/// `Content-Disposition`; so the handler leaves them here and
/// `OpenAPIRequestContext` puts them on the response as they are.
final class ResponseFields: Sendable {
    private let fields = Mutex<HTTPFields>([:])

    func append(_ name: HTTPField.Name, _ value: String) {
        fields.withLock { $0.append(HTTPField(name: name, value: value)) }
    }

    var all: HTTPFields { fields.withLock { $0 } }
}
