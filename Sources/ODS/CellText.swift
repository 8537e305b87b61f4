import Spreadsheet
import XMLStream

/// Collects the text of a cell as LibreOffice shows it (ODF 1.2 Part 1,
/// 6.1): paragraphs `text:p`/`text:h` joined by newlines; `text:s` spaces,
/// `text:tab`, `text:line-break`; spans and links included; annotations,
/// notes, bookmark references, lists and drawn shapes left out.
struct CellText {
    private(set) var bytes: [UInt8] = []
    private var paragraphs = 0
    private var paragraphDepth = 0
    private var excludedDepth = 0
    private var text = NamespaceMatcher(Namespaces.text)
    private var office = NamespaceMatcher(Namespaces.office)

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        paragraphs = 0
        paragraphDepth = 0
        excludedDepth = 0
    }

    var isEmpty: Bool { bytes.isEmpty }

    mutating func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if excludedDepth > 0 {
            excludedDepth += 1
            return
        }
        let inText = text.matches(name.namespaceURI)
        if inText && (name.is("p") || name.is("h")) {
            if paragraphDepth == 0 {
                if paragraphs > 0 { bytes.append(0x0A) }
                paragraphs += 1
            }
            paragraphDepth += 1
        } else if inText && paragraphDepth > 0 && name.is("s") {
            var count = 1
            if let c = attributes.value("c", in: &text), let n = NumberText.parseInt(c) { count = max(1, min(n, 32_767)) }
            bytes.append(contentsOf: repeatElement(0x20, count: count))
        } else if inText && paragraphDepth > 0 && name.is("tab") {
            bytes.append(0x09)
        } else if inText && paragraphDepth > 0 && name.is("line-break") {
            bytes.append(0x0A)
        } else if inText && (name.is("note") || name.is("bookmark-ref") || name.is("list")) {
            excludedDepth = 1
        } else if office.matches(name.namespaceURI) && name.is("annotation") {
            excludedDepth = 1
        } else if !inText && paragraphDepth == 0 && !office.matches(name.namespaceURI) {
            // Shapes and frames anchored in the cell (draw:frame …) are not its text.
            excludedDepth = 1
        }
    }

    mutating func end(_ name: XMLName) {
        if excludedDepth > 0 {
            excludedDepth -= 1
            return
        }
        if paragraphDepth > 0 && text.matches(name.namespaceURI) && (name.is("p") || name.is("h")) {
            paragraphDepth -= 1
        }
    }

    mutating func characters(_ chunk: UnsafeRawBufferPointer) {
        if paragraphDepth > 0 && excludedDepth == 0 { bytes.append(contentsOf: chunk) }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
