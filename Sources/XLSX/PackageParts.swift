import Spreadsheet
import XMLStream

/// The small parts of an XLSX package: content types, relationships, the
/// workbook part and the document properties (ECMA-376 Part 2 and Part 1, 18.2).
enum PackageParts {
    struct SheetEntry {
        var name: String
        var visibility: SheetVisibility
        var autoFilter: CellRange?
        var printTitleRows: ClosedRange<Int>? = nil
        var hasComments: Bool
        /// The numbers of this sheet's chart parts.
        var charts: Range<Int> = 0..<0
        /// Charts or vector drawings: the sheet has a drawing part.
        var hasDrawing = false
    }

    static func contentTypes(sheets: [SheetEntry], hasSharedStrings: Bool) -> [UInt8] {
        var out = XMLBuffer()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        out.raw("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
        out.raw("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
        out.raw("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
        out.raw("<Default Extension=\"vml\" ContentType=\"application/vnd.openxmlformats-officedocument.vmlDrawing\"/>")
        out.raw("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>")
        for (i, sheet) in sheets.enumerated() {
            out.raw("<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")
            if sheet.hasComments {
                out.raw("<Override PartName=\"/xl/comments\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml\"/>")
            }
            if sheet.hasDrawing || !sheet.charts.isEmpty {
                out.raw("<Override PartName=\"/xl/drawings/drawing\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawing+xml\"/>")
                for c in sheet.charts {
                    out.raw("<Override PartName=\"/xl/charts/chart\(c).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>")
                }
            }
        }
        out.raw("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>")
        if hasSharedStrings {
            out.raw("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
        }
        out.raw("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>")
        out.raw("<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>")
        out.raw("</Types>")
        return out.bytes
    }

    static let rootRelationships = Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """.utf8)

    static func workbook(sheets: [SheetEntry]) -> [UInt8] {
        var out = XMLBuffer()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        out.raw("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" ")
        out.raw("xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
        out.raw("<workbookPr/><bookViews><workbookView")
        if let first = sheets.firstIndex(where: { $0.visibility == .visible }), first > 0 {
            out.raw(" activeTab=\"\(first)\" firstSheet=\"\(first)\"")
        }
        out.raw("/></bookViews><sheets>")
        for (i, sheet) in sheets.enumerated() {
            out.raw("<sheet name=\""); out.attribute(sheet.name); out.raw("\" sheetId=\"\(i + 1)\"")
            switch sheet.visibility {
            case .visible: break
            case .hidden: out.raw(" state=\"hidden\"")
            case .veryHidden: out.raw(" state=\"veryHidden\"")
            }
            out.raw(" r:id=\"rId\(i + 1)\"/>")
        }
        out.raw("</sheets>")
        let filters = sheets.enumerated().compactMap { i, sheet in sheet.autoFilter.map { (i, sheet.name, $0) } }
        let titles = sheets.enumerated().compactMap { i, sheet in sheet.printTitleRows.map { (i, sheet.name, $0) } }
        if !filters.isEmpty || !titles.isEmpty {
            out.raw("<definedNames>")
            // Built-in names sorted as Excel writes them (ECMA-376 Part 1, 18.2.6): _FilterDatabase, then Print_Titles.
            for (i, name, range) in filters {
                out.raw("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">")
                out.text("'\(name.replacingQuote())'!$\(CellReference.columnName(range.first.column))$\(range.first.row + 1)")
                out.text(":$\(CellReference.columnName(range.last.column))$\(range.last.row + 1)")
                out.raw("</definedName>")
            }
            for (i, name, rows) in titles {
                out.raw("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">")
                out.text("'\(name.replacingQuote())'!$\(rows.lowerBound + 1):$\(rows.upperBound + 1)")
                out.raw("</definedName>")
            }
            out.raw("</definedNames>")
        }
        out.raw("</workbook>")
        return out.bytes
    }

    static func workbookRelationships(sheetCount: Int, hasSharedStrings: Bool) -> [UInt8] {
        var out = XMLBuffer()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        out.raw("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
        for i in 0..<sheetCount {
            out.raw("<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>")
        }
        out.raw("<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>")
        if hasSharedStrings {
            out.raw("<Relationship Id=\"rIdStrings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
        }
        out.raw("</Relationships>")
        return out.bytes
    }

    static func sheetRelationships(index: Int, comments: Bool, drawing: Bool) -> [UInt8] {
        var out = XMLBuffer()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        out.raw("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
        if comments {
            out.raw("<Relationship Id=\"rIdComments\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"../comments\(index + 1).xml\"/>")
            out.raw("<Relationship Id=\"rIdVml\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing\" Target=\"../drawings/vmlDrawing\(index + 1).vml\"/>")
        }
        if drawing {
            out.raw("<Relationship Id=\"rIdDrawing\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing\" Target=\"../drawings/drawing\(index + 1).xml\"/>")
        }
        out.raw("</Relationships>")
        return out.bytes
    }

    static func core(_ properties: DocumentProperties) -> [UInt8] {
        var out = XMLBuffer()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        out.raw("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" ")
        out.raw("xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" ")
        out.raw("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
        if let title = properties.title { out.raw("<dc:title>"); out.text(title); out.raw("</dc:title>") }
        if let author = properties.author { out.raw("<dc:creator>"); out.text(author); out.raw("</dc:creator>") }
        if let created = properties.created {
            let stamp = "\(created.date)T\(TimeOfDay.format(milliseconds: created.millisecondOfDay / 1000 * 1000))Z"
            out.raw("<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(stamp)</dcterms:created>")
        }
        out.raw("</cp:coreProperties>")
        return out.bytes
    }

    static let app = Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>imon</Application></Properties>
        """.utf8)
}
