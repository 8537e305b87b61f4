import CommandArguments
import Monitoring
import MonitoringStore
import Reporting

struct ReportCommand: Command {
    static let store = CommandParameters.store
    static let catalogue = CommandParameters.catalogue
    static let year = Parameter.option("year", help: "The reporting year.", required: true)
    static let field = Parameter.option("field", help: "Only this field of action, 1 to 7 (repeat for several).", repeating: true)
    static let output = Parameter.option("output", short: "o", help: "The summary workbook: .xlsx or .ods.")
    static let html = Parameter.option("html", help: "The report as one self-contained HTML file (with -o as well, without it alone).")
    static let lang = CommandParameters.language("Language of the report.")

    static let spec = CommandSpec(
        "report",
        abstract: "The situation analysis of a reporting year as a summary workbook (and an HTML report).",
        discussion: "--field limits the report to the fields of action one meeting works on (repeat for several).",
        parameters: [store, catalogue, year, field, output, html, lang]) { try ReportCommand($0) }

    let store: String
    let catalogue: String?
    let year: Int
    let field: [Int]
    let output: String?
    let html: String?
    let language: Language

    init(_ arguments: ParsedArguments) throws {
        store = try arguments.value(Self.store)
        catalogue = try arguments.optionalValue(Self.catalogue)
        year = try arguments.value(Self.year)
        field = try arguments.values(Self.field)
        output = try arguments.optionalValue(Self.output)
        html = try arguments.optionalValue(Self.html)
        if output == nil && html == nil { throw arguments.refuse("give -o WORKBOOK, --html FILE or both") }
        language = try arguments.value(Self.lang)
        if let bad = field.first(where: { !(1...7).contains($0) }) {
            throw arguments.refuse("--field \(bad): fields of action are numbered 1 to 7")
        }
    }

    func run() throws {
        try DistinctFiles.require(outputs: [("--output", output), ("--html", html)],
                                  inputs: [("--store", store), ("--catalogue", self.catalogue)])
        let catalogue = try CatalogueSource.load(self.catalogue)
        let store = try openStoreForReading(self.store)
        let table: ObservationTable
        do { table = try store.observationTable() } catch { throw storeFailure(self.store, error) }
        guard table.years.contains(year) else {
            throw CommandFailure(file: self.store, location: "year \(year)",
                                 reason: "no observations for this year (the store has " + table.years.map(String.init).joined(separator: ", ") + ")")
        }
        var report = SituationReport(catalogue: catalogue, table: table, year: year, fields: field, language: language)
        do { report.openConflicts = try store.openConflicts(year: year) } catch { throw storeFailure(self.store, error) }
        if let output {
            do { try SummaryWorkbook.write(report, to: output) } catch { throw CommandFailure(file: output, error: error) }
            print("wrote \(output)")
        }
        if let html {
            do { try HTMLReport.write(report, table: table, to: html) } catch { throw CommandFailure(file: html, error: error) }
            print("wrote \(html)")
        }
    }
}
