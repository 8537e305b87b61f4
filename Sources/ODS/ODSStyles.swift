import Spreadsheet
import XMLStream

/// The automatic styles of a spreadsheet being written (ODF 1.2 Part 1,
/// 16): one cell style per distinct `CellStyle` with its data style, column
/// styles per width, row styles per height, table styles per visibility and
/// tab colour. They are written into `content.xml` ahead of the tables once
/// every table is known.
struct ODSStyles {
    private struct Key: Hashable {
        var style: CellStyle
        var boolean: Bool
    }

    /// Put before every style name, so that styles added to a document
    /// written elsewhere cannot take the name of one of its own.
    var namePrefix = ""
    private var cellStyles: [Key: String] = [:]
    private var cellOrder: [Key] = []
    private var lastKey: Key?
    private var lastName = ""
    private var dataStyles: [NumberFormatStyle: String] = [:]
    private var dataOrder: [NumberFormatStyle] = []
    private(set) var usesBoolean = false
    /// Whether a shape is hatched, so the document's common styles define the hatch.
    private(set) var usesHatch = false
    private var columns: [Double: String] = [:]
    /// Row styles by height (nil: optimal) and whether a page starts there.
    private var rows: [RowKey: String] = [:]
    struct RowKey: Hashable {
        var height: Double?
        var pageBreak: Bool
    }
    private var tables: [String: String] = [:]
    /// Graphic styles of drawn shapes, by fill, stroke and label size.
    private var graphics: [GraphicKey: String] = [:]
    struct GraphicKey: Hashable {
        var fill: String
        var stroke: String?
        var fontSize: Double?
    }
    private var tableOrder: [(String, SheetVisibility, RGBColor?, Bool)] = []
    /// Conditional formats' styles: common styles in styles.xml, since
    /// LibreOffice applies conditional formats by style name.
    private(set) var conditionStyles: [(name: String, fill: RGBColor, font: RGBColor?)] = []

    /// The name of the cell style for `style`; booleans need a boolean data style.
    mutating func cellStyle(_ style: CellStyle, boolean: Bool = false) -> String {
        let key = Key(style: style, boolean: boolean)
        if key == lastKey { return lastName }
        let name: String
        if let known = cellStyles[key] {
            name = known
        } else {
            name = "\(namePrefix)ce\(cellOrder.count + 1)"
            cellStyles[key] = name
            cellOrder.append(key)
            if boolean {
                usesBoolean = true
            } else if style.numberFormat != .general, dataStyles[style.numberFormat] == nil {
                dataStyles[style.numberFormat] = "\(namePrefix)N\(dataOrder.count + 1)"
                dataOrder.append(style.numberFormat)
            }
        }
        lastKey = key
        lastName = name
        return name
    }

    mutating func columnStyle(width: Double) -> String {
        if let name = columns[width] { return name }
        let name = "\(namePrefix)co\(columns.count + 1)"
        columns[width] = name
        return name
    }

    mutating func graphicStyle(fill: VectorShape.Fill, stroke: RGBColor?, fontSize: Double?) -> String {
        let fillText: String
        switch fill {
        case .solid(let c): fillText = "draw:fill=\"solid\" draw:fill-color=\"#\(c.hex.lowercased())\""
        case .hatched:
            usesHatch = true
            fillText = "draw:fill=\"hatch\" draw:fill-hatch-name=\"\(ODSDrawing.hatchName)\" draw:fill-hatch-solid=\"true\" draw:fill-color=\"#ffffff\""
        case .none: fillText = "draw:fill=\"none\""
        }
        let key = GraphicKey(fill: fillText, stroke: stroke.map { "#" + $0.hex.lowercased() }, fontSize: fontSize)
        if let name = graphics[key] { return name }
        let name = "\(namePrefix)gr\(graphics.count + 1)"
        graphics[key] = name
        return name
    }

    /// Paragraph styles of drawing labels, by font size: LibreOffice takes a label's font from its paragraph.
    private var labelParagraphs: [Double: String] = [:]

    mutating func labelParagraphStyle(fontSize: Double) -> String {
        if let name = labelParagraphs[fontSize] { return name }
        let name = "\(namePrefix)gp\(labelParagraphs.count + 1)"
        labelParagraphs[fontSize] = name
        return name
    }

    mutating func rowStyle(height: Double?, pageBreak: Bool = false) -> String {
        let key = RowKey(height: height, pageBreak: pageBreak)
        if let name = rows[key] { return name }
        let name = "\(namePrefix)ro\(rows.count + 1)"
        rows[key] = name
        return name
    }

