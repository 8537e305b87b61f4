import FuzzSupport
import ODS
import Spreadsheet
import Zip

/// The input as `content.xml` of a stored `.ods` package (the byte-scan table
/// listing and the SAX reader) and as a flat `.fods` document.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzODS(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: start, count: count)
    let package = FuzzInput.package([
        ("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8)),
        ("content.xml", Array(input)),
    ])
    do {
        let reader = try ODSReader(zip: ZipArchive(file: package, limits: FuzzInput.limits))
        reader.maxCellsPerSheet = 200_000
        readEverySheet(reader)
    } catch {}
    do {
        let reader = try ODSReader(flatDocument: MappedFile(copying: input))
        reader.maxCellsPerSheet = 200_000
        readEverySheet(reader)
    } catch {}
    return 0
}
