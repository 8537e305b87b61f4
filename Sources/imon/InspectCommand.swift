import ArgumentParser
import Spreadsheet
import WorkbookIO

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Describe a workbook: format, producing program, date system, and per sheet its used range and cells by type.",
        discussion: "Reads every cell, streaming: memory does not grow with the number of rows.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The workbook to read.")
    var file: String

    @OptionGroup(title: "Limits")
    var limits: ReadingLimitOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        var options = limits.options
        options.acceptsTextFormats = true
        let reader = try reading(file) { try WorkbookFile.open(file, options: options) }
        let report = try reading(file) { try InspectionReport(file: file, reader: reader) }
        let out = ByteOutput.standardOutput()
        try out.write(format == .json ? report.json() : report.text())
        try out.flush()
    }
}
