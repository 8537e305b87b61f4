import ArgumentParser
import WorkbookIO
import Zip

/// The limits that bound what reading one workbook may cost, for every
/// command that reads workbooks. Going over one is an error that names it.
struct ReadingLimitOptions: ParsableArguments {
    @Option(help: "Largest uncompressed part of a workbook, in MiB.")
    var maxPartSize: UInt64 = ZipLimits.default.maxEntrySize >> 20

    @Option(help: "Largest uncompressed size of all parts read, in MiB.")
    var maxTotalSize: UInt64 = ZipLimits.default.maxTotalSize >> 20

    @Option(help: "Largest ratio of uncompressed to compressed size (checked beyond 64 MiB).")
    var maxCompressionRatio: UInt64 = ZipLimits.default.maxCompressionRatio

    @Option(help: "Most cells with a value in one sheet.")
    var maxCells: Int = WorkbookFile.Options().maxCellsPerSheet

    @Option(help: "Most parts (zip entries) in a workbook package.")
    var maxEntries: Int = ZipLimits.default.maxEntries

    @Option(help: "Most sheets in a workbook.")
    var maxSheets: Int = WorkbookFile.Options().maxSheets

    @Option(help: "Longest text in a cell (any run of XML text), in bytes.")
    var maxStringLength: Int = WorkbookFile.Options().xmlLimits.maxTextLength

    @Option(help: "Deepest nesting of XML elements in a part.")
    var maxDepth: Int = WorkbookFile.Options().xmlLimits.maxDepth

    @Option(help: "Longest XML attribute value, in bytes.")
    var maxAttributeLength: Int = WorkbookFile.Options().xmlLimits.maxAttributeLength

    var options: WorkbookFile.Options {
        var o = WorkbookFile.Options()
        o.zipLimits.maxEntrySize = maxPartSize << 20
        o.zipLimits.maxTotalSize = maxTotalSize << 20
        o.zipLimits.maxCompressionRatio = maxCompressionRatio
        o.maxCellsPerSheet = maxCells
        o.zipLimits.maxEntries = maxEntries
        o.maxSheets = maxSheets
        o.xmlLimits.maxTextLength = maxStringLength
        o.xmlLimits.maxDepth = maxDepth
        o.xmlLimits.maxAttributeLength = maxAttributeLength
        return o
    }
}
