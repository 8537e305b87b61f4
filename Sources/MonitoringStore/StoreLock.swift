#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock beside the store file (`monitoring.sqlite.lock`), held
/// for a whole merge, so that two merges never write at once. A second
/// merge waits up to `timeout` seconds, then gives up with a message.
final class StoreLock {
    private let descriptor: Int32

    init(storePath: String, timeout: Double) throws {
        let path = storePath + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.locked("cannot create \(path): \(String(cString: strerror(errno)))") }
        var waited = 0.0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, waited < timeout else {
                close(fd)
                throw StoreError.locked("another merge is writing to this store; try again when it has finished")
            }
            usleep(100_000)
            waited += 0.1
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
