@testable import XMLStream
import XCTest

/// libxml2 is opened when a part first needs it; without it, such a part
/// fails with a message saying what to install, and nothing else does.
final class LibXML2LoadingTests: XCTestCase {
    func testTheLibraryLoadsWhenAPartNeedsIt() throws {
        let xml = try LibXML2.shared.get()
        XCTAssertNotNil(xml.createPushParser(nil, nil, nil, 0, nil).map { context in xml.freeParser(context) })
    }

    func testAMissingLibrarySaysWhatToInstall() {
        guard case .failure(let error) = LibXML2.load("libxml2-not-installed.so.2") else {
            return XCTFail("a library that is not there loaded")
        }
        guard case .libraryMissing(let name, _) = error else { return XCTFail("\(error)") }
        XCTAssertEqual(name, "libxml2-not-installed.so.2")
        XCTAssertTrue(error.description.hasPrefix("the part is not in UTF-8; reading it needs the XML library libxml2-not-installed.so.2"),
                      error.description)
        XCTAssertTrue(error.description.hasSuffix("on Debian it comes with the package libxml2"), error.description)
    }
}
