import Foundation
import HTTPTypes
import Hummingbird
import Monitoring
import MonitoringStore
import OpenAPIRuntime
import Operations
import PortalAPI

/// The operations of `openapi.yaml`: the protocol swift-openapi-generator
/// made from it, implemented over the application layer. The middleware in
/// front (`Portal.router`) has already checked the session, the CSRF token
/// and the body's size; the request's context comes through
/// `OpenAPIRequestContext`.
struct PortalHandlers: APIProtocol {
    let portal: Portal
    var language: Language { portal.configuration.language }

    /// The request's context; missing only if `OpenAPIRequestContext` were left out of the router.
    private func requestContext() throws -> PortalContext {
        guard let context = OpenAPIRequestContext.current else {
            throw PortalError(status: .internalServerError, message: "the request's context did not reach the handler")
        }
        return context
    }

    /// `login`: JSON `{"username", "password"}`; 401 alike for a wrong password and an unknown name.
    func login(_ input: PortalAPI.Operations.Login.Input) async throws -> PortalAPI.Operations.Login.Output {
        let context = try requestContext()
        guard case .json(let credentials) = input.body else { return .badRequest(.init(body: .json(APIValues.problem("send JSON")))) }
        let pause = portal.throttle.admit(name: credentials.username, address: context.client)
        if pause > 0 { try await Task.sleep(for: .seconds(pause)) }
        let books = portal.accounts
        guard let account = try await Offload.run({ try books.verify(name: credentials.username, password: credentials.password) }) else {
            return .unauthorized(.init(body: .json(APIValues.problem("wrong name or password"))))
        }
        portal.throttle.succeeded(name: credentials.username, address: context.client)
        let session = portal.sessions.open(account)
        context.responseFields.append(.setCookie, Cookie(name: SessionCheck.cookieName, value: session.token,
                                                         maxAge: Int(portal.configuration.sessionLifetime), path: "/",
                                                         secure: portal.configuration.secureCookies, httpOnly: true, sameSite: .strict).description)
        return .ok(.init(body: .json(APIValues.account(account, csrf: session.csrfToken))))
    }

    /// `logout`: the session ends, the cookie is cleared.
    func logout(_ input: PortalAPI.Operations.Logout.Input) async throws -> PortalAPI.Operations.Logout.Output {
        let context = try requestContext()
        guard let session = context.session else { return .unauthorized(.init(body: .json(Self.noSession))) }
        portal.sessions.close(session.token)
        context.responseFields.append(.setCookie, Cookie(name: SessionCheck.cookieName, value: "", maxAge: 0, path: "/",
                                                         secure: portal.configuration.secureCookies, httpOnly: true, sameSite: .strict).description)
        return .noContent(.init())
    }

    /// `downloadTemplate`: a department's template for a year (departments only their own).
    func downloadTemplate(_ input: PortalAPI.Operations.DownloadTemplate.Input) async throws -> PortalAPI.Operations.DownloadTemplate.Output {
        let context = try requestContext()
        guard let session = context.session else { return .unauthorized(.init(body: .json(Self.noSession))) }
        let code = input.path.department, year = input.path.year
        guard Self.years.contains(year) else { return .badRequest(.init(body: .json(APIValues.problem("year from 1990 to 2100")))) }
        guard session.account.mayHandle(department: code) else {
            return .forbidden(.init(body: .json(APIValues.problem("only your own department's template"))))
        }
        guard let department = portal.catalogue.department(code) else {
            return .notFound(.init(body: .json(APIValues.problem("no department \(code) in the catalogue"))))
        }
        let format = input.query.format ?? .xlsx
        let template = SubmissionTemplate(catalogue: portal.catalogue, department: department, year: year, language: language)
        guard !template.indicators.isEmpty else {
            return .notFound(.init(body: .json(APIValues.problem("department \(code) delivers no indicator"))))
        }
        let scratch = portal.configuration.scratch, ext = format.rawValue
        let bytes = try await Offload.run {
            let path = scratch + "/template-" + UUID().uuidString + "." + ext
            defer { unlink(path) }
            try template.write(to: path)
            return try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        }
        Self.attach(template.fileName(extension: ext), to: context)
        switch format {
        case .xlsx: return .ok(.init(body: .applicationVnd_openxmlformatsOfficedocument_spreadsheetml_sheet(HTTPBody(bytes))))
        case .ods: return .ok(.init(body: .applicationVnd_oasis_opendocument_spreadsheet(HTTPBody(bytes))))
        }
    }

