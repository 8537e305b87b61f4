import Spreadsheet
import XMLStream

/// One pass over a worksheet part that keeps only its merged ranges
/// (`mergeCell`, written after the rows) and whether the rows ascend, so
/// that a sheet can then be streamed with its covered cells known.
final class SheetPreviewScan: XMLEventHandler {
    private(set) var mergedRanges: [CellRange] = []
    private(set) var rowsInOrder = true
    private var nextRow = 0
    private var main = NamespaceMatcher(Namespaces.spreadsheet)

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        guard main.matches(name.namespaceURI) else { return }
        if name.is("row") {
            // As WorksheetParser numbers rows: `r` when valid, else the next one.
            if let r = attributes.value("r"), let n = NumberText.parseInt(r), n >= 1, n <= CellReference.maxRows {
                if n - 1 < nextRow { rowsInOrder = false }
                nextRow = n
            } else {
                nextRow += 1
            }
        } else if name.is("mergeCell"), let ref = attributes.value("ref"),
                  let range = CellRange(String(decoding: ref, as: UTF8.self)) {
            mergedRanges.append(range)
        }
    }

    func endElement(_ name: XMLName) throws {}
    func characters(_ text: UnsafeRawBufferPointer) throws {}
}
