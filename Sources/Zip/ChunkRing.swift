import Dispatch
import Synchronization

/// A bounded queue of byte chunks from one thread to another: `slots`
/// buffers, each filled by `put` and handed out by `take` in order. Either
/// side may end it: the producer with `close`, the consumer with `cancel`.
final class ChunkRing: @unchecked Sendable {
    private let buffers: UnsafeMutableRawBufferPointer
    private let slotSize: Int
    private let slots: Int
    /// Starts at zero and is signalled once per slot: libdispatch stops the
    /// program when a semaphore is freed below the value it was made with,
    /// which an early stop would leave it at.
    private let free = DispatchSemaphore(value: 0)
    private let filled = DispatchSemaphore(value: 0)
    /// Counts and the end, shared under the lock; the buffers themselves are
    /// owned by one side at a time, as the semaphores hand them over.
    private struct State {
        var counts: [Int]
        var produced = 0
        var closed = false
        var error: (any Error)?
        var cancelled = false
    }
    private let state: Mutex<State>
    private var consumed = 0

    init(slots: Int, slotSize: Int) {
        self.slots = slots
        self.slotSize = slotSize
        buffers = .allocate(byteCount: slots * slotSize, alignment: 64)
        state = Mutex(State(counts: Array(repeating: 0, count: slots)))
        for _ in 0..<slots { free.signal() }
    }

    deinit { buffers.deallocate() }

    /// Producer: copies `chunk` into the next free slots, waiting for them;
    /// throws `RingCancelled` once the consumer has cancelled.
    func put(_ chunk: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < chunk.count {
            free.wait()
            let slot = try state.withLock { s -> Int in
                if s.cancelled { throw RingCancelled() }
                return s.produced % slots
            }
            let n = min(slotSize, chunk.count - offset)
            let start = buffers.baseAddress! + slot * slotSize
            start.copyMemory(from: chunk.baseAddress! + offset, byteCount: n)
            state.withLock { s in
                s.counts[slot] = n
                s.produced += 1
            }
            filled.signal()
            offset += n
        }
    }

    /// Producer: no more chunks; `error` is what the consumer's `take` throws.
    func close(error: (any Error)?) {
        state.withLock { s in
            s.closed = true
            s.error = error
        }
        filled.signal()
    }

    /// Consumer: the next chunk, nil at the end; throws what the producer closed with.
    /// The chunk stays valid until `release`.
    func take() throws -> UnsafeRawBufferPointer? {
        filled.wait()
        let next = try state.withLock { s -> Int? in
            if consumed < s.produced { return s.counts[consumed % slots] }
            if let error = s.error, !(error is RingCancelled) { throw error }
            return nil
        }
        guard let count = next else { return nil }
        return UnsafeRawBufferPointer(start: buffers.baseAddress! + (consumed % slots) * slotSize, count: count)
    }

    /// Consumer: done with the chunk `take` returned.
    func release() {
        consumed += 1
        free.signal()
    }

    /// Consumer: stop the producer, which may be waiting for a free slot.
    func cancel() {
        let wasClosed = state.withLock { s -> Bool in
            s.cancelled = true
            return s.closed
        }
        if !wasClosed { free.signal() }
    }
}

/// Thrown to the producer of a `ChunkRing` its consumer has cancelled.
struct RingCancelled: Error {}
