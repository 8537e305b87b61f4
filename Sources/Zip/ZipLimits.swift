/// Bounds on what reading a zip package may cost, against decompression bombs.
///
/// Deflate compresses at most about 1 032 : 1; real spreadsheet parts reach
/// 20–100 : 1 (long runs of identical empty styled cells). The ratio is
/// checked only once an entry has produced `ratioGrace` bytes, so small
/// highly repetitive parts pass.
public struct ZipLimits: Sendable, Equatable {
    /// Largest uncompressed size of one entry.
    public var maxEntrySize: UInt64 = 4 << 30
    /// Largest uncompressed size of all entries read together.
    public var maxTotalSize: UInt64 = 16 << 30
    /// Largest ratio of uncompressed to compressed size.
    public var maxCompressionRatio: UInt64 = 500
    /// Output an entry may produce before the ratio is enforced.
    public var ratioGrace: UInt64 = 64 << 20
    /// Most entries a package may list.
    public var maxEntries: Int = 100_000

    public init() {}

    public static let `default` = ZipLimits()
}

/// One of the limits, named for error messages.
public struct ZipLimit: Sendable, Equatable {
    public var name: String
    public var value: UInt64
    /// How to raise it, for the message.
    public var hint: String

    public init(name: String, value: UInt64, hint: String) {
        self.name = name
        self.value = value
        self.hint = hint
    }
}
