import XCTest
@testable import XLSX

final class SharedStringTableTests: XCTestCase {
    func testRepeatedTextsShareOneEntryAcrossGrowth() {
        var table = SharedStringTable()
        let texts = (0..<50_000).map { "district \($0 % 20_000) · \($0 % 7)" }
        var ids: [String: Int] = [:]
        for text in texts {
            guard let id = table.id(for: text) else { return XCTFail("\(text) went inline") }
            if let known = ids[text] { XCTAssertEqual(id, known, text) } else { ids[text] = id }
        }
        XCTAssertEqual(table.strings.count, ids.count)
        XCTAssertEqual(table.references, texts.count)
        for (text, id) in ids { XCTAssertEqual(table.strings[id], text) }
    }

    func testTextsAreTheSameOnlyByteForByte() {
        var table = SharedStringTable()
        let composed = "Bez\u{E9}", decomposed = "Beze\u{301}" // equal as Swift Strings, not as bytes
        let a = table.id(for: composed), b = table.id(for: decomposed)
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(table.id(for: ""), table.id(for: ""))
        XCTAssertNotEqual(table.id(for: "12345678"), table.id(for: "123456780"))
        XCTAssertEqual(table.strings.map { Array($0.utf8) }, [Array(composed.utf8), Array(decomposed.utf8), [],
                                                                 Array("12345678".utf8), Array("123456780".utf8)])
    }

    func testAFullTableSendsNewTextsInlineButKeepsFindingOldOnes() {
        var table = SharedStringTable(maxBytes: 200)
        XCTAssertEqual(table.id(for: "first"), 0)
        XCTAssertEqual(table.id(for: "second"), 1)
        XCTAssertEqual(table.id(for: "third"), 2)
        XCTAssertEqual(table.id(for: "fourth"), 3)
        XCTAssertNil(table.id(for: "fifth"))
        XCTAssertEqual(table.id(for: "second"), 1)
    }
}