    /// `uploadSubmission`: the workbook as the body, its name in `filename`; the outcome and the findings as JSON.
    func uploadSubmission(_ input: PortalAPI.Operations.UploadSubmission.Input) async throws -> PortalAPI.Operations.UploadSubmission.Output {
        let context = try requestContext()
        guard let session = context.session else { return .unauthorized(.init(body: .json(Self.noSession))) }
        let body: HTTPBody
        switch input.body {
        case .applicationVnd_openxmlformatsOfficedocument_spreadsheetml_sheet(let b), .applicationVnd_oasis_opendocument_spreadsheet(let b),
             .binary(let b):
            body = b
        }
        let limit = portal.configuration.bodyLimit
        let bytes: [UInt8]
        do {
            bytes = try await [UInt8](collecting: body, upTo: limit)
        } catch let error as PortalError {
            throw error
        } catch {
            // BodyLimit refused a declared length above the limit and cuts off a longer stream with its own
            // error (above): what is left is the runtime's own check of the same limit.
            return .contentTooLarge(.init(body: .json(APIValues.problem(PortalError.tooLarge(limit).message))))
        }
        let result: DeliveryResult
        do {
            result = try await portal.desk.deliver(bytes, fileName: input.query.filename, account: session.account)
        } catch let refused as DeliveryError {
            switch refused {
            case .otherDepartment, .notAllowed: return .forbidden(.init(body: .json(APIValues.problem("\(refused)"))))
            default: return .badRequest(.init(body: .json(APIValues.problem("\(refused)"))))
            }
        }
        var feedback: String?
        if let copy = result.feedback {
            let name = FeedbackCopy.namePrefix(language) + Self.stem(result.report.file) + "." + result.feedbackExtension
            let id = portal.sessions.keep(KeptFeedback(fileName: name, format: result.feedbackExtension, bytes: copy), for: session.token)
            feedback = "/api/feedback/\(id)"
        }
        return .ok(.init(body: .json(APIValues.delivery(result, language: language, feedback: feedback))))
    }

    /// `downloadFeedback`: the annotated copy of an upload of this session.
    func downloadFeedback(_ input: PortalAPI.Operations.DownloadFeedback.Input) async throws -> PortalAPI.Operations.DownloadFeedback.Output {
        let context = try requestContext()
        guard let session = context.session else { return .unauthorized(.init(body: .json(Self.noSession))) }
        guard let copy = portal.sessions.feedback(input.path.id, for: session.token) else {
            return .notFound(.init(body: .json(APIValues.problem("no such feedback copy in this session"))))
        }
        Self.attach(copy.fileName, to: context)
        if copy.format == "ods" { return .ok(.init(body: .applicationVnd_oasis_opendocument_spreadsheet(HTTPBody(copy.bytes)))) }
        return .ok(.init(body: .applicationVnd_openxmlformatsOfficedocument_spreadsheetml_sheet(HTTPBody(copy.bytes))))
    }

    /// `listSubmissionStatus`: the board of a year (a department sees its own row only).
    func listSubmissionStatus(_ input: PortalAPI.Operations.ListSubmissionStatus.Input) async throws -> PortalAPI.Operations.ListSubmissionStatus.Output {
        let context = try requestContext()
        guard let session = context.session else { return .unauthorized(.init(body: .json(Self.noSession))) }
        let year = input.query.year
        guard Self.years.contains(year) else { return .badRequest(.init(body: .json(APIValues.problem("year from 1990 to 2100")))) }
        let (board, held) = try await portal.board(years: [year], for: session.account)
        return .ok(.init(body: .json(APIValues.board(board, held: held, year: year))))
    }

