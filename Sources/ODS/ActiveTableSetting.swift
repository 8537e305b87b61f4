import XMLStream

/// The table LibreOffice opens a document on: the `ActiveTable` item of the
/// view settings (`settings.xml`, or the flat document's `office:settings`).
/// A feedback copy opens on its protocol; a document without the item is
/// left as it is, and opens on its first table, the protocol too.
final class ActiveTableSetting: XMLEventHandler {
    weak var scanner: XMLScanner?
    private var config = NamespaceMatcher("urn:oasis:names:tc:opendocument:xmlns:config:1.0")
    private var inItem = false
    /// Where the item's text lies: just after its start tag, up to its end tag.
    private(set) var text: Range<Int>?
    private let bytes: UnsafeRawBufferPointer

    private init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// `document` with the active table set to `table`; nil where it names none.
    static func pointing(_ document: [UInt8], at table: String, part: String) throws -> [UInt8]? {
        let found: Range<Int>? = try document.withUnsafeBytes { bytes in
            let handler = ActiveTableSetting(bytes: bytes)
            let scanner = XMLScanner(handler: handler, documentName: part)
            scanner.needsOffsets = true
            handler.scanner = scanner
            try withPart(part) {
                try scanner.feed(bytes)
                try scanner.finish()
            }
            return scanner.usesLibXML2 ? nil : handler.text
        }
        guard let found else { return nil }
        var buffer = XMLBuffer()
        buffer.text(table)
        return Array(document[..<found.lowerBound]) + buffer.bytes + Array(document[found.upperBound...])
    }

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        guard text == nil, config.matches(name.namespaceURI), name.is("config-item"),
              attributes.string("name", in: &config) == "ActiveTable",
              let at = scanner?.tagOffset, let gt = MarkupBytes.findTagEnd(bytes, from: at + 1),
              bytes[gt - 1] != UInt8(ascii: "/") else { return }
        inItem = true
        text = (gt + 1)..<(gt + 1)
    }

    func endElement(_ name: XMLName) throws {
        guard inItem, let start = text?.lowerBound, let at = scanner?.tagOffset else { return }
        inItem = false
        text = start..<at
    }

    func characters(_ text: UnsafeRawBufferPointer) throws {
        // An item holds text only; an element inside it is not one LibreOffice writes.
    }
}
