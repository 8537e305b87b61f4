import HTTPTypes
import Hummingbird

/// Refuses a request whose declared body is larger than the limit, with 413,
/// before a byte of the body is read. A body without a declared length is
/// cut off at the limit where it is collected (`collect(upTo:)`).
struct BodyLimit: RouterMiddleware {
    typealias Context = PortalContext
    let limit: Int

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            var response = JSONAnswer.error(.contentTooLarge, "the upload is larger than the server takes (\(limit >> 20) MB)")
            // The unread rest of the body is not waited for: the connection ends after this answer.
            response.headers[.connection] = "close"
            return response
        }
        return try await next(request, context)
    }
}
