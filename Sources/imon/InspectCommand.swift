import CommandArguments
import Spreadsheet
import WorkbookIO

struct InspectCommand: Command {
    enum Format: String, ArgumentValue, CaseIterable {
        case text, json
    }

    static let file = Parameter.argument("file", help: "The workbook to read.")
    static let format = Parameter.option("format", help: "Output format.", choices: Format.choices, default: "text")

    static let spec = CommandSpec(
        "inspect",
        abstract: "Describe a workbook: format, producing program, date system, and per sheet its used range and cells by type.",
        discussion: "Reads every cell, streaming: memory does not grow with the number of rows.",
        parameters: [file, format] + ReadingLimitOptions.parameters) { try InspectCommand($0) }

    let file: String
    let format: Format
    let limits: ReadingLimitOptions

    init(_ arguments: ParsedArguments) throws {
        file = try arguments.value(Self.file)
        format = try arguments.value(Self.format)
        limits = try ReadingLimitOptions(arguments)
    }

    func run() throws {
        var options = limits.options
        options.acceptsTextFormats = true
        let reader = try reading(file) { try WorkbookFile.open(file, options: options) }
        let report = try reading(file) { try InspectionReport(file: file, reader: reader) }
        print(format == .json ? report.json() : report.text(), terminator: "")
    }
}
