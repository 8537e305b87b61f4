/// The file formats imon reads, recognised by content.
public enum WorkbookFormat: String, Sendable, Codable {
    /// Office Open XML SpreadsheetML (`.xlsx`, `.xlsm`, `.xltx`).
    case xlsx
    /// OpenDocument spreadsheet in a zip package (`.ods`).
    case ods
    /// OpenDocument spreadsheet as one XML document (`.fods`).
    case fods
    /// Comma- or tab-separated text: one sheet.
    case csv
    /// The canonical JSON dump of a workbook (shared/conformance/FORMAT.md).
    case json

    /// The file name extension a file of this format carries.
    public var fileExtension: String { rawValue }
}

/// What the first bytes of a file say it is.
public enum FileSignature: Sendable, Equatable {
    /// A zip package (XLSX, ODS, or something else zipped).
    case zip
    /// An OLE2 compound file: a legacy `.xls`, or an encrypted OOXML workbook.
    case compoundFile
    /// An XML document (possibly a flat ODS).
    case xml
    case unknown

    /// Looks at the first bytes of a file.
    public static func detect(_ head: some Collection<UInt8>) -> FileSignature {
        let bytes = Array(head.prefix(8))
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
            || bytes.starts(with: [0x50, 0x4B, 0x07, 0x08]) {
            return .zip
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .compoundFile }
        var rest = bytes[...]
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        while let b = rest.first, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { rest = rest.dropFirst() }
        if rest.first == UInt8(ascii: "<") || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .xml
        }
        return .unknown
    }
}
