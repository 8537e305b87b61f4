import FuzzSupport
import Spreadsheet
import WorkbookIO
import XLSX
import Zip

/// The input's parts, split at `FuzzInput.partSeparator`, become a workbook
/// part, one worksheet, the shared strings and the styles of a stored
/// package: the XLSX reader and its XML layer see the mutated XML directly.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let parts = FuzzInput.parts(UnsafeRawBufferPointer(start: start, count: count), count: 4)
    let names = ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"]
    var entries: [(String, [UInt8])] = [("xl/_rels/workbook.xml.rels", relationships)]
    for (name, part) in zip(names, parts) { entries.append((name, part)) }
    let file = FuzzInput.package(entries)
    do {
        let reader = try XLSXReader(zip: ZipArchive(file: file, limits: FuzzInput.limits))
        reader.maxCellsPerSheet = 200_000
        readEverySheet(reader)
    } catch {}
    return 0
}

private let relationships = Array("""
<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
</Relationships>
""".utf8)
