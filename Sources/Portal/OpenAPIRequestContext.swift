import Hummingbird

/// Makes the request's context (its session, its client) reachable from the
/// handlers of the generated API, whose signatures carry only the operation's
/// input: a task-local value set around the rest of the chain, as
/// swift-openapi-hummingbird recommends. It runs last, after the session check.
struct OpenAPIRequestContext: RouterMiddleware {
    typealias Context = PortalContext
    @TaskLocal static var current: PortalContext?

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        var context = context
        context.client = ClientAddress.of(request, peer: context.peer)
        var response = try await Self.$current.withValue(context) { [context] in try await next(request, context) }
        for field in context.responseFields.all { response.headers.append(field) }
        return response
    }
}
