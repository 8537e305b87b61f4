/// An element tree that remembers where each tag and attribute value lies in
/// the document's bytes, for small parts that are edited by splicing
/// (`ByteSplices`) so that every byte not edited stays as it was.
/// Built on `XMLScanner`'s events; a document it cannot locate (not UTF-8,
/// so read by libxml2) is refused with `XMLError.malformed`.
public final class LocatedElement: @unchecked Sendable {
    public let localName: String
    public let namespace: String
    /// Attributes by local name (namespaced ones also as `{uri}local`).
    public let attributes: [String: String]
    /// Where each attribute value lies, by the same keys; absent for a value
    /// that held a reference (it is not the document's bytes as read).
    public let valueRanges: [String: Range<Int>]
    /// The start tag (the whole element when it closes itself).
    public let startTag: Range<Int>
    /// The end tag; nil when the start tag closes itself.
    public fileprivate(set) var endTag: Range<Int>?
    public fileprivate(set) var children: [LocatedElement] = []
    /// The text directly inside this element.
    public fileprivate(set) var text: String = ""

    init(localName: String, namespace: String, attributes: [String: String], valueRanges: [String: Range<Int>],
         startTag: Range<Int>) {
        self.localName = localName
        self.namespace = namespace
        self.attributes = attributes
        self.valueRanges = valueRanges
        self.startTag = startTag
    }

    /// The whole element, start tag to end tag.
    public var range: Range<Int> { startTag.lowerBound..<(endTag?.upperBound ?? startTag.upperBound) }
    /// Where content is inserted at the end of the element; nil when it closes itself.
    public var contentEnd: Int? { endTag?.lowerBound }

    /// The value of the attribute with this local name (or `{uri}local`).
    public subscript(name: String) -> String? { attributes[name] }

    /// Child elements with this local name (in any namespace).
    public func children(named local: String) -> [LocatedElement] { children.filter { $0.localName == local } }
    /// The first child element with this local name.
    public func child(named local: String) -> LocatedElement? { children.first { $0.localName == local } }

    /// Parses a whole (small) document and returns its root.
    public static func parse(_ document: [UInt8], documentName: String = "", limits: XMLLimits = .default) throws -> LocatedElement {
        let builder = LocatingBuilder()
        let scanner = XMLScanner(handler: builder, documentName: documentName, limits: limits)
        scanner.needsOffsets = true
        builder.scanner = scanner
        try document.withUnsafeBytes { try scanner.feed($0) }
        try scanner.finish()
        guard let root = builder.root else { throw XMLError.truncated }
        return root
    }
}

private final class LocatingBuilder: XMLEventHandler {
    unowned(unsafe) var scanner: XMLScanner?
    var root: LocatedElement?
    var stack: [LocatedElement] = []
    var text: [UInt8] = []

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        guard let scanner, !scanner.usesLibXML2 else {
            throw XMLError.malformed(message: "the part is not in UTF-8 and cannot be edited in place", line: 1, column: 1)
        }
        flushText()
        var values: [String: String] = [:], ranges: [String: Range<Int>] = [:]
        for attribute in attributes {
            let key = attribute.name.namespaceURI == nil ? attribute.name.local : "{\(attribute.name.namespace)}\(attribute.name.local)"
            values[key] = attribute.string
            let range = scanner.documentRange(of: attribute.value)
            ranges[key] = range
            if attribute.name.namespaceURI != nil && values[attribute.name.local] == nil {
                values[attribute.name.local] = attribute.string
                ranges[attribute.name.local] = range
            }
        }
        let element = LocatedElement(localName: name.local, namespace: name.namespace, attributes: values,
                                     valueRanges: ranges, startTag: scanner.tagRange)
        if let parent = stack.last { parent.children.append(element) } else { root = element }
        stack.append(element)
    }

    func endElement(_ name: XMLName) throws {
        flushText()
        guard let element = stack.popLast(), let scanner else { return }
        if scanner.tagRange != element.startTag { element.endTag = scanner.tagRange }
    }

    func characters(_ bytes: UnsafeRawBufferPointer) throws {
        text.append(contentsOf: bytes)
    }

    private func flushText() {
        guard !text.isEmpty else { return }
        if let current = stack.last { current.text += String(decoding: text, as: UTF8.self) }
        text.removeAll(keepingCapacity: true)
    }
}
