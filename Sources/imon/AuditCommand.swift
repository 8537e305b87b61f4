import CommandArguments
import Monitoring
import Reporting

struct AuditCommand: Command {
    static let file = Parameter.argument("file", help: "A published JSON-stat file (imon report --json).")
    static let earlier = Parameter.argument("earlier", help: "The JSON-stat files of earlier years' reports.", optional: true, repeating: true)

    static let spec = CommandSpec(
        "audit",
        abstract: "Check a published JSON-stat file for disclosure, as an attacker would read it.",
        discussion: """
            For every suppressed count, finds by linear programming the least and greatest value it can \
            take given every published figure and relation (parts and totals, districts and city, rates, \
            changes, and the earlier reports given). Lists each count narrowed to fewer whole numbers than \
            its minimum case number, and each printed count below it; exit status 1 when there is one.
            """,
        parameters: [file, earlier]) { try AuditCommand($0) }

    let file: String
    let earlier: [String]

    init(_ arguments: ParsedArguments) throws {
        file = try arguments.value(Self.file)
        earlier = try arguments.values(Self.earlier)
    }

    func run() throws {
        let publication = try reading(file) { try JSONStatPublicationReader.read(path: file) }
        let before = try earlier.map { path in try reading(path) { try JSONStatPublicationReader.read(path: path) } }
        let audit: DisclosureAudit
        do { audit = try DisclosureAudit.run(publication, earlier: before) } catch {
            throw CommandFailure(file: file, location: "audit", reason: "\(error)")
        }
        for finding in audit.findings { print("\(file): disclosed: \(finding)") }
        print("\(file): \(audit.intervals.count) suppressed counts checked (\(audit.solves) LPs), "
              + (audit.passed ? "audit passed" : "\(audit.findings.count) disclosed"))
        if !audit.passed { throw ExitStatus.problemsFound }
    }
}
