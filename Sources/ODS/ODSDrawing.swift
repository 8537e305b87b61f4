import Spreadsheet
import XMLStream

/// Vector drawings inside the anchor cell of a table (ODF 1.2 Part 1, 9.2
/// and 10.3): a `draw:g` whose outlines are `draw:path` shapes with
/// `svg:title` and `svg:desc`, and whose labels are `draw:rect` text boxes.
/// Positions are relative to the anchor cell, as LibreOffice reads them.
enum ODSDrawing {
    /// The hatch every hatched shape uses, in the document's common styles.
    static let hatchName = "imon_hatch"
    static let hatchDefinition = "<draw:hatch draw:name=\"\(hatchName)\" draw:display-name=\"imon hatch\" draw:style=\"single\" "
        + "draw:color=\"#666666\" draw:distance=\"0.07cm\" draw:rotation=\"450\"/>"

    static func write(_ drawing: VectorDrawing, styles: inout ODSStyles, into out: inout XMLBuffer) {
        out.raw("<draw:g draw:name=\""); out.attribute(drawing.name); out.raw("\">")
        for shape in drawing.shapes {
            let (lo, hi) = shape.bounds
            let w = max(0.01, hi.x - lo.x), h = max(0.01, hi.y - lo.y)
            let style = styles.graphicStyle(fill: shape.fill, stroke: shape.stroke, fontSize: shape.text == nil ? nil : shape.fontSize)
            let box = "svg:x=\"\(pt(lo.x))\" svg:y=\"\(pt(lo.y))\" svg:width=\"\(pt(w))\" svg:height=\"\(pt(h))\""
            if let text = shape.text {
                let paragraph = styles.labelParagraphStyle(fontSize: shape.fontSize)
                out.raw("<draw:rect draw:style-name=\"\(style)\" \(box)><text:p text:style-name=\"\(paragraph)\">"); out.text(text); out.raw("</text:p></draw:rect>")
                continue
            }
            // The view box in hundredths of a point keeps the path data whole numbers.
            out.raw("<draw:path draw:style-name=\"\(style)\" \(box) svg:viewBox=\"0 0 \(Int((w * 100).rounded())) \(Int((h * 100).rounded()))\" svg:d=\"")
            for ring in shape.rings where ring.count >= 3 {
                for (i, p) in ring.enumerated() {
                    out.raw(i == 0 ? "M" : "L")
                    out.raw("\(Int(((p.x - lo.x) * 100).rounded())) \(Int(((p.y - lo.y) * 100).rounded()))")
                }
                out.raw("Z")
            }
            out.raw("\"><svg:title>"); out.text(shape.name); out.raw("</svg:title>")
            if let description = shape.description { out.raw("<svg:desc>"); out.text(description); out.raw("</svg:desc>") }
            out.raw("</draw:path>")
        }
        out.raw("</draw:g>")
    }

    static func pt(_ v: Double) -> String { NumberText.shortest((v * 100).rounded() / 100) + "pt" }
}
