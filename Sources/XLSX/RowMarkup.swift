#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import XMLStream

/// One `<row>` element of a worksheet (ECMA-376 Part 1, 18.3.1.73) read
/// straight from its bytes, for rows of the shape spreadsheet programs
/// write: unprefixed `row`, `c`, `v` and `f` elements and inline strings
/// of one `<t>`, attributes in double or single quotes, values without
/// references or control characters.
///
/// `read` accepts only rows the XML scanner accepts and reads the same way
/// (a subset of its rules: ASCII names, bound prefixes, no attribute twice,
/// within the limits); any other row (rich text, comments, blanks around
/// `=`, a reference in a value, a carriage return) it leaves to the
/// scanner, which then reads it through events or says what is wrong with
/// it. Per cell it costs about a fifth of the scanner's events (callgrind,
/// many.xlsx).
final class RowMarkup {
    /// Where the bytes of a value lie; `start < 0` for none.
    struct Span {
        var start: Int
        var end: Int

        static let none = Span(start: -1, end: -1)

        func bytes(in base: UnsafePointer<UInt8>) -> UnsafeRawBufferPointer? {
            start < 0 ? nil : UnsafeRawBufferPointer(start: base + start, count: end - start)
        }
    }

    /// One `<c>` element (18.3.1.4): its `r`, `t` and `s`, its last `<v>`,
    /// whether it has an `<f>`, and the text of an inline string `<is>`
    /// (18.3.1.53) of one `<t>`.
    struct Cell {
        var reference = Span.none
        var type = Span.none
        var style = Span.none
        var value = Span.none
        var hasFormula = false
        var inline = Span.none
        /// Whether the inline text has `xml:space="preserve"`.
        var preservesSpace = false
        /// Whether the inline text holds references to replace.
        var inlineHasReferences = false
    }

    /// The row's `r`.
    private(set) var number = Span.none
    /// The cells of the row last read; valid until the next `read`.
    var cells: UnsafeBufferPointer<Cell> { UnsafeBufferPointer(start: cellStack.base, count: cellStack.count) }
    /// Whether the last `read` stopped at the end of the bytes, not at
    /// something it does not read.
    private(set) var ranOut = false
    /// Whether the last `read` began at a row's start tag.
    private(set) var atRow = false

    private var cellStack = UnsafeStack<Cell>(capacity: 64)
    /// The names of two or more characters in the tag being read, to refuse one given twice.
    private let attributes: UnsafeMutablePointer<Span>
    private var attributeCount = 0
    private static let maxAttributes = 16
    /// Prefixes found bound in the scope of the rows.
    private var boundPrefixes: [[UInt8]] = []
    private var maxText = 0
    /// Whether `xml:` stands for the XML namespace where the rows are (it
    /// always does, unless a document rebinds it against the rules).
    private var xmlPrefixIsXML = false
    /// Whether the last `text` passed over a reference.
    private var sawReference = false
    /// The value of the last tag's `xml:space`.
    private var space = Span.none
    private var maxAttribute = 0
    private let classes = RowMarkup.byteClasses

    init() {
        attributes = .allocate(capacity: RowMarkup.maxAttributes)
    }

    deinit {
        cellStack.release()
        attributes.deallocate()
    }

    /// Begins reading rows where `scope` stands: the rows `read` until
    /// the next call are read with its namespaces and limits.
    func enter(_ scope: XMLScope) {
        maxText = scope.limits.maxTextLength
        maxAttribute = scope.limits.maxAttributeLength
        boundPrefixes.removeAll(keepingCapacity: true)
        let xml: StaticString = "xml"
        xmlPrefixIsXML = scope.namespaceURI(ofPrefix: UnsafeRawBufferPointer(start: xml.utf8Start, count: 3))
            .map { String(cString: $0) == "http://www.w3.org/XML/1998/namespace" } ?? false
    }

