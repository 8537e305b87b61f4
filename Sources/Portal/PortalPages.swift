import Foundation
import HTTPTypes
import Hummingbird
import Monitoring
import MonitoringStore
import Operations
import PortalAPI

/// The browser's pages, the static files they load, and the API's document.
struct PortalPages: Sendable {
    let portal: Portal
    var language: Language { portal.configuration.language }

    func register(on router: Router<PortalContext>) {
        router.get("/login") { _, _ in Pages.html(Pages.login(language: language, message: nil)) }
        router.get("/") { _, context in try await home(context) }
        router.get("/template") { request, context in try redirect(request, context, to: "templates") }
        router.get("/report") { request, context in try redirect(request, context, to: "reports") }
        router.get("/static/app.js") { _, _ in StaticAssets.response(StaticAssets.script, type: "text/javascript; charset=utf-8") }
        router.get("/static/style.css") { _, _ in StaticAssets.response(StaticAssets.style, type: "text/css; charset=utf-8") }
        // The document the API's code was generated from, byte for byte.
        router.get("/openapi.yaml") { _, _ in StaticAssets.response(OpenAPIDocument.yaml, type: "application/yaml; charset=utf-8") }
    }

    func home(_ context: PortalContext) async throws -> Response {
        guard let session = context.session else { throw PortalError.unauthorized() }
        let store = portal.store
        let stored = try await Offload.run { Set(try store.history(department: nil, year: nil).compactMap(\.year)) }
        let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())
        var years = stored
        years.insert(thisYear)
        let sortedYears = years.sorted()
        let (board, held) = try await portal.board(years: sortedYears, for: session.account)
        if session.account.role == .department {
            return Pages.html(Pages.department(session.account, csrf: session.csrfToken, board: board, years: sortedYears, language: language,
                                              timeZone: portal.configuration.timeZone))
        }
        return Pages.html(Pages.board(session.account, csrf: session.csrfToken, board: board, held: held, years: sortedYears, language: language,
                                         timeZone: portal.configuration.timeZone))
    }

    /// The plain forms (template, report) lead to the API's download.
    func redirect(_ request: Request, _ context: PortalContext, to kind: String) throws -> Response {
        guard let session = context.session else { throw PortalError.unauthorized() }
        guard let year = request.uri.queryParameters.get("year", as: Int.self), (1990...2100).contains(year) else {
            throw PortalError.badRequest("year from 1990 to 2100")
        }
        let format = request.uri.queryParameters.get("format") ?? ""
        guard ["xlsx", "ods", "html", "json"].contains(format) else { throw PortalError.badRequest("format is xlsx, ods, html or json") }
        let target: String
        if kind == "templates" {
            guard let code = session.account.department ?? request.uri.queryParameters.get("department"),
                  code.unicodeScalars.allSatisfy({ $0.isASCII && CharacterSet.alphanumerics.contains($0) }) else {
                throw PortalError.badRequest("a department code")
            }
            target = "/api/templates/\(code)/\(year)?format=\(format)"
        } else {
            target = "/api/reports/\(year)?format=\(format)"
        }
        return Response(status: .seeOther, headers: [.location: target])
    }
}
