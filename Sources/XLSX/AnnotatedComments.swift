import Spreadsheet
import XMLStream

/// The comments of one marked sheet: a new comments part and VML drawing,
/// or the department's own extended so that its comments survive
/// (ECMA-376 Part 1, 18.7 comments; Part 4, 19.1 VML). Ours are hidden
/// boxes that show on hovering: always shown, they covered the values
/// next to the cell on screen and on paper.
enum AnnotatedComments {
    static let author = "imon"

    /// A new comments part for `marks`.
    static func newComments(_ marks: [CellMark]) -> [UInt8] {
        CommentsPart.comments(marks.map { ($0.cell, $0.comment) }, author: author)
    }

    /// A new VML drawing with a hidden box per mark.
    static func newVML(_ marks: [CellMark], block: Int) -> [UInt8] {
        CommentsPart.vml(marks.map { ($0.cell, $0.comment) }, visible: false, block: block)
    }

    /// The department's comments part with ours added: appended to the
    /// comment a cell already has, or as a new comment. Returns the part and
    /// the cells that needed a new comment (and so a new box in the VML).
    static func extended(_ bytes: [UInt8], part: String, marks: [CellMark]) throws -> (bytes: [UInt8], newCells: [CellMark]) {
        let root = try PackageEdits.parse(bytes, part)
        guard root.localName == "comments" else { throw XLSXError.cannotAnnotate(part: part, reason: "the root is not <comments>") }
        let prefix = PackageEdits.prefix(at: root.startTag, in: bytes)
        func q(_ markup: String) -> String { PackageEdits.qualified(markup, prefix: prefix) }
        var splices = ByteSplices()
        let authors = root.child(named: "authors")
        let names = authors?.children(named: "author").map(\.text) ?? []
        let authorID: Int
        if let known = names.firstIndex(of: author) {
            authorID = known
        } else if let authors {
            authorID = names.count
            PackageEdits.append(q("<author>\(author)</author>"), to: authors, in: bytes, &splices)
        } else {
            authorID = 0
            splices.insert(q("<authors><author>\(author)</author></authors>"), at: root.startTag.upperBound)
        }
        var existing: [CellReference: LocatedElement] = [:]
        let list = root.child(named: "commentList")
        for comment in list?.children(named: "comment") ?? [] {
            if let ref = comment["ref"].flatMap({ CellReference(String($0.split(separator: ":")[0])) }) { existing[ref] = comment }
        }
        var added = XMLBuffer()
        var newCells: [CellMark] = []
        for mark in marks {
            if let comment = existing[mark.cell], let text = comment.child(named: "text") {
                // A run after the department's text: CT_Rst allows `t` then `r` (18.4.12); phonetic parts stay last.
                var run = XMLBuffer()
                run.raw("<r>")
                OOXMLText.appendT("\n\n" + mark.comment, to: &run)
                run.raw("</r>")
                let before = text.children.first { $0.localName == "rPh" || $0.localName == "phoneticPr" }
                let markup = q(String(decoding: run.bytes, as: UTF8.self))
                if let before {
                    splices.insert(markup, at: before.startTag.lowerBound)
                } else {
                    PackageEdits.append(markup, to: text, in: bytes, &splices)
                }
            } else {
                CommentsPart.comment(mark.cell, mark.comment, authorID: authorID, to: &added)
                newCells.append(mark)
            }
        }
        if !added.bytes.isEmpty {
            let markup = q(String(decoding: added.bytes, as: UTF8.self))
            if let list {
                PackageEdits.append(markup, to: list, in: bytes, &splices)
            } else {
                splices.insert(q("<commentList>") + markup + q("</commentList>"), at: root.endTag?.lowerBound ?? root.startTag.upperBound)
            }
        }
        return (try withPart(part) { try splices.applied(to: bytes) }, newCells)
    }

    /// The department's VML drawing with a hidden box per new comment, put
    /// before its closing `</xml>`. VML is not always well-formed XML (Excel
    /// writes `<br>` unclosed), so it is not parsed: only its end is found.
    static func extendedVML(_ bytes: [UInt8], part: String, marks: [CellMark]) throws -> [UInt8] {
        guard !marks.isEmpty else { return bytes }
        let close = Array("</xml>".utf8)
        guard let end = lastIndex(of: close, in: bytes) else {
            throw XLSXError.cannotAnnotate(part: part, reason: "the drawing does not end with </xml>")
        }
        var markup: [UInt8] = []
        if lastIndex(of: Array("\"_x0000_t202\"".utf8), in: bytes) == nil { markup += Array(CommentsPart.noteShapeType.utf8) }
        markup += CommentsPart.shapes(marks.map(\.cell), visible: false, firstID: highestShapeID(in: bytes) + 1)
        var splices = ByteSplices()
        splices.insert(markup, at: end)
        return try withPart(part) { try splices.applied(to: bytes) }
    }

    /// The highest `_x0000_sN` shape number in the drawing, so ours follow it.
    private static func highestShapeID(in bytes: [UInt8]) -> Int {
        let marker = Array("_x0000_s".utf8)
        var highest = 1024
        var i = 0
        while i + marker.count < bytes.count {
            if bytes[i] == marker[0], Array(bytes[i..<(i + marker.count)]) == marker {
                var j = i + marker.count, n = 0
                while j < bytes.count, j - i < marker.count + 9, bytes[j] >= 0x30, bytes[j] <= 0x39 {
                    n = n * 10 + Int(bytes[j] - 0x30)
                    j += 1
                }
                highest = max(highest, n)
                i = j
            } else {
                i += 1
            }
        }
        return highest
    }

    private static func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var i = bytes.count - needle.count
        while i >= 0 {
            if bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle { return i }
            i -= 1
        }
        return nil
    }
}
