import Spreadsheet

/// How serious a finding is: errors keep a submission out of the
/// monitoring until fixed; warnings ask for a look.
public enum Severity: String, Sendable, Comparable {
    case error, warning

    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
}

/// One problem in a submission: data, not a log line. Text, JSON and the
/// annotated feedback workbook are renderings of the same findings; their
/// words come from `FindingText`.
public struct ValidationFinding: Hashable, Sendable {
    public var severity: Severity
    /// What the finding is about, with what was found and expected.
    public var kind: FindingKind
    public var sheet: String?
    /// A cell (`C6`) or range (`C6:E46`).
    public var cell: String?
    /// The value found, as text.
    public var value: String?

    public init(_ severity: Severity, _ kind: FindingKind, sheet: String? = nil, cell: String? = nil, value: String? = nil) {
        self.severity = severity
        self.kind = kind
        self.sheet = sheet
        self.cell = cell
        self.value = value
    }

    /// A stable code: `text-in-number-cell`, `part-exceeds-total`, …
    public var code: String { kind.code }

    /// What is wrong and what to do, for the person who filled in the file.
    public func message(_ language: Language) -> String { FindingText.message(kind, language) }
}

/// The findings for one file, with the department and year it was recognised as.
public struct FileReport: Sendable {
    public var file: String
    public var department: String?
    public var year: Int?
    public var findings: [ValidationFinding]

    public var errors: Int { findings.filter { $0.severity == .error }.count }
    public var warnings: Int { findings.filter { $0.severity == .warning }.count }
}
