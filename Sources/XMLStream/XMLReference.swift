/// The references the parsers replace (XML 1.0, 4.1 and 4.6): the five
/// predefined entities and character references to characters; a
/// DOCTYPE, and with it any other entity, is refused.
public enum XMLReference {
    /// The code point the reference named `name` (the bytes between `&`
    /// and `;`) stands for, or nil when the parsers refuse it.
    public static func codePoint(named name: UnsafeBufferPointer<UInt8>) -> UInt32? {
        if name.first == UInt8(ascii: "#") {
            guard let number = XMLCharacters.characterReference(name.dropFirst()), XMLCharacters.isXMLChar(number) else {
                return nil
            }
            return number
        }
        switch String(decoding: name, as: UTF8.self) {
        case "lt": return 0x3C
        case "gt": return 0x3E
        case "amp": return 0x26
        case "quot": return 0x22
        case "apos": return 0x27
        default: return nil
        }
    }

    /// Appends `text` with its references replaced by their characters;
    /// a reference the parsers refuse is kept as it stands.
    public static func decode(_ text: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        var i = 0
        var scratch: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        while i < text.count {
            guard text[i] == UInt8(ascii: "&") else {
                out.append(text[i])
                i += 1
                continue
            }
            var end = i + 1
            while end < text.count && text[end] != UInt8(ascii: ";") { end += 1 }
            guard end < text.count,
                  let codePoint = codePoint(named: UnsafeBufferPointer(
                    start: text.baseAddress!.assumingMemoryBound(to: UInt8.self) + i + 1, count: end - i - 1)) else {
                out.append(text[i])
                i += 1
                continue
            }
            withUnsafeMutableBytes(of: &scratch) { bytes in
                let utf8 = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
                out.append(contentsOf: UnsafeBufferPointer(start: utf8, count: XMLCharacters.encodeUTF8(codePoint, into: utf8)))
            }
            i = end + 1
        }
    }
}
