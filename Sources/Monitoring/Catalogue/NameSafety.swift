/// What makes a catalogue code unfit to become a file or sheet name, or a
/// name unfit to stand in a cell, a header or a report title. Department
/// codes become file names (`Vorlage_2008_Amt_40.xlsx`), indicator codes
/// sheet names (`B01`); a code such as `x/../../esc` would write outside
/// the folder it was given, and one Excel refuses as a sheet name would
/// break `template` and `report` halfway.
public enum NameProblem: Hashable, Sendable {
    /// `/` or `\`: a path separator in a file name.
    case pathSeparator(Character)
    /// `..`, the parent folder.
    case parentFolder
    /// One of `: ? * [ ]`, which Excel forbids in sheet names (`/ \` are the path separators above).
    case forbiddenInSheetName(Character)
    /// Excel allows at most 31 characters in a sheet name.
    case tooLong(count: Int)
    /// A line break, tab, escape or other control character.
    case controlCharacter(UInt32)
    /// Blanks before or after the code.
    case surroundingBlanks
    /// Excel refuses a sheet name that begins or ends with an apostrophe.
    case apostropheAtEdge
    /// The name of a sheet every template or feedback copy has already
    /// (`Angaben`, `Hinweise`, `Prüfprotokoll`, their English names), or
    /// `History`, which Excel keeps for itself.
    case reservedSheetName

    /// Excel's limit for sheet names, which codes must keep (ECMA-376 Part 1, 18.2.20 `sheet@name`; Excel's UI rule).
    public static let maximumCodeLength = 31

    /// The problems of a code that becomes a file and sheet name, as typed
    /// into the catalogue (not trimmed).
    public static func ofCode(_ raw: String) -> [NameProblem] {
        var problems: [NameProblem] = []
        if raw != raw.trimmed { problems.append(.surroundingBlanks) }
        for ch in Set(raw.filter { $0 == "/" || $0 == "\\" }).sorted() { problems.append(.pathSeparator(ch)) }
        if raw.contains("..") { problems.append(.parentFolder) }
        for ch in Set(raw.filter { ":?*[]".contains($0) }).sorted() { problems.append(.forbiddenInSheetName(ch)) }
        let trimmed = raw.trimmed
        if trimmed.hasPrefix("'") || trimmed.hasSuffix("'") { problems.append(.apostropheAtEdge) }
        if raw.count > maximumCodeLength { problems.append(.tooLong(count: raw.count)) }
        problems += ofName(raw)
        return problems
    }

    /// Sheet names a template, a feedback copy or Excel itself already uses, in either language.
    static let reservedSheetNames = ["Angaben", "Details", "Hinweise", "Notes", "Prüfprotokoll", "Check report", "History"]

    /// The problems of a code that becomes a sheet name beside the
    /// template's own sheets (an indicator code).
    public static func ofSheetCode(_ raw: String) -> [NameProblem] {
        let reserved = reservedSheetNames.contains { $0.lowercased() == raw.trimmed.lowercased() }
        return ofCode(raw) + (reserved ? [.reservedSheetName] : [])
    }

    /// The problems of a name shown in cells and titles: control characters
    /// (a line break in a district name breaks a header row and a sheet title).
    public static func ofName(_ raw: String) -> [NameProblem] {
        var seen: Set<UInt32> = []
        var problems: [NameProblem] = []
        for scalar in raw.unicodeScalars where scalar.properties.generalCategory == .control && seen.insert(scalar.value).inserted {
            problems.append(.controlCharacter(scalar.value))
        }
        return problems
    }
}
