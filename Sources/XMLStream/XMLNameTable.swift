#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interns the qualified names of one document as NUL-terminated bytes, so
/// that `XMLName` can point at them as it points at libxml2's dictionary, and
/// the same name always comes back as the same pointer.
struct XMLNameTable {
    /// One interned qualified name, split at its colon.
    struct Entry {
        /// The whole name, `prefix:local` or `local`.
        var qualified: UnsafePointer<UInt8>
        var length: Int
        /// The local part: a suffix of `qualified`.
        var local: UnsafePointer<UInt8>
        /// The prefix, interned on its own; nil without a colon.
        var prefix: UnsafePointer<UInt8>?
        /// Whether the name is a QName (Namespaces in XML 1.0, 4): at most
        /// one colon, with a prefix and a local part that start as names do.
        var isQualifiedName: Bool
    }

    /// The entry last found for names of a given first byte and length:
    /// spreadsheet parts repeat a handful of short names millions of times.
    private var recent: UnsafeMutablePointer<Int32>
    /// The entry last found for names of a given head (`NameHead`), for
    /// names read where 32 bytes can be loaded at once.
    private var recentHeads: UnsafeMutablePointer<Int32>
    private var heads = UnsafeStack<NameHead>(capacity: 64)
    private var slots: UnsafeMutablePointer<Int32>
    private var mask: Int
    private(set) var entries = UnsafeStack<Entry>(capacity: 64)
    private var hashes = UnsafeStack<UInt32>(capacity: 64)
    private var storage: [UnsafeMutablePointer<UInt8>] = []

    init() {
        mask = 255
        slots = .allocate(capacity: mask + 1)
        slots.initialize(repeating: -1, count: mask + 1)
        recent = .allocate(capacity: 1024)
        recent.initialize(repeating: -1, count: 1024)
        recentHeads = .allocate(capacity: 1024)
        recentHeads.initialize(repeating: -1, count: 1024)
    }

    /// Frees the names; the table is unusable afterwards.
    mutating func release() {
        for block in storage { block.deallocate() }
        storage = []
        slots.deallocate()
        recent.deallocate()
        recentHeads.deallocate()
        heads.release()
        entries.release()
        hashes.release()
    }

    /// The entry for the `length` bytes at `start`, interning them when new.
    @inline(__always)
    mutating func intern(_ start: UnsafePointer<UInt8>, _ length: Int) -> Int {
        let key = length == 0 ? 0 : (Int(start[0]) &* 4 &+ length) & 1023
        let candidate = Int(recent[key])
        if candidate >= 0 {
            let entry = entries[candidate]
            if entry.length == length && XMLNameTable.same(entry.qualified, start, length) { return candidate }
        }
        let index = lookup(start, length)
        recent[key] = Int32(index)
        return index
    }

    /// The same, for a name of which `readable` bytes from `start` may be
    /// read: a name of 9 to 32 bytes (`table:table-cell`) is compared with
    /// two vector compares; a shorter one (`c`, `row`) byte by byte, which
    /// costs less than building its head.
    @inline(__always)
    mutating func intern(_ start: UnsafePointer<UInt8>, _ length: Int, readable: Int) -> Int {
        guard length > 8 && length <= NameHead.capacity && readable >= NameHead.capacity else {
            return intern(start, length)
        }
        let head = NameHead(start, length)
        let key = head.key
        let candidate = Int(recentHeads[key])
        if candidate >= 0 && heads[candidate] == head { return candidate }
        let index = lookup(start, length)
        recentHeads[key] = Int32(index)
        return index
    }

