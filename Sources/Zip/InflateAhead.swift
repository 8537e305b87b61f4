#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

extension ZipArchive {
    /// As `read(_:chunkSize:_:)`, but inflating (with the CRC-32, size and
    /// limit checks) runs on a thread of its own, a few chunks ahead of
    /// `body`: a large part is read in about the time its parser alone takes
    /// when a second core is free. Small or stored entries, and machines
    /// with one core, are read on this thread as by `read`.
    ///
    /// `body` runs on the calling thread; an error it throws stops the
    /// inflating thread before this returns. Entries smaller than
    /// `minimumSize` are not worth a thread.
    public func readAhead(_ entry: ZipEntry, chunkSize: Int = 1 << 17, minimumSize: UInt64 = 4 << 20,
                          _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard entry.method == 8, entry.uncompressedSize >= minimumSize, !entry.isEncrypted,
              sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1 else {
            return try read(entry, chunkSize: chunkSize, body)
        }
        let ring = ChunkRing(slots: 4, slotSize: chunkSize)
        let started = InflatingThread.start { [self] in
            do {
                try read(entry, chunkSize: chunkSize) { chunk in try ring.put(chunk) }
                ring.close(error: nil)
            } catch {
                ring.close(error: error)
            }
        }
        guard let thread = started else { return try read(entry, chunkSize: chunkSize, body) }
        defer {
            ring.cancel()
            thread.join()
        }
        while let chunk = try ring.take() {
            try body(chunk)
            ring.release()
        }
    }
}

/// A bounded queue of chunks between the inflating thread and the reader:
/// `slots` buffers, each filled by `put` and handed out by `take` in order.
private final class ChunkRing: @unchecked Sendable {
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

    /// Producer: copies `chunk` into the next free slot, waiting for one.
    func put(_ chunk: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < chunk.count {
            free.wait()
            let slot = try state.withLock { s -> Int in
                if s.cancelled { throw ReadingStopped() }
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

    /// Producer: no more chunks; `error` ends the reading with that error.
    func close(error: (any Error)?) {
        state.withLock { s in
            s.closed = true
            s.error = error
        }
        filled.signal()
    }

    /// Reader: the next chunk, nil at the end; throws what the producer threw.
    /// The chunk stays valid until `release`.
    func take() throws -> UnsafeRawBufferPointer? {
        filled.wait()
        let next = try state.withLock { s -> Int? in
            if consumed < s.produced { return s.counts[consumed % slots] }
            if let error = s.error, !(error is ReadingStopped) { throw error }
            return nil
        }
        guard let count = next else { return nil }
        return UnsafeRawBufferPointer(start: buffers.baseAddress! + (consumed % slots) * slotSize, count: count)
    }

    /// Reader: done with the chunk `take` returned.
    func release() {
        consumed += 1
        free.signal()
    }

    /// Reader: stop the producer, which may be waiting for a free slot.
    func cancel() {
        let wasClosed = state.withLock { s -> Bool in
            s.cancelled = true
            return s.closed
        }
        if !wasClosed { free.signal() }
    }
}

/// Thrown inside the inflating thread when the reader stopped early.
private struct ReadingStopped: Error {}

/// A thread of its own (not a dispatch worker, which may all be busy with
/// readers waiting for this very thread).
private final class InflatingThread {
    private var thread: pthread_t

    private init(thread: pthread_t) { self.thread = thread }

    /// Nil when the system would not start one.
    static func start(_ body: @escaping @Sendable () -> Void) -> InflatingThread? {
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let result = pthread_create(&thread, nil, { context in
            let body = Unmanaged<Body>.fromOpaque(context!).takeRetainedValue()
            body.run()
            return nil
        }, box)
        guard result == 0 else {
            Unmanaged<Body>.fromOpaque(box).release()
            return nil
        }
        #if canImport(Glibc)
        return InflatingThread(thread: thread)
        #else
        return InflatingThread(thread: thread!)
        #endif
    }

    func join() { pthread_join(thread, nil) }

    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}
