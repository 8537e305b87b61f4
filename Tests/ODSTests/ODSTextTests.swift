import XCTest
import XMLStream
@testable import ODS

final class ODSTextTests: XCTestCase {
    private func paragraphs(_ text: String, link: String? = nil) -> String {
        var out = XMLBuffer()
        ODSText.appendParagraphs(text, link: link, to: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    func testSpacesThatLibreOfficeWouldCollapseAreWrittenAsTextS() {
        XCTAssertEqual(paragraphs("a b"), "<text:p>a b</text:p>")
        XCTAssertEqual(paragraphs("a  b"), #"<text:p>a<text:s text:c="2"/>b</text:p>"#)
        XCTAssertEqual(paragraphs(" lead"), #"<text:p><text:s text:c="1"/>lead</text:p>"#)
        XCTAssertEqual(paragraphs("trail "), #"<text:p>trail<text:s text:c="1"/></text:p>"#)
        XCTAssertEqual(paragraphs("   "), #"<text:p><text:s text:c="3"/></text:p>"#)
        XCTAssertEqual(paragraphs("Straße  café"), #"<text:p>Straße<text:s text:c="2"/>café</text:p>"#)
    }

    func testLinesBecomeParagraphsAndALoneCarriageReturnStays() {
        XCTAssertEqual(paragraphs(""), "<text:p></text:p>")
        XCTAssertEqual(paragraphs("x\r\ny\rz\n"), "<text:p>x</text:p><text:p>y&#13;z</text:p><text:p></text:p>")
        XCTAssertEqual(paragraphs("a\n\nb"), "<text:p>a</text:p><text:p></text:p><text:p>b</text:p>")
        XCTAssertEqual(paragraphs("tab\there"), "<text:p>tab\there</text:p>")
    }

    func testMarkupIsEscapedAndTheLinkWrapsTheFirstParagraph() {
        XCTAssertEqual(paragraphs("a & <b> \"q\""), "<text:p>a &amp; &lt;b&gt; \"q\"</text:p>")
        XCTAssertEqual(paragraphs("Bericht\nSeite 2", link: "https://example.org/?a=1&b=2"),
                       #"<text:p><text:a xlink:href="https://example.org/?a=1&amp;b=2" xlink:type="simple">Bericht</text:a></text:p><text:p>Seite 2</text:p>"#)
    }
}
