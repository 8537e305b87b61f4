/// Tolerant matching of district names and numbers as people type them:
/// case, spaces, hyphens, umlauts spelt out (`Neue Neustadt`,
/// `Neue-Neustadt`, `neue neustadt`; `Neustaedter See`), numbers with or
/// without leading zeros.
public enum NameMatching {
    public static func key(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            switch ch {
            case "ä": out += "ae"
            case "ö": out += "oe"
            case "ü": out += "ue"
            case "ß": out += "ss"
            case " ", "-", "_", ".", ",", "\u{00A0}", "–", "/", "(", ")": continue
            default: out.append(ch)
            }
        }
        return out
    }

    /// `1`, `01`, `1.0` → `1`.
    public static func numberKey(_ text: String) -> String? {
        var t = text.trimmed
        if t.hasSuffix(".0") { t = String(t.dropLast(2)) }
        guard !t.isEmpty, t.allSatisfy(\.isNumber), let n = Int(t) else { return nil }
        return String(n)
    }
}
