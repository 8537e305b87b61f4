import Spreadsheet
import XMLStream

/// `xl/styles.xml` of a package being annotated. A marked cell gets a copy
/// of its own cell format with only the fill changed, so it keeps its number
/// format, font, borders and alignment; the new sheet's formats are appended
/// after the department's. Nothing already there is renumbered
/// (ECMA-376 Part 1, 18.8.10 `cellXfs`, 18.8.21 `fills`).
struct AnnotatedStyles {
    let part: String
    let bytes: [UInt8]
    let root: LocatedElement
    private let cellFormats: [LocatedElement]
    private var marked: [MarkedFormat: Int] = [:]
    private var markOrder: [MarkedFormat] = []
    private var colours: [RGBColor] = []

    struct MarkedFormat: Hashable {
        var base: Int
        var fill: RGBColor
    }

    /// The styles of a package that has none: the one format every cell then has.
    static let minimal = Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """.utf8)

    init(_ bytes: [UInt8], part: String) throws {
        self.part = part
        var bytes = bytes
        var root = try PackageEdits.parse(bytes, part)
        guard root.localName == "styleSheet" else { throw XLSXError.cannotAnnotate(part: part, reason: "the root is not <styleSheet>") }
        let lists = ["fonts", "fills", "borders", "cellXfs"]
        if lists.allSatisfy({ root.child(named: $0) == nil }) {
            // A styles part with no formats at all says what no styles part says: every cell is General.
            bytes = AnnotatedStyles.minimal
            root = try PackageEdits.parse(bytes, part)
        }
        for name in lists where root.child(named: name) == nil {
            throw XLSXError.cannotAnnotate(part: part, reason: "no <\(name)> in the styles part")
        }
        self.bytes = bytes
        self.root = root
        prefix = PackageEdits.prefix(at: root.startTag, in: bytes)
        cellFormats = root.child(named: "cellXfs")?.children(named: "xf") ?? []
    }

    /// The namespace prefix of the part's elements (`x:`), which ours take too.
    private let prefix: String

    private func qualified(_ markup: String) -> String { PackageEdits.qualified(markup, prefix: prefix) }

    var cellFormatCount: Int { cellFormats.count }
    private func count(_ list: String, _ item: String) -> Int { root.child(named: list)?.children(named: item).count ?? 0 }
    var fontCount: Int { count("fonts", "font") }
    var fillCount: Int { count("fills", "fill") }
    var borderCount: Int { count("borders", "border") }
    /// The first id free for a custom number format (ids below 164 are built in).
    var firstFreeFormatID: Int {
        let used = root.child(named: "numFmts")?.children(named: "numFmt").compactMap { $0["numFmtId"].flatMap { Int($0) } } ?? []
        return max(164, (used.max() ?? 0) + 1)
    }

    /// The `s` index of cell format `base` filled with `fill`.
    mutating func marked(base: Int, fill: RGBColor) -> Int {
        let base = base < cellFormats.count ? base : 0
        let key = MarkedFormat(base: base, fill: fill)
        if let known = marked[key] { return known }
        let id = cellFormats.count + markOrder.count
        marked[key] = id
        markOrder.append(key)
        if !colours.contains(fill) { colours.append(fill) }
        return id
    }

    /// How many formats the marks added: the new sheet's follow them.
    var markedCount: Int { markOrder.count }
    /// How many fills the marks added (one a colour).
    var markedFillCount: Int { colours.count }

    /// The part with the marks' fills and formats and the new sheet's
    /// `records` appended, every `count` brought up to date.
    func edited(adding records: StyleTable.Records) throws -> [UInt8] {
        var splices = ByteSplices()
        let fillBase = fillCount
        var fills = colours.map {
            "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\($0.hex)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }
        fills += records.fills
        var xfs = ""
        for key in markOrder {
            xfs += try copy(of: cellFormats[key.base], fillID: fillBase + (colours.firstIndex(of: key.fill) ?? 0))
        }
        xfs += qualified(String(decoding: records.xfs.bytes, as: UTF8.self))
        if !records.formats.isEmpty {
            if let formats = root.child(named: "numFmts") {
                add(qualified(records.formats.joined()), count: formats.children(named: "numFmt").count + records.formats.count,
                    to: formats, &splices)
            } else {
                splices.insert(qualified("<numFmts count=\"\(records.formats.count)\">\(records.formats.joined())</numFmts>"),
                               at: root.startTag.upperBound)
            }
        }
        add(qualified(records.fonts.joined()), count: fontCount + records.fonts.count, to: root.child(named: "fonts"), &splices)
        add(qualified(fills.joined()), count: fillCount + fills.count, to: root.child(named: "fills"), &splices)
        add(qualified(records.borders.joined()), count: borderCount + records.borders.count, to: root.child(named: "borders"), &splices)
        add(xfs, count: cellFormats.count + markOrder.count + records.xfCount, to: root.child(named: "cellXfs"), &splices)
        return try withPart(part) { try splices.applied(to: bytes) }
    }

    private func add(_ items: String, count: Int, to list: LocatedElement?, _ splices: inout ByteSplices) {
        guard let list, !items.isEmpty else { return }
        PackageEdits.append(items, to: list, in: bytes, &splices)
        if let range = list.valueRanges["count"] {
            splices.replace(range, with: String(count))
        } else {
            let tag = list.startTag
            let end = bytes[tag.upperBound - 2] == UInt8(ascii: "/") ? tag.upperBound - 2 : tag.upperBound - 1
            splices.insert(" count=\"\(count)\"", at: end)
        }
    }

    /// The department's `xf` with another fill, its other attributes and
    /// children (alignment, protection) as they were.
    private func copy(of xf: LocatedElement, fillID: Int) throws -> String {
        var edits = ByteSplices()
        let start = xf.range.lowerBound
        let tag = xf.startTag
        let tagEnd = bytes[tag.upperBound - 2] == UInt8(ascii: "/") ? tag.upperBound - 2 : tag.upperBound - 1
        for (key, value) in [("fillId", String(fillID)), ("applyFill", "1")] {
            if let range = xf.valueRanges[key] {
                edits.replace((range.lowerBound - start)..<(range.upperBound - start), with: value)
            } else {
                edits.insert(" \(key)=\"\(value)\"", at: tagEnd - start)
            }
        }
        let element = Array(bytes[xf.range])
        return String(decoding: try withPart(part) { try edits.applied(to: element) }, as: UTF8.self)
    }
}