    mutating func tableStyle(visibility: SheetVisibility, tab: RGBColor?, landscape: Bool) -> String {
        let key = "\(visibility.rawValue)-\(tab?.hex ?? "")-\(landscape)"
        if let name = tables[key] { return name }
        let name = "\(namePrefix)ta\(tables.count + 1)"
        tables[key] = name
        tableOrder.append((name, visibility, tab, landscape))
        return name
    }

    mutating func conditionStyle(fill: RGBColor, font: RGBColor?) -> String {
        let name = "imon_condition_\(conditionStyles.count + 1)"
        conditionStyles.append((name, fill, font))
        return name
    }

    /// `office:automatic-styles` with everything registered.
    func automaticStyles(including extra: XMLBuffer) -> XMLBuffer {
        var out = XMLBuffer()
        out.raw("<office:automatic-styles>")
        out.raw(bytes: extra.bytes)
        for (width, name) in columns.sorted(by: { $0.value < $1.value }) {
            out.raw("<style:style style:name=\"\(name)\" style:family=\"table-column\"><style:table-column-properties ")
            out.raw("fo:break-before=\"auto\" style:column-width=\"\(ODSStyles.centimetres(characters: width))\"/></style:style>")
        }
        for (key, name) in rows.sorted(by: { $0.value < $1.value }) {
            out.raw("<style:style style:name=\"\(name)\" style:family=\"table-row\"><style:table-row-properties ")
            if let height = key.height { out.raw("style:row-height=\"\(ODSStyles.format(height * 2.54 / 72))cm\" ") }
            out.raw("fo:break-before=\"\(key.pageBreak ? "page" : "auto")\" style:use-optimal-row-height=\"\(key.height == nil ? "true" : "false")\"/></style:style>")
        }
        for (key, name) in graphics.sorted(by: { $0.value < $1.value }) {
            out.raw("<style:style style:name=\"\(name)\" style:family=\"graphic\"><style:graphic-properties \(key.fill) ")
            if let stroke = key.stroke {
                out.raw("draw:stroke=\"solid\" svg:stroke-color=\"\(stroke)\" svg:stroke-width=\"0.02cm\"")
            } else {
                out.raw("draw:stroke=\"none\"")
            }
            if key.fontSize != nil {
                out.raw(" draw:textarea-horizontal-align=\"left\" draw:textarea-vertical-align=\"middle\" draw:auto-grow-width=\"false\" fo:padding=\"0cm\"")
            }
            out.raw("/>")
            if let size = key.fontSize {
                out.raw("<style:text-properties fo:font-family=\"Arial\" fo:font-size=\"\(ODSStyles.format(size))pt\"/>")
            }
            out.raw("</style:style>")
        }
        for (size, name) in labelParagraphs.sorted(by: { $0.value < $1.value }) {
            out.raw("<style:style style:name=\"\(name)\" style:family=\"paragraph\"><style:text-properties fo:font-family=\"Arial\" ")
            out.raw("style:font-family-generic=\"swiss\" fo:font-size=\"\(ODSStyles.format(size))pt\"/></style:style>")
        }
        for (name, visibility, tab, landscape) in tableOrder {
            out.raw("<style:style style:name=\"\(name)\" style:family=\"table\" style:master-page-name=\"\(namePrefix)\(landscape ? "Landscape" : "Default")\">")
            out.raw("<style:table-properties table:display=\"\(visibility == .visible ? "true" : "false")\" style:writing-mode=\"lr-tb\"")
            if let tab { out.raw(" tableooo:tab-color=\"#\(tab.hex.lowercased())\"") }
            out.raw("/></style:style>")
        }
        for format in dataOrder {
            if let name = dataStyles[format] { ODSStyles.writeDataStyle(format, name: name, into: &out) }
        }
        if usesBoolean {
            out.raw("<number:boolean-style style:name=\"\(namePrefix)NBool\"><number:boolean/></number:boolean-style>")
        }
        for key in cellOrder {
            guard let name = cellStyles[key] else { continue }
            let style = key.style, boolean = key.boolean
            out.raw("<style:style style:name=\"\(name)\" style:family=\"table-cell\" style:parent-style-name=\"Default\"")
            if boolean {
                out.raw(" style:data-style-name=\"\(namePrefix)NBool\"")
            } else if let data = dataStyles[style.numberFormat] {
                out.raw(" style:data-style-name=\"\(data)\"")
            }
            out.raw("><style:table-cell-properties")
            if let fill = style.fill { out.raw(" fo:background-color=\"#\(fill.hex.lowercased())\"") }
            if style.border != .none {
                out.raw(" fo:border=\"\(style.border == .thin ? "0.06pt" : "1.5pt") solid #000000\"")
            }
            if style.wrapText { out.raw(" fo:wrap-option=\"wrap\"") }
            switch style.vertical {
            case .bottom: break
            case .center: out.raw(" style:vertical-align=\"middle\"")
            case .top: out.raw(" style:vertical-align=\"top\"")
            }
            out.raw(" style:cell-protect=\"\(style.locked ? "protected" : "none")\"/>")
            if style.horizontal != .general {
                let align = style.horizontal == .left ? "start" : style.horizontal == .right ? "end" : "center"
                out.raw("<style:paragraph-properties fo:text-align=\"\(align)\"/>")
            }
            if style.bold || style.italic || style.fontSize != nil || style.fontColor != nil {
                out.raw("<style:text-properties")
                if style.bold { out.raw(" fo:font-weight=\"bold\" style:font-weight-asian=\"bold\" style:font-weight-complex=\"bold\"") }
                if style.italic { out.raw(" fo:font-style=\"italic\"") }
                if let size = style.fontSize { out.raw(" fo:font-size=\"\(ODSStyles.format(size))pt\"") }
                if let color = style.fontColor { out.raw(" fo:color=\"#\(color.hex.lowercased())\"") }
                out.raw("/>")
            }
            out.raw("</style:style>")
        }
        out.raw("</office:automatic-styles>")
        return out
    }

