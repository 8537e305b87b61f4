import FuzzSupport
import Zip

/// Raw bytes as a zip package: the central directory, local headers, ZIP64
/// records, inflate and the CRC check.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZip(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let file = MappedFile(copying: UnsafeRawBufferPointer(start: start, count: count))
    guard let zip = try? ZipArchive(file: file, limits: FuzzInput.limits) else { return 0 }
    for entry in zip.entries.prefix(64) {
        _ = try? zip.read(entry) { _ in }
    }
    return 0
}
