import XCTest
import XMLStream

private final class Ignoring: XMLEventHandler {
    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {}
    func endElement(_ name: XMLName) throws {}
    func characters(_ bytes: UnsafeRawBufferPointer) throws {}
}

/// The scanner reads only UTF-8: a byte that begins no character, in text,
/// an attribute value or a name, is refused with its offset in the
/// document, whatever the chunks the document arrives in.
final class UTF8ValidationTests: XCTestCase {
    /// The scanner's error for `bytes` fed in chunks of `chunk` bytes, nil when it reads them.
    private func scannerError(_ bytes: [UInt8], chunk: Int) -> XMLError? {
        let scanner = XMLScanner(handler: Ignoring())
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

    private let chunks = [1, 2, 3, 5, 16, 17, 1 << 16]

    /// Unicode 15, Table 3-7, at its edges and just past them.
    private let wellFormed: [[UInt8]] = [
        [0x7F], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xE1, 0x80, 0x80], [0xEC, 0xBF, 0xBF],
        [0xED, 0x80, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBD], [0xF0, 0x90, 0x80, 0x80],
        [0xF1, 0x80, 0x80, 0x80], [0xF3, 0xBF, 0xBF, 0xBF], [0xF4, 0x80, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
    ]
    private let illFormed: [[UInt8]] = [
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x41], [0xC2], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],
        [0xE1, 0x80], [0xE1, 0x80, 0x41], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80],
        [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
        [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFE], [0xFF],
    ]

    func testEveryWellFormedSequenceReadsInTextAttributesAndNamesInAnyChunks() {
        for sequence in wellFormed {
            for document in [Array("<a>x".utf8) + sequence + Array("y</a>".utf8),
                             Array("<a k='".utf8) + sequence + Array("'/>".utf8),
                             Array("<a\u{E9}".utf8) + (sequence[0] >= 0xC2 ? sequence : []) + Array("/>".utf8)] {
                for chunk in chunks {
                    XCTAssertNil(scannerError(document, chunk: chunk), "\(sequence) in chunks of \(chunk)")
                }
            }
        }
    }

    func testEveryIllFormedSequenceIsRefusedAtItsFirstByteInAnyChunks() {
        let text = Array(String(repeating: "Zeile mit Text ", count: 3).utf8)
        for sequence in illFormed {
            let cases: [([UInt8], Int)] = [
                (Array("<a>".utf8) + text + sequence + Array("</a>".utf8), 3 + text.count),
                (Array("<a k='äö".utf8) + sequence + Array("'/>".utf8), 10),
                (Array("<a>ü</a>".utf8) + sequence, 9),
            ]
            for (document, offset) in cases {
                for chunk in chunks {
                    XCTAssertEqual(scannerError(document, chunk: chunk), .invalidUTF8(offset: offset),
                                   "\(sequence) in chunks of \(chunk)")
                }
            }
        }
    }

    func testTheOffsetCountsAByteOrderMarkAndTheDeclaration() {
        let head = [0xEF, 0xBB, 0xBF] + Array(#"<?xml version="1.0" encoding="UTF-8"?>"#.utf8) + Array("<a>".utf8)
        for chunk in chunks {
            XCTAssertEqual(scannerError(head + [0xC3, 0x28] + Array("</a>".utf8), chunk: chunk), .invalidUTF8(offset: head.count))
        }
        XCTAssertEqual(XMLError.invalidUTF8(offset: 7).description,
                       "the bytes are not UTF-8 at byte 7 (the part is read as UTF-8, as it declares or by default)")
    }
}
