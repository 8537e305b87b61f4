import HTTPTypes
import Hummingbird

/// Refuses a request whose declared body is larger than the limit, with 413,
/// before a byte of the body is read. A body without a declared length is
/// cut off where it passes the limit, as it streams to the handler (the
/// generated API's code reads bodies without a limit of its own). Only the
/// upload takes the full limit; every other body is a small JSON object.
struct BodyLimit: RouterMiddleware {
    typealias Context = PortalContext
    let limit: Int
    static let uploadPath = "/api/submissions"
    static let smallLimit = 64 << 10

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        let limit = request.uri.path == Self.uploadPath ? self.limit : min(self.limit, Self.smallLimit)
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            return JSONAnswer.error(.contentTooLarge, PortalError.tooLarge(limit).message)
        }
        var request = request
        request.body = RequestBody(asyncSequence: CappedBody(base: request.body, limit: limit))
        return try await next(request, context)
    }
}

/// A request body that fails with 413 once more than `limit` bytes arrived.
struct CappedBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let base: RequestBody
    let limit: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: RequestBody.AsyncIterator
        let limit: Int
        var seen = 0

        mutating func next() async throws -> ByteBuffer? {
            guard let chunk = try await base.next() else { return nil }
            seen += chunk.readableBytes
            if seen > limit { throw PortalError.tooLarge(limit) }
            return chunk
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: base.makeAsyncIterator(), limit: limit) }
}
