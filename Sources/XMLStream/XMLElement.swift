/// A small element tree, for the small parts of a package (relationships,
/// workbook, styles, manifest). Big parts are streamed with
/// `XMLScanner` instead.
public final class XMLElement: @unchecked Sendable {
    public let localName: String
    public let namespace: String
    /// Attributes by local name; a namespaced attribute is also kept under
    /// `{namespace}local`.
    public let attributes: [String: String]
    public fileprivate(set) var children: [XMLElement] = []
    /// The concatenated text directly inside this element.
    public fileprivate(set) var text: String = ""

    init(localName: String, namespace: String, attributes: [String: String]) {
        self.localName = localName
        self.namespace = namespace
        self.attributes = attributes
    }

    /// The value of an unqualified attribute, or of a namespaced one given
    /// as `{uri}local`.
    public subscript(attribute name: String) -> String? { attributes[name] }

    /// The value of the attribute `local` in any of `namespaces`.
    public func attribute(_ local: String, in namespaces: [String]) -> String? {
        for ns in namespaces {
            if let v = attributes["{\(ns)}\(local)"] { return v }
        }
        return nil
    }

    /// Child elements with this local name (in any namespace).
    public func children(named local: String) -> [XMLElement] {
        children.filter { $0.localName == local }
    }

    /// The first child element with this local name.
    public func child(named local: String) -> XMLElement? {
        children.first { $0.localName == local }
    }

    /// Every descendant with this local name, in document order.
    public func descendants(named local: String) -> [XMLElement] {
        var found: [XMLElement] = []
        var stack = Array(children.reversed())
        while let next = stack.popLast() {
            if next.localName == local { found.append(next) }
            stack.append(contentsOf: next.children.reversed())
        }
        return found
    }

    /// Parses a whole (small) document into a tree and returns its root.
    public static func parse(_ document: some Collection<UInt8>, documentName: String = "") throws -> XMLElement {
        let builder = TreeBuilder()
        try XMLScanner.parse(document, handler: builder, documentName: documentName)
        guard let root = builder.root else { throw XMLError.truncated }
        return root
    }
}

private final class TreeBuilder: XMLEventHandler {
    var root: XMLElement?
    var stack: [XMLElement] = []
    var text: [UInt8] = []

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        flushText()
        var attrs: [String: String] = [:]
        for attribute in attributes {
            let local = attribute.name.local
            if attribute.name.namespaceURI == nil {
                attrs[local] = attribute.string
            } else {
                attrs["{\(attribute.name.namespace)}\(local)"] = attribute.string
                if attrs[local] == nil { attrs[local] = attribute.string }
            }
        }
        let element = XMLElement(localName: name.local, namespace: name.namespace, attributes: attrs)
        if let parent = stack.last { parent.children.append(element) } else { root = element }
        stack.append(element)
    }

    func endElement(_ name: XMLName) throws {
        flushText()
        stack.removeLast()
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
