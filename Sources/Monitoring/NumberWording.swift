import Spreadsheet

extension Language {
    /// A number as people of this language write it in a sentence: German
    /// with a decimal comma and a dot between thousands (`40,5`, `8.686`),
    /// English as the shortest decimal (`40.5`, `8686`).
    public func number(_ n: Double) -> String {
        let plain = NumberText.shortest(n)
        guard self == .de, !plain.contains("e"), n.isFinite else { return plain }
        let negative = plain.hasPrefix("-")
        let digits = negative ? plain.dropFirst() : Substring(plain)
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var whole = String(parts[0])
        if whole.count > 3 {
            var grouped = ""
            for (i, ch) in whole.enumerated() {
                if i > 0 && (whole.count - i) % 3 == 0 { grouped.append(".") }
                grouped.append(ch)
            }
            whole = grouped
        }
        return (negative ? "-" : "") + whole + (parts.count > 1 ? "," + parts[1] : "")
    }

    /// A whole number in this language's writing (`8.686`, `8686`).
    public func number(_ n: Int) -> String { number(Double(n)) }
}
