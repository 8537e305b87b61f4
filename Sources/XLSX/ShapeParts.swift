import Spreadsheet
import XMLStream

/// Vector drawings as DrawingML shapes in the sheet's drawing part
/// (ECMA-376 Part 1, 20.5 spreadsheet drawing): one group per drawing,
/// anchored at a cell with its size, each outline an `xdr:sp` with custom
/// geometry (20.1.9.8 custGeom) and each label a text box.
enum ShapeParts {
    /// English Metric Units per point (ECMA-376 Part 1, 20.1.2.1).
    static let emuPerPoint = 12_700.0

    /// The anchors of `drawings`, to go into `xdr:wsDr` after the charts'; ids start at `firstID`.
    static func anchors(_ drawings: [VectorDrawing], firstID: Int, into out: inout XMLBuffer) {
        var id = firstID
        for drawing in drawings {
            let cx = emu(drawing.width), cy = emu(drawing.height)
            out.raw("<xdr:oneCellAnchor><xdr:from><xdr:col>\(drawing.anchor.column)</xdr:col><xdr:colOff>0</xdr:colOff>")
            out.raw("<xdr:row>\(drawing.anchor.row)</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>")
            out.raw("<xdr:ext cx=\"\(cx)\" cy=\"\(cy)\"/>")
            out.raw("<xdr:grpSp><xdr:nvGrpSpPr><xdr:cNvPr id=\"\(id)\" name=\""); out.attribute(drawing.name); out.raw("\"/><xdr:cNvGrpSpPr/></xdr:nvGrpSpPr>")
            out.raw("<xdr:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/>")
            out.raw("<a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm></xdr:grpSpPr>")
            id += 1
            for shape in drawing.shapes {
                write(shape, id: id, into: &out)
                id += 1
            }
            out.raw("</xdr:grpSp><xdr:clientData/></xdr:oneCellAnchor>")
        }
    }

    static func write(_ shape: VectorShape, id: Int, into out: inout XMLBuffer) {
        let (lo, hi) = shape.bounds
        let w = max(1, emu(hi.x - lo.x)), h = max(1, emu(hi.y - lo.y))
        out.raw("<xdr:sp macro=\"\" textlink=\"\"><xdr:nvSpPr><xdr:cNvPr id=\"\(id)\" name=\""); out.attribute(shape.name); out.raw("\"")
        if let description = shape.description { out.raw(" descr=\""); out.attribute(description); out.raw("\"") }
        out.raw(shape.text == nil ? "/><xdr:cNvSpPr/></xdr:nvSpPr>" : "/><xdr:cNvSpPr txBox=\"1\"/></xdr:nvSpPr>")
        out.raw("<xdr:spPr><a:xfrm><a:off x=\"\(emu(lo.x))\" y=\"\(emu(lo.y))\"/><a:ext cx=\"\(w)\" cy=\"\(h)\"/></a:xfrm>")
        if shape.text != nil {
            out.raw("<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>")
        } else {
            // Path coordinates in the shape's own box, in EMU (20.1.9.15 path: w, h).
            out.raw("<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l=\"0\" t=\"0\" r=\"r\" b=\"b\"/><a:pathLst>")
            out.raw("<a:path w=\"\(w)\" h=\"\(h)\">")
            for ring in shape.rings where ring.count >= 3 {
                for (i, p) in ring.enumerated() {
                    out.raw(i == 0 ? "<a:moveTo>" : "<a:lnTo>")
                    out.raw("<a:pt x=\"\(emu(p.x - lo.x))\" y=\"\(emu(p.y - lo.y))\"/>")
                    out.raw(i == 0 ? "</a:moveTo>" : "</a:lnTo>")
                }
                out.raw("<a:close/>")
            }
            out.raw("</a:path></a:pathLst></a:custGeom>")
        }
        switch shape.fill {
        case .solid(let c): out.raw("<a:solidFill><a:srgbClr val=\"\(c.hex)\"/></a:solidFill>")
        case .hatched(let c):
            out.raw("<a:pattFill prst=\"wdUpDiag\"><a:fgClr><a:srgbClr val=\"\(c.hex)\"/></a:fgClr><a:bgClr><a:srgbClr val=\"FFFFFF\"/></a:bgClr></a:pattFill>")
        case .none: out.raw("<a:noFill/>")
        }
        if let stroke = shape.stroke {
            out.raw("<a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"\(stroke.hex)\"/></a:solidFill></a:ln>")
        } else {
            out.raw("<a:ln><a:noFill/></a:ln>")
        }
        out.raw("</xdr:spPr>")
        if let text = shape.text {
            out.raw("<xdr:txBody><a:bodyPr wrap=\"none\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"ctr\"/><a:lstStyle/><a:p>")
            out.raw("<a:r><a:rPr lang=\"de-DE\" sz=\"\(Int((shape.fontSize * 100).rounded()))\"><a:latin typeface=\"Arial\"/></a:rPr><a:t>"); out.text(text); out.raw("</a:t></a:r></a:p></xdr:txBody>")
        }
        out.raw("</xdr:sp>")
    }

    static func emu(_ points: Double) -> Int { Int((points * emuPerPoint).rounded()) }
}
