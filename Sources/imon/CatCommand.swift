import ArgumentParser
import Spreadsheet
import WorkbookIO
#if canImport(Glibc)
import Glibc
#endif

struct CatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cat",
        abstract: "Print the cell values of a workbook (XLSX, ODS or FODS).",
        discussion: """
            json is the canonical dump (every sheet, one row per line); csv and tsv \
            print one sheet (the first, or the one given with --sheet); table is an \
            aligned view for a terminal and the default there.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv, tsv, table
    }

    @Argument(help: "The workbook to read.")
    var file: String

    @OptionGroup(title: "Limits")
    var limits: ReadingLimitOptions

    @Option(name: .long, help: "Only this sheet (repeat for several).")
    var sheet: [String] = []

    @Option(name: .long, help: "Output format: json, csv, tsv or table.")
    var format: Format?

    func validate() throws {
        if (format == .csv || format == .tsv) && sheet.count > 1 {
            throw ValidationError("--format \(format!.rawValue) prints one sheet; give --sheet once")
        }
    }

    func run() throws {
        let format = self.format ?? (isatty(1) != 0 ? .table : .json)
        var options = limits.options
        options.acceptsTextFormats = true
        let reader = try reading(file) { try WorkbookFile.open(file, options: options) }
        let out = ByteOutput.standardOutput()
        // nil: every sheet, listed on the way (json only; the other formats say which sheets they print).
        let selected = format == .json && sheet.isEmpty ? nil : try SheetSelection.indices(of: sheet, in: reader, file: file)
        try reading(file) {
            switch format {
            case .json:
                var writer = CanonicalJSONWriter(out)
                try writer.begin()
                try reader.eachSheet(at: selected) { try writer.write($0) }
                try writer.end()
            case .csv, .tsv:
                let writer = DelimitedWriter(out, style: format == .csv ? .csv : .tsv)
                guard let index = selected?.first else { return try writer.finish() }
                if let preview = try reader.preview(ofSheetAt: index), preview.rowsInOrder {
                    // Streamed: memory does not grow with the rows.
                    var streaming = DelimitedRows(writer: writer, covered: CoveredCells(preview.mergedRanges))
                    try reader.readSheet(at: index, into: &streaming)
                    try streaming.writer.finish()
                } else {
                    var writer = writer
                    try reader.eachSheet(at: [index]) { sheet in
                        for row in sheet.rows { try writer.write(row) }
                    }
                    try writer.finish()
                }
            case .table:
                var first = true
                try reader.eachSheet(at: selected) { sheet in
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
