/// When a reader parses the rows of a part in runs on other threads
/// (`RowSegmenter`, `RowRunPipeline`), and how large the runs are.
public struct RowRuns: Sendable {
    /// Bytes a part must have (uncompressed) to be read in runs.
    public var fromSize: Int
    /// Bytes of rows per run.
    public var runSize: Int

    public init(fromSize: Int, runSize: Int) {
        self.fromSize = fromSize
        self.runSize = runSize
    }

    /// Parts over 4 MB, in runs of 256 KB: smaller parts take less than the threads cost to start.
    public static let `default` = RowRuns(fromSize: 4 << 20, runSize: 1 << 18)
    /// No part is read in runs.
    public static let never = RowRuns(fromSize: .max, runSize: 1 << 18)

    /// Every part in runs of `runSize` bytes (for tests that compare with `never`).
    public static func always(runSize: Int) -> RowRuns { RowRuns(fromSize: 0, runSize: runSize) }

    /// Whether a part of `size` bytes is read in runs.
    public func apply(toPartOf size: UInt64) -> Bool { size >= UInt64(fromSize) }
}
