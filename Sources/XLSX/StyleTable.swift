import Spreadsheet
import XMLStream

/// The cell formats of a workbook being written, interned: each distinct
/// `CellStyle` becomes one `cellXfs` entry, sharing fonts, fills, borders
/// and number formats (ECMA-376 Part 1, 18.8).
struct StyleTable {
    private(set) var styles: [CellStyle] = [CellStyle.plain]
    private var index: [CellStyle: Int] = [CellStyle.plain: 0]
    private var lastStyle = CellStyle.plain
    private var lastIndex = 0
    /// Differential formats for conditional formatting (fill and font colour).
    private(set) var differential: [(fill: RGBColor, font: RGBColor?)] = []

    /// Added to every `s` index but the plain style's (0), when these styles
    /// are appended after a department's own `cellXfs`.
    var idOffset = 0

    /// The `s` index for a style.
    mutating func id(for style: CellStyle) -> Int {
        let id = localID(for: style)
        return id == 0 ? 0 : id + idOffset
    }

    private mutating func localID(for style: CellStyle) -> Int {
        if style == lastStyle { return lastIndex }
        let id: Int
        if let known = index[style] {
            id = known
        } else {
            id = styles.count
            styles.append(style)
            index[style] = id
        }
        lastStyle = style
        lastIndex = id
        return id
    }

    mutating func differentialFormat(fill: RGBColor, font: RGBColor?) -> Int {
        differential.append((fill, font))
        return differential.count - 1
    }

    /// The fonts, fills, borders, number formats and `xf` elements of the
    /// styles from `firstStyle` on, numbered from the given bases: 0 for a
    /// whole styles part, the counts of a department's styles part when
    /// ours are appended to it (`XLSXAnnotatedCopy`).
    struct Records {
        var fonts: [String] = []
        /// In a whole part, the two fills the format reserves come first (ECMA-376 Part 1, 18.8.21).
        var fills: [String] = []
        var borders: [String] = []
        var formats: [String] = []
        var xfs = XMLBuffer()
        var xfCount = 0
    }

