import ArgumentParser
import Monitoring
import WorkbookIO

struct CatalogueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Keep the indicator catalogue: check a catalogue workbook, export the built-in one, list one.",
        subcommands: [Check.self, Export.self, Show.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check a catalogue workbook; every problem with its sheet and cell. Exit 1 when there are problems.")

        @Argument(help: "The catalogue workbook (.xlsx, .ods).")
        var file: String

        func run() throws {
            let (catalogue, findings) = try reading(file) { try CatalogueWorkbook.read(path: file) }
            if findings.isEmpty {
                print("\(file): no problems (\(catalogue.indicators.count) indicators, \(catalogue.districts.count) districts, "
                      + "\(catalogue.goals.filter(\.active).count) active goals)")
                return
            }
            for finding in findings { print("\(file): \(finding)") }
            print("\(findings.count) problem\(findings.count == 1 ? "" : "s")")
            throw ExitCode(1)
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the built-in Magdeburg catalogue as an editable workbook.")

        @Option(name: .shortAndLong, help: "The workbook to write (.xlsx, .ods or .fods).")
        var output: String

        func run() throws {
            do {
                try CatalogueWorkbook.write(DefaultCatalogue.magdeburg, to: output)
            } catch {
                throw CommandFailure(file: output, error: error)
            }
            print("wrote \(output)")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "List a catalogue readably (the built-in one without FILE).")

        @Argument(help: "A catalogue workbook; the built-in default when left out.")
        var file: String?

        func run() throws {
            let catalogue = try CatalogueSource.load(file)
            print(CatalogueListing.text(catalogue), terminator: "")
        }
    }
}

/// The catalogue a command works with: a workbook that must be free of
/// problems, or the built-in default.
enum CatalogueSource {
    static func load(_ file: String?) throws -> Catalogue {
        guard let file else { return DefaultCatalogue.magdeburg }
        let (catalogue, findings) = try reading(file) { try CatalogueWorkbook.read(path: file) }
        if let first = findings.first {
            throw CommandFailure(file: file, location: first.sheet + (first.cell.map { "!\($0)" } ?? ""),
                                 reason: "\(first.message) (\(findings.count) problem\(findings.count == 1 ? "" : "s"); see imon catalogue check)")
        }
        return catalogue
    }
}
