import CommandArguments
import Spreadsheet
import WorkbookIO
#if canImport(Glibc)
import Glibc
#endif

struct CatCommand: Command {
    enum Format: String, ArgumentValue, CaseIterable {
        case json, csv, tsv, table
    }

    static let file = Parameter.argument("file", help: "The workbook to read.")
    static let sheet = Parameter.option("sheet", help: "Only this sheet (repeat for several).", repeating: true)
    static let format = Parameter.option("format", help: "Output format; table on a terminal, json otherwise.",
                                         choices: Format.choices)

    static let spec = CommandSpec(
        "cat",
        abstract: "Print the cell values of a workbook (XLSX, ODS or FODS).",
        discussion: """
            json is the canonical dump (every sheet, one row per line); csv and tsv \
            print one sheet (the first, or the one given with --sheet); table is an \
            aligned view for a terminal and the default there.
            """,
        parameters: [file, sheet, format] + ReadingLimitOptions.parameters) { try CatCommand($0) }

    let file: String
    let sheet: [String]
    let format: Format?
    let limits: ReadingLimitOptions

    init(_ arguments: ParsedArguments) throws {
        file = try arguments.value(Self.file)
        sheet = try arguments.values(Self.sheet)
        format = try arguments.optionalValue(Self.format)
        limits = try ReadingLimitOptions(arguments)
        if let format, format == .csv || format == .tsv, sheet.count > 1 {
            throw arguments.refuse("--format \(format.rawValue) prints one sheet; give --sheet once")
        }
    }

    func run() throws {
        let format = self.format ?? (isatty(1) != 0 ? .table : .json)
        var options = limits.options
        options.acceptsTextFormats = true
        let reader = try reading(file) { try WorkbookFile.open(file, options: options) }
        let out = ByteOutput.standardOutput()
        // The table is for people; the data formats stay exact unless they go to a terminal.
        if format == .table || isatty(1) != 0 { out.textFilter = TerminalText.escaped }
        // nil: every sheet, listed on the way (json only; the other formats say which sheets they print).
        let selected = format == .json && sheet.isEmpty ? nil : try SheetSelection.indices(of: sheet, in: reader, file: file)
        try reading(file) {
            switch format {
            case .json:
                var writer = CanonicalJSONWriter(out)
                try writer.begin()
                try reader.eachSheet(at: selected, maxCells: options.maxCellsInMemory) { try writer.write($0) }
                try writer.end()
            case .csv, .tsv:
                var writer = DelimitedWriter(out, style: format == .csv ? .csv : .tsv)
                guard let index = selected?.first else { return try writer.finish() }
                if let preview = try reader.preview(ofSheetAt: index), preview.rowsInOrder {
                    // Streamed: memory does not grow with the rows.
                    var streaming = DelimitedRows(writer: writer, covered: CoveredCells(preview.mergedRanges))
                    try reader.readSheet(at: index, into: &streaming)
                    try streaming.writer.finish()
                } else {
                    var writer = writer
                    try reader.eachSheet(at: [index], maxCells: options.maxCellsInMemory) { sheet in
                        for row in sheet.rows { try writer.write(row) }
                    }
                    try writer.finish()
                }
            case .table:
                var first = true
                try reader.eachSheet(at: selected, maxCells: options.maxCellsInMemory) { sheet in
                    if (selected?.count ?? 0) > 1 { try out.write((first ? "" : "\n") + "== \(sheet.name) ==\n") }
                    first = false
                    for line in TextTableWriter().render(sheet) { try out.write(line + "\n") }
                }
                try out.flush()
            }
        }
    }
}

/// Writes the rows of one sheet as they are read, leaving out the cells
/// hidden under merged ranges.
private struct DelimitedRows: SheetVisitor {
    var writer: DelimitedWriter
    let covered: CoveredCells

    mutating func visit(_ row: Row) throws {
        guard let row = covered.isEmpty ? row : covered.clear(row) else { return }
        try writer.write(row)
    }
}
