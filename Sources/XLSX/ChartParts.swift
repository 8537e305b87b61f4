import Spreadsheet
import XMLStream

/// Charts of a sheet as DrawingML parts (ECMA-376 Part 1, 21.2 charts and
/// 20.5 spreadsheet drawing): a drawing anchoring a graphic frame per chart,
/// and one chart part each, whose series point at cells of the sheet.
enum ChartParts {
    /// The sheet's drawing part: its charts, then its vector drawings (`ShapeParts`).
    static func drawing(_ charts: [ChartSpec], shapes: [VectorDrawing] = []) -> [UInt8] {
        var out = XMLBuffer()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        out.raw("<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\" ")
        out.raw("xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">")
        for (n, chart) in charts.enumerated() {
            out.raw("<xdr:twoCellAnchor><xdr:from><xdr:col>\(chart.anchor.first.column)</xdr:col><xdr:colOff>0</xdr:colOff>")
            out.raw("<xdr:row>\(chart.anchor.first.row)</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>")
            out.raw("<xdr:to><xdr:col>\(chart.anchor.last.column)</xdr:col><xdr:colOff>0</xdr:colOff>")
            out.raw("<xdr:row>\(chart.anchor.last.row)</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>")
            out.raw("<xdr:graphicFrame macro=\"\"><xdr:nvGraphicFramePr><xdr:cNvPr id=\"\(n + 2)\" name=\"Diagramm \(n + 1)\"/>")
            out.raw("<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/></xdr:xfrm>")
            out.raw("<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">")
            out.raw("<c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" ")
            out.raw("xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:id=\"rIdC\(n + 1)\"/>")
            out.raw("</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>")
        }
        ShapeParts.anchors(shapes, firstID: charts.count + 2, into: &out)
        out.raw("</xdr:wsDr>")
        return out.bytes
    }

    static func drawingRelationships(count: Int, firstID: Int) -> [UInt8] {
        var out = XMLBuffer()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        out.raw("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
        for n in 0..<count {
            out.raw("<Relationship Id=\"rIdC\(n + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart\" ")
            out.raw("Target=\"../charts/chart\(firstID + n).xml\"/>")
        }
        out.raw("</Relationships>")
        return out.bytes
    }

    static func chart(_ chart: ChartSpec, sheet: String) -> [UInt8] {
        func ref(_ range: CellRange) -> String {
            let name = "'" + sheet.replacingQuote() + "'"
            return "\(name)!$\(CellReference.columnName(range.first.column))$\(range.first.row + 1):"
                + "$\(CellReference.columnName(range.last.column))$\(range.last.row + 1)"
        }
        var out = XMLBuffer()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        out.raw("<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" ")
        out.raw("xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" ")
        out.raw("xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
        out.raw("<c:roundedCorners val=\"0\"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz=\"1100\" b=\"1\"/></a:pPr><a:r><a:rPr lang=\"de-DE\" sz=\"1100\" b=\"1\"/><a:t>")
        out.text(chart.title)
        out.raw("</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title><c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/>")
        let color = chart.kind == .bar ? "5B9BD5" : "2E75B6"
        switch chart.kind {
        case .bar: out.raw("<c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>")
        case .line: out.raw("<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>")
        }
        out.raw("<c:ser><c:idx val=\"0\"/><c:order val=\"0\"/><c:tx><c:v>"); out.text(chart.seriesName); out.raw("</c:v></c:tx>")
        out.raw("<c:spPr>")
        out.raw(chart.kind == .bar ? "<a:solidFill><a:srgbClr val=\"\(color)\"/></a:solidFill>"
                                   : "<a:ln w=\"28575\"><a:solidFill><a:srgbClr val=\"\(color)\"/></a:solidFill></a:ln>")
        out.raw("</c:spPr>")
        if chart.kind == .line { out.raw("<c:marker><c:symbol val=\"circle\"/><c:size val=\"6\"/></c:marker>") }
        out.raw("<c:cat><c:strRef><c:f>"); out.text(ref(chart.categories)); out.raw("</c:f></c:strRef></c:cat>")
        out.raw("<c:val><c:numRef><c:f>"); out.text(ref(chart.values)); out.raw("</c:f></c:numRef></c:val>")
        if chart.kind == .line { out.raw("<c:smooth val=\"0\"/>") }
        out.raw("</c:ser>")
        if chart.kind == .bar { out.raw("<c:gapWidth val=\"40\"/>") } else { out.raw("<c:marker val=\"1\"/>") }
        out.raw("<c:axId val=\"1001\"/><c:axId val=\"1002\"/>")
        out.raw(chart.kind == .bar ? "</c:barChart>" : "</c:lineChart>")
        out.raw("<c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"\(chart.kind == .bar ? "maxMin" : "minMax")\"/></c:scaling>")
        out.raw("<c:delete val=\"0\"/><c:axPos val=\"\(chart.kind == .bar ? "l" : "b")\"/><c:numFmt formatCode=\"General\" sourceLinked=\"1\"/>")
        out.raw("<c:tickLblPos val=\"nextTo\"/><c:txPr><a:bodyPr/><a:p><a:pPr><a:defRPr sz=\"700\"/></a:pPr><a:endParaRPr lang=\"de-DE\"/></a:p></c:txPr>")
        out.raw("<c:crossAx val=\"1002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>")
        out.raw("<c:valAx><c:axId val=\"1002\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/>")
        out.raw("<c:axPos val=\"\(chart.kind == .bar ? "b" : "l")\"/><c:majorGridlines/><c:numFmt formatCode=\"#,##0\" sourceLinked=\"0\"/>")
        out.raw("<c:tickLblPos val=\"nextTo\"/><c:txPr><a:bodyPr/><a:p><a:pPr><a:defRPr sz=\"800\"/></a:pPr><a:endParaRPr lang=\"de-DE\"/></a:p></c:txPr>")
        out.raw("<c:crossAx val=\"1001\"/><c:crosses val=\"\(chart.kind == .bar ? "max" : "autoZero")\"/><c:crossBetween val=\"between\"/></c:valAx>")
        out.raw("</c:plotArea><c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart></c:chartSpace>")
        return out.bytes
    }
}