    /// Reads the row whose start tag begins at `start` (in the scope last
    /// entered); returns the index after its end tag, or nil when the
    /// scanner should read it.
    func read(_ b: UnsafePointer<UInt8>, at start: Int, count: Int, scope: XMLScope) -> Int? {
        cellStack.removeAll()
        number = .none
        ranOut = false
        atRow = false
        guard start + 5 <= count else { return runOut() }
        guard b[start + 1] == UInt8(ascii: "r"), b[start + 2] == UInt8(ascii: "o"), b[start + 3] == UInt8(ascii: "w") else {
            return nil
        }
        atRow = true
        var i = start + 4
        var rowTag = Cell()
        guard let content = tag(b, &i, count, scope, into: &rowTag) else { return nil }
        number = rowTag.reference
        guard content else { return i }
        while true {
            guard let next = skippingBlanks(b, i, count) else { return nil }
            i = next
            guard i + 4 <= count else { return runOut() }
            guard b[i] == UInt8(ascii: "<") else { return nil }
            if b[i + 1] == UInt8(ascii: "/") {
                guard i + 6 <= count else { return runOut() }
                guard b[i + 2] == UInt8(ascii: "r"), b[i + 3] == UInt8(ascii: "o"), b[i + 4] == UInt8(ascii: "w"),
                      b[i + 5] == UInt8(ascii: ">") else { return nil }
                return i + 6
            }
            guard b[i + 1] == UInt8(ascii: "c") else { return nil }
            i += 2
            var cell = Cell()
            guard let cellContent = tag(b, &i, count, scope, into: &cell) else { return nil }
            if cellContent {
                guard readContent(of: &cell, b, &i, count, scope) else { return nil }
            }
            cellStack.append(cell)
        }
    }

    /// What lies between `<c …>` and `</c>`: `<v>` and `<f>` elements and blanks.
    private func readContent(of cell: inout Cell, _ b: UnsafePointer<UInt8>, _ i: inout Int, _ count: Int,
                             _ scope: XMLScope) -> Bool {
        while true {
            guard let next = skippingBlanks(b, i, count) else { return false }
            i = next
            guard i + 4 <= count else { return ranOut(false) }
            guard b[i] == UInt8(ascii: "<") else { return false }
            switch b[i + 1] {
            case UInt8(ascii: "/"):
                guard b[i + 2] == UInt8(ascii: "c"), b[i + 3] == UInt8(ascii: ">") else { return false }
                i += 4
                return true
            case UInt8(ascii: "v"):
                guard b[i + 2] == UInt8(ascii: ">") else { return false }
                let start = i + 3
                guard let end = text(b, from: start, count, references: false) else { return false }
                guard end + 4 <= count else { return ranOut(false) }
                guard b[end + 1] == UInt8(ascii: "/"), b[end + 2] == UInt8(ascii: "v"), b[end + 3] == UInt8(ascii: ">") else {
                    return false
                }
                cell.value = Span(start: start, end: end)
                i = end + 4
            case UInt8(ascii: "f"):
                i += 2
                var formula = Cell()
                guard let content = tag(b, &i, count, scope, into: &formula) else { return false }
                cell.hasFormula = true
                guard content else { continue }
                guard let end = text(b, from: i, count, references: true) else { return false }
                guard end + 4 <= count else { return ranOut(false) }
                guard b[end + 1] == UInt8(ascii: "/"), b[end + 2] == UInt8(ascii: "f"), b[end + 3] == UInt8(ascii: ">") else {
                    return false
                }
                i = end + 4
            case UInt8(ascii: "i"):
                guard cell.inline.start < 0, b[i + 2] == UInt8(ascii: "s") else { return false }
                if b[i + 3] == UInt8(ascii: "/") {
                    guard i + 5 <= count else { return ranOut(false) }
                    guard b[i + 4] == UInt8(ascii: ">") else { return false }
                    cell.inline = Span(start: i, end: i)
                    i += 5
                    continue
                }
                guard b[i + 3] == UInt8(ascii: ">") else { return false }
                i += 4
                guard readInlineString(of: &cell, b, &i, count, scope) else { return false }
            default:
                return false
            }
        }
    }

    /// What lies between `<is>` and `</is>`: one `<t>` (or none) and blanks.
    /// Rich-text runs and phonetic text are left to the scanner.
    private func readInlineString(of cell: inout Cell, _ b: UnsafePointer<UInt8>, _ i: inout Int, _ count: Int,
                                  _ scope: XMLScope) -> Bool {
        cell.inline = Span(start: i, end: i)
        var sawText = false
        while true {
            guard let next = skippingBlanks(b, i, count) else { return false }
            i = next
            guard i + 5 <= count else { return ranOut(false) }
            guard b[i] == UInt8(ascii: "<") else { return false }
            if b[i + 1] == UInt8(ascii: "/") {
                guard b[i + 2] == UInt8(ascii: "i"), b[i + 3] == UInt8(ascii: "s"), b[i + 4] == UInt8(ascii: ">") else {
                    return false
                }
                i += 5
                return true
            }
            guard !sawText, b[i + 1] == UInt8(ascii: "t") else { return false }
            sawText = true
            i += 2
            var text = Cell()
            space = .none
            guard let content = tag(b, &i, count, scope, into: &text) else { return false }
            // RichText reads `space` in the XML namespace: `xml:space` is the
            // one prefixed attribute taken here.
            for k in 0..<attributeCount {
                let name = attributes[k], length = name.end - name.start
                guard memchr(b + name.start, 0x3A, length) != nil else { continue }
                guard xmlPrefixIsXML, length == 9, memcmp(b + name.start, "xml:space", 9) == 0 else { return false }
            }
            if let space = space.bytes(in: b) {
                cell.preservesSpace = space.elementsEqual("preserve".utf8)
            }
            guard content else {
                cell.inline = Span(start: i, end: i)
                continue
            }
            guard let end = self.text(b, from: i, count, references: true) else { return false }
            guard end + 4 <= count else { return ranOut(false) }
            guard b[end + 1] == UInt8(ascii: "/"), b[end + 2] == UInt8(ascii: "t"), b[end + 3] == UInt8(ascii: ">") else {
                return false
            }
            cell.inline = Span(start: i, end: end)
            cell.inlineHasReferences = sawReference
            i = end + 4
        }
    }

