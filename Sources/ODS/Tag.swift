import XMLStream

/// Edits to the bytes of one start tag: an attribute set, replaced or
/// removed, a self-closing tag opened, the matching end tag. Names are
/// qualified names as the tag writes them.
enum Tag {
    /// The tag with `qname` set to `value` (escaped), or removed when `value` is nil.
    static func setting(_ tag: [UInt8], _ qname: String, to value: String?) -> [UInt8] {
        let name = Array(qname.utf8)
        var out = tag
        tag.withUnsafeBytes { b in
            for attribute in StartTagAttributes.ranges(b, 1, b.count - 1) where Array(b[attribute.name]) == name {
                var from = attribute.name.lowerBound
                while from > 0 && MarkupBytes.isSpace(b[from - 1]) { from -= 1 }
                out.removeSubrange(from..<(attribute.value.upperBound + 1))
                break
            }
        }
        guard let value else { return out }
        let selfClosing = out.count >= 2 && out[out.count - 2] == UInt8(ascii: "/")
        let at = out.count - (selfClosing ? 2 : 1)
        out.insert(contentsOf: [0x20] + name + Array("=\"".utf8) + escaped(value) + [UInt8(ascii: "\"")], at: at)
        return out
    }

    /// A self-closing tag as a start tag that content can follow.
    static func opened(_ tag: [UInt8]) -> [UInt8] {
        guard tag.count >= 2, tag[tag.count - 2] == UInt8(ascii: "/") else { return tag }
        return Array(tag[..<(tag.count - 2)]) + [UInt8(ascii: ">")]
    }

    /// `</name>` for the tag `<name …>`.
    static func endTag(of tag: [UInt8]) -> [UInt8] {
        var end = 1
        while end < tag.count && !MarkupBytes.isNameEnd(tag[end]) { end += 1 }
        return Array("</".utf8) + tag[1..<end] + [UInt8(ascii: ">")]
    }

    /// An attribute value as XML needs it written.
    static func escaped(_ value: String) -> [UInt8] {
        var buffer = XMLBuffer()
        buffer.attribute(value)
        return buffer.bytes
    }

    /// Where `needle` first occurs in `haystack`.
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count, let first = needle.first else { return nil }
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == first && Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}
