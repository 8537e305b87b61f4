import XMLStream

/// Splices into the small parts an annotated copy must change (content
/// types, relationships): additions only, every existing byte kept
/// (ECMA-376 Part 2, 10.1.2 content types, 9.3 relationships).
enum PackageEdits {
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let worksheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    static let commentsType = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
    static let stylesType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
    static let vmlType = "application/vnd.openxmlformats-officedocument.vmlDrawing"

    /// `[Content_Types].xml` with an override per new part and a default for
    /// `.vml` when the package has none.
    static func contentTypes(_ bytes: [UInt8], overrides: [(part: String, type: String)], needsVML: Bool,
                             part: String) throws -> [UInt8] {
        let root = try parse(bytes, part)
        guard root.localName == "Types" else { throw XLSXError.cannotAnnotate(part: part, reason: "the root is not <Types>") }
        var add = ""
        let hasVML = root.children(named: "Default").contains { $0["Extension"]?.lowercased() == "vml" }
        if needsVML && !hasVML {
            add += "<Default Extension=\"vml\" ContentType=\"\(vmlType)\"/>"
        }
        for (name, type) in overrides {
            add += "<Override PartName=\"/\(escaped(name))\" ContentType=\"\(type)\"/>"
        }
        return try appending(add, to: root, in: bytes, part: part)
    }

    /// A relationships part with `added` appended (or a new part when `bytes` is nil).
    static func relationships(_ bytes: [UInt8]?, adding added: [(id: String, type: String, target: String)],
                              part: String) throws -> [UInt8] {
        var add = ""
        for r in added {
            add += "<Relationship Id=\"\(escaped(r.id))\" Type=\"\(officeRelationships)/\(r.type)\" Target=\"\(escaped(r.target))\"/>"
        }
        guard let bytes else {
            return Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                          + "<Relationships xmlns=\"\(relationshipsNamespace)\">" + add + "</Relationships>").utf8)
        }
        let root = try parse(bytes, part)
        guard root.localName == "Relationships" else {
            throw XLSXError.cannotAnnotate(part: part, reason: "the root is not <Relationships>")
        }
        return try appending(add, to: root, in: bytes, part: part)
    }

    /// Ids not yet used in a relationships part, `rIdImon1`, `rIdImon2`, …
    static func freshIDs(_ count: Int, avoiding used: Set<String>) -> [String] {
        var ids: [String] = []
        var n = 1
        while ids.count < count {
            let id = "rIdImon\(n)"
            if !used.contains(id) { ids.append(id) }
            n += 1
        }
        return ids
    }

    /// `add` put at the end of `element`'s content; an element that closes
    /// itself is opened and closed around it.
    static func appending(_ add: String, to element: LocatedElement, in bytes: [UInt8], part: String) throws -> [UInt8] {
        var splices = ByteSplices()
        append(add, to: element, in: bytes, &splices)
        return try withPart(part) { try splices.applied(to: bytes) }
    }

    static func append(_ add: String, to element: LocatedElement, in bytes: [UInt8], _ splices: inout ByteSplices) {
        guard !add.isEmpty else { return }
        if let end = element.contentEnd {
            splices.insert(add, at: end)
        } else {
            let name = qualifiedName(of: element, in: bytes)
            let tag = element.startTag
            // `<x .../>` becomes `<x ...>add</x>`: the `/>` is the tag's last two bytes.
            splices.replace((tag.upperBound - 2)..<tag.upperBound, with: ">" + add + "</" + name + ">")
        }
    }

    /// The element's name as written in its start tag, prefix included.
    static func qualifiedName(of element: LocatedElement, in bytes: [UInt8]) -> String {
        qualifiedName(at: element.startTag, in: bytes)
    }

    static func qualifiedName(at tag: Range<Int>, in bytes: [UInt8]) -> String {
        var end = tag.lowerBound + 1
        while end < tag.upperBound, !isNameStop(bytes[end]) { end += 1 }
        return String(decoding: bytes[(tag.lowerBound + 1)..<end], as: UTF8.self)
    }

    /// The prefix with its colon (`x:`) of the element's name, or "".
    static func prefix(at tag: Range<Int>, in bytes: [UInt8]) -> String {
        let name = qualifiedName(at: tag, in: bytes)
        guard let colon = name.firstIndex(of: ":") else { return "" }
        return String(name[...colon])
    }

    /// Our markup with `prefix` (`x:`) on every element name, for a part
    /// whose elements carry one. Only for markup we write, which holds no
    /// `<` but in tags (text and values are escaped).
    static func qualified(_ markup: String, prefix: String) -> String {
        guard !prefix.isEmpty else { return markup }
        var out: [UInt8] = []
        for b in markup.utf8 {
            if out.last == UInt8(ascii: "<") && b != UInt8(ascii: "/") || out.suffix(2) == [UInt8(ascii: "<"), UInt8(ascii: "/")] {
                out += prefix.utf8
            }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isNameStop(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: ">") || b == UInt8(ascii: "/")
    }

    static func parse(_ bytes: [UInt8], _ part: String) throws -> LocatedElement {
        try withPart(part) { try LocatedElement.parse(bytes, documentName: part) }
    }

    static func escaped(_ text: String) -> String {
        var out = XMLBuffer(capacity: text.utf8.count + 8)
        out.attribute(text)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// The target of a relationship from a part in `fromFolder` to `part`,
    /// relative as Excel writes it (`../comments3.xml`).
    static func relativeTarget(from fromFolder: String, to part: String) -> String {
        let from = fromFolder.split(separator: "/")
        let to = part.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        return (up + to[common...].map(String.init)).joined(separator: "/")
    }

    static func folder(of part: String) -> String {
        part.split(separator: "/").dropLast().joined(separator: "/")
    }

    /// The relationships part of `part` (`xl/worksheets/_rels/sheet1.xml.rels`).
    static func relationshipsPart(of part: String) -> String {
        let folder = folder(of: part)
        let file = part.split(separator: "/").last.map(String.init) ?? part
        return (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
    }
}
