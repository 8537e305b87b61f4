#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Spreadsheet
import ODS
import XLSX
import Zip

extension WorkbookFile {
    /// Writes the annotated copy of the workbook at `source` to `path`: the
    /// department's own file with `annotations` added, in its own format
    /// (recognised by content, as `open` does), every part it need not
    /// change kept byte for byte. Throws `WorkbookError` with where and what.
    public static func writeAnnotatedCopy(of source: String, _ annotations: WorkbookAnnotations, to path: String,
                                          options: Options = Options()) throws {
        do {
            // Input files are never modified: the copy may not take the submission's place.
            var a = stat(), b = stat()
            if stat(source, &a) == 0, stat(path, &b) == 0, a.st_dev == b.st_dev, a.st_ino == b.st_ino {
                throw WorkbookError(location: "file", reason: "the annotated copy would replace the file it is made from")
            }
            let file = try MappedFile(path: source)
            switch FileSignature.detect(file.bytes.prefix(8)) {
            case .zip:
                let zip = try ZipArchive(file: file, limits: options.zipLimits)
                if zip.entry(named: "mimetype") != nil || zip.entry(named: "content.xml") != nil {
                    try ODSAnnotatedCopy.write(source: source, annotations, to: path)
                } else {
                    try XLSXAnnotatedCopy.write(source: source, annotations, to: path, limits: options.zipLimits)
                }
            case .xml:
                try ODSAnnotatedCopy.write(source: source, annotations, to: path)
            case .compoundFile:
                throw CompoundFile.describe(file.bytes)
            case .unknown:
                throw WorkbookError(location: "file", reason: "not a spreadsheet (neither XLSX nor ODS)")
            }
        } catch {
            throw WorkbookError(error)
        }
    }
}
