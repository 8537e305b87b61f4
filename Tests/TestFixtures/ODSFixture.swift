import Zip

/// Builds small OpenDocument spreadsheets from the inner XML of
/// `office:spreadsheet`, as a package or as a flat document.
public struct ODSFixture {
    public var body: String
    public var automaticStyles = ""
    public var manifestExtra = ""
    public var mimetype: String? = "application/vnd.oasis.opendocument.spreadsheet"

    public init(body: String) {
        self.body = body
    }

    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
        xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
        """

    public var content: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content \(ODSFixture.namespaces) office:version="1.2">\
        <office:automatic-styles>\(automaticStyles)</office:automatic-styles>\
        <office:body><office:spreadsheet>\(body)</office:spreadsheet></office:body></office:document-content>
        """
    }

    /// The `.ods` package.
    public func package() throws -> [UInt8] {
        var zip = ZipWriter()
        if let mimetype { try zip.add("mimetype", Array(mimetype.utf8), compression: .stored) }
        try zip.add("META-INF/manifest.xml", Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">\
            <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>\
            <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">\(manifestExtra)</manifest:file-entry>\
            </manifest:manifest>
            """.utf8))
        try zip.add("content.xml", Array(content.utf8))
        return zip.finish()
    }

    /// The same spreadsheet as one flat XML document (`.fods`).
    public func flat() -> [UInt8] {
        Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document \(ODSFixture.namespaces) office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">\
            <office:automatic-styles>\(automaticStyles)</office:automatic-styles>\
            <office:body><office:spreadsheet>\(body)</office:spreadsheet></office:body></office:document>
            """.utf8)
    }
}
