import XCTest
@testable import XMLStream

/// Names must intern to one entry per text, whichever way they are looked
/// up: byte by byte, or by their 32-byte heads where 32 bytes can be read.
final class NameInterningTests: XCTestCase {
    func testEveryNameKeepsOneEntryWhicheverWayItIsLookedUp() {
        var generator = SystemRandomNumberGenerator()
        var table = XMLNameTable()
        defer { table.release() }
        // Few letters, so that names share long prefixes and differ late.
        let letters = Array("ab:-".utf8)
        var entryOfText: [[UInt8]: Int] = [:]
        var textOfEntry: [Int: [UInt8]] = [:]
        // Half the names begin with the same 16 bytes: more of them than
        // slots, so that slots are shared by names differing after byte 16.
        let common = Array("table:table-cell".utf8)
        for round in 0..<40_000 {
            var name = (0..<Int.random(in: 1...40, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
            if round % 2 == 0 { name = Array((common + name).prefix(Int.random(in: 17...34, using: &generator))) }
            let length = name.count
            // The name, then bytes that are not part of it, as in a tag.
            let buffer = name + Array(#"="x" b:a-="y"/>"#.utf8) + [UInt8](repeating: 0x61, count: 40)
            let index = buffer.withUnsafeBufferPointer { bytes in
                Bool.random(using: &generator)
                    ? table.intern(bytes.baseAddress!, length, readable: bytes.count)
                    : table.intern(bytes.baseAddress!, length)
            }
            if let known = entryOfText[name] {
                XCTAssertEqual(index, known, String(decoding: name, as: UTF8.self))
            } else {
                XCTAssertNil(textOfEntry[index], "\(String(decoding: name, as: UTF8.self)) took another name's entry")
                entryOfText[name] = index
                textOfEntry[index] = name
            }
        }
    }
}
