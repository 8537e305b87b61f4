import Spreadsheet
import WorkbookIO

/// Renderings of validation findings: text for a terminal, grouped by file
/// and sheet, and the JSON other programs read, both in one language.
public enum ValidationReport {
    /// The findings for a terminal, grouped by file and sheet.
    public static func text(_ reports: [FileReport], language: Language) -> String {
        let l = language
        var lines: [String] = []
        for report in reports {
            let who = [report.department.map { l("Amt \($0)", "department \($0)") }, report.year.map(String.init)]
                .compactMap { $0 }.joined(separator: ", ")
            let counts = l("\(report.errors) Fehler, \(report.warnings) Warnung\(report.warnings == 1 ? "" : "en")",
                           "\(report.errors) error\(report.errors == 1 ? "" : "s"), \(report.warnings) warning\(report.warnings == 1 ? "" : "s")")
            lines.append("\(report.file)\(who.isEmpty ? "" : " (\(who))"): \(report.findings.isEmpty ? l("in Ordnung", "no problems") : counts)")
            lines += findingLines(report.findings, language: l)
        }
        let errors = reports.reduce(0) { $0 + $1.errors }, warnings = reports.reduce(0) { $0 + $1.warnings }
        lines.append(l("\(reports.count) Datei\(reports.count == 1 ? "" : "en") geprüft: \(errors) Fehler, \(warnings) Warnung\(warnings == 1 ? "" : "en")",
                       "\(reports.count) file\(reports.count == 1 ? "" : "s") checked: \(errors) errors, \(warnings) warnings"))
        return lines.joined(separator: "\n") + "\n"
    }

    /// One file's findings for a terminal: a line per sheet, then a line per
    /// finding with cell, severity, message, value and code.
    public static func findingLines(_ findings: [ValidationFinding], language l: Language) -> [String] {
        var lines: [String] = []
        var currentSheet: String?? = .none
        for f in findings {
            if currentSheet != .some(f.sheet) {
                lines.append("  \(f.sheet ?? l("Datei", "file"))")
                currentSheet = .some(f.sheet)
            }
            let severity = f.severity == .error ? l("Fehler ", "error  ") : l("Warnung", "warning")
            let cell = (f.cell ?? "").padding(7)
            let value = f.value.map { " [\($0)]" } ?? ""
            lines.append("    \(cell)\(severity)  \(f.message(l))\(value)  (\(f.code))")
        }
        return lines
    }

    /// The findings as JSON: per file its department, year and findings
    /// (`severity`, `code`, `sheet`, `cell`, `value`, `message` in `language`).
    public static func json(_ reports: [FileReport], language: Language) -> String {
        func q(_ s: String?) -> String { JSONText.quoted(s) }
        let files = reports.map { r in
            let findings = r.findings.map { f in
                "{\"severity\":\(q(f.severity.rawValue)),\"code\":\(q(f.code)),\"sheet\":\(q(f.sheet)),\"cell\":\(q(f.cell)),"
                    + "\"value\":\(q(f.value)),\"message\":\(q(f.message(language)))}"
            }
            return "{\"file\":\(q(r.file)),\"department\":\(q(r.department)),\"year\":\(r.year.map(String.init) ?? "null"),"
                + "\"findings\":[\(findings.joined(separator: ","))]}"
        }
        let errors = reports.reduce(0) { $0 + $1.errors }, warnings = reports.reduce(0) { $0 + $1.warnings }
        return "{\"files\":[\(files.joined(separator: ",\n"))],\n\"summary\":{\"errors\":\(errors),\"warnings\":\(warnings)}}\n"
    }
}
