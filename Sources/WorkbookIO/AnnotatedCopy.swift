#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Spreadsheet
import XLSX
import Zip

extension WorkbookFile {
    /// Writes the annotated copy of the workbook at `source` to `path`: the
    /// department's own file with `annotations` added, in its own format
    /// (recognised by content, as `open` does). An XLSX keeps every part it
    /// does not need to change byte for byte; an ODS is, for now, rebuilt
    /// from its values (dates shown as `dates` and `dateTimes`).
    /// Throws `WorkbookError` with where and what.
    public static func writeAnnotatedCopy(of source: String, _ annotations: WorkbookAnnotations, to path: String,
                                          dates: NumberFormatStyle = .isoDate, dateTimes: NumberFormatStyle = .isoDateTime,
                                          options: Options = Options()) throws {
        do {
            // Input files are never modified: the copy may not take the submission's place.
            var a = stat(), b = stat()
            if stat(source, &a) == 0, stat(path, &b) == 0, a.st_dev == b.st_dev, a.st_ino == b.st_ino {
                throw WorkbookError(location: "file", reason: "the annotated copy would replace the file it is made from")
            }
            let file = try MappedFile(path: source)
            let isXLSX: Bool
            switch FileSignature.detect(file.bytes.prefix(8)) {
            case .zip:
                let zip = try ZipArchive(file: file, limits: options.zipLimits)
                isXLSX = zip.entry(named: "mimetype") == nil && zip.entry(named: "content.xml") == nil
            default:
                isXLSX = false
            }
            if isXLSX {
                try XLSXAnnotatedCopy.write(source: source, annotations, to: path, limits: options.zipLimits)
            } else {
                try RebuiltAnnotatedCopy.write(read(source, options: options), annotations, to: path, dates: dates, dateTimes: dateTimes)
            }
        } catch {
            throw WorkbookError(error)
        }
    }
}
