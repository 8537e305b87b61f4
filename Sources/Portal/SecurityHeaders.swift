import HTTPTypes
import Hummingbird
import NIOCore
import OpenAPIRuntime

/// Adds the headers every answer carries, and turns every error into an
/// answer with them: JSON `{"error": …}` (no stack, no path of the server).
struct SecurityHeaders: RouterMiddleware {
    typealias Context = PortalContext

    /// Scripts and styles only from the portal's own files: no inline script
    /// runs, so text from a workbook shown on a page cannot become one.
    static let policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as PortalError {
            response = JSONAnswer.error(error.status, error.message)
        } catch let error as ServerError {
            response = Self.answer(error, context: context)
        } catch is NIOTooManyBytesError {
            // A body without a declared length, cut off where it passed the limit.
            response = JSONAnswer.error(.contentTooLarge, "the upload is larger than the server takes")
        } catch let error as HTTPError {
            response = JSONAnswer.error(error.status, error.status == .contentTooLarge ? "the upload is larger than the server takes" : error.status.reasonPhrase)
        } catch {
            context.logger.error("request failed: \(error)")
            response = JSONAnswer.error(.internalServerError, "the server could not answer")
        }
        if response.status == .contentTooLarge {
            // The unread rest of the body is not waited for: the connection ends after this answer.
            response.headers[.connection] = "close"
        }
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.cacheControl] = response.headers[.cacheControl] ?? "no-store"
        return response
    }

    /// An error of the generated API's code: a request it could not decode
    /// (400, 415, 406, as the runtime says), or an error a handler threw.
    static func answer(_ error: ServerError, context: PortalContext) -> Response {
        if let portal = error.underlyingError as? PortalError { return JSONAnswer.error(portal.status, portal.message) }
        if error.underlyingError is NIOTooManyBytesError { return JSONAnswer.error(.contentTooLarge, "the upload is larger than the server takes") }
        guard error.httpStatus.kind == .clientError else {
            context.logger.error("request failed: \(error)")
            return JSONAnswer.error(.internalServerError, "the server could not answer")
        }
        return JSONAnswer.error(error.httpStatus, error.causeDescription)
    }
}

extension HTTPField.Name {
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
}
