import XCTest
@testable import Zip

final class ZipArchiveTests: XCTestCase {
    private func package(_ entries: [(String, [UInt8], ZipWriter.Compression)]) throws -> [UInt8] {
        var writer = ZipWriter()
        for (name, content, compression) in entries { try writer.add(name, content, compression: compression) }
        return writer.finish()
    }

    private func open(_ bytes: [UInt8], limits: ZipLimits = .default) throws -> ZipArchive {
        try ZipArchive(file: MappedFile(copying: bytes), limits: limits)
    }

    private let text = Array(String(repeating: "<c r=\"A1\"><v>42</v></c>", count: 500).utf8)

    func testStoredAndDeflatedEntriesReadBackExactly() throws {
        let zip = try open(try package([("a.xml", text, .stored), ("b.xml", text, .deflate(level: 6)), ("empty", [], .deflate(level: 1))]))
        XCTAssertEqual(zip.entries.map(\.name), ["a.xml", "b.xml", "empty"])
        XCTAssertEqual(try zip.data(named: "a.xml"), text)
        XCTAssertEqual(try zip.data(named: "b.xml"), text)
        XCTAssertEqual(try zip.data(named: "empty"), [])
    }

    func testStreamingDeliversEveryByteInBoundedChunks() throws {
        let zip = try open(try package([("b.xml", text, .deflate(level: 9))]))
        var collected: [UInt8] = []
        var largest = 0
        try zip.read(zip.entries[0], chunkSize: 97) { chunk in
            largest = max(largest, chunk.count)
            collected.append(contentsOf: chunk)
        }
        XCTAssertEqual(collected, text)
        XCTAssertLessThanOrEqual(largest, 97)
    }

    func testReadingAheadDeliversEveryByteInOrder() throws {
        let long = Array((0..<400).flatMap { i in "<row r=\"\(i)\"><c><v>\(i * 7)</v></c></row>".utf8 })
        let zip = try open(try package([("sheet.xml", long, .deflate(level: 6))]))
        var collected: [UInt8] = []
        var largest = 0
        try zip.readAhead(zip.entries[0], chunkSize: 101, minimumSize: 0) { chunk in
            largest = max(largest, chunk.count)
            collected.append(contentsOf: chunk)
        }
        XCTAssertEqual(collected, long)
        XCTAssertLessThanOrEqual(largest, 101)
    }

    func testReadingAheadStopsWhenTheReaderStops() throws {
        struct Enough: Error {}
        let zip = try open(try package([("sheet.xml", text, .deflate(level: 6))]))
        var chunks = 0
        XCTAssertThrowsError(try zip.readAhead(zip.entries[0], chunkSize: 64, minimumSize: 0) { _ in
            chunks += 1
            if chunks == 3 { throw Enough() }
        }) { XCTAssert($0 is Enough, "\($0)") }
        XCTAssertEqual(chunks, 3)
        // The archive is still usable: the inflating thread has ended.
        XCTAssertEqual(try zip.data(named: "sheet.xml"), text)
    }

    func testReadingAheadReportsWhatTheInflatingThreadFound() throws {
        var bytes = try package([("a.xml", text, .deflate(level: 0))])
        bytes[30 + 5 + 5 + 100] ^= 0x01 // a byte of a stored deflate block
        let zip = try open(bytes)
        var delivered = 0
        XCTAssertThrowsError(try zip.readAhead(zip.entries[0], chunkSize: 512, minimumSize: 0) { delivered += $0.count }) {
            XCTAssertEqual($0 as? ZipError, .crcMismatch(entry: "a.xml"))
        }
        XCTAssertEqual(delivered, text.count)
    }

    func testNamesAreFoundIgnoringCaseAndLeadingSlashAndBackslashes() throws {
        let zip = try open(try package([("xl\\Workbook.xml", [1], .stored)]))
        XCTAssertEqual(zip.entries[0].name, "xl/Workbook.xml")
        XCTAssertNotNil(zip.entry(named: "/xl/workbook.xml"))
        XCTAssertNil(zip.entry(named: "xl/other.xml"))
    }

    func testExactCaseWinsOverCaseInsensitiveDuplicate() throws {
        let zip = try open(try package([("a/Sheet1.xml", [1], .stored), ("a/sheet1.xml", [2], .stored)]))
        XCTAssertEqual(try zip.data(named: "a/sheet1.xml"), [2])
        XCTAssertEqual(try zip.data(named: "a/Sheet1.xml"), [1])
    }

