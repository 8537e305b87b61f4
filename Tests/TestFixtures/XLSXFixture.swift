import Zip

/// Builds small XLSX packages part by part, so a test shows exactly which
/// bytes matter.
public struct XLSXFixture {
    public struct SheetPart {
        public var name: String
        public var xml: String
        public var state: String?
        public var path: String
        /// The part's bytes, where they are no UTF-8 (`xml` is then not used).
        public var bytes: [UInt8]?

        public init(name: String, xml: String, state: String? = nil, path: String? = nil) {
            self.name = name
            self.xml = xml
            self.state = state
            self.path = path ?? ""
        }
    }

    public var sheets: [SheetPart] = []
    public var sharedStrings: String?
    public var styles: String?
    public var workbookPr = ""
    public var mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    public var relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    public var extraParts: [(String, String)] = []
    /// Parts written as these bytes instead of what the fields above make
    /// of them (bytes a String cannot hold).
    public var partBytes: [String: [UInt8]] = [:]

    public init() {}

    /// Adds a worksheet whose `<sheetData>` holds `rows` (the inner XML of `sheetData`);
    /// `after` goes after `sheetData` (merge cells and the like).
    public mutating func addSheet(_ name: String, rows: String, after: String = "", state: String? = nil) {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="\(mainNamespace)" xmlns:r="\(relationshipsNamespace)"><sheetData>\(rows)</sheetData>\(after)</worksheet>
            """
        sheets.append(SheetPart(name: name, xml: xml, state: state))
    }

    /// A styles part whose cell formats use these number format ids, with custom codes.
    public mutating func setNumberFormats(cellXfs: [Int], custom: [Int: String] = [:]) {
        let numFmts = custom.sorted { $0.key < $1.key }.map {
            "<numFmt numFmtId=\"\($0.key)\" formatCode=\"\(XLSXFixture.escape($0.value))\"/>"
        }.joined()
        let xfs = cellXfs.map { "<xf numFmtId=\"\($0)\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>" }.joined()
        styles = """
            <?xml version="1.0" encoding="UTF-8"?>
            <styleSheet xmlns="\(mainNamespace)"><numFmts count="\(custom.count)">\(numFmts)</numFmts>\
            <cellXfs count="\(cellXfs.count)">\(xfs)</cellXfs></styleSheet>
            """
    }

    public static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// The package bytes.
    public func build() throws -> [UInt8] {
        var zip = PartWriter(overrides: partBytes)
        let relType = relationshipsNamespace.hasPrefix("http://purl")
            ? "http://purl.oclc.org/ooxml/officeDocument/relationships"
            : "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        try zip.add("[Content_Types].xml", Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/></Types>
            """.utf8))
        try zip.add("_rels/.rels", Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(relType)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """.utf8))
        var sheetEntries = "", rels = ""
        for (i, sheet) in sheets.enumerated() {
            let state = sheet.state.map { " state=\"\($0)\"" } ?? ""
            sheetEntries += "<sheet name=\"\(XLSXFixture.escape(sheet.name))\" sheetId=\"\(i + 1)\"\(state) r:id=\"rIdS\(i + 1)\"/>"
            let target = sheet.path.isEmpty ? "worksheets/sheet\(i + 1).xml" : sheet.path
            rels += "<Relationship Id=\"rIdS\(i + 1)\" Type=\"\(relType)/worksheet\" Target=\"\(target)\"/>"
        }
        if sharedStrings != nil {
            rels += "<Relationship Id=\"rIdSST\" Type=\"\(relType)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        }
        if styles != nil {
            rels += "<Relationship Id=\"rIdSt\" Type=\"\(relType)/styles\" Target=\"styles.xml\"/>"
        }
        try zip.add("xl/workbook.xml", Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <workbook xmlns="\(mainNamespace)" xmlns:r="\(relationshipsNamespace)">\(workbookPr)<sheets>\(sheetEntries)</sheets></workbook>
            """.utf8))
        try zip.add("xl/_rels/workbook.xml.rels", Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels)</Relationships>
            """.utf8))
        for (i, sheet) in sheets.enumerated() {
            let path = sheet.path.isEmpty ? "xl/worksheets/sheet\(i + 1).xml"
                : sheet.path.hasPrefix("/") ? String(sheet.path.dropFirst())
                : sheet.path.hasPrefix("../") ? String(sheet.path.dropFirst(3)) : "xl/" + sheet.path
            try zip.add(path, sheet.bytes ?? Array(sheet.xml.utf8))
        }
        if let sharedStrings { try zip.add("xl/sharedStrings.xml", Array(sharedStrings.utf8)) }
        if let styles { try zip.add("xl/styles.xml", Array(styles.utf8)) }
        for (path, content) in extraParts { try zip.add(path, Array(content.utf8)) }
        return zip.finish()
    }

    /// A shared strings part holding `items` (the inner XML of each `<si>`).
    public static func sharedStrings(_ items: [String], namespace: String = "http://schemas.openxmlformats.org/spreadsheetml/2006/main") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <sst xmlns="\(namespace)" count="\(items.count)" uniqueCount="\(items.count)">\(items.map { "<si>\($0)</si>" }.joined())</sst>
        """
    }
}

/// A `ZipWriter` that writes some parts as other bytes.
private struct PartWriter {
    var zip = ZipWriter()
    let overrides: [String: [UInt8]]

    init(overrides: [String: [UInt8]]) {
        self.overrides = overrides
    }

    mutating func add(_ path: String, _ bytes: [UInt8]) throws {
        try zip.add(path, overrides[path] ?? bytes)
    }

    mutating func finish() -> [UInt8] { zip.finish() }
}
