import Spreadsheet
import Zip

/// Turns one fuzzer input into what a reader takes.
///
/// Mutating a deflated zip mostly produces inflate and CRC errors, so the
/// package targets take the parts' XML as plain text, separated by
/// `partSeparator`, and pack them stored into a fresh package. The zip layer
/// has its own target on raw bytes.
public enum FuzzInput {
    public static let partSeparator: [UInt8] = Array("\n=====\n".utf8)

    /// The input cut at every `partSeparator`.
    public static func parts(_ data: UnsafeRawBufferPointer, count: Int) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        let separator = partSeparator
        while index < data.count {
            if parts.count < count - 1, data[index] == separator[0], index + separator.count <= data.count,
               separator.indices.allSatisfy({ data[index + $0] == separator[$0] }) {
                parts.append(current)
                current = []
                index += separator.count
                continue
            }
            current.append(data[index])
            index += 1
        }
        parts.append(current)
        return parts
    }

    /// A stored zip package holding `entries` in order.
    public static func package(_ entries: [(String, [UInt8])]) -> MappedFile {
        var writer = ZipWriter()
        for (name, content) in entries {
            try! writer.add(name, content, compression: .stored)
        }
        return MappedFile(copying: writer.finish())
    }

    /// Limits small enough that one input costs milliseconds, so the fuzzer
    /// explores instead of inflating.
    public static var limits: ZipLimits {
        var limits = ZipLimits()
        limits.maxEntrySize = 64 << 20
        limits.maxTotalSize = 128 << 20
        limits.ratioGrace = 1 << 20
        return limits
    }
}

/// Reads every sheet of `reader`, keeping only counts; errors are the
/// expected outcome for most inputs and are dropped.
public func readEverySheet(_ reader: some WorkbookReader) {
    do {
        try reader.readSheets(at: Array(reader.sheets.indices), making: { _ in SheetStatistics() },
                              finished: { _, statistics in _ = statistics.cellCount })
    } catch {}
}
