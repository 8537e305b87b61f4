import CZlib

/// Decompression bombs that are real: a worksheet that inflates to more
/// than 2 GiB from about 2 MB, built without ever holding the 2 GiB.
///
/// Deflate blocks may follow one another freely, so the part is one
/// compressed megabyte of blanks repeated: each copy ends with a full flush
/// and refers to nothing before it.
public enum BombFixture {
    /// An XLSX package whose only sheet is `header`, then `megabytes` MiB of
    /// spaces, then the closing tags; the CRC and sizes are true.
    public static func xlsx(megabytes: Int) -> [UInt8] {
        let header = Array("""
            <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">
            """.utf8)
        let tail = Array("</row></sheetData></worksheet>".utf8)
        let blanks = [UInt8](repeating: 0x20, count: 1 << 20)
        let blankBlock = deflate(blanks, flush: Z_FULL_FLUSH)
        var data = deflate(header, flush: Z_FULL_FLUSH)
        for _ in 0..<megabytes { data += blankBlock }
        data += deflate(tail, flush: Z_FINISH)

        var crc = crc32(0, nil, 0)
        crc = header.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        let blanksCRC = blanks.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        for _ in 0..<megabytes { crc = crc32_combine(crc, blanksCRC, off_t(blanks.count)) }
        crc = tail.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        let size = UInt64(header.count + tail.count) + UInt64(megabytes) << 20

        var entries = smallParts.map { RawEntry(name: $0.0, content: Array($0.1.utf8)) }
        entries.append(RawEntry(name: "xl/worksheets/sheet1.xml", method: 8, crc: UInt32(crc), size: size, data: data))
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

    private static let smallParts: [(String, String)] = [
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
}

/// One entry of a zip package written byte by byte, sizes and all, so that
/// a test can state any of them (true or not).
public struct RawEntry {
    public var name: String
    public var method: UInt16
    public var crc: UInt32
    public var size: UInt64
    public var data: [UInt8]

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
            u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(entry.method, &out); u16(0, &out); u16(0x21, &out)
            u32(entry.crc, &out); u32(UInt32(entry.data.count), &out); u32(UInt32(entry.size), &out)
            u16(UInt16(name.count), &out); u16(0, &out)
            out += name
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
