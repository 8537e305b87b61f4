internal import CLibXML2

/// A streaming XML parser on libxml2's SAX2 push interface: bytes are fed in
/// chunks as they are inflated, so a part is never held whole.
///
/// Safe by construction for untrusted input: a DOCTYPE stops the parse
/// (no entity can be declared, so none is expanded), the network is never
/// touched (`XML_PARSE_NONET`), and libxml2's default limits bound nesting
/// depth and the size of names and text nodes. UTF-16 documents, with or
/// without a byte-order mark, are recognised from their first bytes.
public final class XMLPushParser {
    private let handler: any XMLEventHandler
    private let documentName: String
    /// libxml2 and the parser's context, from the first bytes on.
    private var session: (xml: LibXML2, context: xmlParserCtxtPtr)?
    private var failure: (any Error)?
    private var pending: [UInt8] = []
    private var started = false
    private let limits: XMLLimits
    private var depth = 0
    private var textLength = 0

    public init(handler: any XMLEventHandler, documentName: String = "", limits: XMLLimits = .default) {
        self.handler = handler
        self.documentName = documentName
        self.limits = limits
    }

    deinit {
        if let session { session.xml.freeParser(session.context) }
    }

    /// Parses one chunk of the document.
    public func feed(_ chunk: UnsafeRawBufferPointer) throws {
        if session == nil {
            // libxml2 detects the encoding from the first four bytes.
            pending.append(contentsOf: chunk)
            if pending.count < 4 { return }
            try start()
            return
        }
        try parse(chunk, terminate: false)
    }

    /// Ends the document; throws when it is incomplete or not well-formed.
    public func finish() throws {
        if session == nil { try start() }
        try parse(UnsafeRawBufferPointer(start: nil, count: 0), terminate: true)
        guard let session else { return }
        if session.context.pointee.wellFormed == 0 { try throwParserError() }
    }

    /// Parses a whole document held in memory.
    public static func parse(_ document: some Collection<UInt8>, handler: any XMLEventHandler, documentName: String = "",
                             limits: XMLLimits = .default) throws {
        let parser = XMLPushParser(handler: handler, documentName: documentName, limits: limits)
        let bytes = Array(document)
        try bytes.withUnsafeBytes { try parser.feed($0) }
        try parser.finish()
    }

    private func start() throws {
        let xml = try LibXML2.shared.get()
        xml.silenceGlobalErrors()
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { ctx, localname, _, uri, _, _, attributeCount, _, attributes in
            guard let ctx, let localname else { return }
            let parser = Unmanaged<XMLPushParser>.fromOpaque(ctx).takeUnretainedValue()
            guard parser.failure == nil else { return }
            do {
                let list = XMLAttributes(attributes, count: Int(attributeCount))
                try parser.checkLimits(opening: list)
                try parser.handler.startElement(XMLName(localname, uri), attributes: list)
            } catch {
                parser.fail(error)
            }
        }
        sax.endElementNs = { ctx, localname, _, uri in
            guard let ctx, let localname else { return }
            let parser = Unmanaged<XMLPushParser>.fromOpaque(ctx).takeUnretainedValue()
            guard parser.failure == nil else { return }
            parser.depth -= 1
            parser.textLength = 0
            do { try parser.handler.endElement(XMLName(localname, uri)) } catch { parser.fail(error) }
        }
        let characters: charactersSAXFunc = { ctx, text, length in
            guard let ctx, let text, length > 0 else { return }
            let parser = Unmanaged<XMLPushParser>.fromOpaque(ctx).takeUnretainedValue()
            guard parser.failure == nil else { return }
            do {
                parser.textLength += Int(length)
                if parser.textLength > parser.limits.maxTextLength {
                    throw XMLError.limitExceeded(limit: .textLength, value: parser.limits.maxTextLength)
                }
                try parser.handler.characters(UnsafeRawBufferPointer(start: text, count: Int(length)))
            } catch {
                parser.fail(error)
            }
        }
        sax.characters = characters
        sax.cdataBlock = characters
        sax.internalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            Unmanaged<XMLPushParser>.fromOpaque(ctx).takeUnretainedValue().fail(XMLError.doctypeNotAllowed)
        }
        sax.entityDecl = { ctx, _, _, _, _, _ in
            guard let ctx else { return }
            Unmanaged<XMLPushParser>.fromOpaque(ctx).takeUnretainedValue().fail(XMLError.doctypeNotAllowed)
        }
        sax.getEntity = { _, _ in nil }
        sax.serror = { _, _ in }
        let me = Unmanaged.passUnretained(self).toOpaque()
        let head = pending.prefix(4)
        let ctx: xmlParserCtxtPtr? = head.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xml.createPushParser(&sax, me, chars.baseAddress, Int32(chars.count), documentName)
            }
        }
        guard let ctx else { throw XMLError.malformed(message: "cannot create parser", line: 0, column: 0) }
        session = (xml, ctx)
        var options = XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
        // libxml2's own caps equal our default limits; raised limits lift them.
        if limits.exceedsLibXML2Caps { options |= XML_PARSE_HUGE.rawValue }
        _ = xml.useOptions(ctx, Int32(options))
        // Predefined entities and character references only: no DTD can declare others.
        ctx.pointee.replaceEntities = 1
        let rest = Array(pending.dropFirst(4))
        pending = []
        try rest.withUnsafeBytes { try parse($0, terminate: false) }
    }

    private func parse(_ chunk: UnsafeRawBufferPointer, terminate: Bool) throws {
        guard let (xml, context) = session else { return }
        if let failure { throw failure }
        let base = chunk.baseAddress?.assumingMemoryBound(to: CChar.self)
        var offset = 0
        repeat {
            let n = min(chunk.count - offset, 1 << 30)
            let result = xml.parseChunk(context, base.map { $0 + offset }, Int32(n),
                                       terminate && offset + n == chunk.count ? 1 : 0)
            offset += n
            if let failure { throw failure }
            if result != 0 { try throwParserError() }
        } while offset < chunk.count
    }

    private func checkLimits(opening attributes: XMLAttributes) throws {
        depth += 1
        textLength = 0
        if depth > limits.maxDepth { throw XMLError.limitExceeded(limit: .depth, value: limits.maxDepth) }
        for attribute in attributes where attribute.value.count > limits.maxAttributeLength {
            throw XMLError.limitExceeded(limit: .attributeLength, value: limits.maxAttributeLength)
        }
    }

    private func fail(_ error: any Error) {
        if failure == nil { failure = error }
        if let session { session.xml.stopParser(session.context) }
    }

    private func throwParserError() throws -> Never {
        if let failure { throw failure }
        guard let session, let error = session.xml.lastError(session.context) else { throw XMLError.truncated }
        let code = error.pointee.code
        if code == Int32(XML_ERR_DOCUMENT_END.rawValue) || code == Int32(XML_ERR_DOCUMENT_EMPTY.rawValue)
            || code == Int32(XML_ERR_TAG_NOT_FINISHED.rawValue) {
            throw XMLError.truncated
        }
        var message = error.pointee.message.map { String(cString: $0) } ?? "error \(code)"
        while message.last?.isWhitespace == true { message.removeLast() }
        throw XMLError.malformed(message: message, line: Int(error.pointee.line), column: Int(error.pointee.int2))
    }
}
