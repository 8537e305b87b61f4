#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole elements of the content straight from the bytes, where a
/// reader knows their shape better than a general parser can: the scanner
/// offers it every start tag in content, and reads on itself from wherever
/// the shortcut stopped.
///
/// A shortcut takes only what it has checked to be well-formed by the
/// scanner's own rules, within `XMLLimits`, and gives exactly the result
/// the scanner's events would have given; anything else it leaves in place
/// (taking nothing), so the scanner reads it and reports what is wrong.
public protocol XMLShortcut: AnyObject {
    /// Takes complete elements starting at `start` (the `<` of a start tag,
    /// with `count` bytes readable); returns the index after the last one
    /// taken, or `start` when it takes none.
    func take(_ bytes: UnsafePointer<UInt8>, from start: Int, count: Int, scope: XMLScope) throws -> Int
}

/// Where a shortcut stands: the namespaces in scope, how deep, and the
/// limits the scanner enforces.
public struct XMLScope {
    /// Valid during the call the scope is handed to.
    unowned(unsafe) let scanner: XMLScanner

    /// Elements open around the content.
    public let depth: Int
    public let limits: XMLLimits

    init(scanner: XMLScanner) {
        self.scanner = scanner
        depth = scanner.open.count
        limits = scanner.limits
    }

    /// The URI of the default namespace (interned as the scanner's names
    /// are, so comparable with `XMLName.namespaceURI`), or nil when none.
    public var defaultNamespace: UnsafePointer<UInt8>? {
        for binding in scanner.bindings.reversed() where binding.prefix == nil { return binding.uri }
        return nil
    }

    /// Whether `prefix` (without its colon) is bound to a namespace here;
    /// `xmlns` is never, as a declaration is no attribute.
    public func binds(prefix: UnsafeRawBufferPointer) -> Bool {
        guard prefix.count != 5 || memcmp(prefix.baseAddress!, "xmlns", 5) != 0 else { return false }
        return namespaceURI(ofPrefix: prefix) != nil
    }

    /// The URI `prefix` (without its colon) stands for here, or nil.
    public func namespaceURI(ofPrefix prefix: UnsafeRawBufferPointer) -> UnsafePointer<UInt8>? {
        guard let start = prefix.baseAddress, prefix.count > 0 else { return nil }
        for binding in scanner.bindings.reversed() {
            guard let bound = binding.prefix else { continue }
            if strlen(UnsafeRawPointer(bound).assumingMemoryBound(to: CChar.self)) == prefix.count
                && memcmp(bound, start, prefix.count) == 0 {
                return binding.uri
            }
        }
        return nil
    }
}
