#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Namespaces and attribute values of a complete start tag.
extension XMLScanner {
    /// Resolves the names of a complete start tag and reports it.
    func element(_ base: UnsafeMutablePointer<UInt8>, name: Int, at start: Int, selfClosing: Bool) throws {
        let bindingCount = bindings.count
        if tagNeedsCare { try declareNamespaces(base, at: start) }
        let entry = names.entries[name]
        let uri = try namespace(of: entry.prefix, elementAt: start)
        if raw.count > attributeCapacity {
            attributeSlots.deallocate()
            attributeCapacity = raw.count * 2
            attributeSlots = .allocate(capacity: 5 * attributeCapacity)
        }
        var slot = attributeSlots
        var attributeCount = 0
        let origin = decoded.withUnsafeBufferPointer { $0.baseAddress } ?? UnsafePointer(scratch)
        for k in 0..<raw.count {
            let attribute = raw[k]
            let entry = names.entries[attribute.name]
            if tagNeedsCare && (attribute.name == xmlns || entry.prefix == xmlnsPrefix) { continue }
            slot[0] = entry.local
            slot[1] = entry.prefix
            slot[2] = entry.prefix == nil ? nil : try namespace(of: entry.prefix, elementAt: start)
            if attribute.needsDecoding {
                slot[3] = origin + attribute.decodedStart
                slot[4] = origin + attribute.decodedEnd
            } else {
                slot[3] = UnsafePointer(base + attribute.start)
                slot[4] = UnsafePointer(base + attribute.end)
            }
            slot += 5
            attributeCount += 1
        }
        textLength = 0
        let elementName = XMLName(entry.local, uri)
        try handler.startElement(elementName, attributes: XMLAttributes(attributeSlots, count: attributeCount))
        if selfClosing {
            if bindings.count > bindingCount {
                bindings.removeSubrange(bindingCount...)
                resolved.clear()
            }
            if open.isEmpty { rootClosed = true }
            try handler.endElement(elementName)
        } else {
            open.append(OpenElement(name: name, local: entry.local, uri: uri, bindingCount: bindingCount))
        }
    }

    /// Decodes the values that need it and binds the namespaces the tag declares.
    func declareNamespaces(_ base: UnsafeMutablePointer<UInt8>, at start: Int) throws {
        decoded.removeAll(keepingCapacity: true)
        for k in 0..<raw.count where raw[k].needsDecoding {
            let from = decoded.count
            try decodeAttribute(base, raw[k].start, raw[k].end, at: start)
            raw[k].decodedStart = from
            raw[k].decodedEnd = decoded.count
        }
        for k in 0..<raw.count {
            let attribute = raw[k]
            let entry = names.entries[attribute.name]
            if attribute.name == xmlns {
                let uri = value(base, attribute)
                bindings.append(Binding(prefix: nil, uri: uri.count == 0 ? nil : intern(uri)))
                resolved.clear()
            } else if entry.prefix == xmlnsPrefix {
                let bound = names.pointer(entry.local, entry.length - 6)
                let uri = value(base, attribute)
                guard uri.count > 0 else { throw malformed("a namespace prefix bound to an empty URI", at: start) }
                bindings.append(Binding(prefix: bound, uri: intern(uri)))
                resolved.clear()
            }
        }
    }

    /// The URI bound to `prefix` (nil: the default namespace) where the
    /// element at `start` stands.
    @inline(__always)
    func namespace(of prefix: UnsafePointer<UInt8>?, elementAt start: Int) throws -> UnsafePointer<UInt8>? {
        if let uri = resolved.uri(of: prefix) { return uri }
        for binding in bindings.reversed() where binding.prefix == prefix {
            resolved.remember(prefix, binding.uri)
            return binding.uri
        }
        // An unbound prefix is a namespace error libxml2 recovers from: the
        // name then has no namespace. The scanner does the same.
        return nil
    }

    func value(_ base: UnsafeMutablePointer<UInt8>, _ attribute: RawAttribute) -> UnsafeBufferPointer<UInt8> {
        if attribute.needsDecoding {
            return decoded.withUnsafeBufferPointer {
                UnsafeBufferPointer(rebasing: $0[attribute.decodedStart..<attribute.decodedEnd])
            }
        }
        return UnsafeBufferPointer(start: base + attribute.start, count: attribute.end - attribute.start)
    }

    /// The interned copy of `bytes` (which may point into `decoded`).
    func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafePointer<UInt8> {
        let copy = Array(bytes)
        return copy.withUnsafeBufferPointer { names.pointer($0.baseAddress!, $0.count) }
    }

    func intern(_ text: String) -> UnsafePointer<UInt8> {
        let copy = Array(text.utf8)
        return copy.withUnsafeBufferPointer { names.pointer($0.baseAddress!, $0.count) }
    }

    /// Appends the normalised value (XML 1.0, 3.3.3) to `decoded`: blanks
    /// become spaces, a CR LF pair one space, references their characters.
    func decodeAttribute(_ base: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int, at tag: Int) throws {
        var k = start
        while k < end {
            let c = base[k]
            switch c {
            case UInt8(ascii: "&"):
                guard let (codePoint, next) = try decodeReference(base, at: k, count: end, final: true) else {
                    throw malformed("a reference is not terminated by ';'", at: k)
                }
                let length = XMLCharacters.encodeUTF8(codePoint, into: scratch)
                decoded.append(contentsOf: UnsafeBufferPointer(start: scratch, count: length))
                k = next
            case 0x0D:
                decoded.append(0x20)
                k += (k + 1 < end && base[k + 1] == 0x0A) ? 2 : 1
            case 0x09, 0x0A:
                decoded.append(0x20)
                k += 1
            case ..<0x20:
                throw malformed("invalid character 0x\(String(c, radix: 16)) in an attribute value", at: k)
            default:
                decoded.append(c)
                k += 1
            }
        }
    }
}

/// The last few prefixes resolved, and their URIs: a cell of a spreadsheet
/// names four or five namespaces in turn, which one remembered prefix
/// would miss every time.
struct ResolvedPrefixes {
    private static let size = 8
    private var prefixes = [UnsafePointer<UInt8>?](repeating: nil, count: size)
    /// The URI, or `.none` as "not remembered" (a URI of nil is `.some(nil)`).
    private var uris = [UnsafePointer<UInt8>??](repeating: .none, count: size)
    private var next = 0

    @inline(__always)
    func uri(of prefix: UnsafePointer<UInt8>?) -> UnsafePointer<UInt8>?? {
        for k in 0..<ResolvedPrefixes.size where prefixes[k] == prefix {
            if let uri = uris[k] { return uri }
        }
        return .none
    }

    mutating func remember(_ prefix: UnsafePointer<UInt8>?, _ uri: UnsafePointer<UInt8>?) {
        prefixes[next] = prefix
        uris[next] = .some(uri)
        next = (next + 1) % ResolvedPrefixes.size
    }

    mutating func clear() {
        for k in 0..<ResolvedPrefixes.size { uris[k] = .none }
    }
}