    /// Reads the attributes of a start tag after its name, up to and
    /// including `>` or `/>`; true when the element has content, nil when
    /// the scanner should read the tag. The values of `r`, `t` and `s` go
    /// to `cell`.
    @inline(__always)
    private func tag(_ b: UnsafePointer<UInt8>, _ i: inout Int, _ count: Int, _ scope: XMLScope,
                     into cell: inout Cell) -> Bool? {
        // One-letter names (`r`, `s`, `t`: most attributes of a sheet) are
        // told apart by a bit each; longer ones are kept to compare.
        var letters: UInt64 = 0
        attributeCount = 0
        while true {
            let blanks = i
            while i < count && classes[Int(b[i])] & RowMarkup.blank != 0 { i += 1 }
            guard i + 2 < count else { return runOut() }
            let c = b[i]
            if c == UInt8(ascii: ">") {
                i += 1
                return true
            }
            if c == UInt8(ascii: "/") {
                guard b[i + 1] == UInt8(ascii: ">") else { return nil }
                i += 2
                return false
            }
            guard i > blanks, i - blanks <= maxText, classes[Int(c)] & RowMarkup.startsName != 0 else { return nil }
            let nameStart = i
            if b[i + 1] == UInt8(ascii: "=") {
                let bit: UInt64 = 1 << (c & 63)
                guard letters & bit == 0 else { return nil }
                letters |= bit
                i += 1
            } else {
                guard let nameEnd = longName(b, from: nameStart, count, scope) else { return nil }
                i = nameEnd
            }
            let quote = b[i + 1]
            let stops: UInt8
            if quote == UInt8(ascii: "\"") {
                stops = RowMarkup.endsDoubleQuoted
            } else if quote == UInt8(ascii: "'") {
                stops = RowMarkup.endsSingleQuoted
            } else {
                return nil
            }
            i += 2
            let valueStart = i
            while i < count && classes[Int(b[i])] & stops == 0 { i += 1 }
            guard i < count else { return runOut() }
            guard b[i] == quote, i - valueStart <= maxAttribute else { return nil }
            if b[nameStart + 1] != UInt8(ascii: "=") && valueStart - nameStart == 11
                && memcmp(b + nameStart, "xml:space", 9) == 0 {
                space = Span(start: valueStart, end: i)
            }
            if b[nameStart + 1] == UInt8(ascii: "=") {
                switch c {
                case UInt8(ascii: "r"): cell.reference = Span(start: valueStart, end: i)
                case UInt8(ascii: "t"): cell.type = Span(start: valueStart, end: i)
                case UInt8(ascii: "s"): cell.style = Span(start: valueStart, end: i)
                default: break
                }
            }
            i += 1
        }
    }

    /// The index of the `=` after the name of two or more characters at
    /// `start`, when the name is one `read` takes (a bound prefix, not
    /// `xmlns`, not given before in the tag); nil otherwise or when the
    /// bytes end first.
    private func longName(_ b: UnsafePointer<UInt8>, from start: Int, _ count: Int, _ scope: XMLScope) -> Int? {
        var i = start + 1
        var colon = -1
        while i < count {
            let d = b[i]
            if classes[Int(d)] & RowMarkup.continuesName != 0 {
                i += 1
            } else if d == UInt8(ascii: ":") && colon < 0 && i + 1 < count
                        && classes[Int(b[i + 1])] & RowMarkup.startsName != 0 {
                colon = i
                i += 2
            } else {
                break
            }
        }
        guard i + 1 < count else { return runOut() }
        guard b[i] == UInt8(ascii: "="), attributeCount < RowMarkup.maxAttributes else { return nil }
        let length = i - start
        if colon >= 0 {
            guard bound(UnsafeRawBufferPointer(start: b + start, count: colon - start), scope) else { return nil }
        } else if length == 5 && memcmp(b + start, "xmlns", 5) == 0 {
            return nil
        }
        for k in 0..<attributeCount {
            let earlier = attributes[k]
            if earlier.end - earlier.start == length && memcmp(b + earlier.start, b + start, length) == 0 { return nil }
        }
        attributes[attributeCount] = Span(start: start, end: i)
        attributeCount += 1
        return i
    }

