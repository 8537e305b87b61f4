import HTTPTypes
import Hummingbird
import Monitoring

/// Every route but the login and the static files needs a session (401
/// otherwise); every state-changing request needs the session's CSRF token.
struct SessionCheck: RouterMiddleware {
    typealias Context = PortalContext
    static let cookieName = "imon_session"
    let sessions: SessionBook
    let language: Language

    /// Paths answered without a session.
    static func isPublic(_ request: Request) -> Bool {
        let path = request.uri.path
        return path == "/login" || path == "/api/login" || path.hasPrefix("/static/") || path == "/openapi.yaml"
    }

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        if Self.isPublic(request) { return try await next(request, context) }
        guard let token = request.cookies[Self.cookieName]?.value, let session = sessions.session(token) else {
            if request.uri.path.hasPrefix("/api/") { throw PortalError.unauthorized() }
            return Pages.html(Pages.login(language: language, message: nil), status: .unauthorized)
        }
        if request.method != .get && request.method != .head {
            guard let sent = request.headers[.csrfToken], Self.equal(sent, session.csrfToken) else {
                throw PortalError.forbidden("the request lacks this session's CSRF token (X-CSRF-Token)")
            }
        }
        var context = context
        context.session = session
        return try await next(request, context)
    }

    /// Compares without stopping at the first difference, so that timing does not tell how much of a guess was right.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