    func testEndRecordIsFoundBehindAComment() throws {
        var bytes = try package([("a", [7], .stored)])
        let comment = Array("made by a test".utf8)
        bytes[bytes.count - 2] = UInt8(comment.count)
        bytes += comment
        XCTAssertEqual(try open(bytes).data(named: "a"), [7])
    }

    func testFlippedDataByteIsACRCMismatch() throws {
        var bytes = try package([("a.xml", text, .stored)])
        bytes[30 + 5 + 10] ^= 0x01
        let zip = try open(bytes)
        XCTAssertThrowsError(try zip.data(named: "a.xml")) { XCTAssertEqual($0 as? ZipError, .crcMismatch(entry: "a.xml")) }
    }

    func testCorruptDeflateDataIsReported() throws {
        var bytes = try package([("b.xml", text, .deflate(level: 6))])
        for i in 40..<60 { bytes[i] = 0xFF }
        let zip = try open(bytes)
        XCTAssertThrowsError(try zip.data(named: "b.xml")) { error in
            guard let zipError = error as? ZipError else { return XCTFail("\(error)") }
            switch zipError {
            case .corruptData, .crcMismatch, .sizeMismatch: break
            default: XCTFail("unexpected \(zipError)")
            }
        }
    }

    func testTruncationAtEveryOffsetThrowsAndNeverCrashes() throws {
        let bytes = try package([("a.xml", text, .deflate(level: 6)), ("b.xml", text, .stored)])
        for length in stride(from: 0, to: bytes.count - 1, by: 7) {
            let cut = Array(bytes[..<length])
            do {
                let zip = try open(cut)
                for entry in zip.entries { _ = try zip.data(of: entry) }
                XCTFail("truncated at \(length) of \(bytes.count) read without error")
            } catch is ZipError {
            }
        }
    }

    func testEncryptedEntryIsRefusedByName() throws {
        var bytes = try package([("xl/workbook.xml", [1, 2], .stored)])
        let central = centralDirectoryOffset(bytes)
        bytes[central + 8] |= 1
        let zip = try open(bytes)
        XCTAssertThrowsError(try zip.data(named: "xl/workbook.xml")) {
            XCTAssertEqual($0 as? ZipError, .encryptedEntry(entry: "xl/workbook.xml"))
        }
    }

    func testLocalHeaderNamingAnotherFileIsRefusedWithBothNames() throws {
        var bytes = try package([("xl/workbook.xml", text, .stored), ("content.xml", text, .deflate(level: 6))])
        // The first local header's name, same length, another file.
        let forged = Array("xl/workbook.xmm".utf8)
        bytes.replaceSubrange(30..<(30 + forged.count), with: forged)
        let zip = try open(bytes)
        XCTAssertThrowsError(try zip.data(named: "xl/workbook.xml")) {
            XCTAssertEqual($0 as? ZipError, .localNameMismatch(entry: "xl/workbook.xml", localName: "xl/workbook.xmm"))
            XCTAssertTrue("\($0)".contains("\"xl/workbook.xmm\""), "\($0)")
        }
        XCTAssertEqual(try zip.data(named: "content.xml"), text, "the other entry's headers agree")
        // A name of another length: the central directory's offset stays right.
        var longer = try package([("a", [1], .stored)])
        longer[26] = 2
        longer.insert(UInt8(ascii: "b"), at: 31)
        longer[longer.count - 22 + 16] += 1 // the central directory moved by the byte
        XCTAssertThrowsError(try open(longer).data(named: "a")) {
            XCTAssertEqual($0 as? ZipError, .localNameMismatch(entry: "a", localName: "ab"))
        }
    }

    func testUnsupportedCompressionMethodIsNamed() throws {
        var bytes = try package([("a", [1, 2], .stored)])
        let central = centralDirectoryOffset(bytes)
        bytes[central + 10] = 14 // LZMA
        XCTAssertThrowsError(try open(bytes).data(named: "a")) {
            XCTAssertEqual($0 as? ZipError, .unsupportedCompression(entry: "a", method: 14))
        }
    }

