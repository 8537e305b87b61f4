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

    var options: WorkbookFile.Options {
        var o = WorkbookFile.Options()
        o.zipLimits.maxEntrySize = maxPartSize << 20
        o.zipLimits.maxTotalSize = maxTotalSize << 20
        o.zipLimits.maxCompressionRatio = maxCompressionRatio
        o.maxCellsPerSheet = maxCells
        return o
    }
}
