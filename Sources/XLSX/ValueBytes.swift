#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of a cell's `<v>`, gathered from the parser's pieces into one
/// buffer that is emptied and reused cell after cell: an Array's
/// `removeAll(keepingCapacity:)` and `append(contentsOf:)` cost more than
/// reading the number they hold.
struct ValueBytes: ~Copyable {
    private var base: UnsafeMutableRawPointer
    private var capacity = 64
    private(set) var count = 0

    init() {
        base = .allocate(byteCount: capacity, alignment: 1)
    }

    deinit { base.deallocate() }

    /// The bytes gathered; valid until the next change.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func removeAll() { count = 0 }

    mutating func append(_ piece: UnsafeRawBufferPointer) {
        guard let source = piece.baseAddress, piece.count > 0 else { return }
        if count + piece.count > capacity {
            var grown = capacity * 2
            while grown < count + piece.count { grown *= 2 }
            let moved = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 1)
            moved.copyMemory(from: base, byteCount: count)
            base.deallocate()
            base = moved
            capacity = grown
        }
        memcpy(base + count, source, piece.count)
        count += piece.count
    }
}