    func testEntryLargerThanDeclaredIsReported() throws {
        var bytes = try package([("a", text, .deflate(level: 6))])
        let central = centralDirectoryOffset(bytes)
        bytes[central + 24] = 10; bytes[central + 25] = 0; bytes[central + 26] = 0; bytes[central + 27] = 0
        XCTAssertThrowsError(try open(bytes).data(named: "a")) {
            XCTAssertEqual($0 as? ZipError, .sizeMismatch(entry: "a", declared: 10, actual: UInt64(min(text.count, 1 << 17))))
        }
    }

    func testDecompressionBombIsStoppedByTheRatioLimitInBoundedMemory() throws {
        let zeros = [UInt8](repeating: 0, count: 64 << 20)
        let bytes = try package([("bomb.xml", zeros, .deflate(level: 9))])
        var limits = ZipLimits()
        limits.ratioGrace = 1 << 20
        limits.maxCompressionRatio = 100
        let zip = try open(bytes, limits: limits)
        var delivered = 0
        XCTAssertThrowsError(try zip.read(zip.entries[0]) { delivered += $0.count }) { error in
            guard case .limitExceeded(_, let limit, _) = error as? ZipError else { return XCTFail("\(error)") }
            XCTAssertEqual(limit.name, "compression ratio")
        }
        XCTAssertLessThan(delivered, 4 << 20)
    }

    func testDeclaredEntrySizeOverTheLimitIsRefusedBeforeInflating() throws {
        var limits = ZipLimits()
        limits.maxEntrySize = 100
        let zip = try open(try package([("a", text, .deflate(level: 6))]), limits: limits)
        XCTAssertThrowsError(try zip.data(named: "a")) { error in
            guard case .limitExceeded(_, let limit, _) = error as? ZipError else { return XCTFail("\(error)") }
            XCTAssertEqual(limit.name, "uncompressed size")
        }
    }

    func testZip64EndRecordIsRead() throws {
        let plain = try package([("a", [1, 2, 3], .stored)])
        let end = plain.count - 22
        let cdOffset = centralDirectoryOffset(plain)
        var bytes = Array(plain[..<end])
        let zip64Record = bytes.count
        var record: [UInt8] = []
        record.le32(0x0606_4B50); record.le64(44); record.le16(45); record.le16(45); record.le32(0); record.le32(0)
        record.le64(1); record.le64(1); record.le64(UInt64(end - cdOffset)); record.le64(UInt64(cdOffset))
        bytes += record
        var locator: [UInt8] = []
        locator.le32(0x0706_4B50); locator.le32(0); locator.le64(UInt64(zip64Record)); locator.le32(1)
        bytes += locator
        var eocd: [UInt8] = []
        eocd.le32(0x0605_4B50); eocd.le16(0); eocd.le16(0); eocd.le16(0xFFFF); eocd.le16(0xFFFF)
        eocd.le32(0xFFFF_FFFF); eocd.le32(0xFFFF_FFFF); eocd.le16(0)
        bytes += eocd
        XCTAssertEqual(try open(bytes).data(named: "a"), [1, 2, 3])
    }

    func testNotAZipAndEmptyFileAreTold() {
        XCTAssertThrowsError(try open(Array("hello, this is text and not a zip".utf8))) { XCTAssertEqual($0 as? ZipError, .notAZipFile) }
        XCTAssertThrowsError(try open([])) { XCTAssertEqual($0 as? ZipError, .emptyFile) }
    }

    func testTooManyEntriesIsALimit() throws {
        var limits = ZipLimits()
        limits.maxEntries = 2
        let bytes = try package([("a", [], .stored), ("b", [], .stored), ("c", [], .stored)])
        XCTAssertThrowsError(try open(bytes, limits: limits)) { XCTAssertEqual($0 as? ZipError, .tooManyEntries(count: 3, limit: 2)) }
    }

    private func centralDirectoryOffset(_ bytes: [UInt8]) -> Int {
        let e = bytes.count - 22
        return Int(bytes[e + 16]) | Int(bytes[e + 17]) << 8 | Int(bytes[e + 18]) << 16 | Int(bytes[e + 19]) << 24
    }
}

extension Array where Element == UInt8 {
    mutating func le64(_ v: UInt64) { for s in stride(from: 0, to: 64, by: 8) { append(UInt8((v >> UInt64(s)) & 0xFF)) } }
}
