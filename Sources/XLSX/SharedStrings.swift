import XMLStream
import Zip

/// The shared string table (ECMA-376 Part 1, 18.4.9 `sst`), streamed from
/// its part: each string is decoded once and cells refer to it by index.
final class SharedStrings: XMLEventHandler {
    private(set) var strings: [String] = []
    private var item = RichText()
    private var inItem = false
    private var main = NamespaceMatcher(Namespaces.spreadsheet)

    static func read(_ entry: ZipEntry, in zip: ZipArchive, limits: XMLLimits) throws -> [String] {
        let table = SharedStrings()
        try withPart(entry.name) {
            let parser = XMLScanner(handler: table, documentName: entry.name, limits: limits)
            try zip.readAhead(entry) { try parser.feed($0) }
            try parser.finish()
        }
        return table.strings
    }

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        if inItem {
            item.start(name, attributes)
        } else if name.is("si") && main.matches(name.namespaceURI) {
            inItem = true
            item.reset()
        } else if name.is("sst"), let count = attributes.value("uniqueCount").flatMap({ Int(String(decoding: $0, as: UTF8.self)) }) {
            strings.reserveCapacity(min(count, 1 << 20))
        }
    }

    func endElement(_ name: XMLName) throws {
        guard inItem else { return }
        if name.is("si") && main.matches(name.namespaceURI) {
            strings.append(item.string())
            inItem = false
        } else {
            item.end(name)
        }
    }

    func characters(_ text: UnsafeRawBufferPointer) throws {
        if inItem { item.characters(text) }
    }
}
