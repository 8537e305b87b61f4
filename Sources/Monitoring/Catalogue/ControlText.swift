/// Control characters shown so that people see them and terminals do not act on them.
enum ControlText {
    /// A control character's name as Unicode writes it: `U+000A`.
    static func name(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The text with each control character replaced by its `U+` name in angle brackets.
    static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control { out += "<" + name(scalar.value) + ">" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