    @inline(__always)
    private static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        for i in 0..<length where a[i] != b[i] { return false }
        return true
    }

    private mutating func lookup(_ start: UnsafePointer<UInt8>, _ length: Int) -> Int {
        var hash: UInt32 = 2_166_136_261
        for i in 0..<length { hash = (hash ^ UInt32(start[i])) &* 16_777_619 }
        var slot = Int(hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { break }
            if hashes[index] == hash {
                let entry = entries[index]
                if entry.length == length && memcmp(entry.qualified, start, length) == 0 { return index }
            }
            slot = (slot + 1) & mask
        }
        return insert(start, length, hash: hash, slot: slot)
    }

    /// The interned copy of the `length` bytes at `start`.
    mutating func pointer(_ start: UnsafePointer<UInt8>, _ length: Int) -> UnsafePointer<UInt8> {
        let index = intern(start, length)
        return entries[index].qualified
    }

    private mutating func insert(_ start: UnsafePointer<UInt8>, _ length: Int, hash: UInt32, slot: Int) -> Int {
        let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: length + 1)
        copy.initialize(from: start, count: length)
        copy[length] = 0
        storage.append(copy)
        var colon = -1
        var colons = 0
        for i in 0..<length where start[i] == UInt8(ascii: ":") {
            if colon < 0 { colon = i }
            colons += 1
        }
        let isQualifiedName = length > 0 && colons <= 1 && XMLCharacters.startsNCName(start[0])
            && (colon < 0 || (colon + 1 < length && XMLCharacters.startsNCName(start[colon + 1])))
        var prefix: UnsafePointer<UInt8>?
        if colon > 0 {
            let p = intern(start, colon)
            prefix = entries[p].qualified
        }
        let local = UnsafePointer(copy) + (colon + 1)
        let index = entries.count
        entries.append(Entry(qualified: UnsafePointer(copy), length: length, local: local, prefix: prefix,
                             isQualifiedName: isQualifiedName))
        hashes.append(hash)
        heads.append(NameHead(copying: start, length))
        // Interning the prefix may have grown the table: find the slot anew.
        var free = slot
        if colon > 0 {
            free = Int(hash) & mask
            while slots[free] >= 0 { free = (free + 1) & mask }
        }
        slots[free] = Int32(index)
        if entries.count * 2 > mask { grow() }
        return index
    }

    private mutating func grow() {
        let newMask = mask * 2 + 1
        let newSlots = UnsafeMutablePointer<Int32>.allocate(capacity: newMask + 1)
        newSlots.initialize(repeating: -1, count: newMask + 1)
        for index in 0..<hashes.count {
            let hash = hashes[index]
            var slot = Int(hash) & newMask
            while newSlots[slot] >= 0 { slot = (slot + 1) & newMask }
            newSlots[slot] = Int32(index)
        }
        slots.deallocate()
        slots = newSlots
        mask = newMask
    }
}

/// The first 32 bytes of a name, zero after its end: two names of up to 32
/// bytes are the same when their heads are (a name holds no zero byte).
struct NameHead: Equatable {
    typealias Lanes = SIMD16<UInt8>
    static let capacity = 32
    /// Computed, not stored: a stored static is read through a lazy initializer.
    @inline(__always) private static var lanes: Lanes { Lanes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) }

    var low: Lanes
    var high: Lanes

    /// Loads 32 bytes at `start`, which must be readable, and keeps `length`.
    @inline(__always)
    init(_ start: UnsafePointer<UInt8>, _ length: Int) {
        let raw = UnsafeRawPointer(start)
        let lowCount = Lanes(repeating: UInt8(truncatingIfNeeded: min(length, 16)))
        let highCount = Lanes(repeating: UInt8(truncatingIfNeeded: max(length - 16, 0)))
        low = raw.loadUnaligned(as: Lanes.self) & unsafeBitCast(NameHead.lanes .< lowCount, to: Lanes.self)
        high = raw.loadUnaligned(fromByteOffset: 16, as: Lanes.self)
            & unsafeBitCast(NameHead.lanes .< highCount, to: Lanes.self)
    }

    /// The head of a name of which only `length` bytes may be read.
    init(copying start: UnsafePointer<UInt8>, _ length: Int) {
        var bytes = [UInt8](repeating: 0, count: NameHead.capacity)
        for i in 0..<min(length, NameHead.capacity) { bytes[i] = start[i] }
        self = bytes.withUnsafeBufferPointer { NameHead($0.baseAddress!, length) }
    }

    /// A slot of 1024 for the head.
    @inline(__always)
    var key: Int {
        let a = unsafeBitCast(low, to: SIMD2<UInt64>.self)
        let b = unsafeBitCast(high, to: SIMD2<UInt64>.self)
        var x = a[0] &* 0x9E37_79B9_7F4A_7C15 ^ a[1] ^ (b[0] &* 0xBF58_476D_1CE4_E5B9) ^ b[1]
        x = (x ^ (x >> 31)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: x >> 54)
    }

    @inline(__always)
    static func == (l: NameHead, r: NameHead) -> Bool {
        let difference = unsafeBitCast((l.low ^ r.low) | (l.high ^ r.high), to: SIMD2<UInt64>.self)
        return difference[0] | difference[1] == 0
    }
}
