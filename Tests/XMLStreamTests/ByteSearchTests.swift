import XCTest
@testable import XMLStream

/// The vector searches must stop exactly where the byte loops they replace
/// stop, for every byte value, at every offset and near the end.
final class ByteSearchTests: XCTestCase {
    private func nameEnd(_ b: [UInt8], _ from: Int) -> Int {
        var j = from
        while j < b.count && XMLCharacters.nameEnds[Int(b[j])] == 0 { j += 1 }
        return j
    }

    private func textStop(_ b: [UInt8], _ from: Int) -> Int {
        var j = from
        while j < b.count && !(b[j] < 0x20 || b[j] == UInt8(ascii: "&") || b[j] == UInt8(ascii: "<")) { j += 1 }
        return j
    }

    private func valueStop(_ b: [UInt8], _ from: Int, _ quote: UInt8) -> Int {
        var j = from
        while j < b.count && !(b[j] < 0x20 || b[j] == UInt8(ascii: "&") || b[j] == UInt8(ascii: "<") || b[j] == quote) {
            j += 1
        }
        return j
    }

    func testSearchesStopWhereTheByteLoopsStop() {
        var generator = SystemRandomNumberGenerator()
        // Mostly name and text bytes, so that stops lie at every distance.
        let common = Array("table:cell-value_9.x<row!?".utf8)
        for round in 0..<3_000 {
            let length = Int.random(in: 0...70, using: &generator)
            let stopRate = [2, 8, 40][round % 3]
            let bytes: [UInt8] = (0..<length).map { _ in
                Int.random(in: 0..<stopRate, using: &generator) == 0
                    ? UInt8.random(in: 0...255, using: &generator) : common.randomElement(using: &generator)!
            }
            bytes.withUnsafeBufferPointer { buffer in
                let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 16)!
                for from in 0...length {
                    XCTAssertEqual(ByteSearch.nameEnd(base, from: from, count: length), nameEnd(bytes, from), "\(bytes) \(from)")
                    XCTAssertEqual(ByteSearch.textStop(base, from: from, count: length), textStop(bytes, from))
                    for quote in [UInt8(ascii: "\""), UInt8(ascii: "'")] {
                        XCTAssertEqual(ByteSearch.valueStop(base, from: from, count: length, quote: quote),
                                       valueStop(bytes, from, quote))
                    }
                    let expected = bytes[from...].firstIndex(of: UInt8(ascii: ">"))
                    XCTAssertEqual(ByteSearch.first(UInt8(ascii: ">"), in: base, from: from, count: length), expected)
                    let three: Set<UInt8> = [UInt8(ascii: "w"), UInt8(ascii: "!"), UInt8(ascii: "?")]
                    XCTAssertEqual(ByteSearch.first(UInt8(ascii: "w"), UInt8(ascii: "!"), UInt8(ascii: "?"), in: base,
                                                    from: from, count: length),
                                   bytes[from...].firstIndex { three.contains($0) })
                }
            }
        }
    }

    func testEveryByteValueIsClassifiedAsTheTablesSay() {
        for value in 0...255 {
            // The byte at each lane of a vector, and in the scalar tail.
            for lane in 0..<20 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 20)
                bytes[lane] = UInt8(value)
                bytes.withUnsafeBufferPointer { buffer in
                    let base = buffer.baseAddress!
                    XCTAssertEqual(ByteSearch.nameEnd(base, from: 0, count: 20), nameEnd(bytes, 0), "byte \(value) lane \(lane)")
                    XCTAssertEqual(ByteSearch.textStop(base, from: 0, count: 20), textStop(bytes, 0), "byte \(value) lane \(lane)")
                    XCTAssertEqual(ByteSearch.valueStop(base, from: 0, count: 20, quote: UInt8(ascii: "'")),
                                   valueStop(bytes, 0, UInt8(ascii: "'")), "byte \(value) lane \(lane)")
                }
            }
        }
    }
}
