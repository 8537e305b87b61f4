/// A growable array of trivial values without copy-on-write or bounds
/// checks, for per-tag and per-cell bookkeeping on hot paths (the scanner,
/// `RowMarkup`). Owned by one object, which calls `release()`; never copied.
/// Inlinable, so that other modules' uses are specialised to their element.
public struct UnsafeStack<Element> {
    @usableFromInline var storage: UnsafeMutablePointer<Element>
    @usableFromInline var used = 0
    @usableFromInline var capacity: Int

    @inlinable public init(capacity: Int = 16) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    /// The elements, from index 0 to `count - 1`; valid until the next change.
    @inlinable public var base: UnsafeMutablePointer<Element> { storage }

    @inlinable public var count: Int { used }

    @inlinable public func release() { storage.deallocate() }

    @inlinable public var isEmpty: Bool { used == 0 }

    @inlinable @inline(__always) public subscript(index: Int) -> Element {
        get { storage[index] }
        nonmutating set { storage[index] = newValue }
    }

    @inlinable public var last: Element? { used == 0 ? nil : storage[used - 1] }

    @inlinable @inline(__always) public mutating func append(_ element: Element) {
        if used == capacity { grow() }
        (storage + used).initialize(to: element)
        used += 1
    }

    @inlinable @inline(__always) public mutating func removeLast() { used -= 1 }

    @inlinable @inline(__always) public mutating func removeAll() { used = 0 }

    @inlinable mutating func grow() {
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        grown.moveInitialize(from: storage, count: used)
        storage.deallocate()
        storage = grown
        capacity *= 2
    }
}
