import Foundation
import HTTPTypes
import Hummingbird
import Monitoring
import MonitoringStore
import Operations

/// The portal's pages: plain HTML made on the server, German by default. The
/// one script (`/static/app.js`) sends forms to the API; no script is inline.
enum Pages {
    static func e(_ s: String) -> String { HTMLText.escape(s) }

    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func page(_ title: String, language l: Language, csrf: String?, account: Account?, _ main: String) -> String {
        var head = "<!DOCTYPE html>\n<html lang=\"\(l.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>\(e(title)) – imon</title>\n"
            + "<link rel=\"stylesheet\" href=\"/static/style.css\">\n"
        if let csrf { head += "<meta name=\"csrf-token\" content=\"\(e(csrf))\">\n" }
        head += "<script src=\"/static/app.js\" defer></script>\n</head>\n<body>\n"
        var header = "<header><p class=\"brand\">imon – \(l("Integrationsmonitoring", "integration monitoring"))</p>"
        if let account {
            let who = account.department.map { l("Amt \($0)", "department \($0)") } ?? roleName(account.role, l)
            header += "<p class=\"who\">\(e(account.name)) (\(e(who))) "
                + "<button type=\"button\" id=\"logout\">\(l("Abmelden", "Log out"))</button></p>"
        }
        header += "</header>\n"
        return head + header + "<main id=\"main\">\n<h1>\(e(title))</h1>\n" + main + "</main>\n</body>\n</html>\n"
    }

    static func roleName(_ role: Role, _ l: Language) -> String {
        switch role {
        case .department: return l("Amt", "department")
        case .coordinator: return l("Koordination", "coordinator")
        case .analyst: return l("Analyse", "analyst")
        }
    }

    static func stateName(_ state: DeliveryState, _ l: Language) -> String {
        switch state {
        case .missing: return l("fehlt", "missing")
        case .delivered: return l("geliefert", "delivered")
        case .rejected: return l("abgelehnt", "rejected")
        case .superseded: return l("ersetzt", "superseded")
        case .conflict: return l("Konflikt", "conflict")
        }
    }

    static func login(language l: Language, message: String?) -> String {
        page(l("Anmelden", "Log in"), language: l, csrf: nil, account: nil, """
            <form id="login" class="card">
            <p><label for="username">\(l("Name", "Name"))</label>
            <input id="username" name="username" autocomplete="username" required></p>
            <p><label for="password">\(l("Passwort", "Password"))</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required></p>
            <p><button type="submit">\(l("Anmelden", "Log in"))</button></p>
            <p id="message" role="alert">\(e(message ?? ""))</p>
            </form>

            """)
    }

    /// A department's page: its template, the upload with its findings, its deliveries.
    static func department(_ account: Account, csrf: String, board: [DeliveryStatus], years: [Int], language l: Language,
                           timeZone: TimeZone = .current) -> String {
        let code = account.department ?? ""
        let options = years.sorted(by: >).map { "<option>\($0)</option>" }.joined()
        var rows = ""
        for s in board.sorted(by: { $0.year > $1.year }) {
            rows += "<tr><td>\(s.year)</td><td class=\"state \(s.state.rawValue)\">\(e(stateName(s.state, l)))</td>"
                + "<td>\(s.at.map { ReadableTime.html($0, language: l, timeZone: timeZone) } ?? "")</td><td>\(e(s.by ?? ""))</td><td>\(e(s.file ?? ""))</td></tr>\n"
        }
        return page(l("Abgabe Amt \(code)", "Delivery of department \(code)"), language: l, csrf: csrf, account: account, """
            <section aria-labelledby="h-template"><h2 id="h-template">\(l("1. Vorlage herunterladen", "1. Download the template"))</h2>
            <form method="get" action="/template" class="inline">
            <label for="template-year">\(l("Berichtsjahr", "Reporting year"))</label> <select id="template-year" name="year">\(options)</select>
            <label for="template-format">\(l("Format", "Format"))</label> <select id="template-format" name="format"><option value="xlsx">Excel (.xlsx)</option><option value="ods">LibreOffice (.ods)</option></select>
            <button type="submit">\(l("Herunterladen", "Download"))</button></form></section>
            <section aria-labelledby="h-upload"><h2 id="h-upload">\(l("2. Ausgefüllte Arbeitsmappe abgeben", "2. Deliver the filled workbook"))</h2>
            <form id="upload">
            <p><label for="file">\(l("Arbeitsmappe (.xlsx oder .ods)", "Workbook (.xlsx or .ods)"))</label>
            <input id="file" name="file" type="file" accept=".xlsx,.ods" required></p>
            <p><button type="submit">\(l("Abgeben und prüfen", "Deliver and check"))</button></p>
            </form>
            <div id="result" aria-live="polite"></div></section>
            <section aria-labelledby="h-mine"><h2 id="h-mine">\(l("Ihre Abgaben", "Your deliveries"))</h2>
            <table><thead><tr><th scope="col">\(l("Jahr", "Year"))</th><th scope="col">\(l("Stand", "State"))</th><th scope="col">\(l("Wann", "When"))</th><th scope="col">\(l("Von", "By"))</th><th scope="col">\(l("Datei", "File"))</th></tr></thead>
            <tbody>\(rows)</tbody></table></section>

            """)
    }