    /// The end of the text from `start` (the index of the `<` after it),
    /// or nil when it holds what the scanner should read: a control
    /// character other than tab or line feed, or a reference (checked and
    /// skipped where `references`, as a formula's text is not kept).
    private func text(_ b: UnsafePointer<UInt8>, from start: Int, _ count: Int, references: Bool) -> Int? {
        var i = start
        sawReference = false
        while true {
            while i < count && classes[Int(b[i])] & RowMarkup.endsText == 0 { i += 1 }
            guard i < count else { return runOut() }
            switch b[i] {
            case UInt8(ascii: "<"):
                return i - start <= maxText ? i : nil
            case UInt8(ascii: "&"):
                guard references, let end = RowMarkup.reference(b, at: i, count) else { return nil }
                sawReference = true
                i = end
            default:
                return nil
            }
        }
    }

    /// The index after a predefined entity or character reference at
    /// `start`, when it is one the scanner accepts.
    private static func reference(_ b: UnsafePointer<UInt8>, at start: Int, _ count: Int) -> Int? {
        var end = start + 1
        while end < count && end - start < 12 && b[end] != UInt8(ascii: ";") { end += 1 }
        guard end < count, b[end] == UInt8(ascii: ";") else { return nil }
        let name = UnsafeBufferPointer(start: b + start + 1, count: end - start - 1)
        return XMLReference.codePoint(named: name) == nil ? nil : end + 1
    }

    /// Whether `prefix` is bound where the row stands.
    private func bound(_ prefix: UnsafeRawBufferPointer, _ scope: XMLScope) -> Bool {
        for known in boundPrefixes where known.count == prefix.count
            && known.withUnsafeBytes({ memcmp($0.baseAddress!, prefix.baseAddress!, prefix.count) }) == 0 {
            return true
        }
        guard scope.binds(prefix: prefix) else { return false }
        boundPrefixes.append(Array(prefix))
        return true
    }

    private func runOut<T>() -> T? {
        ranOut = true
        return nil
    }

    private func ranOut(_ result: Bool) -> Bool {
        ranOut = true
        return result
    }

    /// Where the next row's start tag would begin after a row ending at
    /// `end`: the `<` after the blanks there; nil when something else
    /// follows, or more blanks than the scanner takes as one text.
    func nextTag(_ b: UnsafePointer<UInt8>, after end: Int, count: Int) -> Int? {
        guard let next = skippingBlanks(b, end, count), next < count, b[next] == UInt8(ascii: "<") else { return nil }
        return next
    }

    /// The index after the blanks at `from`; nil when there are more than
    /// the scanner takes as one text.
    @inline(__always)
    private func skippingBlanks(_ b: UnsafePointer<UInt8>, _ from: Int, _ count: Int) -> Int? {
        var i = from
        while i < count && classes[Int(b[i])] & RowMarkup.blank != 0 { i += 1 }
        return i - from <= maxText ? i : nil
    }

    // MARK: Byte classes

    private static let blank: UInt8 = 1
    private static let startsName: UInt8 = 2
    private static let continuesName: UInt8 = 4
    private static let endsDoubleQuoted: UInt8 = 8
    private static let endsSingleQuoted: UInt8 = 16
    private static let endsText: UInt8 = 32

    /// What each byte may be in the rows `read` accepts: ASCII names only,
    /// values end at their quote or at what needs the scanner (`<`, `&`, a
    /// control character), text at `<`, `&` or a control other than tab and
    /// line feed.
    nonisolated(unsafe) private static let byteClasses: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for c in 0..<256 {
            let byte = UInt8(c)
            var classes: UInt8 = 0
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { classes |= blank }
            let letter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            if letter || byte == UInt8(ascii: "_") { classes |= startsName | continuesName }
            if (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") {
                classes |= continuesName
            }
            let needsScanner = byte < 0x20 || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&")
            if needsScanner || byte == UInt8(ascii: "\"") { classes |= endsDoubleQuoted }
            if needsScanner || byte == UInt8(ascii: "'") { classes |= endsSingleQuoted }
            if needsScanner && byte != 0x09 && byte != 0x0A { classes |= endsText }
            table[c] = classes
        }
        return UnsafePointer(table)
    }()
}
