import FuzzSupport
import Spreadsheet
import WorkbookIO
import Zip

/// The input as CSV, as TSV and as a canonical JSON dump.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let file = MappedFile(copying: UnsafeRawBufferPointer(start: start, count: count))
    readEverySheet(CSVReader(file: file, sheetName: "Sheet1"))
    readEverySheet(CSVReader(file: file, sheetName: "Sheet1", separator: 0x09, infer: false))
    if let reader = try? CanonicalJSONReader(file: file) { readEverySheet(reader) }
    return 0
}
