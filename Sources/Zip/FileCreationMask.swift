#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's umask, the permission bits new files must not have.
public enum FileCreationMask {
    /// Read once; the umask of a command does not change while it runs.
    public static let current: mode_t = fromProcStatus() ?? bySettingAndRestoring()

    /// Linux 4.7 and later state it in `/proc/self/status` (`Umask:	0022`),
    /// which reads it without changing it.
    private static func fromProcStatus() -> mode_t? {
        guard let file = fopen("/proc/self/status", "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard text.hasPrefix("Umask:") else { continue }
            return mode_t(text.dropFirst(6).trimmingSpaces, radix: 8)
        }
        return nil
    }

    /// umask(2) can only be read by setting it; it is set back at once, before
    /// any file of this program is created (`current` is initialised once).
    private static func bySettingAndRestoring() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}

private extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.prefix { $0 != "\n" && $0 != " " && $0 != "\t" })
    }
}
