import XCTest
import XMLStream

/// Records events as text: `<{ns}name a=v>`, `</name>`, text.
private final class Recorder: XMLEventHandler {
    var events: [String] = []
    var text = ""

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        flush()
        let attrs = attributes.map { " \($0.name.namespaceURI == nil ? "" : "{\($0.name.namespace)}")\($0.name.local)=\($0.string)" }
        events.append("<{\(name.namespace)}\(name.local)\(attrs.joined())>")
    }

    func endElement(_ name: XMLName) throws {
        flush()
        events.append("</\(name.local)>")
    }

    func characters(_ bytes: UnsafeRawBufferPointer) throws {
        text += String(decoding: bytes, as: UTF8.self)
    }

    private func flush() {
        if !text.isEmpty { events.append(text); text = "" }
    }
}

final class XMLPushParserTests: XCTestCase {
    private func events(_ xml: String, chunk: Int = 1 << 16) throws -> [String] {
        let recorder = Recorder()
        let parser = XMLPushParser(handler: recorder)
        let bytes = Array(xml.utf8)
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunk)
            try bytes[offset..<end].withUnsafeBytes { try parser.feed($0) }
            offset = end
        }
        try parser.finish()
        return recorder.events
    }

    func testNamespacesResolveByURINotPrefix() throws {
        let a = try events(#"<x:a xmlns:x="urn:main"><x:b/></x:a>"#)
        let b = try events(#"<a xmlns="urn:main"><b></b></a>"#)
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.first, "<{urn:main}a>")
    }

    func testAttributeEntitiesAndCharacterReferencesAreDecoded() throws {
        let e = try events(#"<a name="5&amp;4 &#x41;&lt;" xmlns:r="urn:r" r:id="rId1">x &amp; y</a>"#)
        XCTAssertEqual(e, ["<{}a name=5&4 A< {urn:r}id=rId1>", "x & y", "</a>"])
    }

    func testFeedingOneByteAtATimeGivesTheSameEvents() throws {
        let xml = #"<?xml version="1.0" encoding="UTF-8"?><a><b k="v">héllo <![CDATA[<raw>]]></b></a>"#
        XCTAssertEqual(try events(xml, chunk: 1), try events(xml))
        XCTAssertEqual(try events(xml).dropFirst(1).first, "<{}b k=v>")
        XCTAssertEqual(try events(xml)[2], "héllo <raw>")
    }

    func testDoctypeIsRefusedSoEntityBombsNeverExpand() {
        let bomb = """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <lolz>&lol2;</lolz>
            """
        XCTAssertThrowsError(try events(bomb)) { XCTAssertEqual($0 as? XMLError, .doctypeNotAllowed) }
    }

    func testExternalEntityIsNeverRead() {
        let xxe = #"<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>"#
        XCTAssertThrowsError(try events(xxe)) { XCTAssertEqual($0 as? XMLError, .doctypeNotAllowed) }
    }

    func testUndeclaredEntityIsMalformed() {
        XCTAssertThrowsError(try events("<a>&nope;</a>")) { error in
            guard case .malformed = error as? XMLError else { return XCTFail("\(error)") }
        }
    }

    func testTruncatedDocumentIsReported() {
        XCTAssertThrowsError(try events("<a><b>text")) { XCTAssertEqual($0 as? XMLError, .truncated) }
        XCTAssertThrowsError(try events("")) { XCTAssertEqual($0 as? XMLError, .truncated) }
    }

    func testMismatchedTagNamesLine() {
        XCTAssertThrowsError(try events("<a>\n<b></c></a>")) { error in
            guard case .malformed(_, let line, _) = error as? XMLError else { return XCTFail("\(error)") }
            XCTAssertEqual(line, 2)
        }
    }

    func testUTF16DocumentsWithAndWithoutByteOrderMarkRead() throws {
        let xml = #"<?xml version="1.0" encoding="UTF-16"?><a k="ä">ö</a>"#
        let be: [UInt8] = xml.utf16.flatMap { (u: UInt16) -> [UInt8] in [UInt8(u >> 8), UInt8(u & 0xFF)] }
        let le: [UInt8] = [0xFF, 0xFE] + xml.utf16.flatMap { (u: UInt16) -> [UInt8] in [UInt8(u & 0xFF), UInt8(u >> 8)] }
        for bytes in [be, le] {
            let recorder = Recorder()
            try XMLPushParser.parse(bytes, handler: recorder)
            XCTAssertEqual(recorder.events, ["<{}a k=ä>", "ö", "</a>"])
        }
    }

    func testHandlerErrorStopsTheParseAndIsRethrown() {
        struct Stop: Error {}
        final class Stopper: XMLEventHandler {
            var seen = 0
            func startElement(_ name: XMLName, attributes: XMLAttributes) throws { seen += 1; if seen == 2 { throw Stop() } }
            func endElement(_ name: XMLName) throws {}
            func characters(_ text: UnsafeRawBufferPointer) throws {}
        }
        let stopper = Stopper()
        XCTAssertThrowsError(try XMLPushParser.parse(Array("<a><b/><c/><d/></a>".utf8), handler: stopper)) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(stopper.seen, 2)
    }

    func testElementTreeKeepsAttributesChildrenAndText() throws {
        let root = try XMLElement.parse(Array(#"<r xmlns:x="urn:x"><c a="1" x:b="2">t</c><c/></r>"#.utf8))
        XCTAssertEqual(root.children(named: "c").count, 2)
        XCTAssertEqual(root.child(named: "c")?[attribute: "a"], "1")
        XCTAssertEqual(root.child(named: "c")?.attribute("b", in: ["urn:x"]), "2")
        XCTAssertEqual(root.child(named: "c")?.text, "t")
    }
}