    /// `decideConflict`: the coordinator keeps the new file's values or the store's.
    func decideConflict(_ input: PortalAPI.Operations.DecideConflict.Input) async throws -> PortalAPI.Operations.DecideConflict.Output {
        let context = try requestContext()
        guard let session = context.session else { return .unauthorized(.init(body: .json(Self.noSession))) }
        guard session.account.role == .coordinator else {
            return .forbidden(.init(body: .json(APIValues.problem("only the coordinator decides conflicts"))))
        }
        guard case .json(let preference) = input.body else { return .badRequest(.init(body: .json(APIValues.problem("send JSON")))) }
        let prefer: ConflictPreference = preference.prefer == .new ? .new : .old
        let id = Int64(input.path.id)
        do {
            return .ok(.init(body: .json(APIValues.decision(try await portal.desk.decide(id, prefer: prefer, account: session.account)))))
        } catch DeliveryError.noSuchHeldUpload {
            return .notFound(.init(body: .json(APIValues.problem("no undecided conflict numbered \(id)"))))
        }
    }

    /// `downloadReport`: the situation report of a year as HTML, XLSX, ODS or JSON-stat (coordinator and analysts).
    func downloadReport(_ input: PortalAPI.Operations.DownloadReport.Input) async throws -> PortalAPI.Operations.DownloadReport.Output {
        let context = try requestContext()
        guard let session = context.session else { return .unauthorized(.init(body: .json(Self.noSession))) }
        guard session.account.role != .department else {
            return .forbidden(.init(body: .json(APIValues.problem("reports are made by the coordinator and analysts"))))
        }
        let year = input.path.year
        guard Self.years.contains(year) else { return .badRequest(.init(body: .json(APIValues.problem("year from 1990 to 2100")))) }
        let format = input.query.format ?? .html
        let operation = ReportOperation(catalogue: portal.catalogue, year: year, language: language)
        let store = portal.store, scratch = portal.configuration.scratch, ext = format.rawValue
        let bytes: [UInt8]
        do {
            bytes = try await Offload.run {
                let report = try operation.prepare(from: store)
                let path = scratch + "/report-" + UUID().uuidString + "." + ext
                defer { unlink(path) }
                switch format {
                case .html: try ReportOperation.writeHTML(report, to: path)
                case .json: try ReportOperation.writeJSON(report, to: path)
                case .xlsx, .ods: try ReportOperation.writeWorkbook(report, to: path)
                }
                return try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            }
        } catch let failure as ReportOperation.Failure {
            if case .noObservations = failure { return .notFound(.init(body: .json(APIValues.problem("\(failure)")))) }
            return .unprocessableContent(.init(body: .json(APIValues.problem("\(failure)"))))
        }
        Self.attach("Bericht_\(year).\(ext)", to: context)
        switch format {
        case .html: return .ok(.init(body: .textHtmlCharsetUtf8(HTTPBody(bytes))))
        case .xlsx: return .ok(.init(body: .applicationVnd_openxmlformatsOfficedocument_spreadsheetml_sheet(HTTPBody(bytes))))
        case .ods: return .ok(.init(body: .applicationVnd_oasis_opendocument_spreadsheet(HTTPBody(bytes))))
        case .json:
            // The JSON-stat document passes through the generated code as a JSON object.
            return .ok(.init(body: .applicationJsonCharsetUtf8(try JSONDecoder().decode(OpenAPIObjectContainer.self, from: Data(bytes)))))
        }
    }

    static let years = 1990...2100
    static let noSession = APIValues.problem("not logged in, or the session has ended")

    /// Offers the answer as a file to save (RFC 6266: an ASCII fallback and the UTF-8 name). The name is
    /// the server's (SafeFileName), but quotes, backslashes and control characters are kept out anyway.
    static func attach(_ name: String, to context: PortalContext) {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 32 && $0.value != 127 ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_"))) ?? ascii
        context.responseFields.append(.contentDisposition, "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
    }

    static func stem(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
