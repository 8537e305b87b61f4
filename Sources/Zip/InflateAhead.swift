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
              WorkerThread.hasSecondCore else {
            return try read(entry, chunkSize: chunkSize, body)
        }
        let ring = ChunkRing(slots: 4, slotSize: chunkSize)
        let started = WorkerThread.start { [self] in
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
