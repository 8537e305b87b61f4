import CommandArguments
import Monitoring
import MonitoringStore
import Operations
import Reporting

struct ReportCommand: Command {
    static let store = CommandParameters.store
    static let catalogue = CommandParameters.catalogue
    static let year = Parameter.option("year", help: "The reporting year.", required: true)
    static let field = Parameter.option("field", help: "Only this field of action, 1 to 7 (repeat for several).", repeating: true)
    static let output = Parameter.option("output", short: "o", help: "The summary workbook: .xlsx or .ods.")
    static let html = Parameter.option("html", help: "The report as one self-contained HTML file (with -o as well, without it alone).")
    static let json = Parameter.option("json", help: "Also write the published figures as a JSON-stat 2.0 collection.")
    static let publish = Parameter.flag("publish", help: "Record in the store what this report publishes, so that later years' reports build on it (writes to the store).")
    static let lang = CommandParameters.language("Language of the report.")

    static let spec = CommandSpec(
        "report",
        abstract: "The situation analysis of a reporting year as a summary workbook (and an HTML report).",
        discussion: """
            --field limits the report to the fields of action one meeting works on (repeat for several). \
            Every figure goes through the protected publication: counts below the minimum case number \
            and the cells that would give them away are shown as ".", and the report is written only \
            when the disclosure audit passes. It builds on what the store recorded of earlier years' \
            published reports; --publish records this one.
            """,
        parameters: [store, catalogue, year, field, output, html, json, publish, lang]) { try ReportCommand($0) }

    let store: String
    let catalogue: String?
    let year: Int
    let field: [Int]
    let output: String?
    let html: String?
    let json: String?
    let publish: Bool
    let language: Language

    init(_ arguments: ParsedArguments) throws {
        store = try arguments.value(Self.store)
        catalogue = try arguments.optionalValue(Self.catalogue)
        year = try arguments.value(Self.year)
        field = try arguments.values(Self.field)
        output = try arguments.optionalValue(Self.output)
        html = try arguments.optionalValue(Self.html)
        json = try arguments.optionalValue(Self.json)
        publish = arguments.flag(Self.publish)
        if output == nil && html == nil && json == nil { throw arguments.refuse("give -o WORKBOOK, --html FILE or --json FILE (or several)") }
        language = try arguments.value(Self.lang)
        if let bad = field.first(where: { !(1...7).contains($0) }) {
            throw arguments.refuse("--field \(bad): fields of action are numbered 1 to 7")
        }
    }

    func run() throws {
        try DistinctFiles.require(outputs: [("--output", output), ("--html", html), ("--json", json)],
                                  inputs: [("--store", store), ("--catalogue", self.catalogue)])
        let catalogue = try CatalogueSource.load(self.catalogue)
        // Read-only unless the report is published: then the store records what it made public (issue 22, item 5).
        let store = publish ? try openStore(self.store, create: false) : try openStoreForReading(self.store)
        let operation = ReportOperation(catalogue: catalogue, year: year, fields: field, language: language)
        let report: SituationReport
        do {
            report = try operation.prepare(from: store)
        } catch let failure as ReportOperation.Failure {
            switch failure {
            case .noObservations: throw CommandFailure(file: self.store, location: "year \(year)", reason: "\(failure)")
            case .publication: throw CommandFailure(file: output ?? html ?? self.store, location: "publication \(year)", reason: "\(failure)")
            }
        } catch {
            throw storeFailure(self.store, error)
        }
        // Said before the files are written: a report that silently covers
        // 4 of 10 departments reads as the whole city's (issue 25).
        let missing: [DeliveryStatus]
        do { missing = try operation.missingDepartments(in: store) } catch { throw storeFailure(self.store, error) }
        if !missing.isEmpty {
            let all = catalogue.submittingDepartments.count
            printToStandardError("imon: warning: \(missing.count) of \(all) departments delivered nothing usable for \(year): "
                                 + missing.map { "\($0.department) (\($0.state.rawValue))" }.joined(separator: ", ")
                                 + "; imon status --year \(year) shows who")
        }
        if let output {
            do { try ReportOperation.writeWorkbook(report, to: output) } catch { throw CommandFailure(file: output, error: error) }
            print("wrote \(output)")
        }
        if let html {
            do { try ReportOperation.writeHTML(report, to: html) } catch { throw CommandFailure(file: html, error: error) }
            print("wrote \(html)")
        }
        if let json {
            do { try ReportOperation.writeJSON(report, to: json) } catch { throw CommandFailure(file: json, error: error) }
            print("wrote \(json)")
        }
        // The command's other lines are English; --lang is the report's language.
        print(ProtectionSummary.line(report.publication.statistics, audit: report.audit, .en))
        if publish {
            do { try store.recordPublication(PublishedPattern(report.publication), by: currentUser()) } catch { throw storeFailure(self.store, error) }
            print("recorded in \(self.store) what the \(year) report publishes")
        }
    }
}
