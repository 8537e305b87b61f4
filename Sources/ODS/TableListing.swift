import Spreadsheet
import XMLStream

/// Lists the tables of a spreadsheet body by scanning its bytes for start
/// tags, without an XML parser: the names and visibility a reader needs
/// before it streams the tables themselves. Cheaper than a full SAX pass:
/// `imon inspect` on the benchmark's wide.ods went from 2.69 s to 1.95 s.
///
/// Prefixes are taken from the document's namespace declarations, so the
/// table namespace need not be bound to `table:`. Whatever the scanner cannot be sure of (no
/// declaration found, no spreadsheet body) makes it give up, and the reader
/// falls back to its SAX listing.
struct TableListing {
    private(set) var tables: [SheetInfo] = []
    private(set) var sawSpreadsheet = false
    private var tablePrefix: [UInt8]?
    private var stylePrefix: [UInt8]?
    private var officePrefix: [UInt8]?
    private var hiddenStyles: Set<String> = []
    private var currentStyle: (name: String, isTable: Bool)?
    private var depth = 0
    private var carry: [UInt8] = []
    private(set) var failed = false

    /// Feeds the next bytes of the document.
    mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        guard !failed else { return }
        carry.append(contentsOf: chunk)
        var consumed = 0
        carry.withUnsafeBytes { bytes in consumed = scan(bytes) }
        carry.removeFirst(consumed)
        if carry.count > 1 << 20 { failed = true } // a single tag of a megabyte: not a document we know
    }

    /// The result, or nil when the reader should list the tables itself.
    var result: [SheetInfo]? { failed || !sawSpreadsheet || tablePrefix == nil ? nil : tables }

    /// Scans complete tags; returns how many bytes were fully used.
    private mutating func scan(_ b: UnsafeRawBufferPointer) -> Int {
        var i = 0
        let n = b.count
        while i < n {
            guard let lt = MarkupBytes.find(b, UInt8(ascii: "<"), from: i) else { return n }
            i = lt
            if i + 1 >= n { return i }
            let next = b[i + 1]
            if next == UInt8(ascii: "!") {
                // Comment or CDATA: skip to its end.
                let isComment = i + 3 < n && b[i + 2] == UInt8(ascii: "-")
                let end = MarkupBytes.findTerminator(b, isComment ? (0x2D, 0x2D, 0x3E) : (0x5D, 0x5D, 0x3E), from: isComment ? i + 4 : i + 2)
                guard let end else { return i }
                i = end + 3
                continue
            }
            if next == UInt8(ascii: "?") {
                guard let gt = MarkupBytes.findTagEnd(b, from: i + 1) else { return i }
                i = gt + 1
                continue
            }
            guard let t = tablePrefix, let s = stylePrefix, let o = officePrefix else {
                // The root element: read it whole for its namespace declarations.
                guard let gt = MarkupBytes.findTagEnd(b, from: i + 1) else { return i }
                if next != UInt8(ascii: "/") { startTag(b, from: i + 1, to: gt) }
                i = gt + 1
                continue
            }
            // Only a few tags matter; the others are passed by their name
            // alone (a raw `<` cannot stand inside a tag or text), so the
            // next `<` is searched from just after this one.
            if i + 2 + max(t.count + 6, s.count + 17, o.count + 12) >= n { return i }
            if next == UInt8(ascii: "/") {
                if MarkupBytes.wholeNameIs(b, i + 2, t, "table") { depth -= 1 }
                i += 2
                continue
            }
            let interesting = MarkupBytes.wholeNameIs(b, i + 1, t, "table")
                || MarkupBytes.wholeNameIs(b, i + 1, s, "style")
                || MarkupBytes.wholeNameIs(b, i + 1, s, "table-properties")
                || MarkupBytes.wholeNameIs(b, i + 1, o, "spreadsheet")
            guard interesting else {
                i += 1
                continue
            }
            guard let gt = MarkupBytes.findTagEnd(b, from: i + 1) else { return i }
            startTag(b, from: i + 1, to: gt)
            i = gt + 1
        }
        return n
    }

    private mutating func startTag(_ b: UnsafeRawBufferPointer, from start: Int, to end: Int) {
        let selfClosing = b[end - 1] == UInt8(ascii: "/")
        if tablePrefix == nil {
            // The root element: learn the prefixes from its declarations.
            let attrs = attributes(b, start, end)
            for (name, value) in attrs where name.starts(with: Array("xmlns:".utf8)) {
                let prefix = Array(name.dropFirst(6)) + [UInt8(ascii: ":")]
                switch String(decoding: value, as: UTF8.self) {
                case "urn:oasis:names:tc:opendocument:xmlns:table:1.0": tablePrefix = prefix
                case "urn:oasis:names:tc:opendocument:xmlns:style:1.0": stylePrefix = prefix
                case "urn:oasis:names:tc:opendocument:xmlns:office:1.0": officePrefix = prefix
                default: break
                }
            }
            if tablePrefix == nil || stylePrefix == nil || officePrefix == nil { failed = true }
            return
        }
        guard let t = tablePrefix, let s = stylePrefix, let o = officePrefix else { return }
        if MarkupBytes.wholeNameIs(b, start, t, "table") {
            if depth == 0 {
                let attrs = attributes(b, start, end)
                let name = value(attrs, t, "name") ?? ""
                let style = value(attrs, t, "style-name")
                tables.append(SheetInfo(name: name, visibility: style.map { hiddenStyles.contains($0) } == true ? .hidden : .visible))
            }
            if !selfClosing { depth += 1 }
        } else if MarkupBytes.wholeNameIs(b, start, s, "style") {
            let attrs = attributes(b, start, end)
            currentStyle = value(attrs, s, "name").map { ($0, value(attrs, s, "family") == "table") }
        } else if MarkupBytes.wholeNameIs(b, start, s, "table-properties") {
            if let style = currentStyle, style.isTable, value(attributes(b, start, end), t, "display") == "false" {
                hiddenStyles.insert(style.name)
            }
        } else if MarkupBytes.wholeNameIs(b, start, o, "spreadsheet") {
            sawSpreadsheet = true
        }
    }

    // MARK: Bytes

    /// `name="value"` pairs of a tag, values with entity and character references decoded.
    private func attributes(_ b: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> [([UInt8], [UInt8])] {
        StartTagAttributes.ranges(b, start, end).map { (Array(b[$0.name]), TableListing.decode(Array(b[$0.value]))) }
    }

    private func value(_ attrs: [([UInt8], [UInt8])], _ prefix: [UInt8], _ local: String) -> String? {
        let name = prefix + Array(local.utf8)
        return attrs.first { $0.0 == name }.map { String(decoding: $0.1, as: UTF8.self) }
    }

    static func decode(_ v: [UInt8]) -> [UInt8] {
        guard v.contains(UInt8(ascii: "&")) else { return v }
        var out: [UInt8] = []
        var i = 0
        while i < v.count {
            if v[i] == UInt8(ascii: "&"), let semi = v[i...].firstIndex(of: UInt8(ascii: ";")), semi - i < 12 {
                let entity = String(decoding: v[(i + 1)..<semi], as: UTF8.self)
                var scalar: Unicode.Scalar?
                switch entity {
                case "amp": scalar = "&"
                case "lt": scalar = "<"
                case "gt": scalar = ">"
                case "quot": scalar = "\""
                case "apos": scalar = "'"
                default:
                    if entity.hasPrefix("#x") { scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                    else if entity.hasPrefix("#") { scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init) }
                }
                if let scalar {
                    out.append(contentsOf: String(Character(scalar)).utf8)
                    i = semi + 1
                    continue
                }
            }
            out.append(v[i])
            i += 1
        }
        return out
    }
}