    /// A data style for a number format (ODF 1.2 Part 1, 16.27).
    static func writeDataStyle(_ format: NumberFormatStyle, name: String, into out: inout XMLBuffer) {
        switch format {
        case .general:
            break
        case .number(let decimals, let grouping):
            out.raw("<number:number-style style:name=\"\(name)\"><number:number number:decimal-places=\"\(decimals)\" ")
            out.raw("number:min-decimal-places=\"\(decimals)\" number:min-integer-digits=\"1\"")
            if grouping { out.raw(" number:grouping=\"true\"") }
            out.raw("/></number:number-style>")
        case .percent(let decimals):
            out.raw("<number:percentage-style style:name=\"\(name)\"><number:number number:decimal-places=\"\(decimals)\" ")
            out.raw("number:min-decimal-places=\"\(decimals)\" number:min-integer-digits=\"1\"/><number:text> %</number:text></number:percentage-style>")
        case .text:
            out.raw("<number:text-style style:name=\"\(name)\"><number:text-content/></number:text-style>")
        case .duration:
            out.raw("<number:time-style style:name=\"\(name)\" number:truncate-on-overflow=\"false\"><number:hours/>")
            out.raw("<number:text>:</number:text><number:minutes number:style=\"long\"/><number:text>:</number:text>")
            out.raw("<number:seconds number:style=\"long\"/></number:time-style>")
        case .dateTime(let parts):
            let isTime = format.formatClass == .time
            out.raw(isTime ? "<number:time-style style:name=\"\(name)\">" : "<number:date-style style:name=\"\(name)\">")
            for part in parts {
                switch part {
                case .day: out.raw("<number:day/>")
                case .day2: out.raw("<number:day number:style=\"long\"/>")
                case .month: out.raw("<number:month/>")
                case .month2: out.raw("<number:month number:style=\"long\"/>")
                case .monthName: out.raw("<number:month number:textual=\"true\" number:style=\"long\"/>")
                case .year2: out.raw("<number:year/>")
                case .year4: out.raw("<number:year number:style=\"long\"/>")
                case .hour: out.raw("<number:hours/>")
                case .hour2: out.raw("<number:hours number:style=\"long\"/>")
                case .minute2: out.raw("<number:minutes number:style=\"long\"/>")
                case .second2: out.raw("<number:seconds number:style=\"long\"/>")
                case .literal(let text): out.raw("<number:text>"); out.text(text); out.raw("</number:text>")
                }
            }
            out.raw(isTime ? "</number:time-style>" : "</number:date-style>")
        }
    }

    /// Excel's column width in characters as a length: 7 pixels a character
    /// plus 5 pixels of padding, at 96 pixels an inch.
    static func centimetres(characters: Double) -> String {
        format((characters * 7 + 5) / 96 * 2.54) + "cm"
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return NumberText.shortest(rounded)
    }
}
