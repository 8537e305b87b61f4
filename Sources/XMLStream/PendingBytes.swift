#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes fed but not yet consumed, in one growable buffer.
struct PendingBytes {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// First byte not yet consumed.
    var start = 0
    /// End of the bytes held.
    private(set) var count = 0

    init() {
        capacity = 1 << 17
        base = .allocate(capacity: capacity)
    }

    /// A view of bytes the caller owns, to be scanned where they lie:
    /// never appended to nor released.
    init(borrowing bytes: UnsafeRawBufferPointer) {
        base = UnsafeMutablePointer(mutating: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self))
        capacity = bytes.count
        count = bytes.count
    }

    var pending: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base + start, count: count - start) }

    mutating func skip(_ n: Int) { start += n }

    /// Forgets the held bytes from `start + kept` on.
    mutating func keep(_ kept: Int) { count = min(count, start + kept) }

    mutating func append(_ chunk: UnsafeRawBufferPointer) {
        let kept = count - start
        if start > 0 {
            if kept > 0 { memmove(base, base + start, kept) }
            start = 0
            count = kept
        }
        if count + chunk.count > capacity {
            var newCapacity = capacity * 2
            while newCapacity < count + chunk.count { newCapacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.initialize(from: base, count: count)
            base.deallocate()
            base = grown
            capacity = newCapacity
        }
        if let source = chunk.baseAddress, chunk.count > 0 {
            memcpy(base + count, source, chunk.count)
        }
        count += chunk.count
    }

    func release() { base.deallocate() }
}
