import Spreadsheet
import XMLStream

/// The fixed parts of an OpenDocument spreadsheet: namespaces, manifest,
/// meta, styles and settings (ODF 1.2 Part 1, 3; Part 3, 4).
enum ODSDocumentParts {
    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" \
        xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
        xmlns:xlink="http://www.w3.org/1999/xlink" \
        xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" \
        xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" \
        xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" \
        xmlns:tableooo="http://openoffice.org/2009/table" \
        xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
        xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
        xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0"
        """

    static let mimetype = "application/vnd.oasis.opendocument.spreadsheet"

    /// The manifest, with each embedded chart object (ODF 1.2 Part 3, 3.2).
    static func manifest(charts: [String]) -> [UInt8] {
        let closing = Array("</manifest:manifest>".utf8)
        var entries = ""
        for name in charts {
            entries += "<manifest:file-entry manifest:full-path=\"\(name)/\" manifest:version=\"1.2\" manifest:media-type=\"application/vnd.oasis.opendocument.chart\"/>"
            entries += "<manifest:file-entry manifest:full-path=\"\(name)/content.xml\" manifest:media-type=\"text/xml\"/>"
        }
        return Array(manifest.dropLast(closing.count)) + Array(entries.utf8) + closing
    }

    static let manifest = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">\
        <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>\
        <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
        <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>\
        <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>\
        <manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/>\
        </manifest:manifest>
        """.utf8)

    /// The inner `office:meta` element.
    static func metaBody(_ properties: DocumentProperties) -> XMLBuffer {
        var out = XMLBuffer(capacity: 512)
        out.raw("<office:meta><meta:generator>imon</meta:generator>")
        if let title = properties.title { out.raw("<dc:title>"); out.text(title); out.raw("</dc:title>") }
        if let author = properties.author {
            out.raw("<meta:initial-creator>"); out.text(author); out.raw("</meta:initial-creator>")
            out.raw("<dc:creator>"); out.text(author); out.raw("</dc:creator>")
        }
        if let created = properties.created {
            out.raw("<meta:creation-date>\(created.date)T\(TimeOfDay.format(milliseconds: created.millisecondOfDay / 1000 * 1000))</meta:creation-date>")
        }
        out.raw("</office:meta>")
        return out
    }

    static func meta(_ properties: DocumentProperties) -> [UInt8] {
        var out = XMLBuffer()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta \(namespaces) office:version=\"1.2\">")
        out.raw(bytes: metaBody(properties).bytes)
        out.raw("</office:document-meta>")
        return out.bytes
    }

    /// The inner `office:styles`: the default cell style, the named styles
    /// that conditional formats apply, and the hatch hatched shapes name
    /// (without it LibreOffice fills them in its default blue, which reads as a value).
    static func commonStyles(_ conditions: [(name: String, fill: RGBColor, font: RGBColor?)], hatch: Bool) -> XMLBuffer {
        var out = XMLBuffer(capacity: 512)
        out.raw("<office:styles><style:default-style style:family=\"table-cell\"><style:paragraph-properties style:tab-stop-distance=\"1.25cm\"/>")
        out.raw("</style:default-style><style:style style:name=\"Default\" style:family=\"table-cell\"/>")
        for condition in conditions {
            out.raw("<style:style style:name=\"\(condition.name)\" style:family=\"table-cell\" style:parent-style-name=\"Default\">")
            out.raw("<style:table-cell-properties fo:background-color=\"#\(condition.fill.hex.lowercased())\"/>")
            if let font = condition.font { out.raw("<style:text-properties fo:color=\"#\(font.hex.lowercased())\"/>") }
            out.raw("</style:style>")
        }
        if hatch { out.raw(ODSDrawing.hatchDefinition) }
        out.raw("</office:styles>")
        return out
    }

    static func styles(_ conditions: [(name: String, fill: RGBColor, font: RGBColor?)], hatch: Bool) -> [UInt8] {
        var out = XMLBuffer()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles \(namespaces) office:version=\"1.2\">")
        out.raw(bytes: commonStyles(conditions, hatch: hatch).bytes)
        out.raw("<office:automatic-styles>"); out.raw(bytes: pageLayouts().bytes); out.raw("</office:automatic-styles>")
        out.raw(masterStyles)
        out.raw("</office:document-styles>")
        return out.bytes
    }

    /// Page layouts (A4 portrait `pm1`, landscape `pm2`), each scaled to the
    /// page width as LibreOffice does it (`style:scale-to-X`); they belong
    /// inside `office:automatic-styles`. `prefix` goes before their names.
    static func pageLayouts(prefix: String = "") -> XMLBuffer {
        var out = XMLBuffer(capacity: 1024)
        for (name, landscape) in [("pm1", false), ("pm2", true)] {
            out.raw("<style:page-layout style:name=\"\(prefix)\(name)\"><style:page-layout-properties ")
            out.raw(landscape ? "fo:page-width=\"29.7cm\" fo:page-height=\"21cm\" style:print-orientation=\"landscape\""
                              : "fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" style:print-orientation=\"portrait\"")
            out.raw(" fo:margin-top=\"1.9cm\" fo:margin-bottom=\"1.9cm\" fo:margin-left=\"1.8cm\" fo:margin-right=\"1.8cm\" style:scale-to-X=\"1\"/></style:page-layout>")
        }
        return out
    }

    /// The master pages table styles name: `Default` (portrait) and `Landscape`,
    /// with `prefix` before their names and their page layouts' names.
    /// Header and footer are switched off in so many words: a master page
    /// without them is saved again by LibreOffice 7.4 with an empty header and
    /// footer switched on, and such a file then prints every page blank (seen
    /// with a department's re-saved template, checked by `scripts/check-print`).
    static func masterPages(prefix: String = "") -> String {
        "<style:master-page style:name=\"\(prefix)Default\" style:page-layout-name=\"\(prefix)pm1\">\(noHeaderOrFooter)</style:master-page>"
            + "<style:master-page style:name=\"\(prefix)Landscape\" style:page-layout-name=\"\(prefix)pm2\">\(noHeaderOrFooter)</style:master-page>"
    }

    static var masterStyles: String { "<office:master-styles>" + masterPages() + "</office:master-styles>" }

    private static let noHeaderOrFooter = "<style:header style:display=\"false\"/><style:footer style:display=\"false\"/>"

    /// The inner `office:settings`: frozen panes and the active sheet, as
    /// LibreOffice keeps them in its view settings.
    static func settingsBody(_ layouts: [SheetLayout]) -> XMLBuffer {
        var out = XMLBuffer(capacity: 1024)
        func item(_ name: String, _ type: String, _ value: String) {
            out.raw("<config:config-item config:name=\"\(name)\" config:type=\"\(type)\">"); out.text(value); out.raw("</config:config-item>")
        }
        out.raw("<office:settings><config:config-item-set config:name=\"ooo:view-settings\">")
        out.raw("<config:config-item-map-indexed config:name=\"Views\"><config:config-item-map-entry>")
        item("ViewId", "string", "view1")
        out.raw("<config:config-item-map-named config:name=\"Tables\">")
        for layout in layouts where layout.frozenRows > 0 || layout.frozenColumns > 0 {
            out.raw("<config:config-item-map-entry config:name=\""); out.attribute(layout.name); out.raw("\">")
            item("HorizontalSplitMode", "short", layout.frozenColumns > 0 ? "2" : "0")
            item("VerticalSplitMode", "short", layout.frozenRows > 0 ? "2" : "0")
            item("HorizontalSplitPosition", "int", String(layout.frozenColumns))
            item("VerticalSplitPosition", "int", String(layout.frozenRows))
            item("ActiveSplitRange", "short", layout.frozenRows > 0 ? "2" : "3")
            item("PositionLeft", "int", "0")
            item("PositionRight", "int", String(layout.frozenColumns))
            item("PositionTop", "int", "0")
            item("PositionBottom", "int", String(layout.frozenRows))
            out.raw("</config:config-item-map-entry>")
        }
        out.raw("</config:config-item-map-named>")
        if let active = layouts.first(where: { $0.visibility == .visible }) ?? layouts.first {
            item("ActiveTable", "string", active.name)
        }
        out.raw("</config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings>")
        return out
    }

    static func settings(_ layouts: [SheetLayout]) -> [UInt8] {
        var out = XMLBuffer()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-settings \(namespaces) office:version=\"1.2\">")
        out.raw(bytes: settingsBody(layouts).bytes)
        out.raw("</office:document-settings>")
        return out.bytes
    }

    /// `table:content-validations` for every sheet's rules, named in order.
    static func validations(_ layouts: [SheetLayout]) -> XMLBuffer {
        var out = XMLBuffer()
        guard layouts.contains(where: { !$0.validations.isEmpty }) else { return out }
        out.raw("<table:content-validations>")
        var n = 0
        for layout in layouts {
            for v in layout.validations {
                n += 1
                let condition: String
                switch v.rule {
                case .wholeNumber(let min, let max):
                    condition = "of:cell-content-is-whole-number() and cell-content-is-between(\(NumberText.shortest(min));\(NumberText.shortest(max)))"
                case .decimal(let min, let max):
                    condition = "of:cell-content-is-decimal-number() and cell-content-is-between(\(NumberText.shortest(min));\(NumberText.shortest(max)))"
                case .list(let items):
                    condition = "of:cell-content-is-in-list(" + items.map { "\"" + $0.replacingOccurrences("\"", "\"\"") + "\"" }.joined(separator: ";") + ")"
                case .numberOrText(let min, let max, let whole, let texts):
                    let c = "[." + v.range.first.description + "]"
                    var number = "AND(ISNUMBER(\(c));\(c)>=\(NumberText.shortest(min));\(c)<=\(NumberText.shortest(max))"
                    if whole { number += ";\(c)=INT(\(c))" }
                    number += ")"
                    condition = "of:is-true-formula(OR(" + ([number] + texts.map { "\(c)=\"\($0)\"" }).joined(separator: ";") + "))"
                }
                out.raw("<table:content-validation table:name=\"val\(n)\" table:condition=\""); out.attribute(condition)
                out.raw("\" table:allow-empty-cell=\"\(v.allowBlank)\" table:base-cell-address=\"")
                out.attribute(ODSAddress.cell(v.range.first, sheet: layout.name)); out.raw("\"")
                if case .list = v.rule { out.raw(" table:display-list=\"unsorted\"") }
                out.raw(">")
                if v.inputTitle != nil || v.inputMessage != nil {
                    out.raw("<table:help-message table:title=\""); out.attribute(v.inputTitle ?? ""); out.raw("\" table:display=\"true\">")
                    ODSText.appendParagraphs(v.inputMessage ?? "", to: &out)
                    out.raw("</table:help-message>")
                }
                out.raw("<table:error-message table:message-type=\"stop\" table:title=\""); out.attribute(v.errorTitle ?? "")
                out.raw("\" table:display=\"true\">")
                ODSText.appendParagraphs(v.errorMessage ?? "", to: &out)
                out.raw("</table:error-message></table:content-validation>")
            }
        }
        out.raw("</table:content-validations>")
        return out
    }

    /// `table:database-ranges` for the sheets' filters.
    static func filters(_ layouts: [SheetLayout]) -> XMLBuffer {
        var out = XMLBuffer()
        let filtered = layouts.enumerated().compactMap { i, l in l.autoFilter.map { (i, l.name, $0) } }
        guard !filtered.isEmpty else { return out }
        out.raw("<table:database-ranges>")
        for (i, name, range) in filtered {
            out.raw("<table:database-range table:name=\"__Anonymous_Sheet_DB__\(i)\" table:target-range-address=\"")
            out.attribute(ODSAddress.range(range, sheet: name)); out.raw("\" table:display-filter-buttons=\"true\"/>")
        }
        out.raw("</table:database-ranges>")
        return out
    }
}
