/// Whether a sheet shows as a tab (ECMA-376 Part 1, 18.18.68 `ST_SheetState`).
public enum SheetVisibility: String, Sendable, Codable {
    case visible
    case hidden
    /// Hidden so that the user interface cannot show it again (XLSX only).
    case veryHidden = "veryhidden"
}

/// A worksheet as the workbook lists it, before any cell is read.
public struct SheetInfo: Hashable, Sendable {
    /// The name exactly as stored.
    public var name: String
    public var visibility: SheetVisibility

    public init(name: String, visibility: SheetVisibility = .visible) {
        self.name = name
        self.visibility = visibility
    }
}
