#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming XML parser written for spreadsheet parts: it scans the bytes
/// of a UTF-8 document once and reports the same events as `XMLPushParser`
/// (libxml2's SAX2), in about a third of the instructions.
///
/// It keeps the safety rules of the libxml2 path: a DOCTYPE stops the parse,
/// only the five predefined entities and character references are
/// replaced, and nesting, attribute and text sizes are bounded by
/// `XMLLimits`. It checks what the readers rely on (tags balance, one root,
/// references and characters are valid, namespace prefixes are bound, the
/// bytes are UTF-8: `UTF8Validation`); it does not reject every document
/// libxml2 rejects. A document declaring another encoding, or in UTF-16,
/// is handed to libxml2 whole.
public final class XMLScanner {
    let handler: any XMLEventHandler
    let documentName: String
    let limits: XMLLimits
    var fallback: XMLPushParser?
    /// Reads the elements it knows straight from the bytes (`XMLShortcut`).
    public var shortcut: (any XMLShortcut)?
    var decided = false

    var input = PendingBytes()
    var names = XMLNameTable()
    var open = UnsafeStack<OpenElement>()
    var bindings: [Binding] = []
    var rootSeen = false
    var rootClosed = false
    var textLength = 0
    var raw = UnsafeStack<RawAttribute>()
    /// Whether the tag being read declares a namespace or has an attribute needing decoding.
    var tagNeedsCare = false
    /// Prefixes resolved lately and their URIs, until the bindings change.
    var resolved = ResolvedPrefixes()
    var decoded: [UInt8] = []
    var attributeSlots: UnsafeMutablePointer<UnsafePointer<UInt8>?>
    var attributeCapacity = 16
    let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 8)
    /// The interned name `xmlns`, which is also the prefix of `xmlns:p`.
    let xmlns: Int
    let xmlnsPrefix: UnsafePointer<UInt8>?
    /// Where, in bytes from the document's start, the tag being reported
    /// begins (its `<`): during `startElement` the start tag, during
    /// `endElement` the end tag, or the start tag again when it closed
    /// itself. Lets a caller edit a document by splicing at element
    /// boundaries. Not set while libxml2 parses (`usesLibXML2`).
    public var tagOffset: Int { tagRange.lowerBound }
    /// Whether libxml2 reads the document (an encoding other than UTF-8), so `tagOffset` says nothing.
    public var usesLibXML2: Bool { fallback != nil }
    /// Lines and bytes already consumed, for error positions.
    var consumedLines = 0
    var consumedBytes = 0
    var lastLineStart = 0
    /// Where the whole tag of the element event being reported lies (see
    /// `tagOffset`), so that an editor can also replace or extend the tag.
    public private(set) var tagRange: Range<Int> = 0..<0
    /// Every byte the scanner reads is checked to be UTF-8 before it is
    /// scanned, so text, names and attribute values, and what a shortcut
    /// reads from the bytes, never hold a byte that begins no character.
    var utf8 = UTF8Validation()
    /// Checks what libxml2 reads when the document is in UTF-16.
    var utf16: UTF16Validation?

    struct OpenElement {
        var name: Int
        var local: UnsafePointer<UInt8>
        var uri: UnsafePointer<UInt8>?
        var bindingCount: Int
    }

    struct Binding {
        /// The interned prefix; nil for the default namespace.
        var prefix: UnsafePointer<UInt8>?
        /// The interned URI; nil where `xmlns=""` undeclares the default.
        var uri: UnsafePointer<UInt8>?
    }

    struct RawAttribute {
        var name: Int
        var start: Int
        var end: Int
        var needsDecoding: Bool
        /// Where the decoded value starts in `decoded`, when it needed decoding.
        var decodedStart = 0
        var decodedEnd = 0
    }

    public init(handler: any XMLEventHandler, documentName: String = "", limits: XMLLimits = .default) {
        self.handler = handler
        self.documentName = documentName
        self.limits = limits
        attributeSlots = .allocate(capacity: 5 * attributeCapacity)
        xmlns = names.intern("xmlns", 5)
        xmlnsPrefix = names.pointer("xmlns", 5)
        let xmlPrefix = names.pointer("xml", 3)
        let xmlURI = intern("http://www.w3.org/XML/1998/namespace")
        bindings.append(Binding(prefix: xmlPrefix, uri: xmlURI))
    }

    deinit {
        names.release()
        input.release()
        open.release()
        raw.release()
        attributeSlots.deallocate()
        scratch.deallocate()
    }

    /// Set by an editor before the first chunk: a UTF-8 document is read by
    /// the scanner even where `XMLParsing.libxml2Only` asks for libxml2,
    /// which reports no offsets (`tagRange`, `documentRange(of:)`).
    public var needsOffsets = false

    /// Where an attribute value reported in the current event lies in the
    /// document, or nil when the value was decoded (it held a reference)
    /// and so is not the document's own bytes.
    public func documentRange(of value: UnsafeRawBufferPointer) -> Range<Int>? {
        guard fallback == nil, let start = value.baseAddress else { return nil }
        let base = UnsafeRawPointer(input.base)
        guard start >= base + input.start, start + value.count <= base + input.count else { return nil }
        let at = documentOffset(start - base)
        return at..<(at + value.count)
    }

    @inline(__always) func documentOffset(_ index: Int) -> Int { consumedBytes + (index - input.start) }

    /// Parses one chunk of the document.
    public func feed(_ chunk: UnsafeRawBufferPointer) throws {
        if let fallback { return try feed(chunk, to: fallback) }
        if decided {
            let valid = utf8.check(chunk)
            // What comes before a bad byte is read as it would be without
            // it, so a sheet read in runs fails after the same rows.
            let good = valid == chunk.count ? chunk : UnsafeRawBufferPointer(rebasing: chunk[..<valid])
            if input.start == input.count && good.count > 0 {
                try scanInPlace(good)
            } else {
                input.append(good)
                try scan(final: false)
            }
            if valid < chunk.count { throw utf8.error }
            return
        }
        input.append(chunk)
        guard try decide(final: false) else { return }
        if let fallback { return try handOver(to: fallback) }
        try scanChecked()
    }

    /// Scans the bytes held when the scanner was chosen, up to a bad byte.
    private func scanChecked() throws {
        let held = input.pending.count
        let valid = utf8.check(input.pending)
        input.keep(valid)
        try scan(final: false)
        if valid < held { throw utf8.error }
    }

    /// Scans a chunk where it lies when nothing earlier is pending; only
    /// what it leaves unfinished is copied, to wait for the next chunk.
    private func scanInPlace(_ chunk: UnsafeRawBufferPointer) throws {
        var own = PendingBytes(borrowing: chunk)
        swap(&own, &input)
        defer {
            let rest = input.pending
            swap(&own, &input)
            input.append(rest)
        }
        try scan(final: false)
    }

    /// Whether bytes fed so far wait for more before they are parsed (or
    /// libxml2 parses the document, which may hold some back unseen).
    public var isHoldingBytes: Bool { fallback != nil || input.start < input.count }

    /// Ends the document; throws when it is incomplete or not well-formed.
    public func finish() throws {
        if !decided {
            _ = try decide(final: true)
            if let fallback { try handOver(to: fallback) } else { try scanChecked() }
        }
        if let fallback {
            try utf16?.finish()
            return try fallback.finish()
        }
        try utf8.finish()
        try scan(final: true)
    }

    /// Parses a whole document held in memory.
    public static func parse(_ document: some Collection<UInt8>, handler: any XMLEventHandler, documentName: String = "",
                             limits: XMLLimits = .default) throws {
        let scanner = XMLScanner(handler: handler, documentName: documentName, limits: limits)
        let bytes = Array(document)
        try bytes.withUnsafeBytes { try scanner.feed($0) }
        try scanner.finish()
    }

    // MARK: - Encoding

    /// Bytes a token may keep pending before the part is refused.
    var pendingLimit: Int { max(limits.maxAttributeLength, limits.maxTextLength) + (1 << 20) }

    /// Chooses the scanner or libxml2 from the first bytes; false while
    /// more bytes are needed to know.
    func decide(final: Bool) throws -> Bool {
        let bytes = input.pending
        if XMLParsing.libxml2Only && !needsOffsets { return choose(scanner: false) }
        if bytes.count < 4 && !final { return false }
        if bytes.count >= 2 {
            let (a, b) = (bytes[0], bytes[1])
            // UTF-16 and UTF-32 with or without a byte-order mark, EBCDIC.
            if a == 0xFE || a == 0xFF || a == 0 || b == 0 || a == 0x4C { return choose(scanner: false) }
        }
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        let declaration = Array("<?xml".utf8)
        guard bytes.count >= start + 5 else { return final ? choose(scanner: true, skipping: start) : false }
        guard (0..<5).allSatisfy({ bytes[start + $0] == declaration[$0] }) else {
            return choose(scanner: true, skipping: start)
        }
        var end = start + 5
        while end + 1 < bytes.count && !(bytes[end] == UInt8(ascii: "?") && bytes[end + 1] == UInt8(ascii: ">")) {
            end += 1
        }
        if end + 1 >= bytes.count {
            if !final && bytes.count < 1024 { return false }
            return choose(scanner: false)
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        guard let encoding = XMLCharacters.pseudoAttribute("encoding", in: text) else {
            return choose(scanner: true, skipping: start)
        }
        let name = encoding.lowercased()
        return choose(scanner: name == "utf-8" || name == "utf8", skipping: start)
    }

    func choose(scanner: Bool, skipping bytes: Int = 0) -> Bool {
        decided = true
        if scanner {
            input.skip(bytes)
            consumedBytes = bytes
            lastLineStart = bytes
            utf8.offset = bytes
        } else {
            fallback = XMLPushParser(handler: handler, documentName: documentName, limits: limits)
            utf16 = UTF16Validation.detect(input.pending)
        }
        return true
    }

    func handOver(to parser: XMLPushParser) throws {
        let pending = input.pending
        input.skip(pending.count)
        try feed(pending, to: parser)
    }

    /// Feeds libxml2, checking UTF-16 first where the document is in it.
    private func feed(_ chunk: UnsafeRawBufferPointer, to parser: XMLPushParser) throws {
        guard var validation = utf16 else { return try parser.feed(chunk) }
        let valid = validation.check(chunk)
        utf16 = validation
        if valid < chunk.count {
            try parser.feed(UnsafeRawBufferPointer(rebasing: chunk[..<valid]))
            throw validation.error
        }
        try parser.feed(chunk)
    }

    // MARK: - Scanning

    func scan(final: Bool) throws {
        let base = input.base
        let count = input.count
        var i = input.start
        while i < count {
            let next: Int?
            if base[i] == UInt8(ascii: "<") {
                next = try markup(base, at: i, count: count, final: final)
            } else {
                next = try text(base, from: i, count: count, final: final)
            }
            guard let next, next > i else { break }
            i = next
        }
        consume(upTo: i)
        if final {
            if input.start < input.count { throw XMLError.truncated }
            if !rootSeen || !open.isEmpty { throw XMLError.truncated }
        } else if input.count - input.start > pendingLimit {
            throw XMLError.limitExceeded(limit: .attributeLength, value: limits.maxAttributeLength)
        }
    }

    func consume(upTo end: Int) {
        let base = input.base
        var i = input.start
        while i < end, let found = memchr(base + i, 0x0A, end - i) {
            let at = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - UnsafePointer(base)
            consumedLines += 1
            lastLineStart = consumedBytes + (at - input.start) + 1
            i = at + 1
        }
        consumedBytes += end - input.start
        input.start = end
    }

    /// Text up to the next tag; nil when it must wait for more bytes.
    @inline(__always)
    func text(_ base: UnsafeMutablePointer<UInt8>, from start: Int, count: Int, final: Bool) throws -> Int? {
        var j = start
        var segment = start
        while true {
            j = ByteSearch.textStop(base, from: j, count: count)
            guard j < count else { break }
            let c = base[j]
            if c == UInt8(ascii: "<") { break }
            if c == UInt8(ascii: "&") {
                try characters(base, segment, j)
                guard let end = try reference(base, at: j, count: count, final: final) else { return j }
                j = end
                segment = j
            } else if c == 0x0D {
                try characters(base, segment, j)
                if j + 1 == count && !final { return j }
                if j + 1 < count && base[j + 1] == 0x0A {
                    segment = j + 1
                } else {
                    scratch[0] = 0x0A
                    try characters(scratch, 0, 1)
                    segment = j + 1
                }
                j += 1
            } else if c < 0x20 && c != 0x09 && c != 0x0A {
                throw malformed("invalid character 0x\(String(c, radix: 16)) in text", at: j)
            } else {
                j += 1
            }
        }
        // Only text the chunk cut may end inside a character; text that ends
        // at a `<` is whole, whatever bytes it holds.
        if !final && j == count { j = completeCharacters(base, from: segment, to: j) }
        try characters(base, segment, j)
        return j
    }

    /// `end`, moved back to the start of a UTF-8 sequence the chunk cut, so
    /// that a character is never reported in two pieces (as libxml2 does not).
    @inline(__always)
    func completeCharacters(_ base: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var k = end
        while k > start && k > end - 4 {
            k -= 1
            let c = base[k]
            if c < 0x80 { return end }
            if c >= 0xC0 {
                let length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
                return end - k >= length ? end : k
            }
        }
        return end
    }

    /// Reports text, or checks that text outside the root is only blanks.
    @inline(__always)
    func characters(_ base: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int) throws {
        guard end > start else { return }
        if open.isEmpty {
            for k in start..<end where !isBlank(base[k]) {
                throw malformed(rootSeen ? "extra content at the end of the document" : "text before the root element",
                                at: k)
            }
            return
        }
        textLength += end - start
        if textLength > limits.maxTextLength {
            throw XMLError.limitExceeded(limit: .textLength, value: limits.maxTextLength)
        }
        try handler.characters(UnsafeRawBufferPointer(start: base + start, count: end - start))
    }

    /// Decodes the reference at `start` (`&…;`) and reports it as text;
    /// returns the index after it, or nil when it must wait for more bytes.
    func reference(_ base: UnsafeMutablePointer<UInt8>, at start: Int, count: Int, final: Bool) throws -> Int? {
        guard let (codePoint, end) = try decodeReference(base, at: start, count: count, final: final) else { return nil }
        let length = XMLCharacters.encodeUTF8(codePoint, into: scratch)
        try characters(scratch, 0, length)
        return end
    }

    /// The code point of the reference at `start` and the index after it.
    func decodeReference(_ base: UnsafeMutablePointer<UInt8>, at start: Int, count: Int,
                                 final: Bool) throws -> (UInt32, Int)? {
        var end = start + 1
        while end < count && end - start < 12 && base[end] != UInt8(ascii: ";") { end += 1 }
        if end == count {
            if !final { return nil }
            throw malformed("a reference is not terminated by ';'", at: start)
        }
        guard base[end] == UInt8(ascii: ";") else { throw malformed("a reference is not terminated by ';'", at: start) }
        let name = UnsafeBufferPointer(start: base + start + 1, count: end - start - 1)
        guard let value = XMLReference.codePoint(named: name) else {
            if name.first == UInt8(ascii: "#") { throw malformed("invalid character reference", at: start) }
            throw malformed("entity '\(String(decoding: name, as: UTF8.self))' was not declared", at: start)
        }
        return (value, end + 1)
    }

    /// A tag, comment, CDATA section or processing instruction at `start`;
    /// returns the index after it, or nil when it must wait for more bytes.
    func markup(_ base: UnsafeMutablePointer<UInt8>, at start: Int, count: Int, final: Bool) throws -> Int? {
        guard start + 1 < count else { return try needMore(final, start) }
        switch base[start + 1] {
        case UInt8(ascii: "/"):
            return try endTag(base, at: start, count: count, final: final)
        case UInt8(ascii: "?"):
            guard let end = find(base, "?>", from: start + 2, count: count) else { return try needMore(final, start) }
            return end + 2
        case UInt8(ascii: "!"):
            return try declaration(base, at: start, count: count, final: final)
        default:
            if let shortcut, !open.isEmpty {
                let end = try shortcut.take(base, from: start, count: count, scope: XMLScope(scanner: self))
                if end > start {
                    textLength = 0
                    return end
                }
            }
            return try startTag(base, at: start, count: count, final: final)
        }
    }

    func needMore(_ final: Bool, _ at: Int) throws -> Int? {
        if final { throw XMLError.truncated }
        return nil
    }

    func declaration(_ base: UnsafeMutablePointer<UInt8>, at start: Int, count: Int, final: Bool) throws -> Int? {
        if matches(base, "<!--", at: start, count: count) {
            guard let end = find(base, "-->", from: start + 4, count: count) else { return try needMore(final, start) }
            return end + 3
        }
        if matches(base, "<![CDATA[", at: start, count: count) {
            guard !open.isEmpty else { throw malformed("a CDATA section outside the root element", at: start) }
            guard let end = find(base, "]]>", from: start + 9, count: count) else { return try needMore(final, start) }
            // As libxml2 does, the section's text is reported as it stands.
            try characters(base, start + 9, end)
            return end + 3
        }
        if matches(base, "<!DOCTYPE", at: start, count: count) { throw XMLError.doctypeNotAllowed }
        if count - start < 9 && !final { return nil }
        throw malformed("unexpected markup '<!'", at: start)
    }

    func endTag(_ base: UnsafeMutablePointer<UInt8>, at start: Int, count: Int, final: Bool) throws -> Int? {
        guard let close = ByteSearch.first(UInt8(ascii: ">"), in: base, from: start + 2, count: count) else {
            return try needMore(final, start)
        }
        var nameEnd = close
        while nameEnd > start + 2 && isBlank(base[nameEnd - 1]) { nameEnd -= 1 }
        let length = nameEnd - start - 2
        guard let top = open.last else { throw malformed("an end tag without a start tag", at: start) }
        let entry = names.entries[top.name]
        guard entry.length == length, memcmp(entry.qualified, base + start + 2, length) == 0 else {
            let name = String(decoding: UnsafeRawBufferPointer(start: base + start + 2, count: length), as: UTF8.self)
            throw malformed("opening and ending tag mismatch: \(String(cString: entry.qualified)) and \(name)", at: start)
        }
        open.removeLast()
        if bindings.count > top.bindingCount {
            bindings.removeSubrange(top.bindingCount...)
            resolved.clear()
        }
        textLength = 0
        if open.isEmpty { rootClosed = true }
        tagRange = documentOffset(start)..<documentOffset(close + 1)
        try handler.endElement(XMLName(top.local, top.uri))
        return close + 1
    }

    func startTag(_ base: UnsafeMutablePointer<UInt8>, at start: Int, count: Int, final: Bool) throws -> Int? {
        var j = ByteSearch.nameEnd(base, from: start + 1, count: count)
        if j == count { return try needMore(final, start) }
        guard j > start + 1, isNameStart(base[start + 1]) else { throw malformed("a tag without a valid name", at: start) }
        let name = names.intern(base + start + 1, j - start - 1, readable: count - start - 1)
        guard names.entries[name].isQualifiedName else { throw malformed("a tag name that is not a qualified name", at: start) }
        raw.removeAll()
        tagNeedsCare = false
        var selfClosing = false
        while true {
            let blanks = j
            while j < count && isBlank(base[j]) { j += 1 }
            if j == count { return try needMore(final, start) }
            let c = base[j]
            if c == UInt8(ascii: ">") {
                j += 1
                break
            }
            if c == UInt8(ascii: "/") {
                if j + 1 == count { return try needMore(final, start) }
                guard base[j + 1] == UInt8(ascii: ">") else { throw malformed("'/' not followed by '>'", at: j) }
                j += 2
                selfClosing = true
                break
            }
            guard j > blanks else { throw malformed("attributes must be separated by blanks", at: j) }
            let attributeStart = j
            j = ByteSearch.nameEnd(base, from: j, count: count)
            if j == count { return try needMore(final, start) }
            guard j > attributeStart, isNameStart(base[attributeStart]) else {
                throw malformed("an attribute without a valid name", at: attributeStart)
            }
            let attributeEnd = j
            while j < count && isBlank(base[j]) { j += 1 }
            if j == count { return try needMore(final, start) }
            guard base[j] == UInt8(ascii: "=") else { throw malformed("an attribute without '='", at: j) }
            j += 1
            while j < count && isBlank(base[j]) { j += 1 }
            if j == count { return try needMore(final, start) }
            let quote = base[j]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw malformed("an attribute value without quotes", at: j)
            }
            // Mostly the quote comes first; otherwise the value is looked at byte by byte.
            let stop = ByteSearch.valueStop(base, from: j + 1, count: count, quote: quote)
            if stop == count { return try needMore(final, start) }
            var valueEnd = stop
            if base[stop] != quote {
                guard let end = ByteSearch.first(quote, in: base, from: stop, count: count) else {
                    return try needMore(final, start)
                }
                valueEnd = end
            }
            if valueEnd - j - 1 > limits.maxAttributeLength {
                throw XMLError.limitExceeded(limit: .attributeLength, value: limits.maxAttributeLength)
            }
            var needsDecoding = false
            for k in stop..<valueEnd where base[k] <= UInt8(ascii: "&") || base[k] == UInt8(ascii: "<") {
                if base[k] == UInt8(ascii: "<") { throw malformed("'<' in an attribute value", at: k) }
                if base[k] == UInt8(ascii: "&") || base[k] < 0x20 { needsDecoding = true }
            }
            let attributeName = names.intern(base + attributeStart, attributeEnd - attributeStart,
                                             readable: count - attributeStart)
            guard names.entries[attributeName].isQualifiedName else {
                throw malformed("an attribute name that is not a qualified name", at: attributeStart)
            }
            for k in 0..<raw.count where raw[k].name == attributeName {
                throw malformed("attribute \(String(cString: names.entries[attributeName].qualified)) appears twice",
                                at: attributeStart)
            }
            raw.append(RawAttribute(name: attributeName, start: j + 1, end: valueEnd, needsDecoding: needsDecoding))
            if needsDecoding || attributeName == xmlns || names.entries[attributeName].prefix == xmlnsPrefix {
                tagNeedsCare = true
            }
            j = valueEnd + 1
        }
        if rootClosed { throw malformed("extra content at the end of the document", at: start) }
        if open.count >= limits.maxDepth { throw XMLError.limitExceeded(limit: .depth, value: limits.maxDepth) }
        rootSeen = true
        tagRange = documentOffset(start)..<documentOffset(j)
        try element(base, name: name, at: start, selfClosing: selfClosing)
        return j
    }

    // MARK: - Bytes

    @inline(__always) func isBlank(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D
    }

    @inline(__always) func isNameStart(_ c: UInt8) -> Bool {
        XMLCharacters.startsNCName(c) || c == UInt8(ascii: ":")
    }

    func matches(_ base: UnsafeMutablePointer<UInt8>, _ literal: StaticString, at start: Int, count: Int) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard count - start >= n else { return false }
        return memcmp(base + start, literal.utf8Start, n) == 0
    }

    func find(_ base: UnsafeMutablePointer<UInt8>, _ literal: StaticString, from start: Int, count: Int) -> Int? {
        let n = literal.utf8CodeUnitCount
        let first = Int32(literal.utf8Start[0])
        var i = start
        while count - i >= n, let found = memchr(base + i, first, count - i - n + 1) {
            let at = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - UnsafePointer(base)
            if memcmp(base + at, literal.utf8Start, n) == 0 { return at }
            i = at + 1
        }
        return nil
    }

    func malformed(_ message: String, at index: Int) -> XMLError {
        var line = consumedLines + 1
        var lineStart = lastLineStart
        let base = input.base
        var i = input.start
        while i < min(index, input.count) {
            if base[i] == 0x0A {
                line += 1
                lineStart = consumedBytes + (i - input.start) + 1
            }
            i += 1
        }
        let offset = consumedBytes + (index - input.start)
        return XMLError.malformed(message: message, line: line, column: offset - lineStart + 1)
    }
}



