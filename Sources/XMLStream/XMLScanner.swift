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

/// A streaming XML parser written for spreadsheet parts: it scans the bytes
/// of a UTF-8 document once and reports the same events as `XMLPushParser`
/// (libxml2's SAX2), in about a third of the instructions.
///
/// It keeps the safety rules of the libxml2 path: a DOCTYPE stops the parse,
/// only the five predefined entities and character references are
/// replaced, and nesting, attribute and text sizes are bounded by
/// `XMLLimits`. It checks what the readers rely on (tags balance, one root,
/// references and characters are valid, namespace prefixes are bound); it
/// does not reject every document libxml2 rejects (malformed UTF-8 passes
/// and is repaired when decoded). A document declaring another encoding, or
/// in UTF-16, is handed to libxml2 whole.
public final class XMLScanner {
    private let handler: any XMLEventHandler
    private let documentName: String
    private let limits: XMLLimits
    private var fallback: XMLPushParser?
    private var decided = false

    private var input = PendingBytes()
    private var names = XMLNameTable()
    private var open = UnsafeStack<OpenElement>()
    private var bindings: [Binding] = []
    private var rootSeen = false
    private var rootClosed = false
    private var textLength = 0
    private var raw = UnsafeStack<RawAttribute>()
    /// Whether the tag being read declares a namespace or has an attribute needing decoding.
    private var tagNeedsCare = false
    /// The last prefix resolved and its URI, until the bindings change.
    private var cachedPrefix: UnsafePointer<UInt8>?
    private var cachedURI: UnsafePointer<UInt8>?
    private var cacheValid = false
    private var decoded: [UInt8] = []
    private var attributeSlots: UnsafeMutablePointer<UnsafePointer<UInt8>?>
    private var attributeCapacity = 16
    private let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 8)
    /// The interned name `xmlns`, which is also the prefix of `xmlns:p`.
    private let xmlns: Int
    private let xmlnsPrefix: UnsafePointer<UInt8>?
    private let nameEndTable = nameEnds
    /// Lines and bytes already consumed, for error positions.
    private var consumedLines = 0
    private var consumedBytes = 0
    private var lastLineStart = 0

    private struct OpenElement {
        var name: Int
        var local: UnsafePointer<UInt8>
        var uri: UnsafePointer<UInt8>?
        var bindingCount: Int
    }

    private struct Binding {
        /// The interned prefix; nil for the default namespace.
        var prefix: UnsafePointer<UInt8>?
        /// The interned URI; nil where `xmlns=""` undeclares the default.
        var uri: UnsafePointer<UInt8>?
    }

    private struct RawAttribute {
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

    /// Parses one chunk of the document.
    public func feed(_ chunk: UnsafeRawBufferPointer) throws {
        if let fallback { return try fallback.feed(chunk) }
        input.append(chunk)
        if !decided {
            guard try decide(final: false) else { return }
            if let fallback { return try handOver(to: fallback) }
        }
        try scan(final: false)
    }

    /// Ends the document; throws when it is incomplete or not well-formed.
    public func finish() throws {
        if !decided {
            _ = try decide(final: true)
            if let fallback { try handOver(to: fallback) }
        }
        if let fallback { return try fallback.finish() }
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
    private var pendingLimit: Int { max(limits.maxAttributeLength, limits.maxTextLength) + (1 << 20) }

    /// Chooses the scanner or libxml2 from the first bytes; false while
    /// more bytes are needed to know.
    private func decide(final: Bool) throws -> Bool {
        let bytes = input.pending
        if XMLParsing.libxml2Only { return choose(scanner: false) }
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
        guard let encoding = XMLScanner.pseudoAttribute("encoding", in: text) else {
            return choose(scanner: true, skipping: start)
        }
        let name = encoding.lowercased()
        return choose(scanner: name == "utf-8" || name == "utf8", skipping: start)
    }

    private func choose(scanner: Bool, skipping bytes: Int = 0) -> Bool {
        decided = true
        if scanner {
            input.skip(bytes)
            consumedBytes = bytes
            lastLineStart = bytes
        } else {
            fallback = XMLPushParser(handler: handler, documentName: documentName, limits: limits)
        }
        return true
    }

    private func handOver(to parser: XMLPushParser) throws {
        let pending = input.pending
        input.skip(pending.count)
        try parser.feed(pending)
    }

    /// The value of `name="…"` in an XML declaration.
    static func pseudoAttribute(_ name: String, in declaration: String) -> String? {
        let text = Array(declaration.utf8)
        let key = Array(name.utf8)
        let blanks: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        guard text.count >= key.count,
              let found = (0...(text.count - key.count)).first(where: { Array(text[$0..<$0 + key.count]) == key }) else {
            return nil
        }
        var i = found + key.count
        while i < text.count && blanks.contains(text[i]) { i += 1 }
        guard i < text.count, text[i] == UInt8(ascii: "=") else { return nil }
        i += 1
        while i < text.count && blanks.contains(text[i]) { i += 1 }
        guard i < text.count, text[i] == UInt8(ascii: "\"") || text[i] == UInt8(ascii: "'") else { return nil }
        let quote = text[i]
        let value = text[(i + 1)...].prefix { $0 != quote }
        return String(decoding: value, as: UTF8.self)
    }

    // MARK: - Scanning

    private func scan(final: Bool) throws {
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

    private func consume(upTo end: Int) {
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
    private func text(_ base: UnsafeMutablePointer<UInt8>, from start: Int, count: Int, final: Bool) throws -> Int? {
        var j = start
        var segment = start
        while j < count {
            let c = base[j]
            if c == UInt8(ascii: "<") { break }
            if c > UInt8(ascii: "&") { j += 1; continue }
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
        if !final { j = completeCharacters(base, from: segment, to: j) }
        try characters(base, segment, j)
        return j
    }

    /// `end`, moved back to the start of a UTF-8 sequence the chunk cut, so
    /// that a character is never reported in two pieces (as libxml2 does not).
    @inline(__always)
    private func completeCharacters(_ base: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) -> Int {
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
    private func characters(_ base: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int) throws {
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
    private func reference(_ base: UnsafeMutablePointer<UInt8>, at start: Int, count: Int, final: Bool) throws -> Int? {
        guard let (codePoint, end) = try decodeReference(base, at: start, count: count, final: final) else { return nil }
        let length = encodeUTF8(codePoint, into: scratch)
        try characters(scratch, 0, length)
        return end
    }

    /// The code point of the reference at `start` and the index after it.
    private func decodeReference(_ base: UnsafeMutablePointer<UInt8>, at start: Int, count: Int,
                                 final: Bool) throws -> (UInt32, Int)? {
        var end = start + 1
        while end < count && end - start < 12 && base[end] != UInt8(ascii: ";") { end += 1 }
        if end == count {
            if !final { return nil }
            throw malformed("a reference is not terminated by ';'", at: start)
        }
        guard base[end] == UInt8(ascii: ";") else { throw malformed("a reference is not terminated by ';'", at: start) }
        let name = UnsafeBufferPointer(start: base + start + 1, count: end - start - 1)
        let value: UInt32
        if name.first == UInt8(ascii: "#") {
            guard let number = XMLScanner.characterReference(name.dropFirst()), XMLScanner.isXMLChar(number) else {
                throw malformed("invalid character reference", at: start)
            }
            value = number
        } else {
            switch String(decoding: name, as: UTF8.self) {
            case "lt": value = 0x3C
            case "gt": value = 0x3E
            case "amp": value = 0x26
            case "quot": value = 0x22
            case "apos": value = 0x27
            default:
                throw malformed("entity '\(String(decoding: name, as: UTF8.self))' was not declared", at: start)
            }
        }
        return (value, end + 1)
    }

    static func characterReference(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> UInt32? {
        var rest = digits
        var radix: UInt32 = 10
        if rest.first == UInt8(ascii: "x") {
            radix = 16
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return nil }
        var value: UInt32 = 0
        for c in rest {
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value * radix + digit
            if value > 0x10FFFF { return nil }
        }
        return value
    }

    static func isXMLChar(_ c: UInt32) -> Bool {
        c == 0x09 || c == 0x0A || c == 0x0D || (0x20...0xD7FF).contains(c) || (0xE000...0xFFFD).contains(c)
            || (0x10000...0x10FFFF).contains(c)
    }

    private func encodeUTF8(_ c: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
        switch c {
        case 0..<0x80:
            out[0] = UInt8(c)
            return 1
        case 0x80..<0x800:
            out[0] = UInt8(0xC0 | (c >> 6))
            out[1] = UInt8(0x80 | (c & 0x3F))
            return 2
        case 0x800..<0x10000:
            out[0] = UInt8(0xE0 | (c >> 12))
            out[1] = UInt8(0x80 | ((c >> 6) & 0x3F))
            out[2] = UInt8(0x80 | (c & 0x3F))
            return 3
        default:
            out[0] = UInt8(0xF0 | (c >> 18))
            out[1] = UInt8(0x80 | ((c >> 12) & 0x3F))
            out[2] = UInt8(0x80 | ((c >> 6) & 0x3F))
            out[3] = UInt8(0x80 | (c & 0x3F))
            return 4
        }
    }

    /// A tag, comment, CDATA section or processing instruction at `start`;
    /// returns the index after it, or nil when it must wait for more bytes.
    private func markup(_ base: UnsafeMutablePointer<UInt8>, at start: Int, count: Int, final: Bool) throws -> Int? {
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
            return try startTag(base, at: start, count: count, final: final)
        }
    }

    private func needMore(_ final: Bool, _ at: Int) throws -> Int? {
        if final { throw XMLError.truncated }
        return nil
    }

    private func declaration(_ base: UnsafeMutablePointer<UInt8>, at start: Int, count: Int, final: Bool) throws -> Int? {
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

    private func endTag(_ base: UnsafeMutablePointer<UInt8>, at start: Int, count: Int, final: Bool) throws -> Int? {
        guard let found = memchr(base + start + 2, Int32(UInt8(ascii: ">")), count - start - 2) else {
            return try needMore(final, start)
        }
        let close = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - UnsafePointer(base)
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
            cacheValid = false
        }
        textLength = 0
        if open.isEmpty { rootClosed = true }
        try handler.endElement(XMLName(top.local, top.uri))
        return close + 1
    }

    private func startTag(_ base: UnsafeMutablePointer<UInt8>, at start: Int, count: Int, final: Bool) throws -> Int? {
        var j = start + 1
        while j < count && !isNameEnd(base[j]) { j += 1 }
        if j == count { return try needMore(final, start) }
        guard j > start + 1, isNameStart(base[start + 1]) else { throw malformed("a tag without a valid name", at: start) }
        let name = names.intern(base + start + 1, j - start - 1)
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
            while j < count && !isNameEnd(base[j]) { j += 1 }
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
            guard let found = memchr(base + j + 1, Int32(quote), count - j - 1) else { return try needMore(final, start) }
            let valueEnd = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - UnsafePointer(base)
            if valueEnd - j - 1 > limits.maxAttributeLength {
                throw XMLError.limitExceeded(limit: .attributeLength, value: limits.maxAttributeLength)
            }
            var needsDecoding = false
            for k in (j + 1)..<valueEnd where base[k] <= UInt8(ascii: "&") || base[k] == UInt8(ascii: "<") {
                if base[k] == UInt8(ascii: "<") { throw malformed("'<' in an attribute value", at: k) }
                if base[k] == UInt8(ascii: "&") || base[k] < 0x20 { needsDecoding = true }
            }
            let attributeName = names.intern(base + attributeStart, attributeEnd - attributeStart)
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
        try element(base, name: name, at: start, selfClosing: selfClosing)
        return j
    }

    /// Resolves the names of a complete start tag and reports it.
    private func element(_ base: UnsafeMutablePointer<UInt8>, name: Int, at start: Int, selfClosing: Bool) throws {
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
                cacheValid = false
            }
            if open.isEmpty { rootClosed = true }
            try handler.endElement(elementName)
        } else {
            open.append(OpenElement(name: name, local: entry.local, uri: uri, bindingCount: bindingCount))
        }
    }

    /// Decodes the values that need it and binds the namespaces the tag declares.
    private func declareNamespaces(_ base: UnsafeMutablePointer<UInt8>, at start: Int) throws {
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
                cacheValid = false
            } else if entry.prefix == xmlnsPrefix {
                let bound = names.pointer(entry.local, entry.length - 6)
                let uri = value(base, attribute)
                guard uri.count > 0 else { throw malformed("a namespace prefix bound to an empty URI", at: start) }
                bindings.append(Binding(prefix: bound, uri: intern(uri)))
                cacheValid = false
            }
        }
    }

    /// The URI bound to `prefix` (nil: the default namespace) where the
    /// element at `start` stands.
    @inline(__always)
    private func namespace(of prefix: UnsafePointer<UInt8>?, elementAt start: Int) throws -> UnsafePointer<UInt8>? {
        if cacheValid && cachedPrefix == prefix { return cachedURI }
        for binding in bindings.reversed() where binding.prefix == prefix {
            cachedPrefix = prefix
            cachedURI = binding.uri
            cacheValid = true
            return binding.uri
        }
        // An unbound prefix is a namespace error libxml2 recovers from: the
        // name then has no namespace. The scanner does the same.
        return nil
    }

    private func value(_ base: UnsafeMutablePointer<UInt8>, _ attribute: RawAttribute) -> UnsafeBufferPointer<UInt8> {
        if attribute.needsDecoding {
            return decoded.withUnsafeBufferPointer {
                UnsafeBufferPointer(rebasing: $0[attribute.decodedStart..<attribute.decodedEnd])
            }
        }
        return UnsafeBufferPointer(start: base + attribute.start, count: attribute.end - attribute.start)
    }

    /// The interned copy of `bytes` (which may point into `decoded`).
    private func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafePointer<UInt8> {
        let copy = Array(bytes)
        return copy.withUnsafeBufferPointer { names.pointer($0.baseAddress!, $0.count) }
    }

    private func intern(_ text: String) -> UnsafePointer<UInt8> {
        let copy = Array(text.utf8)
        return copy.withUnsafeBufferPointer { names.pointer($0.baseAddress!, $0.count) }
    }

    /// Appends the normalised value (XML 1.0, 3.3.3) to `decoded`: blanks
    /// become spaces, a CR LF pair one space, references their characters.
    private func decodeAttribute(_ base: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int, at tag: Int) throws {
        var k = start
        while k < end {
            let c = base[k]
            switch c {
            case UInt8(ascii: "&"):
                guard let (codePoint, next) = try decodeReference(base, at: k, count: end, final: true) else {
                    throw malformed("a reference is not terminated by ';'", at: k)
                }
                let length = encodeUTF8(codePoint, into: scratch)
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

    // MARK: - Bytes

    @inline(__always) private func isBlank(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D
    }

    @inline(__always) private func isNameEnd(_ c: UInt8) -> Bool {
        nameEndTable[Int(c)] != 0
    }

    @inline(__always) private func isNameStart(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") || c >= 0x80
    }

    private func matches(_ base: UnsafeMutablePointer<UInt8>, _ literal: StaticString, at start: Int, count: Int) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard count - start >= n else { return false }
        return memcmp(base + start, literal.utf8Start, n) == 0
    }

    private func find(_ base: UnsafeMutablePointer<UInt8>, _ literal: StaticString, from start: Int, count: Int) -> Int? {
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

    private func malformed(_ message: String, at index: Int) -> XMLError {
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

/// 1 for the bytes that end a name: blanks and controls, `>`, `/`, `=`,
/// quotes and `<`.
nonisolated(unsafe) private let nameEnds: UnsafePointer<UInt8> = {
    let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    for c in 0..<256 {
        let ends = c <= 0x20 || "<>/=\"'".utf8.contains(UInt8(c))
        table[c] = ends ? 1 : 0
    }
    return UnsafePointer(table)
}()

/// The bytes fed but not yet consumed, in one growable buffer.
struct PendingBytes {
    private(set) var base = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 17)
    private var capacity = 1 << 17
    /// First byte not yet consumed.
    var start = 0
    /// End of the bytes held.
    private(set) var count = 0

    var pending: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base + start, count: count - start) }

    mutating func skip(_ n: Int) { start += n }

    mutating func append(_ chunk: UnsafeRawBufferPointer) {
        let kept = count - start
        if start > 0 {
            if kept > 0 { memmove(base, base + start, kept) }
            start = 0
            count = kept
        }
        if count + chunk.count > capacity {
            var newCapacity = capacity * 2
            while newCapacity < count + chunk.count { newCapacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.initialize(from: base, count: count)
            base.deallocate()
            base = grown
            capacity = newCapacity
        }
        if let source = chunk.baseAddress, chunk.count > 0 {
            memcpy(base + count, source, chunk.count)
        }
        count += chunk.count
    }

    func release() { base.deallocate() }
}
