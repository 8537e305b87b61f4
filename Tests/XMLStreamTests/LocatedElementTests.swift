import XCTest
@testable import XMLStream

/// Tag and attribute offsets let an editor splice into a part; they must be
/// the document's own bytes however the document arrives in chunks.
final class LocatedElementTests: XCTestCase {
    private final class Recorder: XMLEventHandler {
        unowned(unsafe) var scanner: XMLScanner?
        var tags: [Range<Int>] = []
        var values: [Range<Int>?] = []

        func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
            tags.append(scanner!.tagRange)
            for attribute in attributes { values.append(scanner!.documentRange(of: attribute.value)) }
        }
        func endElement(_ name: XMLName) throws { tags.append(scanner!.tagRange) }
        func characters(_ text: UnsafeRawBufferPointer) throws {}
    }

    private let document = Array("""
        \u{FEFF}<?xml version="1.0"?>
        <x:a xmlns:x="urn:a" n="1"><x:b s = '22' t="&amp;x"/>text<x:c>é</x:c ></x:a>
        """.utf8)

    private func text(_ range: Range<Int>?) -> String? { range.map { String(decoding: document[$0], as: UTF8.self) } }

    func testTagsAndValuesAreTheDocumentsBytesInAnyChunking() throws {
        for size in [1, 2, 3, 7, 64, document.count] {
            let recorder = Recorder()
            let scanner = XMLScanner(handler: recorder)
            recorder.scanner = scanner
            var i = 0
            while i < document.count {
                try document[i..<min(i + size, document.count)].withUnsafeBytes { try scanner.feed($0) }
                i += size
            }
            try scanner.finish()
            XCTAssertEqual(recorder.tags.map(text), ["<x:a xmlns:x=\"urn:a\" n=\"1\">", "<x:b s = '22' t=\"&amp;x\"/>",
                                                     "<x:b s = '22' t=\"&amp;x\"/>", "<x:c>", "</x:c >", "</x:a>"], "chunks of \(size)")
            // A value that held a reference is not the document's bytes as read: no range.
            XCTAssertEqual(recorder.values.map(text), ["1", "22", nil], "chunks of \(size)")
        }
    }

    func testALocatedTreeKnowsWhereToInsert() throws {
        let root = try LocatedElement.parse(document)
        let b = try XCTUnwrap(root.child(named: "b"))
        XCTAssertNil(b.endTag, "a start tag that closes itself")
        XCTAssertEqual(text(b.valueRanges["s"]), "22")
        XCTAssertEqual(b["t"], "&x")
        XCTAssertEqual(text(root.contentEnd.map { $0..<($0 + 6) }), "</x:a>")
        var splices = ByteSplices()
        splices.insert("<x:d/>", at: try XCTUnwrap(root.contentEnd))
        splices.replace(try XCTUnwrap(b.valueRanges["s"]), with: "7")
        let edited = String(decoding: try splices.applied(to: document), as: UTF8.self)
        XCTAssertTrue(edited.hasSuffix("<x:b s = '7' t=\"&amp;x\"/>text<x:c>é</x:c ><x:d/></x:a>"), edited)
    }

    func testOverlappingEditsAreRefused() {
        var splices = ByteSplices()
        splices.replace(2..<5, with: "a")
        splices.replace(4..<6, with: "b")
        XCTAssertThrowsError(try splices.applied(to: Array("0123456789".utf8)))
    }
}
