/// One file inside a zip package, as its central directory describes it.
public struct ZipEntry: Sendable, Hashable {
    /// The path inside the package, with `\` separators turned into `/`.
    public var name: String
    /// 0 stored, 8 deflate.
    public var method: Int
    public var flags: UInt16
    public var crc32: UInt32
    public var compressedSize: UInt64
    public var uncompressedSize: UInt64
    /// Offset of the local file header.
    public var localHeaderOffset: UInt64
    /// Where the name's bytes lie in the package (in the central directory),
    /// so the local header's copy can be compared byte for byte.
    var nameBytes: Range<Int> = 0..<0

    public var isEncrypted: Bool { flags & 1 != 0 }
    public var isDirectory: Bool { name.hasSuffix("/") }
}
