import Spreadsheet
import XMLStream

/// Cell comments of one sheet: the comments part (ECMA-376 Part 1, 18.7)
/// and the VML drawing that Excel needs to show them (Part 4, 19.1).
enum CommentsPart {
    static func comments(_ items: [(CellReference, String)], author: String) -> [UInt8] {
        var out = XMLBuffer()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        out.raw("<comments xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><authors><author>")
        out.text(author)
        out.raw("</author></authors><commentList>")
        for (ref, text) in items {
            out.raw("<comment ref=\"\(ref)\" authorId=\"0\"><text>")
            OOXMLText.appendT(text, to: &out)
            out.raw("</text></comment>")
        }
        out.raw("</commentList></comments>")
        return out.bytes
    }

    static func vml(_ items: [(CellReference, String)], visible: Bool) -> [UInt8] {
        var out = XMLBuffer()
        out.raw("""
            <xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" \
            xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/>\
            </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">\
            <v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>
            """)
        for (n, item) in items.enumerated() {
            let (ref, _) = item
            out.raw("<v:shape id=\"_x0000_s\(1025 + n)\" type=\"#_x0000_t202\" ")
            out.raw("style=\"position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:150pt;height:60pt;z-index:\(n + 1);visibility:\(visible ? "visible" : "hidden")\" ")
            out.raw("fillcolor=\"#ffffe1\" o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/>")
            out.raw("<v:path o:connecttype=\"none\"/><v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>")
            out.raw("<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/>")
            if visible { out.raw("<x:Visible/>") }
            out.raw("<x:Anchor>\(ref.column + 1), 15, \(ref.row), 2, \(ref.column + 3), 15, \(ref.row + 4), 16</x:Anchor>")
            out.raw("<x:AutoFill>False</x:AutoFill><x:Row>\(ref.row)</x:Row><x:Column>\(ref.column)</x:Column></x:ClientData></v:shape>")
        }
        out.raw("</xml>")
        return out.bytes
    }
}
