#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
import XMLStream
import Zip

/// The shared strings of a workbook being read, filled in order by one
/// thread while a sheet may already be read on another: a cell waits only
/// when it refers to a string not read yet. Writers put strings into the
/// table as the sheet first uses them, so the sheet rarely waits, and a
/// large table (big.xlsx: 3.45 million strings, a tenth of the reading)
/// is read beside the sheet instead of before it.
///
/// Strings sit in blocks that never move once written; `published` says
/// how many are complete, stored after them (release) and read before them
/// (acquire).
final class SharedStringStore: @unchecked Sendable {
    private static let blockShift = 14
    private static let blockSize = 1 << blockShift
    private static let maxBlocks = 1 << 18 // 4 billion strings; the table of blocks is mapped lazily
    private let blocks: UnsafeMutablePointer<UnsafeMutablePointer<String>?>
    private let published = Atomic<Int>(0)
    private let ended = Atomic<Bool>(false)
    private let stopping = Atomic<Bool>(false)
    /// Written by the producer before `ended` is set.
    private var failure: (any Error)?
    /// The producer's own count.
    private var written = 0
    private let producer = Mutex<WorkerThread?>(nil)

    private static var tableBytes: Int { maxBlocks * MemoryLayout<UnsafeMutablePointer<String>?>.stride }

    private init() throws {
        // Mapped, not calloc'ed: calloc may take the 2 MB from the heap and
        // zero them all, 512 page faults for a workbook of one string.
        let table = mmap(nil, SharedStringStore.tableBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let table, table != MAP_FAILED else { throw XLSXError.outOfMemory("the shared strings' table") }
        blocks = table.bindMemory(to: UnsafeMutablePointer<String>?.self, capacity: SharedStringStore.maxBlocks)
    }

    deinit {
        // The producer holds the store while it runs: it has ended here.
        let count = written
        for block in 0..<((count + SharedStringStore.blockSize - 1) >> SharedStringStore.blockShift) {
            let strings = blocks[block]!
            strings.deinitialize(count: min(SharedStringStore.blockSize, count - (block << SharedStringStore.blockShift)))
            strings.deallocate()
        }
        munmap(blocks, SharedStringStore.tableBytes)
    }

    /// A store with no strings (a workbook without a shared-strings part).
    static func empty() throws -> SharedStringStore {
        let store = try SharedStringStore()
        store.ended.store(true, ordering: .releasing)
        return store
    }

    /// Starts reading the part `entry` into a new store on a thread of its
    /// own; on one core, or when no thread can start, reads it here first.
    static func reading(_ entry: ZipEntry, in zip: ZipArchive, limits: XMLLimits) throws -> SharedStringStore {
        let store = try SharedStringStore()
        let read: @Sendable () -> Void = {
            do {
                try SharedStrings.read(entry, in: zip, limits: limits) { string in
                    if store.stopping.load(ordering: .relaxed) { throw StoreStopped() }
                    store.append(string)
                }
                store.end(nil)
            } catch {
                store.end(error)
            }
        }
        if WorkerThread.hasSecondCore, let thread = WorkerThread.start(read) {
            store.producer.withLock { $0 = thread }
        } else {
            read()
        }
        return store
    }

    // MARK: - Producer

    private func append(_ string: String) {
        let block = written >> SharedStringStore.blockShift
        let offset = written & (SharedStringStore.blockSize - 1)
        if offset == 0 {
            precondition(block < SharedStringStore.maxBlocks, "more shared strings than the store can hold")
            blocks[block] = .allocate(capacity: SharedStringStore.blockSize)
        }
        (blocks[block]! + offset).initialize(to: string)
        written += 1
        published.store(written, ordering: .releasing)
    }

    private func end(_ error: (any Error)?) {
        failure = error is StoreStopped ? nil : error
        ended.store(true, ordering: .releasing)
    }

    // MARK: - Readers

    /// The string at `index`, waiting for it when it is not read yet; nil
    /// when the table ended before it. Throws what ended the table early.
    func string(at index: Int) throws -> String? {
        if index < published.load(ordering: .acquiring) { return element(index) }
        while true {
            let done = ended.load(ordering: .acquiring)
            if index < published.load(ordering: .acquiring) { return element(index) }
            if done {
                if let failure { throw failure }
                return nil
            }
            sched_yield()
        }
    }

    /// Waits for the whole table and its thread; throws what ended it early.
    @discardableResult
    func finish() throws -> Int {
        producer.withLock { thread in
            thread?.join()
            thread = nil
        }
        while !ended.load(ordering: .acquiring) { sched_yield() }
        if let failure { throw failure }
        return published.load(ordering: .acquiring)
    }

    /// Makes the reading thread stop soon (the workbook is closed before
    /// the table was needed whole) and waits for it.
    func stop() {
        stopping.store(true, ordering: .relaxed)
        producer.withLock { thread in
            thread?.join()
            thread = nil
        }
    }

    /// Whether the table has been read to its end (or has failed).
    var hasEnded: Bool { ended.load(ordering: .acquiring) }

    /// The number of strings read so far.
    var count: Int { published.load(ordering: .acquiring) }

    @inline(__always)
    private func element(_ index: Int) -> String {
        blocks[index >> SharedStringStore.blockShift]![index & (SharedStringStore.blockSize - 1)]
    }
}

/// Ends the reading thread when the store is released early.
private struct StoreStopped: Error {}
