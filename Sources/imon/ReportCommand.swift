import ArgumentParser
import Monitoring
import MonitoringStore
import Reporting

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The situation analysis of a reporting year as a summary workbook (and an HTML report).",
        discussion: "--field limits the report to the fields of action one meeting works on (repeat for several).")

    @Option(help: "The store file.")
    var store = "monitoring.sqlite"

    @Option(help: "A catalogue workbook; the built-in default when left out.")
    var catalogue: String?

    @Option(help: "The reporting year.")
    var year: Int

    @Option(help: "Only this field of action, 1 to 7 (repeat for several).")
    var field: [Int] = []

    @Option(name: .shortAndLong, help: "The summary workbook: .xlsx or .ods.")
    var output: String

    @Option(help: "Also write the report as one self-contained HTML file.")
    var html: String?

    @Option(help: "Language: de or en.")
    var lang: String = "de"

    func validate() throws {
        if Language(rawValue: lang) == nil { throw ValidationError("--lang is de or en") }
        if let bad = field.first(where: { !(1...7).contains($0) }) { throw ValidationError("--field \(bad): fields of action are numbered 1 to 7") }
    }

    func run() throws {
        let catalogue = try CatalogueSource.load(self.catalogue)
        let store = try openStore(self.store, create: false)
        let table: ObservationTable
        do { table = try store.observationTable() } catch {
            throw CommandFailure(file: self.store, location: "store", reason: "\(error)")
        }
        guard table.years.contains(year) else {
            throw CommandFailure(file: self.store, location: "year \(year)",
                                 reason: "no observations for this year (the store has " + table.years.map(String.init).joined(separator: ", ") + ")")
        }
        var report = SituationReport(catalogue: catalogue, table: table, year: year, fields: field, language: Language(rawValue: lang) ?? .de)
        report.openConflicts = (try? store.openConflicts(year: year)) ?? []
        do { try SummaryWorkbook.write(report, to: output) } catch { throw CommandFailure(file: output, error: error) }
        print("wrote \(output)")
        if let html {
            do { try HTMLReport.write(report, table: table, to: html) } catch { throw CommandFailure(file: html, error: error) }
            print("wrote \(html)")
        }
    }
}
