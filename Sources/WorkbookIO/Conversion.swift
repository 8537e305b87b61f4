import ODS
import Spreadsheet
import XLSX
import Zip
#if canImport(Glibc)
import Glibc
#endif

/// Converting a workbook from any readable format into any writable one,
/// chosen by the output's extension.
public enum Conversion {
    /// The formats a conversion can write.
    public enum Target: String, CaseIterable, Sendable {
        case xlsx, ods, fods, csv, tsv, json

        public init?(path: String) {
            guard let ext = path.split(separator: ".").last.map({ $0.lowercased() }), path.contains(".") else { return nil }
            self.init(rawValue: ext)
        }
    }

    public struct Options: Sendable {
        /// Only these sheets (by name); all when empty. CSV and TSV take one.
        public var sheets: [String] = []
        public var inferCSVTypes = true
        /// zlib level for XLSX and ODS: 1 is fast, 6 or 9 give smaller files.
        public var compressionLevel: Int32 = 1
        public var reading = WorkbookFile.Options()

        public init() {}
    }

    /// Converts `input` into `output`; the output appears only when complete.
    /// Returns what was written, for the user: sheets and cells.
    @discardableResult
    public static func convert(_ input: String, to output: String, options: Options = Options()) throws -> (sheets: Int, cells: Int) {
        guard let target = Target(path: output) else {
            throw OutputError(path: output, error: WorkbookError(location: "file name",
                reason: "unknown output format (use .xlsx, .ods, .fods, .csv, .tsv or .json)"))
        }
        if let a = realpath(input, nil), let b = realpath(output, nil) {
            let same = strcmp(a, b) == 0
            free(a); free(b)
            if same { throw OutputError(path: output, error: WorkbookError(location: "file", reason: "the output would overwrite the input")) }
        }
        var reading = options.reading
        reading.acceptsTextFormats = true
        reading.inferCSVTypes = options.inferCSVTypes
        let reader = try WorkbookFile.open(input, options: reading)
        // nil: every sheet, listed on the way. CSV and TSV take one sheet.
        var indices: [Int]?
        if target == .csv || target == .tsv {
            indices = Array(try WorkbookFile.sheetIndices(named: options.sheets, in: reader).prefix(1))
        } else if !options.sheets.isEmpty || reader is CSVReader {
            indices = try WorkbookFile.sheetIndices(named: options.sheets, in: reader)
        }
        do {
            switch target {
            case .xlsx, .ods, .fods:
                let writer: any WorkbookWriter = target == .xlsx
                    ? try XLSXWriter(path: output, compressionLevel: options.compressionLevel)
                    : try ODSWriter(path: output, flat: target == .fods, compressionLevel: options.compressionLevel)
                do {
                    let copied = try copy(reader, indices, maxCells: reading.maxCellsInMemory, into: writer)
                    try writer.finish()
                    return copied
                } catch {
                    writer.cancel()
                    throw error
                }
            case .csv, .tsv, .json:
                let file = try AtomicFile(path: output)
                do {
                    let out = ByteOutput(fd: file.descriptor)
                    let written = try writeText(reader, indices, target, maxCells: reading.maxCellsInMemory, out)
                    try out.flush()
                    try file.commit()
                    return written
                } catch {
                    file.cancel()
                    throw error
                }
            }
        } catch let error as WriteError {
            throw OutputError(path: output, error: WorkbookError(error))
        } catch let error as WriteFailure {
            throw OutputError(path: output, error: WorkbookError(error))
        }
    }

    /// Sheets in workbook order into a workbook writer. A CSV streams row by
    /// row; other inputs are read one sheet at a time, since their merged
    /// ranges must be known before the first row is written.
    private static func copy(_ reader: any WorkbookReader, _ indices: [Int]?, maxCells: Int,
                             into writer: any WorkbookWriter) throws -> (sheets: Int, cells: Int) {
        var sheets = 0, cells = 0
        if let csv = reader as? CSVReader {
            for index in indices ?? [] {
                try writer.beginSheet(SheetLayout(name: csv.sheets[index].name))
                var forward = ForwardingVisitor(writer: writer)
                try csv.readSheet(at: index, into: &forward)
                sheets += 1
                cells += forward.cells
                try writer.endSheet()
            }
            return (sheets, cells)
        }
        try reader.eachSheet(at: indices, maxCells: maxCells) { sheet in
            var layout = SheetLayout(name: sheet.name)
            layout.visibility = sheet.info.visibility
            layout.mergedRanges = sheet.mergedRanges.filter { $0.rowCount > 1 || $0.columnCount > 1 }
            try writer.beginSheet(layout)
            for row in sheet.rows {
                try writer.write(OutputRow(index: row.index, cells: row.cells.map { OutputCell(column: $0.column, value: $0.value) }))
                cells += row.cells.count
            }
            try writer.endSheet()
            sheets += 1
        }
        return (sheets, cells)
    }

    private static func writeText(_ reader: any WorkbookReader, _ indices: [Int]?, _ target: Target, maxCells: Int,
                                  _ out: ByteOutput) throws -> (sheets: Int, cells: Int) {
        var sheets = 0, cells = 0
        switch target {
        case .json:
            var writer = CanonicalJSONWriter(out)
            try writer.begin()
            try reader.eachSheet(at: indices, maxCells: maxCells) { sheet in
                sheets += 1
                cells += sheet.rows.reduce(0) { $0 + $1.cells.count }
                try writer.write(sheet)
            }
            try writer.end()
        default:
            var writer = DelimitedWriter(out, style: target == .csv ? .csv : .tsv)
            try reader.eachSheet(at: indices, maxCells: maxCells) { sheet in
                sheets += 1
                for row in sheet.rows {
                    try writer.write(row)
                    cells += row.cells.count
                }
            }
        }
        return (sheets, cells)
    }
}

/// A failure while writing the output, told about the output file.
public struct OutputError: Error, Sendable {
    public var path: String
    public var error: WorkbookError
}

/// Passes rows straight on to a writer.
private struct ForwardingVisitor: SheetVisitor {
    let writer: any WorkbookWriter
    var cells = 0
    private var output = OutputRow(index: 0, cells: [])

    init(writer: any WorkbookWriter) {
        self.writer = writer
    }

    mutating func visit(_ row: Row) throws {
        output.index = row.index
        output.cells.removeAll(keepingCapacity: true)
        for cell in row.cells { output.cells.append(OutputCell(column: cell.column, value: cell.value)) }
        cells += row.cells.count
        try writer.write(output)
    }
}
