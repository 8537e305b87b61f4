import FuzzSupport
import Monitoring
import Spreadsheet
import WorkbookIO
import Zip

/// The input as a canonical JSON dump of a workbook (what `imon cat --format
/// json` prints for a submission or a catalogue), read as a submission and
/// validated, and read as a catalogue workbook.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSubmission(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let file = MappedFile(copying: UnsafeRawBufferPointer(start: start, count: count))
    guard let reader = try? CanonicalJSONReader(file: file),
          let workbook = try? Workbook(reading: reader) else { return 0 }
    _ = validator.validate(workbook, file: "fuzz.xlsx")
    _ = CatalogueWorkbook.read(workbook)
    return 0
}

private let validator = Validator(catalogue: DefaultCatalogue.magdeburg)
