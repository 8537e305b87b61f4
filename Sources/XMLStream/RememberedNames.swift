/// What a handler made of the names it has seen, looked up by pointer.
///
/// Both parsers intern names and namespace URIs: while one parser feeds a
/// handler, a name in a namespace comes back as the same two pointers, and
/// two different names never share them. A handler fed by one parser in
/// its life (as every handler here is) can therefore classify a name by
/// its text once and find it by its pointers afterwards, where a cell's
/// attributes would otherwise be compared byte by byte with each name the
/// handler knows.
public final class RememberedNames<Kind> {
    @usableFromInline static var slots: Int { 32 }
    @usableFromInline let locals: UnsafeMutablePointer<UnsafePointer<UInt8>?>
    @usableFromInline let uris: UnsafeMutablePointer<UnsafePointer<UInt8>?>
    @usableFromInline let kinds: UnsafeMutablePointer<Kind>

    /// `placeholder` fills the slots no name has taken yet; it is never returned.
    public init(placeholder: Kind) {
        locals = .allocate(capacity: Self.slots)
        locals.initialize(repeating: nil, count: Self.slots)
        uris = .allocate(capacity: Self.slots)
        uris.initialize(repeating: nil, count: Self.slots)
        kinds = .allocate(capacity: Self.slots)
        kinds.initialize(repeating: placeholder, count: Self.slots)
    }

    deinit {
        locals.deallocate()
        uris.deallocate()
        kinds.deinitialize(count: Self.slots)
        kinds.deallocate()
    }

    /// The kind of `name`: remembered, or what `classify` makes of it.
    @inlinable @inline(__always)
    public func kind(of name: XMLName, classify: (XMLName) -> Kind) -> Kind {
        // Interned names are separate allocations of at least 16 bytes.
        let slot = (Int(bitPattern: name.localName) >> 4) & (Self.slots - 1)
        if locals[slot] == name.localName && uris[slot] == name.namespaceURI { return kinds[slot] }
        let kind = classify(name)
        locals[slot] = name.localName
        uris[slot] = name.namespaceURI
        kinds[slot] = kind
        return kind
    }
}
