/// How a CSV or TSV is spelled for the program that opens it: the field
/// separator, the decimal mark of numbers and whether the file begins with
/// a byte order mark.
public struct DelimitedDialect: Sendable, Equatable {
    /// The separator of CSV fields (TSV always uses a tab).
    public var separator: UInt8
    /// Numbers written with a decimal comma (`12,5`) instead of a point.
    public var decimalComma: Bool
    /// The file begins with the UTF-8 byte order mark: Excel reads a CSV as
    /// UTF-8 only then, and as the system's ANSI code page otherwise (so
    /// `Einwohner über 65` would show as `Einwohner Ã¼ber 65`).
    public var byteOrderMark: Bool

    /// A dialect of its own; the three below are the ones imon uses.
    public init(separator: UInt8, decimalComma: Bool, byteOrderMark: Bool) {
        self.separator = separator
        self.decimalComma = decimalComma
        self.byteOrderMark = byteOrderMark
    }

    /// RFC 4180: comma, decimal point, no byte order mark; for other programs.
    public static let plain = DelimitedDialect(separator: UInt8(ascii: ","), decimalComma: false, byteOrderMark: false)
    /// What German Excel and LibreOffice expect: semicolon, decimal comma, UTF-8 with byte order mark.
    public static let germanSpreadsheet = DelimitedDialect(separator: UInt8(ascii: ";"), decimalComma: true, byteOrderMark: true)
    /// What English Excel expects: comma, decimal point, UTF-8 with byte order mark.
    public static let englishSpreadsheet = DelimitedDialect(separator: UInt8(ascii: ","), decimalComma: false, byteOrderMark: true)
}