    func records(firstStyle: Int = 0, fontBase: Int = 0, fillBase: Int = 0, borderBase: Int = 0,
                 firstFormatID: Int = 164) -> Records {
        var r = Records()
        if firstStyle == 0 {
            r.fills = ["<fill><patternFill patternType=\"none\"/></fill>", "<fill><patternFill patternType=\"gray125\"/></fill>"]
        }
        var fontIndex: [String: Int] = [:], fillIndex: [String: Int] = [:], borderIndex: [String: Int] = [:]
        var formatIDs: [String: Int] = [:]
        func intern(_ item: String, _ list: inout [String], _ map: inout [String: Int]) -> Int {
            if let i = map[item] { return i }
            list.append(item)
            map[item] = list.count - 1
            return list.count - 1
        }
        for style in styles[firstStyle...] {
            var font = "<font>"
            if style.bold { font += "<b/>" }
            if style.italic { font += "<i/>" }
            font += "<sz val=\"\(NumberText.shortest(style.fontSize ?? 11))\"/>"
            if let color = style.fontColor { font += "<color rgb=\"FF\(color.hex)\"/>" }
            font += "<name val=\"Calibri\"/><family val=\"2\"/></font>"
            let fontID = fontBase + intern(font, &r.fonts, &fontIndex)
            let fillID = style.fill.map {
                fillBase + intern("<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\($0.hex)\"/><bgColor indexed=\"64\"/></patternFill></fill>",
                                  &r.fills, &fillIndex)
            } ?? 0
            let edge = style.border == .none ? "" : " style=\"\(style.border.rawValue)\""
            let edgeBody = style.border == .none ? "/>" : "><color auto=\"1\"/></"
            let border = ["left", "right", "top", "bottom"].map {
                style.border == .none ? "<\($0)/>" : "<\($0)\(edge)\(edgeBody)\($0)>"
            }.joined()
            let borderID = borderBase + intern("<border>\(border)<diagonal/></border>", &r.borders, &borderIndex)
            let formatID: Int
            switch style.numberFormat {
            case .general: formatID = 0
            case .number(0, false): formatID = 1
            case .number(2, false): formatID = 2
            case .number(0, true): formatID = 3
            case .number(2, true): formatID = 4
            case .percent(0): formatID = 9
            case .percent(2): formatID = 10
            case .text: formatID = 49
            default:
                let code = style.numberFormat.excelCode
                if let id = formatIDs[code] {
                    formatID = id
                } else {
                    formatID = firstFormatID + r.formats.count
                    formatIDs[code] = formatID
                    var b = XMLBuffer(capacity: 64)
                    b.raw("<numFmt numFmtId=\""); b.int(formatID); b.raw("\" formatCode=\""); b.attribute(code); b.raw("\"/>")
                    r.formats.append(String(decoding: b.bytes, as: UTF8.self))
                }
            }
            r.xfCount += 1
            r.xfs.raw("<xf numFmtId=\""); r.xfs.int(formatID)
            r.xfs.raw("\" fontId=\""); r.xfs.int(fontID)
            r.xfs.raw("\" fillId=\""); r.xfs.int(fillID)
            r.xfs.raw("\" borderId=\""); r.xfs.int(borderID)
            r.xfs.raw("\" xfId=\"0\"")
            if formatID != 0 { r.xfs.raw(" applyNumberFormat=\"1\"") }
            if fontID != 0 { r.xfs.raw(" applyFont=\"1\"") }
            if fillID != 0 { r.xfs.raw(" applyFill=\"1\"") }
            if borderID != 0 { r.xfs.raw(" applyBorder=\"1\"") }
            let aligned = style.horizontal != .general || style.vertical != .bottom || style.wrapText
            if aligned { r.xfs.raw(" applyAlignment=\"1\"") }
            if !style.locked { r.xfs.raw(" applyProtection=\"1\"") }
            if aligned || !style.locked {
                r.xfs.raw(">")
                if aligned {
                    r.xfs.raw("<alignment")
                    if style.horizontal != .general { r.xfs.raw(" horizontal=\""); r.xfs.raw(style.horizontal.rawValue); r.xfs.raw("\"") }
                    if style.vertical != .bottom { r.xfs.raw(" vertical=\""); r.xfs.raw(style.vertical.rawValue); r.xfs.raw("\"") }
                    if style.wrapText { r.xfs.raw(" wrapText=\"1\"") }
                    r.xfs.raw("/>")
                }
                if !style.locked { r.xfs.raw("<protection locked=\"0\"/>") }
                r.xfs.raw("</xf>")
            } else {
                r.xfs.raw("/>")
            }
        }
        return r
    }

    /// The whole styles part.
    func xml() -> [UInt8] {
        let r = records()
        let (fonts, fills, borders, formats, xfs) = (r.fonts, r.fills, r.borders, r.formats, r.xfs)
        var out = XMLBuffer()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        out.raw("<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
        if !formats.isEmpty {
            out.raw("<numFmts count=\"\(formats.count)\">"); out.raw(formats.joined()); out.raw("</numFmts>")
        }
        out.raw("<fonts count=\"\(fonts.count)\">\(fonts.joined())</fonts>")
        out.raw("<fills count=\"\(fills.count)\">\(fills.joined())</fills>")
        out.raw("<borders count=\"\(borders.count)\">\(borders.joined())</borders>")
        out.raw("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>")
        out.raw("<cellXfs count=\"\(styles.count)\">"); out.raw(bytes: xfs.bytes); out.raw("</cellXfs>")
        out.raw("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>")
        out.raw("<dxfs count=\"\(differential.count)\">")
        for dxf in differential {
            out.raw("<dxf>")
            if let font = dxf.font { out.raw("<font><color rgb=\"FF\(font.hex)\"/></font>") }
            out.raw("<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\(dxf.fill.hex)\"/><bgColor rgb=\"FF\(dxf.fill.hex)\"/></patternFill></fill></dxf>")
        }
        out.raw("</dxfs></styleSheet>")
        return out.bytes
    }
}
