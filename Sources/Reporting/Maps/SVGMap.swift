import Monitoring
import Spreadsheet

/// Draws a `DistrictMap` as inline SVG: one `<path>` per district with its
/// name and value as `<title>` (the browser's tooltip), the legend beside
/// the map, the classification and the licence credit below it.
public enum SVGMap {
    /// The outlines once, as `<path id="PREFIX-NUMBER">` in an invisible
    /// SVG, for pages with many maps: each map then refers to them with
    /// `<use>`, which keeps a report with 40 maps at a twentieth of the size.
    public static func sharedShapes(_ geometry: DistrictGeometry, prefix: String, mapWidth: Double = 360) -> String {
        guard let frame = MapFrame(geometry, width: mapWidth) else { return "" }
        var s = "<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\"><defs>"
        for number in geometry.shapes.keys.sorted() {
            guard let shape = geometry.shapes[number] else { continue }
            s += "<path id=\"\(esc(prefix))-\(esc(number))\" d=\"\(pathData(shape, frame))\" fill-rule=\"evenodd\"/>"
        }
        return s + "</defs></svg>"
    }

    /// The SVG element; `id` makes the hatch pattern's id unique within one
    /// page. With `shared` (the frame and prefix of `sharedShapes`) areas
    /// refer to the page's outlines instead of carrying their own.
    public static func render(_ map: DistrictMap, id: String, mapWidth: Double = 360,
                              shared: (frame: MapFrame, prefix: String)? = nil) -> String {
        guard let frame = shared?.frame ?? MapFrame(map, width: mapWidth) else { return "" }
        let legendX = mapWidth + 16, rowH = 17.0
        let legendHeight = Double(map.legend.count + (map.mark == nil ? 0 : 1)) * rowH + 4
        let footer = 30.0
        let width = legendX + 230, height = max(frame.height, legendHeight) + footer
        let hatch = "hatch-\(id)"
        var s = "<svg class=\"map\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(esc(map.title))\">"
        s += "<defs><pattern id=\"\(hatch)\" patternUnits=\"userSpaceOnUse\" width=\"5\" height=\"5\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"5\" height=\"5\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" stroke=\"#666666\" stroke-width=\"1.6\"/></pattern></defs>"
        for area in map.areas {
            let paint = "class=\"district\" data-district=\"\(esc(area.number))\" fill=\"\(fill(map.fill(area), hatch))\" stroke=\"#ffffff\" stroke-width=\"0.7\""
            if let prefix = shared?.prefix {
                s += "<use href=\"#\(esc(prefix))-\(esc(area.number))\" \(paint)><title>\(esc(map.tooltip(area)))</title></use>"
            } else {
                s += "<path d=\"\(pathData(area.shape, frame))\" fill-rule=\"evenodd\" \(paint)><title>\(esc(map.tooltip(area)))</title></path>"
            }
        }
        // The marks over the areas, white with a dark rim to show on any fill;
        // they take no pointer, so the area's tooltip still shows.
        for area in map.areas where area.isMarked {
            guard let point = area.shape.markPoint else { continue }
            let (x, y) = frame.place(point)
            s += "<circle class=\"mark\" cx=\"\(number(x))\" cy=\"\(number(y))\" \(markPaint)/>"
        }
        for (k, entry) in map.legend.enumerated() {
            let y = Double(k) * rowH + 4
            s += "<rect x=\"\(number(legendX))\" y=\"\(number(y))\" width=\"18\" height=\"12\" fill=\"\(fill(entry.fill, hatch))\" stroke=\"#888888\" stroke-width=\"0.6\"/>"
            s += "<text x=\"\(number(legendX + 24))\" y=\"\(number(y + 10))\" font-size=\"11\">\(esc(entry.label))</text>"
        }
        if let mark = map.mark {
            let y = Double(map.legend.count) * rowH + 4
            s += "<circle cx=\"\(number(legendX + 9))\" cy=\"\(number(y + 6))\" \(markPaint)/>"
            s += "<text x=\"\(number(legendX + 24))\" y=\"\(number(y + 10))\" font-size=\"11\">\(esc(mark))</text>"
        }
        let base = height - footer
        s += "<text x=\"0\" y=\"\(number(base + 13))\" font-size=\"9.5\" fill=\"#555555\">\(esc(map.classification))</text>"
        if let credit = map.attribution {
            s += "<text x=\"0\" y=\"\(number(base + 26))\" font-size=\"9.5\" fill=\"#555555\">\(esc(credit))</text>"
        }
        return s + "</svg>"
    }

    /// Path data in whole units, relative moves after the first point: at
    /// a map 360 units wide one unit is about 40 m, below a printed line's width.
    static func pathData(_ shape: DistrictShape, _ frame: MapFrame) -> String {
        var d = ""
        for ring in shape.rings {
            var last: (Int, Int)?
            for p in ring {
                let (x, y) = frame.place(p)
                let point = (Int(x.rounded()), Int(y.rounded()))
                if let (lx, ly) = last {
                    if point == (lx, ly) { continue }
                    d += "l\(point.0 - lx) \(point.1 - ly)"
                } else {
                    d += "M\(point.0) \(point.1)"
                }
                last = point
            }
            d += "z"
        }
        return d
    }

    static let markPaint = "r=\"3.6\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"1.4\" pointer-events=\"none\""

    static func fill(_ fill: DistrictMap.Fill, _ hatch: String) -> String {
        switch fill {
        case .colour(let c): "#" + c.hex
        case .suppressed: "url(#\(hatch))"
        case .notAssessed: "#D9D9D9"
        }
    }

    static func number(_ v: Double) -> String { NumberText.shortest((v * 10).rounded() / 10) }

    /// SVG sits inside the HTML report: its text is escaped as the page's is.
    static func esc(_ s: String) -> String { HTMLReport.esc(s) }
}
