/// The rules Excel sets for sheet names, which LibreOffice and gnumeric
/// accept too: 1 to 31 characters, none of `[ ] : * ? / \`, not starting or
/// ending with an apostrophe, unique within a workbook ignoring case.
public enum SheetName {
    public static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Why `name` cannot be a sheet name, or nil when it can.
    public static func problem(with name: String) -> String? {
        if name.isEmpty { return "a sheet name cannot be empty" }
        if name.count > 31 { return "sheet name \"\(name)\" is longer than 31 characters" }
        if let bad = name.first(where: { forbidden.contains($0) }) {
            return "sheet name \"\(name)\" contains \"\(bad)\" (none of [ ] : * ? / \\ is allowed)"
        }
        if name.hasPrefix("'") || name.hasSuffix("'") { return "sheet name \"\(name)\" starts or ends with an apostrophe" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 }) { return "sheet name \"\(name)\" contains a control character" }
        return nil
    }

    /// Checks a whole list: each name valid, none twice ignoring case.
    public static func problem(with names: [String]) -> String? {
        var seen: Set<String> = []
        for name in names {
            if let problem = problem(with: name) { return problem }
            if !seen.insert(name.lowercased()).inserted { return "sheet name \"\(name)\" is used twice (names ignore case)" }
        }
        return nil
    }
}
