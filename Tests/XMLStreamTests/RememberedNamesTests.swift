import XCTest
@testable import XMLStream

/// A handler's remembered names must stand for one name in one namespace.
final class RememberedNamesTests: XCTestCase {
    func testRememberedNamesClassifyOnceAndTellNamespacesApart() {
        let local = Array("value-type\0".utf8)
        let office = Array("urn:oasis:names:tc:opendocument:xmlns:office:1.0\0".utf8)
        let calcext = Array("urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\0".utf8)
        let remembered = RememberedNames<Int>(placeholder: -1)
        var classified = 0
        local.withUnsafeBufferPointer { l in
            office.withUnsafeBufferPointer { o in
                calcext.withUnsafeBufferPointer { c in
                    let inOffice = XMLName(l.baseAddress!, o.baseAddress!)
                    let inCalcext = XMLName(l.baseAddress!, c.baseAddress!)
                    for _ in 0..<3 {
                        XCTAssertEqual(remembered.kind(of: inOffice) { _ in classified += 1; return 1 }, 1)
                    }
                    XCTAssertEqual(classified, 1)
                    // The same local name in another namespace is another name.
                    XCTAssertEqual(remembered.kind(of: inCalcext) { _ in 2 }, 2)
                    XCTAssertEqual(remembered.kind(of: inOffice) { _ in 1 }, 1)
                }
            }
        }
    }
}
