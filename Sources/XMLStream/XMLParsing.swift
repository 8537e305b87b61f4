#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which parser reads XML parts. `IMON_XML_PARSER=libxml2` in the
/// environment sends every part through libxml2, the reference the scanner
/// is compared with (`scripts/test` does that on the whole corpus).
public enum XMLParsing {
    public static let libxml2Only: Bool = {
        guard let value = getenv("IMON_XML_PARSER") else { return false }
        return String(cString: value) == "libxml2"
    }()
}
