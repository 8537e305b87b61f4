import CZlib

/// Decompression bombs that are real: a worksheet that inflates to more
/// than 2 GiB from a few MB, built without ever holding the 2 GiB.
public enum BombFixture {
    /// An XLSX package whose only sheet is `header`, then `megabytes` MiB of
    /// spaces, then the closing tags; the CRC and sizes are true.
    public static func xlsx(megabytes: Int) -> [UInt8] {
        let header = Array("""
            <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">
            """.utf8)
        let tail = Array("</row></sheetData></worksheet>".utf8)
        let blanks = [UInt8](repeating: 0x20, count: 1 << 20)
        return package(xlsxParts, large: "xl/worksheets/sheet1.xml", header: header, block: blanks, copies: megabytes, tail: tail)
    }

    /// An XLSX package whose only sheet holds `megabytes` MiB of ordinary
    /// rows of 16 number cells (rows and cells without `r`, as ECMA-376
    /// Part 1, 18.3.1.73 and 18.3.1.4 allow): a sheet of gigabytes of
    /// cells from a package of a few megabytes.
    public static func xlsxOfCells(megabytes: Int) -> [UInt8] {
        let header = Array("""
            <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            """.utf8)
        let row = "<row>" + String(repeating: "<c><v>1</v></c>", count: 16) + "</row>"
        return package(xlsxParts, large: "xl/worksheets/sheet1.xml", header: header, block: block(of: row),
                       copies: megabytes, tail: Array("</sheetData></worksheet>".utf8))
    }

    /// An ODS package whose only table holds `megabytes` MiB of ordinary
    /// rows of 16 number cells.
    public static func odsOfCells(megabytes: Int) -> [UInt8] {
        let header = Array("""
            <?xml version="1.0" encoding="UTF-8"?><office:document-content             xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"             xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2">            <office:body><office:spreadsheet><table:table table:name="Bombe">
            """.utf8)
        let row = "<table:table-row>"
            + String(repeating: #"<table:table-cell office:value-type="float" office:value="1"/>"#, count: 16)
            + "</table:table-row>"
        let tail = Array("</table:table></office:spreadsheet></office:body></office:document-content>".utf8)
        return package(odsParts, large: "content.xml", header: header, block: block(of: row), copies: megabytes, tail: tail)
    }

    /// As many copies of `row` as fit in one MiB.
    private static func block(of row: String) -> [UInt8] {
        let bytes = Array(row.utf8)
        return Array([[UInt8]](repeating: bytes, count: (1 << 20) / bytes.count).joined())
    }

    /// A package of `parts` (stored) and the entry `large`: `header`,
    /// `copies` times `block`, then `tail`, deflated without ever holding it.
    ///
    /// Deflate blocks may follow one another freely, so `block` is
    /// compressed once, ending with a full flush that lets each copy refer
    /// to nothing before it.
    private static func package(_ parts: [(String, String)], large: String, header: [UInt8], block: [UInt8],
                                copies: Int, tail: [UInt8]) -> [UInt8] {
        let compressedBlock = deflate(block, flush: Z_FULL_FLUSH)
        var data = deflate(header, flush: Z_FULL_FLUSH)
        for _ in 0..<copies { data += compressedBlock }
        data += deflate(tail, flush: Z_FINISH)

        var crc = crc32(0, nil, 0)
        crc = header.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        let blockCRC = block.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        for _ in 0..<copies { crc = crc32_combine(crc, blockCRC, off_t(block.count)) }
        crc = tail.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        let size = UInt64(header.count + tail.count) + UInt64(copies) * UInt64(block.count)

        var entries = parts.map { RawEntry(name: $0.0, content: Array($0.1.utf8)) }
        entries.append(RawEntry(name: large, method: 8, crc: UInt32(crc), size: size, data: data))
        return RawEntry.package(entries)
    }

    private static func deflate(_ input: [UInt8], flush: Int32) -> [UInt8] {
        var stream = z_stream()
        deflateInit2_(&stream, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 64)
        var input = input
        let produced = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                CZlib.deflate(&stream, flush)
                return outBuffer.count - Int(stream.avail_out)
            }
        }
        return Array(output[..<produced])
    }

    private static let xlsxParts: [(String, String)] = [
        ("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="xml" ContentType="application/xml"/></Types>
            """),
        ("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """),
        ("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Bombe" sheetId="1" r:id="rId1"/></sheets></workbook>
            """),
        ("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
            """),
    ]

    private static let odsParts: [(String, String)] = [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", """
            <?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" \
            manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>\
            <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>
            """),
    ]
}

/// One entry of a zip package written byte by byte, sizes and all, so that
/// a test can state any of them (true or not).
public struct RawEntry {
    public var name: String
    public var method: UInt16
    public var crc: UInt32
    public var size: UInt64
    public var data: [UInt8]
    /// The name the local header gives, when it is to differ from the
    /// central directory's.
    public var localName: String?

    public init(name: String, method: UInt16, crc: UInt32, size: UInt64, data: [UInt8]) {
        self.name = name
        self.method = method
        self.crc = crc
        self.size = size
        self.data = data
    }

    /// A stored entry holding `content`.
    public init(name: String, content: [UInt8]) {
        let crc = content.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        self.init(name: name, method: 0, crc: UInt32(crc), size: UInt64(content.count), data: content)
    }

    /// A package of `entries` (sizes below 4 GiB, no ZIP64).
    public static func package(_ entries: [RawEntry]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: UInt16, _ b: inout [UInt8]) { b += [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func u32(_ v: UInt32, _ b: inout [UInt8]) { for i in 0..<4 { b.append(UInt8((v >> (8 * i)) & 0xFF)) } }
        for entry in entries {
            let offset = UInt32(out.count)
            let name = Array(entry.name.utf8)
            let localName = Array((entry.localName ?? entry.name).utf8)
            u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(entry.method, &out); u16(0, &out); u16(0x21, &out)
            u32(entry.crc, &out); u32(UInt32(entry.data.count), &out); u32(UInt32(entry.size), &out)
            u16(UInt16(localName.count), &out); u16(0, &out)
            out += localName
            out += entry.data
            u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0, &central); u16(entry.method, &central)
            u16(0, &central); u16(0x21, &central); u32(entry.crc, &central); u32(UInt32(entry.data.count), &central)
            u32(UInt32(entry.size), &central); u16(UInt16(name.count), &central); u16(0, &central); u16(0, &central)
            u16(0, &central); u16(0, &central); u32(0, &central); u32(offset, &central)
            central += name
        }
        let centralOffset = UInt32(out.count)
        out += central
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(UInt16(entries.count), &out); u16(UInt16(entries.count), &out)
        u32(UInt32(central.count), &out); u32(centralOffset, &out); u16(0, &out)
        return out
    }
}
