import Spreadsheet

/// A problem in a catalogue, with where it is: the sheet and cell of the
/// catalogue workbook when it was read from one. Words for people come
/// from `CatalogueFindingText`.
public struct CatalogueFinding: Hashable, Sendable {
    public var kind: CatalogueFindingKind
    public var sheet: String
    public var cell: CellReference?

    public init(_ kind: CatalogueFindingKind, sheet: String, cell: CellReference? = nil) {
        self.kind = kind
        self.sheet = sheet
        self.cell = cell
    }

    /// A stable code: `duplicate-code`, `unknown-department`, …
    public var code: String { kind.code }

    /// What is wrong, in `language`.
    public func message(_ language: Language) -> String { CatalogueFindingText.message(kind, language) }
}
