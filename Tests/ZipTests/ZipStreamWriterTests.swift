import XCTest
@testable import Zip

final class ZipStreamWriterTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "zip-stream-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Rows of a sheet, different enough that deflate has work to do.
    private func sheetText(rows: Int) -> [UInt8] {
        Array((0..<rows).flatMap { i in "<row r=\"\(i + 1)\"><c r=\"A\(i + 1)\"><v>\(i &* 2_654_435_761 % 1_000_003)</v></c></row>".utf8 })
    }

    private func written(_ build: (ZipStreamWriter) throws -> Void) throws -> ZipArchive {
        let path = folder + "/out.zip"
        let file = try AtomicFile(path: path)
        let zip = ZipStreamWriter(file: file)
        try build(zip)
        try zip.finish()
        try file.commit()
        return try ZipArchive(path: path)
    }

    func testALargeEntryDeflatedOnASecondThreadReadsBackExactly() throws {
        let text = sheetText(rows: 60_000) // about 3 MB: deflating moves to its thread after the first MB
        XCTAssertGreaterThan(text.count, 2 << 20)
        let zip = try written { zip in
            try zip.beginEntry("mimetype", compression: .stored)
            try zip.write(Array("application/test".utf8))
            try zip.endEntry()
            try zip.beginEntry("sheet.xml", compression: .deflate(level: 1))
            var offset = 0, step = 1
            while offset < text.count { // uneven writes, some larger than a chunk
                let n = min(step, text.count - offset)
                try text.withUnsafeBytes { try zip.write(UnsafeRawBufferPointer(rebasing: $0[offset..<offset + n])) }
                offset += n
                step = step * 3 % 300_007 + 1
            }
            try zip.endEntry()
            try zip.beginEntry("small.xml", compression: .deflate(level: 6))
            try zip.write(Array("<a/>".utf8))
            try zip.endEntry()
        }
        XCTAssertEqual(zip.entries.map(\.name), ["mimetype", "sheet.xml", "small.xml"])
        XCTAssertEqual(try zip.data(named: "sheet.xml"), text)
        XCTAssertEqual(try zip.data(named: "small.xml"), Array("<a/>".utf8))
        XCTAssertEqual(try zip.data(named: "mimetype"), Array("application/test".utf8))
    }

    func testASegmentDeflatedElsewhereJoinsTheEntry() throws {
        let head = Array("<doc><styles/>".utf8)
        let body = sheetText(rows: 30_000)
        let tail = Array("</doc>".utf8)
        var segment: [UInt8] = []
        let stream = try DeflateStream(level: 1, handOverSize: 0) { segment.append(contentsOf: $0) }
        try body.withUnsafeBytes { bytes in
            for start in stride(from: 0, to: bytes.count, by: 70_000) {
                try stream.write(UnsafeRawBufferPointer(rebasing: bytes[start..<min(start + 70_000, bytes.count)]))
            }
        }
        try stream.endSegment()
        XCTAssertEqual(stream.inputCount, UInt64(body.count))
        XCTAssertEqual(stream.outputCount, UInt64(segment.count))
        let zip = try written { zip in
            try zip.beginEntry("content.xml", compression: .deflate(level: 1))
            try zip.write(head)
            try zip.appendDeflated(crc: stream.crc, uncompressedSize: stream.inputCount,
                                   compressedSize: stream.outputCount) { emit in try segment.withUnsafeBytes { try emit($0) } }
            try zip.write(tail)
            try zip.endEntry()
        }
        // The reader checks the CRC-32 and the sizes against the bytes.
        XCTAssertEqual(try zip.data(named: "content.xml"), head + body + tail)
    }

    func testAFailingSinkStopsTheDeflatingThreadWithItsError() throws {
        struct DiskFull: Error {}
        var calls = 0
        let stream = try DeflateStream(level: 1, handOverSize: 0) { _ in
            calls += 1
            if calls == 3 { throw DiskFull() }
        }
        let text = sheetText(rows: 40_000)
        XCTAssertThrowsError(try {
            for _ in 0..<20 { try stream.write(text) }
            try stream.finish()
        }()) { XCTAssert($0 is DiskFull, "\($0)") }
        XCTAssertEqual(calls, 3)
    }

    func testACopiedEntryKeepsItsStoredBytesAndNeedsNoDataDescriptor() throws {
        let text = sheetText(rows: 2_000)
        let source = try written { zip in
            try zip.beginEntry("a/sheet.xml", compression: .deflate(level: 9))
            try zip.write(text)
            try zip.endEntry()
            try zip.beginEntry("b.txt", compression: .stored)
            try zip.write(Array("stored".utf8))
            try zip.endEntry()
        }
        XCTAssertEqual(source.entries[0].flags & 0x0008, 0x0008, "written streaming, with a data descriptor")
        let path = folder + "/copy.zip"
        let file = try AtomicFile(path: path)
        let out = ZipStreamWriter(file: file)
        for entry in source.entries { try out.copy(entry, storedBytes: try source.storedBytes(of: entry)) }
        try out.finish()
        try file.commit()
        let copy = try ZipArchive(path: path)
        XCTAssertEqual(copy.entries.map(\.name), ["a/sheet.xml", "b.txt"])
        XCTAssertEqual(try copy.data(of: copy.entries[0]), text)
        XCTAssertEqual(try copy.data(of: copy.entries[1]), Array("stored".utf8))
        XCTAssertEqual(Array(try copy.storedBytes(of: copy.entries[0])), Array(try source.storedBytes(of: source.entries[0])))
        XCTAssertEqual(copy.entries[0].flags & 0x0008, 0)
        // The local header carries CRC and sizes itself (APPNOTE 4.4.4): a streaming reader needs them there.
        let bytes = copy.file.bytes
        XCTAssertEqual(bytes.le32(14), source.entries[0].crc32)
        XCTAssertEqual(UInt64(bytes.le32(18)), source.entries[0].compressedSize)
        XCTAssertEqual(UInt64(bytes.le32(22)), UInt64(text.count))
    }
}
