import CZlib

/// Raw-deflate decompression of one entry (RFC 1951) into a reused buffer.
enum Inflater {
    static func inflate(_ input: UnsafeRawBufferPointer, entry: ZipEntry, chunkSize: Int, limits: ZipLimits,
                        _ deliver: (UnsafeRawBufferPointer) throws -> Void) throws {
        var stream = z_stream()
        let initResult = inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard initResult == Z_OK else { throw ZipError.corruptData(entry: entry.name, reason: "zlib init failed") }
        defer { inflateEnd(&stream) }
        let output = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { output.deallocate() }
        var consumed = 0
        var produced: UInt64 = 0
        let base = input.baseAddress.map { UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self)) }
        while true {
            if stream.avail_in == 0 && consumed < input.count {
                let n = min(input.count - consumed, Int(UInt32.max >> 1))
                stream.next_in = base.map { $0 + consumed }
                stream.avail_in = uInt(n)
                consumed += n
            }
            stream.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(chunkSize)
            let result = CZlib.inflate(&stream, Z_NO_FLUSH)
            let n = chunkSize - Int(stream.avail_out)
            if n > 0 {
                produced += UInt64(n)
                if produced > limits.ratioGrace {
                    let ratio = produced / max(UInt64(consumed - Int(stream.avail_in)), 1)
                    if ratio > limits.maxCompressionRatio {
                        throw ZipError.limitExceeded(entry: entry.name, limit: ZipLimit(
                            name: "compression ratio", value: limits.maxCompressionRatio, hint: "raise it with --max-compression-ratio"),
                            value: ratio)
                    }
                }
                try deliver(UnsafeRawBufferPointer(start: output.baseAddress, count: n))
            }
            switch result {
            case Z_STREAM_END:
                return
            case Z_OK:
                continue
            case Z_BUF_ERROR:
                if stream.avail_in == 0 && consumed >= input.count {
                    throw ZipError.corruptData(entry: entry.name, reason: "the deflate stream ends early")
                }
            case Z_DATA_ERROR:
                let message = stream.msg.map { String(cString: $0) } ?? "invalid deflate data"
                throw ZipError.corruptData(entry: entry.name, reason: message)
            case Z_MEM_ERROR:
                throw ZipError.corruptData(entry: entry.name, reason: "out of memory")
            default:
                throw ZipError.corruptData(entry: entry.name, reason: "zlib error \(result)")
            }
        }
    }
}
