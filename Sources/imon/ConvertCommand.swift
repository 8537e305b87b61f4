import CommandArguments
import WorkbookIO

struct ConvertCommand: Command {
    static let input = Parameter.argument("input", help: "The workbook to read.")
    static let output = Parameter.argument("output", help: "The file to write; its extension chooses the format.")
    static let sheet = Parameter.option("sheet", help: "Only this sheet (repeat for several).", repeating: true)
    static let noInfer = Parameter.flag("no-infer", help: "Keep every CSV field as text (no numbers, dates or booleans).")
    static let smaller = Parameter.flag("smaller", help: "Compress XLSX and ODS harder: smaller files, slower writing.")

    static let spec = CommandSpec(
        "convert",
        abstract: "Convert a workbook into another format, chosen by the output's extension.",
        discussion: """
            Reads XLSX, ODS, FODS, CSV/TSV and canonical JSON dumps; writes .xlsx, .ods, .fods, \
            .csv, .tsv (one sheet) and .json. The output appears only when it is complete; \
            the input is never changed.
            """,
        parameters: [input, output, sheet, noInfer, smaller] + ReadingLimitOptions.parameters) { try ConvertCommand($0) }

    let input: String
    let output: String
    let sheet: [String]
    let noInfer: Bool
    let smaller: Bool
    let limits: ReadingLimitOptions

    init(_ arguments: ParsedArguments) throws {
        input = try arguments.value(Self.input)
        output = try arguments.value(Self.output)
        sheet = try arguments.values(Self.sheet)
        noInfer = arguments.flag(Self.noInfer)
        smaller = arguments.flag(Self.smaller)
        limits = try ReadingLimitOptions(arguments)
    }

    func run() throws {
        var options = Conversion.Options()
        options.sheets = sheet
        options.inferCSVTypes = !noInfer
        options.compressionLevel = smaller ? 6 : 1
        options.reading = limits.options
        do {
            try reading(input) { try Conversion.convert(input, to: output, options: options) }
        } catch let failure as CommandFailure {
            // Problems of the output are told about the output file.
            if let outputError = failure.underlying as? OutputError {
                throw CommandFailure(file: outputError.path, error: outputError.error)
            }
            throw failure
        }
    }
}
