import XCTest
import XMLStream

/// A document in UTF-16 is read by libxml2 after its units are checked:
/// surrogates in pairs, a whole number of units.
final class UTF16ValidationTests: XCTestCase {
    private func document(_ units: [UInt16], bigEndian: Bool, mark: Bool) -> [UInt8] {
        let all = (mark ? [0xFEFF] : []) + Array(#"<?xml version="1.0" encoding="UTF-16"?><a k="ä">"#.utf16) + units
            + Array("</a>".utf16)
        return all.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    private func error(_ bytes: [UInt8], chunk: Int) -> XMLError? {
        let scanner = XMLScanner(handler: Ignoring16())
        do {
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + chunk)
                try bytes[offset..<end].withUnsafeBytes { try scanner.feed($0) }
                offset = end
            }
            try scanner.finish()
            return nil
        } catch {
            return error as? XMLError ?? .truncated
        }
    }

    func testUnpairedSurrogatesAndACutUnitAreRefusedAtTheirOffset() {
        for bigEndian in [true, false] {
            for mark in [true, false] {
                let start = document([], bigEndian: bigEndian, mark: mark).count - 8
                for chunk in [1, 3, 4096] {
                    XCTAssertNil(error(document([0x61, 0xD83D, 0xDE00, 0x62], bigEndian: bigEndian, mark: mark), chunk: chunk))
                    XCTAssertEqual(error(document([0x61, 0xD83D, 0x62], bigEndian: bigEndian, mark: mark), chunk: chunk),
                                   .invalidUTF16(offset: start + 2))
                    XCTAssertEqual(error(document([0x61, 0x62, 0xDE00], bigEndian: bigEndian, mark: mark), chunk: chunk),
                                   .invalidUTF16(offset: start + 4))
                    XCTAssertEqual(error(document([0xD83D, 0xD83D, 0xDE00], bigEndian: bigEndian, mark: mark), chunk: chunk),
                                   .invalidUTF16(offset: start))
                    let whole = document([0x61], bigEndian: bigEndian, mark: mark)
                    XCTAssertEqual(error(whole + [0x20], chunk: chunk), .invalidUTF16(offset: whole.count))
                }
            }
        }
    }
}

private final class Ignoring16: XMLEventHandler {
    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {}
    func endElement(_ name: XMLName) throws {}
    func characters(_ bytes: UnsafeRawBufferPointer) throws {}
}
