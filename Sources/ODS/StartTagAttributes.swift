import XMLStream

/// The attributes of one start tag whose bounds are known, as byte ranges
/// of their qualified names and (unquoted) values: what the table listing
/// reads, and what an annotated copy edits in place.
enum StartTagAttributes {
    /// `name="value"` pairs of the tag from `start` (just after `<`) to `end` (its `>`).
    static func ranges(_ b: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> [(name: Range<Int>, value: Range<Int>)] {
        var out: [(name: Range<Int>, value: Range<Int>)] = []
        var i = start
        while i < end && !MarkupBytes.isNameEnd(b[i]) { i += 1 } // the element name
        while i < end {
            while i < end && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D || b[i] == UInt8(ascii: "/")) { i += 1 }
            let nameStart = i
            while i < end && b[i] != UInt8(ascii: "=") && !MarkupBytes.isSpace(b[i]) { i += 1 }
            let nameEnd = i
            while i < end && b[i] != UInt8(ascii: "\"") && b[i] != UInt8(ascii: "'") { i += 1 }
            guard i < end else { break }
            let quote = b[i]
            i += 1
            let valueStart = i
            while i < end && b[i] != quote { i += 1 }
            out.append((nameStart..<nameEnd, valueStart..<min(i, end)))
            i += 1
        }
        return out
    }
}
