import CZlib
import Synchronization

/// Raw deflate (RFC 1951) of a stream of bytes into `sink`, keeping the
/// CRC-32 and sizes a zip entry needs.
///
/// Once more than `handOverSize` bytes have come in, deflating moves to a
/// thread of its own and runs a few chunks behind the caller, who goes on
/// producing the next ones: writing a large part then takes about the time
/// of producing it when a second core is free. `endSegment` and `finish`
/// wait for that thread; `sink` is called by one thread at a time, in order.
public final class DeflateStream {
    /// CRC-32 of the bytes written so far (complete after `endSegment` or `finish`).
    public private(set) var crc: UInt32 = 0
    /// Bytes written so far (complete after `endSegment` or `finish`).
    public private(set) var inputCount: UInt64 = 0
    /// Compressed bytes given to `sink` so far (complete after `endSegment` or `finish`).
    public private(set) var outputCount: UInt64 = 0

    private var stream = z_stream()
    private let sink: (UnsafeRawBufferPointer) throws -> Void
    private let output: UnsafeMutableRawBufferPointer
    private let handOverSize: UInt64
    private let slotSize = 1 << 17
    private var staging: UnsafeMutableRawBufferPointer?
    private var stagingCount = 0
    private var ring: ChunkRing?
    private var worker: WorkerThread?
    private let workerError = Mutex<(any Error)?>(nil)
    private var ended = false

    /// Starts a stream at zlib `level` (1 fastest … 9 smallest).
    public init(level: Int32, handOverSize: UInt64 = 1 << 20,
                sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        self.sink = sink
        self.handOverSize = handOverSize
        output = .allocate(byteCount: 1 << 16, alignment: 16)
        guard deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                            zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            output.deallocate()
            throw WriteFailure.io("zlib deflate could not start")
        }
    }

    deinit {
        if let ring, let worker {
            ring.close(error: RingCancelled())
            worker.join()
        }
        deflateEnd(&stream)
        output.deallocate()
        staging?.deallocate()
    }

    /// Compresses `bytes` (here, or on the deflating thread once the stream is large).
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(!ended, "the stream is finished")
        if ring == nil {
            if inputCount < handOverSize || !startWorker() {
                return try compress(bytes, flush: Z_NO_FLUSH)
            }
        }
        let staging = self.staging!
        var offset = 0
        while offset < bytes.count {
            let n = min(slotSize - stagingCount, bytes.count - offset)
            (staging.baseAddress! + stagingCount).copyMemory(from: bytes.baseAddress! + offset, byteCount: n)
            stagingCount += n
            offset += n
            if stagingCount == slotSize { try handOver() }
        }
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Ends what was written on a byte boundary, with nothing carried over
    /// (`Z_FULL_FLUSH`): other deflate data may follow it in the same entry.
    public func endSegment() throws {
        try drain()
        try compress(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FULL_FLUSH)
    }

    /// Ends the deflate stream (`Z_FINISH`).
    public func finish() throws {
        try drain()
        try compress(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH)
        ended = true
    }

    // MARK: - The deflating thread

    /// Starts deflating on a thread of its own; false when that is not possible.
    private func startWorker() -> Bool {
        guard WorkerThread.hasSecondCore else { return false }
        let ring = ChunkRing(slots: 4, slotSize: slotSize)
        // The thread alone uses the zlib stream and the sink until `drain` joins it.
        nonisolated(unsafe) let stream = self
        guard let worker = WorkerThread.start({
            do {
                while let chunk = try ring.take() {
                    try stream.compress(chunk, flush: Z_NO_FLUSH)
                    ring.release()
                }
            } catch is RingCancelled {
            } catch {
                stream.workerError.withLock { $0 = error }
                ring.cancel()
            }
        }) else { return false }
        if staging == nil { staging = .allocate(byteCount: slotSize, alignment: 64) }
        self.ring = ring
        self.worker = worker
        return true
    }

    private func handOver() throws {
        guard let ring, stagingCount > 0 else { return }
        do {
            try ring.put(UnsafeRawBufferPointer(start: staging!.baseAddress, count: stagingCount))
        } catch is RingCancelled {
            try drain()
        }
        stagingCount = 0
    }

    /// Waits until the deflating thread has compressed everything handed to
    /// it and has ended; throws what it failed with.
    private func drain() throws {
        guard let ring, let worker else { return }
        if stagingCount > 0, workerError.withLock({ $0 == nil }) {
            try? ring.put(UnsafeRawBufferPointer(start: staging!.baseAddress, count: stagingCount))
        }
        stagingCount = 0
        ring.close(error: nil)
        worker.join()
        self.ring = nil
        self.worker = nil
        if let error = workerError.withLock({ $0 }) {
            ended = true
            throw error
        }
    }

    private func compress(_ input: UnsafeRawBufferPointer, flush: Int32) throws {
        if let base = input.baseAddress, input.count > 0 {
            crc = UInt32(truncatingIfNeeded: crc32(uLong(crc), base.assumingMemoryBound(to: Bytef.self), uInt(input.count)))
            inputCount += UInt64(input.count)
        }
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        let capacity = output.count
        var result: Int32
        repeat {
            stream.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(capacity)
            result = CZlib.deflate(&stream, flush)
            guard result != Z_STREAM_ERROR else { throw WriteFailure.io("zlib deflate failed") }
            let produced = capacity - Int(stream.avail_out)
            if produced > 0 {
                try sink(UnsafeRawBufferPointer(start: output.baseAddress, count: produced))
                outputCount += UInt64(produced)
            }
        } while stream.avail_out == 0 || (flush == Z_FINISH && result != Z_STREAM_END)
    }
}
