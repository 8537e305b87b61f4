import XMLStream

/// Collects the text of a string item (`<si>` or `<is>`): every `<t>`,
/// directly or in rich-text runs `<r>`, but none inside phonetic runs
/// `<rPh>` (ECMA-376 Part 1, 18.4.8 `si`, 18.4.6 `rPh`).
///
/// A `<t>` without `xml:space="preserve"` loses its leading and trailing
/// ASCII whitespace, as Excel shows it.
struct RichText {
    private(set) var bytes: [UInt8] = []
    private var inText = false
    private var preserve = false
    private var segmentStart = 0
    private var phoneticDepth = 0
    private var xmlNamespace = NamespaceMatcher(Namespaces.xml)

    var isCollecting: Bool { inText }

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        inText = false
        phoneticDepth = 0
    }

    /// Feeds an element start inside the item.
    mutating func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("rPh") {
            phoneticDepth += 1
        } else if name.is("t") && phoneticDepth == 0 {
            inText = true
            segmentStart = bytes.count
            if let space = attributes.value("space", in: &xmlNamespace) {
                preserve = space.elementsEqual("preserve".utf8)
            } else {
                preserve = false
            }
        }
    }

    mutating func end(_ name: XMLName) {
        if name.is("rPh") {
            phoneticDepth -= 1
        } else if name.is("t") && inText {
            inText = false
            if !preserve { trimSegment() }
        }
    }

    /// Takes the raw text of one `<t>` outside phonetic runs, read from
    /// its bytes (`RowMarkup`), as its start, text and end would.
    mutating func takeText(_ raw: UnsafeRawBufferPointer, preserve: Bool, hasReferences: Bool) {
        segmentStart = bytes.count
        if hasReferences {
            XMLReference.decode(raw, into: &bytes)
        } else {
            bytes.append(contentsOf: raw)
        }
        if !preserve { trimSegment() }
    }

    mutating func characters(_ text: UnsafeRawBufferPointer) {
        if inText { bytes.append(contentsOf: text) }
    }

    /// The collected text with `_xHHHH_` escapes decoded.
    func string() -> String {
        bytes.withUnsafeBytes { raw in
            guard StringEscapes.mayContainEscape(raw) else { return String(decoding: raw, as: UTF8.self) }
            var decoded: [UInt8] = []
            decoded.reserveCapacity(raw.count)
            StringEscapes.decode(raw, into: &decoded)
            return String(decoding: decoded, as: UTF8.self)
        }
    }

    private mutating func trimSegment() {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var end = bytes.count
        while end > segmentStart && isSpace(bytes[end - 1]) { end -= 1 }
        var start = segmentStart
        while start < end && isSpace(bytes[start]) { start += 1 }
        if start == segmentStart && end == bytes.count { return }
        bytes.replaceSubrange(segmentStart..<bytes.count, with: Array(bytes[start..<end]))
    }
}
