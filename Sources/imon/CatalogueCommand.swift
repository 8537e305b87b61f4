import CommandArguments
import Monitoring
import WorkbookIO

enum CatalogueCommand {
    static let spec = CommandSpec(
        "catalogue",
        abstract: "Keep the indicator catalogue: check a catalogue workbook, export the built-in one, list one.",
        subcommands: [Check.spec, Export.spec, Show.spec])

    struct Check: Command {
        static let file = Parameter.argument("file", help: "The catalogue workbook (.xlsx, .ods).")
        static let lang = CommandParameters.language("Language of the problems reported.")
        static let store = Parameter.option("store", help: "Also compare the goals' baselines with the values this store observed.")
        static let spec = CommandSpec(
            "check",
            abstract: "Check a catalogue workbook; every problem with its sheet and cell. Exit 1 when there are problems.",
            parameters: [file, store, lang]) { try Check($0) }

        let file: String
        let store: String?
        let language: Language

        init(_ arguments: ParsedArguments) throws {
            file = try arguments.value(Self.file)
            store = try arguments.optionalValue(Self.store)
            language = try arguments.value(Self.lang)
        }

        func run() throws {
            var (catalogue, findings) = try reading(file) { try CatalogueWorkbook.read(path: file) }
            if let store {
                let table: ObservationTable
                do { table = try openStoreForReading(store).observationTable() } catch let failure as CommandFailure {
                    throw failure
                } catch {
                    throw storeFailure(store, error)
                }
                findings += GoalBaselineCheck.findings(catalogue, values: IndicatorValues(catalogue: catalogue, table: table))
            }
            if findings.isEmpty {
                print("\(file): " + CatalogueFindingText.noProblems(catalogue, language))
                return
            }
            for finding in findings { print("\(file): " + CatalogueFindingText.line(finding, language)) }
            print(CatalogueFindingText.count(findings.count, language))
            throw ExitStatus.problemsFound
        }
    }

    struct Export: Command {
        static let output = Parameter.option("output", short: "o", help: "The workbook to write (.xlsx, .ods or .fods).", required: true)
        static let spec = CommandSpec(
            "export", abstract: "Write the built-in Magdeburg catalogue as an editable workbook.", parameters: [output]) { try Export($0) }

        let output: String

        init(_ arguments: ParsedArguments) throws {
            output = try arguments.value(Self.output)
        }

        func run() throws {
            do {
                try CatalogueWorkbook.write(DefaultCatalogue.magdeburg, to: output)
            } catch {
                throw CommandFailure(file: output, error: error)
            }
            print("wrote \(output)")
        }
    }

    struct Show: Command {
        static let file = Parameter.argument("file", help: "A catalogue workbook; the built-in default when left out.", optional: true)
        static let spec = CommandSpec(
            "show", abstract: "List a catalogue readably (the built-in one without FILE).", parameters: [file]) { try Show($0) }

        let file: String?

        init(_ arguments: ParsedArguments) throws {
            file = try arguments.optionalValue(Self.file)
        }

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
                                 reason: "\(first.message(.en)) (\(findings.count) problem\(findings.count == 1 ? "" : "s"); see imon catalogue check)")
        }
        return catalogue
    }
}
