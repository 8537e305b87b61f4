import Foundation
import HTTPTypes
import Hummingbird
import Monitoring
import MonitoringStore
import Operations

/// The operations of `openapi.yaml`, one handler each.
struct PortalAPI: Sendable {
    let portal: Portal
    var language: Language { portal.configuration.language }

    func register(on router: Router<PortalContext>) {
        router.post("/api/login") { request, context in try await login(request, context) }
        router.post("/api/logout") { request, context in try logout(request, context) }
        router.get("/api/templates/{department}/{year}") { request, context in try await downloadTemplate(request, context) }
        router.post("/api/submissions") { request, context in try await uploadSubmission(request, context) }
        router.get("/api/feedback/{id}") { request, context in try downloadFeedback(request, context) }
        router.get("/api/status") { request, context in try await listSubmissionStatus(request, context) }
        router.post("/api/conflicts/{id}/decision") { request, context in try await decideConflict(request, context) }
        router.get("/api/reports/{year}") { request, context in try await downloadReport(request, context) }
        router.get("/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8", .cacheControl: "no-cache"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
    }

    private func session(_ context: PortalContext) throws -> Session {
        guard let session = context.session else { throw PortalError.unauthorized() }
        return session
    }

    /// `login`: JSON `{"username", "password"}`; 401 alike for a wrong password and an unknown name.
    func login(_ request: Request, _ context: PortalContext) async throws -> Response {
        let body = try await request.body.collect(upTo: 16 << 10)
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any],
              let name = object["username"] as? String, let password = object["password"] as? String else {
            throw PortalError.badRequest("send JSON {\"username\": …, \"password\": …}")
        }
        let pause = portal.throttle.delay(for: name)
        if pause > 0 { try await Task.sleep(for: .seconds(pause)) }
        let books = portal.accounts
        guard let account = try await Offload.run({ try books.verify(name: name, password: password) }) else {
            portal.throttle.failed(name)
            throw PortalError(status: .unauthorized, message: "wrong name or password")
        }
        portal.throttle.succeeded(name)
        let session = portal.sessions.open(account)
        var response = JSONAnswer.ok("{\"username\":\(JSONAnswer.q(account.name)),\"role\":\(JSONAnswer.q(account.role.rawValue)),"
                                     + "\"department\":\(JSONAnswer.q(account.department)),\"csrfToken\":\(JSONAnswer.q(session.csrfToken))}\n")
        response.setCookie(Cookie(name: SessionCheck.cookieName, value: session.token, maxAge: Int(portal.configuration.sessionLifetime), path: "/",
                                  secure: portal.configuration.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    /// `logout`: the session ends, the cookie is cleared.
    func logout(_ request: Request, _ context: PortalContext) throws -> Response {
        let session = try session(context)
        portal.sessions.close(session.token)
        var response = Response(status: .noContent)
        response.setCookie(Cookie(name: SessionCheck.cookieName, value: "", maxAge: 0, path: "/", secure: portal.configuration.secureCookies,
                                  httpOnly: true, sameSite: .strict))
        return response
    }

    /// `downloadTemplate`: a department's template for a year (departments only their own).
    func downloadTemplate(_ request: Request, _ context: PortalContext) async throws -> Response {
        let session = try session(context)
        guard let code = context.parameters.get("department"), let year = context.parameters.get("year", as: Int.self),
              (1990...2100).contains(year) else { throw PortalError.badRequest("a department code and a year from 1990 to 2100") }
        guard session.account.mayHandle(department: code) else { throw PortalError.forbidden("only your own department's template") }
        guard let department = portal.catalogue.department(code) else { throw PortalError.notFound("no department \(code) in the catalogue") }
        let format = request.uri.queryParameters.get("format") ?? "xlsx"
        guard format == "xlsx" || format == "ods" else { throw PortalError.badRequest("format is xlsx or ods") }
        let template = SubmissionTemplate(catalogue: portal.catalogue, department: department, year: year, language: language)
        guard !template.indicators.isEmpty else { throw PortalError.notFound("department \(code) delivers no indicator") }
        let scratch = portal.configuration.scratch
        let bytes = try await Offload.run {
            let path = scratch + "/template-" + UUID().uuidString + "." + format
            defer { unlink(path) }
            try template.write(to: path)
            return try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        }
        return Self.download(bytes, name: template.fileName(extension: format), type: Self.contentType(format))
    }

    /// `uploadSubmission`: the workbook as the body, its name in `filename`; the outcome and the findings as JSON.
    func uploadSubmission(_ request: Request, _ context: PortalContext) async throws -> Response {
        let session = try session(context)
        let fileName = request.uri.queryParameters.get("filename") ?? "upload.xlsx"
        let body = try await request.body.collect(upTo: portal.configuration.bodyLimit)
        let bytes = [UInt8](buffer: body)
        let result: DeliveryResult
        do {
            result = try await portal.desk.deliver(bytes, fileName: fileName, account: session.account)
        } catch let refused as DeliveryError {
            switch refused {
            case .otherDepartment, .notAllowed: throw PortalError.forbidden("\(refused)")
            default: throw PortalError.badRequest("\(refused)")
            }
        }
        var feedbackID: String?
        if let copy = result.feedback {
            let name = FeedbackCopy.namePrefix(language) + Self.stem(result.report.file) + "." + result.feedbackExtension
            feedbackID = portal.sessions.keep(KeptFeedback(fileName: name, contentType: Self.contentType(result.feedbackExtension), bytes: copy),
                                              for: session.token)
        }
        return JSONAnswer.ok(DeliveryJSON.render(result, language: language, feedback: feedbackID.map { "/api/feedback/\($0)" }))
    }

    /// The annotated copy of an upload of this session.
    func downloadFeedback(_ request: Request, _ context: PortalContext) throws -> Response {
        let session = try session(context)
        guard let id = context.parameters.get("id"), let copy = portal.sessions.feedback(id, for: session.token) else {
            throw PortalError.notFound("no such feedback copy in this session")
        }
        return Self.download(copy.bytes, name: copy.fileName, type: copy.contentType)
    }

    /// `listSubmissionStatus`: the board of a year as JSON (a department sees its own row only).
    func listSubmissionStatus(_ request: Request, _ context: PortalContext) async throws -> Response {
        let session = try session(context)
        guard let year = request.uri.queryParameters.get("year", as: Int.self), (1990...2100).contains(year) else {
            throw PortalError.badRequest("year from 1990 to 2100")
        }
        let (board, held) = try await portal.board(years: [year], for: session.account)
        return JSONAnswer.ok(DeliveryJSON.board(board, held: held, year: year))
    }

    /// `decideConflict`: the coordinator keeps the new file's values or the store's.
    func decideConflict(_ request: Request, _ context: PortalContext) async throws -> Response {
        let session = try session(context)
        guard session.account.role == .coordinator else { throw PortalError.forbidden("only the coordinator decides conflicts") }
        guard let id = context.parameters.get("id", as: Int64.self) else { throw PortalError.badRequest("a conflict number") }
        let body = try await request.body.collect(upTo: 16 << 10)
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any],
              let word = object["prefer"] as? String, let prefer = ConflictPreference(rawValue: word) else {
            throw PortalError.badRequest("send JSON {\"prefer\": \"new\"} or {\"prefer\": \"old\"}")
        }
        do {
            let result = try await portal.desk.decide(id, prefer: prefer, account: session.account)
            return JSONAnswer.ok(DeliveryJSON.decision(result))
        } catch DeliveryError.noSuchHeldUpload {
            throw PortalError.notFound("no undecided conflict numbered \(id)")
        }
    }

    /// `downloadReport`: the situation report of a year as HTML, XLSX, ODS or JSON-stat (coordinator and analysts).
    func downloadReport(_ request: Request, _ context: PortalContext) async throws -> Response {
        let session = try session(context)
        guard session.account.role != .department else { throw PortalError.forbidden("reports are made by the coordinator and analysts") }
        guard let year = context.parameters.get("year", as: Int.self), (1990...2100).contains(year) else {
            throw PortalError.badRequest("year from 1990 to 2100")
        }
        let format = request.uri.queryParameters.get("format") ?? "html"
        guard ["html", "xlsx", "ods", "json"].contains(format) else { throw PortalError.badRequest("format is html, xlsx, ods or json") }
        let operation = ReportOperation(catalogue: portal.catalogue, year: year, language: language)
        let store = portal.store, scratch = portal.configuration.scratch
        let bytes: [UInt8]
        do {
            bytes = try await Offload.run {
                let report = try operation.prepare(from: store)
                let path = scratch + "/report-" + UUID().uuidString + "." + format
                defer { unlink(path) }
                switch format {
                case "html": try ReportOperation.writeHTML(report, to: path)
                case "json": try ReportOperation.writeJSON(report, to: path)
                default: try ReportOperation.writeWorkbook(report, to: path)
                }
                return try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            }
        } catch let failure as ReportOperation.Failure {
            if case .noObservations = failure { throw PortalError.notFound("\(failure)") }
            throw PortalError(status: .unprocessableContent, message: "\(failure)")
        }
        return Self.download(bytes, name: "Bericht_\(year).\(format)", type: Self.contentType(format))
    }

    static func contentType(_ ext: String) -> String {
        switch ext {
        case "ods": return "application/vnd.oasis.opendocument.spreadsheet"
        case "html": return "text/html; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        default: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }

    static func download(_ bytes: [UInt8], name: String, type: String) -> Response {
        // RFC 6266: an ASCII fallback and the UTF-8 name; the name is the
        // server's (SafeFileName), but quotes and backslashes are kept out anyway.
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 32 ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_"))) ?? ascii
        return Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func stem(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}

extension Portal {
    /// The board for `account`: every department for the coordinator and analysts, its own for a department; with the undecided conflicts.
    func board(years: [Int], for account: Account) async throws -> ([DeliveryStatus], [HeldUpload]) {
        let store = self.store, catalogue = self.catalogue
        var (board, held) = try await Offload.run {
            var history: [HistoryEntry] = []
            for year in years { history += try store.history(department: nil, year: year) }
            return (DeliveryBoard.make(catalogue: catalogue, history: history, years: years), try store.heldUploads())
        }
        if account.role == .department {
            board = board.filter { $0.department == account.department }
            held = held.filter { $0.department == account.department }
        }
        return (board, held.filter { years.contains($0.year) })
    }
}
