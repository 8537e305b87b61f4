import FuzzSupport
import Spreadsheet
import XLSX
import XMLStream
import Zip

/// The input's parts, split at `FuzzInput.partSeparator`, become a workbook
/// part, one worksheet, the shared strings and the styles of a stored
/// package: the XLSX reader and its XML layer see the mutated XML directly.
///
/// The sheets are read twice: through the scanner's events alone, and with
/// the rows read straight from their bytes (`readsRowMarkup`) in runs on
/// other threads. Both must read the same rows and fail with the same error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: start, count: count)
    let parts = FuzzInput.parts(input, count: 4)
    let names = ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"]
    var entries: [(String, [UInt8])] = [("xl/_rels/workbook.xml.rels", relationships)]
    for (name, part) in zip(names, parts) { entries.append((name, part)) }
    let file = FuzzInput.package(entries)
    let runSize = count == 0 ? 64 : Int(input[count - 1]) * 8 + 1
    let throughEvents = read(file, rowMarkup: false, runs: .never)
    let fromBytes = read(file, rowMarkup: true, runs: .always(runSize: runSize))
    if throughEvents != fromBytes {
        fatalError("""
            rows read from their bytes differ from the scanner's events (runs of \(runSize) bytes):
            events: \(throughEvents.suffix(400))
            bytes:  \(fromBytes.suffix(400))
            """)
    }
    return 0
}

/// Every row of every sheet as text, and the error that ended the read.
private func read(_ file: MappedFile, rowMarkup: Bool, runs: RowRuns) -> String {
    final class Log { var text = "" }
    struct Recorder: SheetVisitor {
        let log: Log
        mutating func visit(_ row: Row) throws {
            log.text += "\(row.index): \(row.cells.map { "\($0.column)=\($0.value)" }) \(row.uncachedFormulaColumns)\n"
        }
        mutating func finish(_ summary: SheetSummary) throws {
            log.text += "\(summary.mergedRanges) \(String(describing: summary.declaredDimension))\n"
        }
    }
    let log = Log()
    do {
        let reader = try XLSXReader(zip: ZipArchive(file: file, limits: FuzzInput.limits))
        reader.maxCellsPerSheet = 200_000
        reader.readsRowMarkup = rowMarkup
        reader.rowRuns = runs
        for index in reader.sheets.indices {
            var recorder = Recorder(log: log)
            try reader.readSheet(at: index, into: &recorder)
        }
    } catch {
        log.text += "error: \(error)"
    }
    return log.text
}

private let relationships = Array("""
<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
</Relationships>
""".utf8)
