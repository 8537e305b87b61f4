import XMLStream
import Zip

/// The shared string table (ECMA-376 Part 1, 18.4.9 `sst`), streamed from
/// its part: each string is decoded once, handed on in order, and cells
/// refer to it by index (`SharedStringStore`).
final class SharedStrings: XMLEventHandler {
    private let deliver: (String) throws -> Void
    private var item = RichText()
    private var inItem = false
    private var main = NamespaceMatcher(Namespaces.spreadsheet)

    private init(deliver: @escaping (String) throws -> Void) {
        self.deliver = deliver
    }

    /// Reads the part `entry`, giving each string to `deliver` in order.
    static func read(_ entry: ZipEntry, in zip: ZipArchive, limits: XMLLimits,
                     deliver: @escaping (String) throws -> Void) throws {
        let table = SharedStrings(deliver: deliver)
        try withPart(entry.name) {
            let parser = XMLScanner(handler: table, documentName: entry.name, limits: limits)
            try zip.readAhead(entry) { try parser.feed($0) }
            try parser.finish()
        }
    }

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        if inItem {
            item.start(name, attributes)
        } else if name.is("si") && main.matches(name.namespaceURI) {
            inItem = true
            item.reset()
        }
    }

    func endElement(_ name: XMLName) throws {
        guard inItem else { return }
        if name.is("si") && main.matches(name.namespaceURI) {
            try deliver(item.string())
            inItem = false
        } else {
            item.end(name)
        }
    }

    func characters(_ text: UnsafeRawBufferPointer) throws {
        if inItem { item.characters(text) }
    }
}
