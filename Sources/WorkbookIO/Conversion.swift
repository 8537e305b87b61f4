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
        var indices = try WorkbookFile.sheetIndices(named: options.sheets, in: reader)
        if (target == .csv || target == .tsv) { indices = Array(indices.prefix(1)) }
        do {
            switch target {
            case .xlsx, .ods, .fods:
                let writer: any WorkbookWriter = target == .xlsx
                    ? try XLSXWriter(path: output, compressionLevel: options.compressionLevel)
                    : try ODSWriter(path: output, flat: target == .fods, compressionLevel: options.compressionLevel)
                do {
                    let cells = try copy(reader, indices, into: writer)
                    try writer.finish()
                    return (indices.count, cells)
                } catch {
                    writer.cancel()
                    throw error
                }
            case .csv, .tsv, .json:
                let file = try AtomicFile(path: output)
                do {
                    let out = ByteOutput(fd: file.descriptor)
                    let cells = try writeText(reader, indices, target, out)
                    try out.flush()
                    try file.commit()
                    return (indices.count, cells)
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
    private static func copy(_ reader: any WorkbookReader, _ indices: [Int], into writer: any WorkbookWriter) throws -> Int {
        var cells = 0
        if reader is CSVReader {
            for index in indices {
                try writer.beginSheet(SheetLayout(name: reader.sheets[index].name))
                var forward = ForwardingVisitor(writer: writer)
                try reader.readSheet(at: index, into: &forward)
                cells += forward.cells
                try writer.endSheet()
            }
            return cells
        }
        try reader.readSheets(at: indices, making: { _ in SheetBuilder() }) { index, builder in
            let sheet = Sheet(info: reader.sheets[index], built: builder)
            var layout = SheetLayout(name: sheet.name)
            layout.visibility = sheet.info.visibility
            layout.mergedRanges = sheet.mergedRanges.filter { $0.rowCount > 1 || $0.columnCount > 1 }
            try writer.beginSheet(layout)
            for row in sheet.rows {
                try writer.write(OutputRow(index: row.index, cells: row.cells.map { OutputCell(column: $0.column, value: $0.value) }))
                cells += row.cells.count
            }
            try writer.endSheet()
        }
        return cells
    }

    private static func writeText(_ reader: any WorkbookReader, _ indices: [Int], _ target: Target, _ out: ByteOutput) throws -> Int {
        var cells = 0
        switch target {
        case .json:
            var writer = CanonicalJSONWriter(out)
            try writer.begin()
            try reader.readSheets(at: indices, making: { _ in SheetBuilder() }) { index, builder in
                let sheet = Sheet(info: reader.sheets[index], built: builder)
                cells += sheet.rows.reduce(0) { $0 + $1.cells.count }
                try writer.write(sheet)
            }
            try writer.end()
        default:
            var writer = DelimitedWriter(out, style: target == .csv ? .csv : .tsv)
            try reader.readSheets(at: indices, making: { _ in SheetBuilder() }) { index, builder in
                for row in Sheet(info: reader.sheets[index], built: builder).rows {
                    try writer.write(row)
                    cells += row.cells.count
                }
            }
        }
        return cells
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
