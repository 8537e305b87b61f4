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
        for (ref, text) in items { comment(ref, text, authorID: 0, to: &out) }
        out.raw("</commentList></comments>")
        return out.bytes
    }

    /// One `comment` element.
    static func comment(_ ref: CellReference, _ text: String, authorID: Int, to out: inout XMLBuffer) {
        out.raw("<comment ref=\"\(ref)\" authorId=\"\(authorID)\"><text>")
        OOXMLText.appendT(text, to: &out)
        out.raw("</text></comment>")
    }

    /// The shape type every comment box refers to (`#_x0000_t202`).
    static let noteShapeType = """
        <v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">\
        <v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>
        """

    /// The whole VML drawing; `block` is its `o:idmap` number, and its shapes
    /// are numbered from `block` × 1024 + 1, as Excel numbers them.
    static func vml(_ items: [(CellReference, String)], visible: Bool, block: Int = 1) -> [UInt8] {
        var out = XMLBuffer()
        out.raw("""
            <xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" \
            xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="\(block)"/>\
            </o:shapelayout>
            """)
        out.raw(noteShapeType)
        out.raw(bytes: shapes(items.map(\.0), visible: visible, firstID: block * 1024 + 1))
        out.raw("</xml>")
        return out.bytes
    }

    /// The comment boxes of `cells`, shape ids from `firstID` on.
    static func shapes(_ cells: [CellReference], visible: Bool, firstID: Int) -> [UInt8] {
        var out = XMLBuffer()
        for (n, ref) in cells.enumerated() {
            out.raw("<v:shape id=\"_x0000_s\(firstID + n)\" type=\"#_x0000_t202\" ")
            out.raw("style=\"position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:150pt;height:60pt;z-index:\(n + 1);visibility:\(visible ? "visible" : "hidden")\" ")
            out.raw("fillcolor=\"#ffffe1\" o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/>")
            out.raw("<v:path o:connecttype=\"none\"/><v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>")
            out.raw("<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/>")
            if visible { out.raw("<x:Visible/>") }
            out.raw("<x:Anchor>\(ref.column + 1), 15, \(ref.row), 2, \(ref.column + 3), 15, \(ref.row + 4), 16</x:Anchor>")
            out.raw("<x:AutoFill>False</x:AutoFill><x:Row>\(ref.row)</x:Row><x:Column>\(ref.column)</x:Column></x:ClientData></v:shape>")
        }
        return out.bytes
    }
}
