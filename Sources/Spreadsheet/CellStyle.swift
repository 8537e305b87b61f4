/// A colour as 8-bit red, green and blue.
public struct RGBColor: Hashable, Sendable {
    public var red: UInt8, green: UInt8, blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `RGBColor(hex: 0xDDEBF7)`.
    public init(hex: UInt32) {
        self.init(red: UInt8(hex >> 16 & 0xFF), green: UInt8(hex >> 8 & 0xFF), blue: UInt8(hex & 0xFF))
    }

    /// `DDEBF7`, as OOXML writes colours (with an `FF` alpha prefix there).
    public var hex: String {
        let digits = Array("0123456789ABCDEF")
        return String([red, green, blue].flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }
}

/// How a cell looks: font, fill, borders, alignment, number format, and
/// whether it stays locked when the sheet is protected. The default value
/// is a plain, locked cell in the General format.
public struct CellStyle: Hashable, Sendable {
    public enum HorizontalAlignment: String, Hashable, Sendable { case general, left, center, right }
    public enum VerticalAlignment: String, Hashable, Sendable { case bottom, center, top }
    public enum BorderLine: String, Hashable, Sendable { case none, thin, medium }

    public var bold = false
    public var italic = false
    /// Font size in points; nil for the workbook default (11 pt in XLSX, 10 pt in ODS).
    public var fontSize: Double?
    public var fontColor: RGBColor?
    public var fill: RGBColor?
    /// The same line on all four edges.
    public var border: BorderLine = .none
    public var horizontal: HorizontalAlignment = .general
    public var vertical: VerticalAlignment = .bottom
    public var wrapText = false
    public var numberFormat: NumberFormatStyle = .general
    /// Locked cells cannot be edited when the sheet is protected.
    public var locked = true

    public init() {}

    public static let plain = CellStyle()

    /// A bold header cell with a light fill and thin borders.
    public static var header: CellStyle {
        var style = CellStyle()
        style.bold = true
        style.fill = RGBColor(hex: 0xDDEBF7)
        style.border = .thin
        style.wrapText = true
        style.vertical = .center
        return style
    }

    /// This style with another number format.
    public func with(_ format: NumberFormatStyle) -> CellStyle {
        var copy = self
        copy.numberFormat = format
        return copy
    }
}
