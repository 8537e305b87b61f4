#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The name of an element or attribute as the parser reports it: a local
/// name and the namespace URI it resolves to (not the prefix).
///
/// The pointers are valid only during the callback; libxml2 interns names,
/// so the same name usually comes back as the same pointer.
public struct XMLName {
    public let localName: UnsafePointer<UInt8>
    public let namespaceURI: UnsafePointer<UInt8>?

    @usableFromInline init(_ localName: UnsafePointer<UInt8>, _ namespaceURI: UnsafePointer<UInt8>?) {
        self.localName = localName
        self.namespaceURI = namespaceURI
    }

    /// Whether the local name is `name` (compared byte by byte).
    @inlinable public func `is`(_ name: StaticString) -> Bool {
        XMLName.equal(localName, name)
    }

    /// The local name as a String (allocates; for messages and rare paths).
    public var local: String { String(cString: localName) }

    /// The namespace URI as a String, or "" without a namespace.
    public var namespace: String { namespaceURI.map { String(cString: $0) } ?? "" }

    @inlinable static func equal(_ p: UnsafePointer<UInt8>, _ name: StaticString) -> Bool {
        let n = name.utf8CodeUnitCount
        let s = name.utf8Start
        for i in 0..<n where p[i] != s[i] { return false }
        return p[n] == 0
    }
}

/// Recognises a set of namespace URIs, caching by pointer: libxml2 hands
/// out the same interned pointer for a URI throughout one document.
///
/// OOXML has two URIs for each namespace (Transitional and Strict,
/// ECMA-376 Part 1, 8.1); a matcher holds both.
public struct NamespaceMatcher {
    private let uris: [[UInt8]]
    @usableFromInline var lastMatch: UnsafePointer<UInt8>?
    /// Two misses: the attributes of a cell come from several namespaces in turn.
    @usableFromInline var lastMiss: UnsafePointer<UInt8>?
    @usableFromInline var earlierMiss: UnsafePointer<UInt8>?

    public init(_ uris: String...) {
        self.uris = uris.map { Array($0.utf8) }
    }

    public init(_ uris: [String]) {
        self.uris = uris.map { Array($0.utf8) }
    }

    /// Whether `uri` is one of the matcher's URIs.
    @inlinable public mutating func matches(_ uri: UnsafePointer<UInt8>?) -> Bool {
        guard let uri else { return false }
        if uri == lastMatch { return true }
        if uri == lastMiss || uri == earlierMiss { return false }
        return slowMatch(uri)
    }

    @usableFromInline mutating func slowMatch(_ uri: UnsafePointer<UInt8>) -> Bool {
        let length = strlen(UnsafeRawPointer(uri).assumingMemoryBound(to: CChar.self))
        let bytes = UnsafeBufferPointer(start: uri, count: length)
        if uris.contains(where: { $0.elementsEqual(bytes) }) {
            lastMatch = uri
            return true
        }
        earlierMiss = lastMiss
        lastMiss = uri
        return false
    }
}
