import Spreadsheet
import ODS
import XLSX
import Zip

/// The one entry point for reading workbook files: recognises the format by
/// content, not by extension, and opens the matching reader.
public enum WorkbookFile {
    /// Options that bound what reading may cost.
    public struct Options: Sendable {
        public var zipLimits = ZipLimits.default
        public var maxCellsPerSheet = 100_000_000

        public init() {}
    }

    /// Opens the workbook at `path`, whatever its extension says.
    /// Throws `WorkbookError` with where and what for anything unreadable.
    public static func open(_ path: String, options: Options = Options()) throws -> any WorkbookReader {
        do {
            let file = try MappedFile(path: path)
            switch FileSignature.detect(file.bytes.prefix(8)) {
            case .zip:
                let zip = try ZipArchive(file: file, limits: options.zipLimits)
                return try openPackage(zip, options: options)
            case .compoundFile:
                throw CompoundFile.describe(file.bytes)
            case .xml:
                let reader = try ODSReader(flatDocument: file)
                reader.maxCellsPerSheet = options.maxCellsPerSheet
                return reader
            case .unknown:
                if file.bytes.isEmpty { throw WorkbookError(location: "file", reason: "the file is empty") }
                throw WorkbookError(location: "file", reason: "not a spreadsheet (neither XLSX nor ODS)")
            }
        } catch {
            throw WorkbookError(error)
        }
    }

    /// Reads the whole workbook into memory.
    public static func read(_ path: String, options: Options = Options()) throws -> Workbook {
        let reader = try open(path, options: options)
        do { return try Workbook(reading: reader) } catch { throw WorkbookError(error) }
    }

    static func openPackage(_ zip: ZipArchive, options: Options) throws -> any WorkbookReader {
        if zip.entry(named: "mimetype") != nil || zip.entry(named: "content.xml") != nil {
            let reader = try ODSReader(zip: zip)
            reader.maxCellsPerSheet = options.maxCellsPerSheet
            return reader
        }
        if zip.entry(named: "xl/workbook.xml") != nil || zip.entry(named: "_rels/.rels") != nil
            || zip.entry(named: "[Content_Types].xml") != nil {
            let reader = try XLSXReader(zip: zip)
            reader.maxCellsPerSheet = options.maxCellsPerSheet
            return reader
        }
        if zip.entries.isEmpty {
            throw WorkbookError(location: "package", reason: "an empty zip package, with no workbook inside")
        }
        throw WorkbookError(location: "package", reason: "a zip package that is neither an XLSX nor an ODS workbook")
    }
}
