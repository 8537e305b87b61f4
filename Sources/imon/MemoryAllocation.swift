#if canImport(Glibc)
import Glibc
#endif

/// How the C allocator grows and gives back memory, set once at start.
///
/// The threads that parse runs of rows allocate and free rows in arenas of
/// their own; with glibc's defaults each arena grew and shrank a few pages
/// at a time, an `mprotect` call each (6 000 calls, a sixth of the time of
/// reading wide.xlsx). Growing by 16 MB and giving back only beyond 64 MB
/// keeps them grown; pages never touched cost no memory.
enum MemoryAllocation {
    static func configure() {
        #if canImport(Glibc)
        // mallopt is in <malloc.h>, which the Glibc module leaves out.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        let trimThreshold: Int32 = -1, topPad: Int32 = -2 // M_TRIM_THRESHOLD, M_TOP_PAD
        _ = mallopt(topPad, 16 << 20)
        _ = mallopt(trimThreshold, 64 << 20)
        #endif
    }
}
