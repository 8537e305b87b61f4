import XMLStream

/// Writing text into OOXML string items: `<t>` with `xml:space="preserve"`
/// where white space would otherwise be lost, control characters as
/// `_xHHHH_` and a literal `_xHHHH_` protected as `_x005F_xHHHH_`
/// (ECMA-376 Part 1, 22.9.2.19).
enum OOXMLText {
    static func appendT(_ text: String, to out: inout XMLBuffer) {
        let utf8 = text.utf8
        let needsPreserve = utf8.first.map(isSpace) == true || utf8.last.map(isSpace) == true
        out.raw(needsPreserve ? "<t xml:space=\"preserve\">" : "<t>")
        if needsEscapes(text) {
            out.text(escaped(text))
        } else {
            out.text(text)
        }
        out.raw("</t>")
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    static func needsEscapes(_ text: String) -> Bool {
        for b in text.utf8 where (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == UInt8(ascii: "_") || b == 0xEF {
            return true
        }
        return false
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if (s.value < 0x20 && s.value != 0x09 && s.value != 0x0A && s.value != 0x0D) || s.value == 0xFFFE || s.value == 0xFFFF {
                out += "_x" + hex4(s.value) + "_"
            } else if s == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
                      scalars[(i + 2)...(i + 5)].allSatisfy({ $0.properties.isASCIIHexDigit }) {
                out += "_x005F_"
            } else {
                out.unicodeScalars.append(s)
            }
            i += 1
        }
        return out
    }

    private static func hex4(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