    /// The coordinator's (and analysts') page: the board, the conflicts to decide, the reports.
    static func board(_ account: Account, csrf: String, board: [DeliveryStatus], held: [HeldUpload], years: [Int], language l: Language,
                      timeZone: TimeZone = .current) -> String {
        let years = years.sorted()
        var departments: [(String, String)] = []
        for s in board where !departments.contains(where: { $0.0 == s.department }) { departments.append((s.department, s.departmentName)) }
        var table = "<table id=\"board\"><caption>\(l("Abgaben je Amt und Berichtsjahr", "Deliveries by department and reporting year"))</caption>"
            + "<thead><tr><th scope=\"col\">\(l("Amt", "Department"))</th>"
            + years.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead><tbody>\n"
        for (code, name) in departments {
            table += "<tr><th scope=\"row\">\(e(code)) <span class=\"name\">\(e(name))</span></th>"
            for year in years {
                guard let s = board.first(where: { $0.department == code && $0.year == year }) else { table += "<td></td>"; continue }
                let detail = [s.at.map { ReadableTime.html($0, language: l, timeZone: timeZone) }, s.by.map(e)].compactMap { $0 }.joined(separator: "<br>")
                table += "<td class=\"state \(s.state.rawValue)\"><strong>\(e(stateName(s.state, l)))</strong>"
                    + (detail.isEmpty ? "" : "<br><small>\(detail)</small>") + "</td>"
            }
            table += "</tr>\n"
        }
        table += "</tbody></table>\n"
        // The latest year anyone delivered for: the one the coordinator is collecting.
        let focus = board.filter { $0.state != .missing }.map(\.year).max() ?? years.last ?? 0
        let missing = board.filter { $0.year == focus && ($0.state == .missing || $0.state == .rejected) }.count
        var conflicts = ""
        if account.role == .coordinator {
            conflicts = "<section aria-labelledby=\"h-conflicts\"><h2 id=\"h-conflicts\">\(l("Konflikte entscheiden", "Decide conflicts"))</h2>\n"
            if held.isEmpty { conflicts += "<p>\(l("Keine offenen Konflikte.", "No open conflicts."))</p>" }
            for h in held {
                conflicts += "<div class=\"card conflict\"><p>\(l("Amt", "Department")) \(e(h.department)), \(h.year): \(e(h.fileName)) "
                    + "(\(l("von", "by")) \(e(h.uploadedBy)), \(ReadableTime.html(h.uploadedAt, language: l, timeZone: timeZone))) – \(h.conflicts) \(l("abweichende Werte", "differing values"))</p>"
                    + "<p><button type=\"button\" class=\"decide\" data-id=\"\(h.id)\" data-prefer=\"new\">\(l("Neue Werte übernehmen", "Keep the new values"))</button> "
                    + "<button type=\"button\" class=\"decide\" data-id=\"\(h.id)\" data-prefer=\"old\">\(l("Bisherige Werte behalten", "Keep the stored values"))</button></p></div>\n"
            }
            conflicts += "<p id=\"decision\" aria-live=\"polite\"></p></section>\n"
        }
        let options = years.sorted(by: >).map { "<option>\($0)</option>" }.joined()
        let reports = """
            <section aria-labelledby="h-reports"><h2 id="h-reports">\(l("Bericht erstellen", "Make a report"))</h2>
            <form method="get" action="/report" class="inline">
            <label for="report-year">\(l("Berichtsjahr", "Reporting year"))</label> <select id="report-year" name="year">\(options)</select>
            <label for="report-format">\(l("Format", "Format"))</label> <select id="report-format" name="format"><option value="html">HTML</option><option value="xlsx">Excel (.xlsx)</option><option value="ods">LibreOffice (.ods)</option><option value="json">JSON-stat</option></select>
            <button type="submit">\(l("Erstellen", "Make"))</button></form></section>

            """
        let summary = "<p id=\"missing\">\(l("\(missing) von \(departments.count) Ämtern ohne verwertbare Abgabe für \(focus).", "\(missing) of \(departments.count) departments without a usable delivery for \(focus)."))</p>\n"
        return page(l("Übersicht der Abgaben", "Deliveries"), language: l, csrf: csrf, account: account,
                    "<section aria-labelledby=\"h-board\"><h2 id=\"h-board\">\(l("Wer hat geliefert?", "Who has delivered?"))</h2>\n" + summary + table
                        + "</section>\n" + conflicts + reports)
    }
}
