/// A growable array of trivial values without copy-on-write or bounds
/// checks, for the scanner's per-tag bookkeeping. Owned by one object, which
/// calls `release()`; never copied.
struct UnsafeStack<Element> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 16) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    func release() { base.deallocate() }

    var isEmpty: Bool { count == 0 }

    @inline(__always) subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    var last: Element? { count == 0 ? nil : base[count - 1] }

    @inline(__always) mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(__always) mutating func removeLast() { count -= 1 }

    @inline(__always) mutating func removeAll() { count = 0 }

    private mutating func grow() {
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        grown.moveInitialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity *= 2
    }
}
