import Spreadsheet
import XMLStream

/// Charts as embedded ODF chart objects (ODF 1.2 Part 1, 11 Charts): a
/// subdocument `Object N/content.xml` per chart whose plot area reads the
/// sheet's cells, and a `draw:frame` with a `draw:object` in the anchor cell.
enum ODSChartParts {
    /// LibreOffice's default column width and row height, for the size of a chart anchored over cells without their own.
    static let defaultColumnCentimetres = 2.258
    static let defaultRowCentimetres = 0.452

    /// The frame's size in centimetres over the anchor's cells.
    static func size(_ chart: ChartSpec, layout: SheetLayout) -> (width: Double, height: Double) {
        var width = 0.0
        for column in chart.anchor.first.column..<max(chart.anchor.last.column, chart.anchor.first.column + 1) {
            width += layout.columnWidths[column].map { ($0 * 7 + 5) / 96 * 2.54 } ?? defaultColumnCentimetres
        }
        let height = Double(max(1, chart.anchor.last.row - chart.anchor.first.row)) * defaultRowCentimetres
        return (width, height)
    }

    /// The frame that goes into the anchor cell: the object a package holds
    /// as `object`, or for a flat document the chart document itself inside
    /// the `draw:object` (ODF 1.2 Part 1, 10.4.6.2), as LibreOffice writes `.fods`.
    static func frame(_ chart: ChartSpec, object: Object, layout: SheetLayout, into out: inout XMLBuffer) {
        let (w, h) = size(chart, layout: layout)
        out.raw("<draw:frame draw:name=\""); out.attribute(chart.title); out.raw("\" svg:x=\"0cm\" svg:y=\"0cm\" ")
        out.raw("svg:width=\"\(cm(w))\" svg:height=\"\(cm(h))\"><draw:object draw:notify-on-update-of-ranges=\"")
        out.attribute(ODSAddress.range(chart.values, sheet: layout.name))
        switch object {
        case .part(let name):
            out.raw("\" xlink:href=\"./\(name)\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\"/>")
        case .inline:
            out.raw("\">")
            out.raw(bytes: document(chart, sheet: layout.name, layout: layout, flat: true))
            out.raw("</draw:object>")
        }
        out.raw("<svg:title>"); out.text(chart.title); out.raw("</svg:title></draw:frame>")
    }

    /// Where a chart's document lives.
    enum Object {
        /// A subdocument of the package, e.g. `Object 1`.
        case part(String)
        /// Inside the frame, in a flat document.
        case inline
    }

    /// The chart subdocument of a package.
    static func content(_ chart: ChartSpec, sheet: String, layout: SheetLayout) -> [UInt8] {
        document(chart, sheet: sheet, layout: layout, flat: false)
    }

    /// The chart document: a package's `content.xml`, or the `office:document` inside a flat document's frame.
    private static func document(_ chart: ChartSpec, sheet: String, layout: SheetLayout, flat: Bool) -> [UInt8] {
        let (w, h) = size(chart, layout: layout)
        let root = flat ? "office:document" : "office:document-content"
        let values = ODSAddress.range(chart.values, sheet: sheet)
        let categories = ODSAddress.range(chart.categories, sheet: sheet)
        var out = XMLBuffer()
        if !flat { out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") }
        out.raw("<\(root) ")
        if flat { out.raw("office:mimetype=\"application/vnd.oasis.opendocument.chart\" ") }
        out.raw("xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" ")
        out.raw("xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" ")
        out.raw("xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" ")
        out.raw("xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" xmlns:chart=\"urn:oasis:names:tc:opendocument:xmlns:chart:1.0\" ")
        out.raw("xmlns:xlink=\"http://www.w3.org/1999/xlink\" office:version=\"1.2\"><office:automatic-styles>")
        out.raw("<style:style style:name=\"ch\" style:family=\"chart\"><style:graphic-properties draw:stroke=\"none\" draw:fill=\"solid\" draw:fill-color=\"#ffffff\"/></style:style>")
        out.raw("<style:style style:name=\"ti\" style:family=\"chart\"><style:text-properties fo:font-size=\"10pt\" fo:font-weight=\"bold\"/></style:style>")
        // Horizontal bars, one per district (ODF 1.2 Part 1, 20.6 chart:vertical), as the XLSX's barDir="bar".
        out.raw("<style:style style:name=\"pa\" style:family=\"chart\"><style:chart-properties chart:vertical=\"\(chart.kind == .bar ? "true" : "false")\"/></style:style>")
        out.raw("<style:style style:name=\"ax\" style:family=\"chart\"><style:chart-properties chart:display-label=\"true\"")
        if chart.kind == .bar { out.raw(" chart:reverse-direction=\"true\"") }
        out.raw("/><style:text-properties fo:font-size=\"7pt\"/></style:style>")
        out.raw("<style:style style:name=\"ay\" style:family=\"chart\"><style:chart-properties chart:display-label=\"true\"/><style:text-properties fo:font-size=\"7pt\"/></style:style>")
        switch chart.kind {
        case .bar:
            out.raw("<style:style style:name=\"se\" style:family=\"chart\"><style:graphic-properties draw:fill=\"solid\" draw:fill-color=\"#5b9bd5\" draw:stroke=\"none\"/></style:style>")
        case .line:
            out.raw("<style:style style:name=\"se\" style:family=\"chart\"><style:chart-properties chart:symbol-type=\"automatic\"/>")
            out.raw("<style:graphic-properties draw:stroke=\"solid\" svg:stroke-width=\"0.05cm\" svg:stroke-color=\"#2e75b6\" draw:fill-color=\"#2e75b6\"/></style:style>")
        }
        out.raw("</office:automatic-styles><office:body><office:chart>")
        out.raw("<chart:chart svg:width=\"\(cm(w))\" svg:height=\"\(cm(h))\" chart:class=\"chart:\(chart.kind == .bar ? "bar" : "line")\" chart:style-name=\"ch\">")
        out.raw("<chart:title chart:style-name=\"ti\"><text:p>"); out.text(chart.title); out.raw("</text:p></chart:title>")
        out.raw("<chart:plot-area chart:style-name=\"pa\" table:cell-range-address=\""); out.attribute(categories + ";" + values)
        out.raw("\" chart:data-source-has-labels=\"none\">")
        out.raw("<chart:axis chart:dimension=\"x\" chart:name=\"primary-x\" chart:style-name=\"ax\"><chart:categories table:cell-range-address=\"")
        out.attribute(categories); out.raw("\"/></chart:axis>")
        out.raw("<chart:axis chart:dimension=\"y\" chart:name=\"primary-y\" chart:style-name=\"ay\"><chart:grid chart:class=\"major\"/></chart:axis>")
        out.raw("<chart:series chart:style-name=\"se\" chart:values-cell-range-address=\""); out.attribute(values)
        out.raw("\" chart:class=\"chart:\(chart.kind == .bar ? "bar" : "line")\"><chart:domain table:cell-range-address=\"")
        out.attribute(categories); out.raw("\"/></chart:series>")
        out.raw("</chart:plot-area></chart:chart></office:chart></office:body></\(root)>")
        return out.bytes
    }

    static func cm(_ v: Double) -> String { NumberText.shortest((v * 1000).rounded() / 1000) + "cm" }
}
