import CommandArguments
import WorkbookIO
import Zip

/// The limits that bound what reading one workbook may cost, for every
/// command that reads workbooks. Going over one is an error that names it.
struct ReadingLimitOptions {
    static let maxPartSize = limit("max-part-size", "Largest uncompressed part of a workbook, in MiB.",
                                   ZipLimits.default.maxEntrySize >> 20)
    static let maxTotalSize = limit("max-total-size", "Largest uncompressed size of all parts read, in MiB.",
                                    ZipLimits.default.maxTotalSize >> 20)
    static let maxCompressionRatio = limit("max-compression-ratio",
                                           "Largest ratio of uncompressed to compressed size (checked beyond 64 MiB).",
                                           ZipLimits.default.maxCompressionRatio)
    static let maxCells = limit("max-cells", "Most cells with a value in one sheet.", WorkbookFile.Options().maxCellsPerSheet)
    static let maxCellsInMemory = limit("max-cells-in-memory",
                                        "Most cells held in memory at once where sheets are read whole (cat, convert, validate, merge).",
                                        WorkbookFile.Options().maxCellsInMemory)
    static let maxEntries = limit("max-entries", "Most parts (zip entries) in a workbook package.", ZipLimits.default.maxEntries)
    static let maxSheets = limit("max-sheets", "Most sheets in a workbook.", WorkbookFile.Options().maxSheets)
    static let maxStringLength = limit("max-string-length", "Longest text in a cell (any run of XML text), in bytes.",
                                       WorkbookFile.Options().xmlLimits.maxTextLength)
    static let maxDepth = limit("max-depth", "Deepest nesting of XML elements in a part.", WorkbookFile.Options().xmlLimits.maxDepth)
    static let maxAttributeLength = limit("max-attribute-length", "Longest XML attribute value, in bytes.",
                                          WorkbookFile.Options().xmlLimits.maxAttributeLength)

    /// Every limit, for a command's parameters.
    static let parameters = [maxPartSize, maxTotalSize, maxCompressionRatio, maxCells, maxCellsInMemory, maxEntries, maxSheets,
                             maxStringLength, maxDepth, maxAttributeLength]

    private static func limit(_ name: String, _ help: String, _ value: some BinaryInteger) -> Parameter {
        .option(name, help: help, default: String(value), group: "LIMITS")
    }

    let options: WorkbookFile.Options

    init(_ arguments: ParsedArguments) throws {
        var o = WorkbookFile.Options()
        o.zipLimits.maxEntrySize = try Self.mebibytes(arguments, Self.maxPartSize)
        o.zipLimits.maxTotalSize = try Self.mebibytes(arguments, Self.maxTotalSize)
        o.zipLimits.maxCompressionRatio = try arguments.value(Self.maxCompressionRatio)
        o.maxCellsPerSheet = try arguments.value(Self.maxCells)
        o.maxCellsInMemory = try arguments.value(Self.maxCellsInMemory)
        o.zipLimits.maxEntries = try arguments.value(Self.maxEntries)
        o.maxSheets = try arguments.value(Self.maxSheets)
        o.xmlLimits.maxTextLength = try arguments.value(Self.maxStringLength)
        o.xmlLimits.maxDepth = try arguments.value(Self.maxDepth)
        o.xmlLimits.maxAttributeLength = try arguments.value(Self.maxAttributeLength)
        options = o
    }

    /// A size given in MiB, in bytes; sizes beyond what a byte count holds are refused.
    private static func mebibytes(_ arguments: ParsedArguments, _ parameter: Parameter) throws -> UInt64 {
        let value: UInt64 = try arguments.value(parameter)
        guard value <= UInt64.max >> 20 else { throw arguments.refuse("\(parameter.displayName) \(value) is more bytes than can be counted") }
        return value << 20
    }
}
