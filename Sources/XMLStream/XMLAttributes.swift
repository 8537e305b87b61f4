/// One attribute of an element; pointers are valid during the callback only.
public struct XMLAttribute {
    public let name: XMLName
    /// The value with character and predefined entity references replaced.
    public let value: UnsafeRawBufferPointer

    @usableFromInline init(name: XMLName, value: UnsafeRawBufferPointer) {
        self.name = name
        self.value = value
    }

    /// The value as a String (allocates).
    public var string: String { String(decoding: value, as: UTF8.self) }
}

/// The attributes of a start tag as libxml2's SAX2 interface passes them:
/// five pointers per attribute (local name, prefix, URI, value start, value end).
public struct XMLAttributes: RandomAccessCollection {
    @usableFromInline let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    public let count: Int

    @inlinable init(_ base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int) {
        self.base = base
        self.count = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    @inlinable public subscript(i: Int) -> XMLAttribute {
        let p = base! + 5 * i
        let start = UnsafeRawPointer(p[3]!)
        let end = UnsafeRawPointer(p[4]!)
        return XMLAttribute(name: XMLName(p[0]!, p[2]),
                            value: UnsafeRawBufferPointer(start: start, count: end - start))
    }

    /// The value of the attribute with this local name and no namespace
    /// (how OOXML and most of ODF's own attributes are unqualified).
    @inlinable public func value(_ localName: StaticString) -> UnsafeRawBufferPointer? {
        for i in 0..<count {
            let p = base! + 5 * i
            if p[2] == nil && XMLName.equal(p[0]!, localName) {
                let start = UnsafeRawPointer(p[3]!)
                return UnsafeRawBufferPointer(start: start, count: UnsafeRawPointer(p[4]!) - start)
            }
        }
        return nil
    }

    /// The value of the attribute with this local name in a namespace the matcher accepts.
    @inlinable public func value(_ localName: StaticString, in namespace: inout NamespaceMatcher) -> UnsafeRawBufferPointer? {
        for i in 0..<count {
            let p = base! + 5 * i
            if XMLName.equal(p[0]!, localName) && namespace.matches(p[2]) {
                let start = UnsafeRawPointer(p[3]!)
                return UnsafeRawBufferPointer(start: start, count: UnsafeRawPointer(p[4]!) - start)
            }
        }
        return nil
    }

    /// The value as a String, or nil when absent.
    public func string(_ localName: StaticString) -> String? {
        value(localName).map { String(decoding: $0, as: UTF8.self) }
    }

    public func string(_ localName: StaticString, in namespace: inout NamespaceMatcher) -> String? {
        value(localName, in: &namespace).map { String(decoding: $0, as: UTF8.self) }
    }
}
