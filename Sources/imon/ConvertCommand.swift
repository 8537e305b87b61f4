import ArgumentParser
import WorkbookIO

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a workbook into another format, chosen by the output's extension.",
        discussion: """
            Reads XLSX, ODS, FODS, CSV/TSV and canonical JSON dumps; writes .xlsx, .ods, .fods, \
            .csv, .tsv (one sheet) and .json. The output appears only when it is complete; \
            the input is never changed.
            """)

    @Argument(help: "The workbook to read.")
    var input: String

    @Argument(help: "The file to write; its extension chooses the format.")
    var output: String

    @Option(name: .long, help: "Only this sheet (repeat for several).")
    var sheet: [String] = []

    @Flag(name: .long, help: "Keep every CSV field as text (no numbers, dates or booleans).")
    var noInfer = false

    @Flag(name: .long, help: "Compress XLSX and ODS harder: smaller files, slower writing.")
    var smaller = false

    @OptionGroup(title: "Limits")
    var limits: ReadingLimitOptions

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
