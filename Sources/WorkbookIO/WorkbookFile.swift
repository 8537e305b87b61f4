import Spreadsheet
import ODS
import XLSX
import XMLStream
import Zip

/// The one entry point for reading workbook files: recognises the format by
/// content, not by extension, and opens the matching reader.
public enum WorkbookFile {
    /// Options that bound what reading may cost.
    public struct Options: Sendable {
        public var zipLimits = ZipLimits.default
        public var maxCellsPerSheet = 100_000_000
        /// Most cells held in memory at once, by commands that read sheets
        /// whole (`read`, `Workbook`, `eachSheet`): about 50 bytes each.
        public var maxCellsInMemory = 10_000_000
        public var xmlLimits = XMLLimits.default
        /// Most sheets a workbook may list.
        public var maxSheets = 10_000
        /// Also read CSV/TSV text (by extension) and canonical JSON dumps (by content).
        public var acceptsTextFormats = false
        /// Type CSV fields (numbers, ISO dates, booleans); off keeps all as text.
        public var inferCSVTypes = true

        public init() {}
    }

    /// Opens the workbook at `path`, whatever its extension says.
    /// Throws `WorkbookError` with where and what for anything unreadable.
    public static func open(_ path: String, options: Options = Options()) throws -> any WorkbookReader {
        let reader = try openReader(path, options: options)
        // An ODS lists its tables when first asked, and holds to the limit then.
        if !(reader is ODSReader), case let count = try reader.sheets.count, count > options.maxSheets {
            throw WorkbookError(location: "workbook", reason: "\(count) sheets, more than the limit of "
                                + "\(options.maxSheets) (--max-sheets raises it)")
        }
        return reader
    }

    private static func openReader(_ path: String, options: Options) throws -> any WorkbookReader {
        do {
            let file = try MappedFile(path: path)
            switch FileSignature.detect(file.bytes.prefix(8)) {
            case .zip:
                let zip = try ZipArchive(file: file, limits: options.zipLimits)
                return try openPackage(zip, options: options)
            case .compoundFile:
                throw CompoundFile.describe(file.bytes)
            case .xml where !(options.acceptsTextFormats && startsWithBrace(file.bytes)):
                let reader = try ODSReader(flatDocument: file)
                reader.maxSheets = options.maxSheets
                reader.maxCellsPerSheet = options.maxCellsPerSheet
                reader.xmlLimits = options.xmlLimits
                return reader
            case .unknown, .xml:
                if options.acceptsTextFormats, let reader = try textReader(path, file, options) { return reader }
                if file.bytes.isEmpty { throw WorkbookError(location: "file", reason: "the file is empty") }
                throw WorkbookError(location: "file", reason: "not a spreadsheet (neither XLSX nor ODS)")
            }
        } catch {
            throw WorkbookError(error)
        }
    }

    private static func startsWithBrace(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for b in bytes.prefix(64) where !(b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0xEF || b == 0xBB || b == 0xBF) {
            return b == UInt8(ascii: "{")
        }
        return false
    }

    /// A canonical JSON dump (by content) or CSV/TSV (by extension).
    private static func textReader(_ path: String, _ file: MappedFile, _ options: Options) throws -> (any WorkbookReader)? {
        if startsWithBrace(file.bytes) { return try CanonicalJSONReader(file: file) }
        let lower = path.lowercased()
        let stem = String((path.split(separator: "/").last ?? "Sheet1").split(separator: ".").first ?? "Sheet1")
        let name = SheetName.problem(with: stem) == nil ? stem : "Sheet1"
        if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") {
            return CSVReader(file: file, sheetName: name, separator: 0x09, infer: options.inferCSVTypes)
        }
        if lower.hasSuffix(".csv") || lower.hasSuffix(".txt") {
            return CSVReader(file: file, sheetName: name, infer: options.inferCSVTypes)
        }
        return nil
    }

    /// Indices of the sheets named (exact name first, then ignoring case), or
    /// of all sheets when none is named; an unknown name is an error that
    /// lists the sheets there are.
    public static func sheetIndices(named names: [String], in reader: some WorkbookReader) throws -> [Int] {
        let sheets = try reader.sheets
        guard !names.isEmpty else { return Array(sheets.indices) }
        return try names.map { name in
            if let index = sheets.firstIndex(where: { $0.name == name }) { return index }
            if let index = sheets.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) { return index }
            let known = sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")
            throw WorkbookError(location: "sheet \"\(name)\"", reason: "no such sheet (the workbook has \(known))")
        }
    }

    /// A writer for `path`, chosen by its extension: `.xlsx`, `.ods` or `.fods`.
    public static func writer(for path: String) throws -> any WorkbookWriter {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) {
        case "xlsx": return try XLSXWriter(path: path)
        case "ods": return try ODSWriter(path: path)
        case "fods": return try ODSWriter(path: path, flat: true)
        default: throw WorkbookError(location: path, reason: "a workbook is written as .xlsx, .ods or .fods")
        }
    }

    /// Reads the whole workbook into memory.
    public static func read(_ path: String, options: Options = Options()) throws -> Workbook {
        let reader = try open(path, options: options)
        do { return try Workbook(reading: reader, maxCells: options.maxCellsInMemory) } catch { throw WorkbookError(error) }
    }

    static func openPackage(_ zip: ZipArchive, options: Options) throws -> any WorkbookReader {
        if zip.entry(named: "mimetype") != nil || zip.entry(named: "content.xml") != nil {
            let reader = try ODSReader(zip: zip)
            reader.maxSheets = options.maxSheets
            reader.maxCellsPerSheet = options.maxCellsPerSheet
            reader.xmlLimits = options.xmlLimits
            return reader
        }
        if zip.entry(named: "xl/workbook.xml") != nil || zip.entry(named: "_rels/.rels") != nil
            || zip.entry(named: "[Content_Types].xml") != nil {
            let reader = try XLSXReader(zip: zip)
            reader.maxCellsPerSheet = options.maxCellsPerSheet
            reader.xmlLimits = options.xmlLimits
            return reader
        }
        if zip.entries.isEmpty {
            throw WorkbookError(location: "package", reason: "an empty zip package, with no workbook inside")
        }
        throw WorkbookError(location: "package", reason: "a zip package that is neither an XLSX nor an ODS workbook")
    }
}
