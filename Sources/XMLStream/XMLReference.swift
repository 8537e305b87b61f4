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
}
