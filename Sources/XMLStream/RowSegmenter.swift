/// Cuts a worksheet part (XLSX) or a spreadsheet body (ODS) into runs of
/// rows that other threads can parse on their own, and the rest (the
/// skeleton: styles, table tags, columns, merged cells), in document order,
/// without an XML parser.
///
/// Only the rows directly in a top-level container (`RowVocabulary`) are
/// cut out, and only whole row elements: a row ends at the end tag that
/// matches its start by name, which well-formed XML guarantees whatever the
/// row holds. Each run is parsed inside its container's start tag and the
/// document's own opening (its declaration and root with the namespace
/// declarations), so it reads as it does in place. Whatever the segmenter
/// cannot be sure of (a namespace declared below the root, the namespace
/// not declared there, markup too long to hold) makes it pass the rest of
/// the document to the skeleton, whose parser then reads those rows itself.
public struct RowSegmenter {
    /// A piece of the document, in order.
    public enum Piece {
        case skeleton([UInt8])
        case rows(Run)
    }

    /// Whole row elements of one top-level container.
    public struct Run: Sendable {
        /// The start tag of the container.
        public var containerTag: [UInt8]
        /// Which top-level container it is, counted from 0.
        public var container: Int
        public var bytes: [UInt8]
        public var wrapper: Wrapper

        /// Parses the run as a document of its own (opening, container tag,
        /// rows, closing) with `scanner`. Each part ends between tags, so the
        /// scanner reads the rows where they lie, without a copy (cut into
        /// pieces, every piece after one that ended inside a tag was copied).
        public func parse(with scanner: XMLScanner) throws {
            for part in [wrapper.opening, containerTag, bytes, wrapper.closing] {
                try part.withUnsafeBytes { try scanner.feed($0) }
            }
            try scanner.finish()
        }
    }

    /// What a run is parsed inside: `opening` + container tag + rows + `closing`.
    public struct Wrapper: Sendable {
        public var opening: [UInt8]
        public var closing: [UInt8]
    }

    /// Bytes of rows after which a run is handed over.
    public let segmentSize: Int
    public let vocabulary: RowVocabulary

    private enum Mode { case prolog, outside, containerContent, row, passThrough }
    private var mode = Mode.prolog
    private var wrapper: Wrapper?
    /// The prefix (with its colon) of the containers' namespace; empty for the default namespace.
    private var containerPrefix: [UInt8] = []
    /// Nesting of container elements by name, inside a top-level one.
    private var containerNesting = 0
    /// Nesting of row elements by name, inside a row being cut.
    private var rowNesting = 0
    private var containerTag: [UInt8] = []
    /// Top-level containers begun so far.
    private var containersBegun = 0
    private var carry: [UInt8] = []
    private var skeleton: [UInt8] = []
    private var rows: [UInt8] = []
    /// Where the row being cut starts in `rows`.
    private var rowStart = 0
    /// Bytes of one unfinished construct, or of one row, beyond which the
    /// rest goes to the skeleton: its parser holds to the XML limits as it
    /// streams, where a run would be held whole before it is parsed.
    private static let carryLimit = 4 << 20

    public init(_ vocabulary: RowVocabulary, segmentSize: Int = 1 << 18) {
        self.vocabulary = vocabulary
        self.segmentSize = segmentSize
    }

    /// Feeds the next bytes of the document; `emit` receives the pieces that are complete.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer, _ emit: (Piece) throws -> Void) rethrows {
        if mode == .passThrough {
            skeleton.append(contentsOf: chunk)
        } else if carry.isEmpty {
            let used = try scan(chunk, emit)
            carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[used...]))
        } else {
            carry.append(contentsOf: chunk)
            let pending = carry
            carry = []
            let used = try pending.withUnsafeBytes { try scan($0, emit) }
            carry.append(contentsOf: pending[used...])
        }
        if carry.count > RowSegmenter.carryLimit || (mode == .row && rows.count - rowStart > RowSegmenter.carryLimit) {
            try giveUp(emit)
        }
        try flushSkeleton(emit)
    }

    /// Ends the document: what is left, complete or not, goes to the skeleton
    /// (whose parser tells what is wrong with it).
    public mutating func finish(_ emit: (Piece) throws -> Void) rethrows {
        try giveUp(emit)
        try flushSkeleton(emit)
    }

    // MARK: Scanning

    /// Routes the complete constructs of `b`; returns how many bytes were used.
    private mutating func scan(_ b: UnsafeRawBufferPointer, _ emit: (Piece) throws -> Void) rethrows -> Int {
        var i = 0
        while i < b.count {
            switch mode {
            case .passThrough:
                skeleton.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[i...]))
                return b.count
            case .prolog:
                guard let next = prolog(b, from: i) else { return i }
                i = next
            case .outside:
                guard let next = try outside(b, from: i, emit) else { return i }
                i = next
            case .containerContent:
                guard let next = try containerContent(b, from: i, emit) else { return i }
                i = next
            case .row:
                guard let next = try row(b, from: i, emit) else { return i }
                i = next
            }
        }
        return i
    }

    /// Before the root's start tag: nothing is routed until it is found.
    private mutating func prolog(_ b: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var i = start
        while true {
            guard let lt = MarkupBytes.find(b, UInt8(ascii: "<"), from: i) else { return nil }
            guard lt + 1 < b.count else { return nil }
            switch b[lt + 1] {
            case UInt8(ascii: "?"):
                guard let end = endOfInstruction(b, from: lt + 2) else { return nil }
                i = end
            case UInt8(ascii: "!"):
                // A comment; a DOCTYPE is left to the parser, which refuses it.
                guard lt + 3 < b.count else { return nil }
                guard b[lt + 2] == UInt8(ascii: "-") else {
                    mode = .passThrough
                    return start
                }
                guard let end = MarkupBytes.findTerminator(b, (0x2D, 0x2D, 0x3E), from: lt + 4) else { return nil }
                i = end + 3
            default:
                guard let gt = MarkupBytes.findTagEnd(b, from: lt + 1) else { return nil }
                learnRoot(b, from: lt, to: gt)
                skeleton.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[..<(gt + 1)]))
                if mode != .passThrough { mode = .outside }
                return gt + 1
            }
        }
    }

    /// Takes the prefixes the root declares, and makes the wrapper of the runs from them.
    private mutating func learnRoot(_ b: UnsafeRawBufferPointer, from lt: Int, to gt: Int) {
        let tag = String(decoding: UnsafeRawBufferPointer(rebasing: b[lt...gt]), as: UTF8.self)
        let declared = RowSegmenter.declarations(in: tag)
        func prefix(of uris: [String]) -> [UInt8]? {
            guard let (p, _) = declared.first(where: { uris.contains($0.1) }) else { return nil }
            return p.isEmpty ? [] : Array((p + ":").utf8)
        }
        guard b[gt - 1] != UInt8(ascii: "/"), let container = prefix(of: vocabulary.namespaces),
              let between = vocabulary.between(prefix) else {
            mode = .passThrough
            return
        }
        containerPrefix = container
        let end = Array("</".utf8)
        wrapper = Wrapper(opening: Array(UnsafeRawBufferPointer(rebasing: b[..<(gt + 1)])) + between.open,
                          closing: end + container + RowVocabulary.bytes(vocabulary.container) + [UInt8(ascii: ">")]
                            + between.close + end + rootName(b, from: lt) + [UInt8(ascii: ">")])
    }

    private func rootName(_ b: UnsafeRawBufferPointer, from lt: Int) -> [UInt8] {
        var i = lt + 1
        while i < b.count && !MarkupBytes.isNameEnd(b[i]) { i += 1 }
        return Array(UnsafeRawBufferPointer(rebasing: b[(lt + 1)..<i]))
    }

    /// The namespace declarations of a start tag as (prefix, URI); the
    /// prefix is empty for the default namespace.
    static func declarations(in tag: String) -> [(String, String)] {
        let b = Array(tag.utf8)
        var out: [(String, String)] = []
        var i = 1
        while i + 6 < b.count {
            guard MarkupBytes.isSpace(b[i - 1]), b[i] == UInt8(ascii: "x"), b[i + 1] == UInt8(ascii: "m"),
                  b[i + 2] == UInt8(ascii: "l"), b[i + 3] == UInt8(ascii: "n"), b[i + 4] == UInt8(ascii: "s"),
                  b[i + 5] == UInt8(ascii: ":") || b[i + 5] == UInt8(ascii: "=") || MarkupBytes.isSpace(b[i + 5]) else {
                i += 1
                continue
            }
            var k = i + 5
            var prefix = ""
            if b[k] == UInt8(ascii: ":") {
                let nameStart = k + 1
                k = nameStart
                while k < b.count && b[k] != UInt8(ascii: "=") && !MarkupBytes.isSpace(b[k]) { k += 1 }
                prefix = String(decoding: b[nameStart..<k], as: UTF8.self)
            }
            while k < b.count && b[k] != UInt8(ascii: "\"") && b[k] != UInt8(ascii: "'") { k += 1 }
            guard k < b.count else { break }
            let quote = b[k]
            k += 1
            let valueStart = k
            while k < b.count && b[k] != quote { k += 1 }
            out.append((prefix, String(decoding: b[valueStart..<min(k, b.count)], as: UTF8.self)))
            i = k + 1
        }
        return out
    }

    /// Outside the top-level containers: everything goes to the skeleton.
    private mutating func outside(_ b: UnsafeRawBufferPointer, from i: Int, _ emit: (Piece) throws -> Void) rethrows -> Int? {
        guard let lt = MarkupBytes.find(b, UInt8(ascii: "<"), from: i) else {
            skeleton.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[i...]))
            return b.count
        }
        guard let end = try markupEnd(b, at: lt, emit) else {
            skeleton.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[i..<lt]))
            return lt == i ? nil : lt
        }
        skeleton.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[i..<end]))
        return end
    }

    /// The end of the markup at `lt` in the skeleton, after noting a container
    /// that begins there; nil when it is not complete in `b`.
    private mutating func markupEnd(_ b: UnsafeRawBufferPointer, at lt: Int, _ emit: (Piece) throws -> Void) rethrows -> Int? {
        guard lt + 1 < b.count else { return nil }
        switch b[lt + 1] {
        case UInt8(ascii: "!"):
            guard lt + 3 < b.count else { return nil }
            let isComment = b[lt + 2] == UInt8(ascii: "-")
            guard let end = MarkupBytes.findTerminator(b, isComment ? (0x2D, 0x2D, 0x3E) : (0x5D, 0x5D, 0x3E),
                                                       from: isComment ? lt + 4 : lt + 2) else { return nil }
            return end + 3
        case UInt8(ascii: "?"):
            return endOfInstruction(b, from: lt + 2)
        case UInt8(ascii: "/"):
            guard let gt = MarkupBytes.find(b, UInt8(ascii: ">"), from: lt) else { return nil }
            return gt + 1
        default:
            guard let gt = MarkupBytes.findTagEnd(b, from: lt + 1) else { return nil }
            let tag = UnsafeRawBufferPointer(rebasing: b[lt...gt])
            if RowSegmenter.declaresNamespace(tag) {
                // A declaration below the root could change what a name means
                // inside a container: leave the rest to the parser.
                try giveUp(emit)
                return lt
            }
            if MarkupBytes.wholeNameIs(b, lt + 1, containerPrefix, vocabulary.container) {
                containersBegun += 1
                if b[gt - 1] != UInt8(ascii: "/") {
                    containerTag = Array(tag)
                    containerNesting = 1
                    mode = .containerContent
                }
            }
            return gt + 1
        }
    }

    private static func declaresNamespace(_ tag: UnsafeRawBufferPointer) -> Bool {
        guard tag.count > 6 else { return false }
        for k in 1..<(tag.count - 5) where tag[k] == UInt8(ascii: "x") {
            if tag[k + 1] == UInt8(ascii: "m") && tag[k + 2] == UInt8(ascii: "l") && tag[k + 3] == UInt8(ascii: "n")
                && tag[k + 4] == UInt8(ascii: "s") && MarkupBytes.isSpace(tag[k - 1]) { return true }
        }
        return false
    }

    /// Between the children of a top-level container: rows are cut out, the rest goes to the skeleton.
    private mutating func containerContent(_ b: UnsafeRawBufferPointer, from i: Int, _ emit: (Piece) throws -> Void) rethrows -> Int? {
        guard let lt = MarkupBytes.find(b, UInt8(ascii: "<"), from: i) else {
            if isSpace(b, i, b.count) && !rows.isEmpty { return nil } // decided by what follows
            try emitRows(emit)
            skeleton.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[i...]))
            return b.count
        }
        let t = containerPrefix
        guard lt + 2 + t.count + vocabulary.longestName < b.count else { return nil }
        let gapIsSpace = isSpace(b, i, lt)
        if containerNesting == 1 && gapIsSpace && MarkupBytes.wholeNameIs(b, lt + 1, t, vocabulary.row) {
            guard let gt = MarkupBytes.findTagEnd(b, from: lt + 1) else { return nil }
            if rows.isEmpty {
                skeleton.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[i..<lt]))
                try flushSkeleton(emit)
            } else {
                rows.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[i..<lt]))
            }
            rowStart = rows.count
            rows.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[lt...gt]))
            if b[gt - 1] == UInt8(ascii: "/") {
                try rowEnded(emit)
            } else {
                rowNesting = 1
                mode = .row
            }
            return gt + 1
        }
        // Anything else ends the run of rows.
        if b[lt + 1] == UInt8(ascii: "/") && MarkupBytes.wholeNameIs(b, lt + 2, t, vocabulary.container) {
            guard let gt = MarkupBytes.find(b, UInt8(ascii: ">"), from: lt) else { return nil }
            try emitRows(emit)
            skeleton.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[i...gt]))
            containerNesting -= 1
            if containerNesting == 0 { mode = .outside }
            return gt + 1
        }
        if b[lt + 1] != UInt8(ascii: "/") && b[lt + 1] != UInt8(ascii: "!") && b[lt + 1] != UInt8(ascii: "?") {
            guard let gt = MarkupBytes.findTagEnd(b, from: lt + 1) else { return nil }
            if RowSegmenter.declaresNamespace(UnsafeRawBufferPointer(rebasing: b[lt...gt])) {
                try giveUp(emit)
                return i
            }
            try emitRows(emit)
            if MarkupBytes.wholeNameIs(b, lt + 1, t, vocabulary.container) && b[gt - 1] != UInt8(ascii: "/") { containerNesting += 1 }
            skeleton.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[i...gt]))
            return gt + 1
        }
        guard let end = try markupEnd(b, at: lt, emit) else { return nil }
        try emitRows(emit)
        skeleton.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[i..<end]))
        return end
    }

    /// Inside a row being cut: its bytes go to the run until its end tag.
    ///
    /// Only three bytes matter here: the last of the row's name (which
    /// ends `<row` and `</row>`), and `!` and `?`, which begin what may hold
    /// a `<` (comments, character data, instructions) after a `<`. Cell
    /// markup seldom holds any of them, so a vector search skips it instead
    /// of stopping at each of its tags.
    private mutating func row(_ b: UnsafeRawBufferPointer, from i: Int, _ emit: (Piece) throws -> Void) rethrows -> Int? {
        let t = containerPrefix
        let name = vocabulary.row
        let nameLength = t.count + name.utf8CodeUnitCount
        let last = name.utf8Start[name.utf8CodeUnitCount - 1]
        let base = b.baseAddress!.assumingMemoryBound(to: UInt8.self)
        /// Keeps the bytes from `lt` (a tag that is not complete yet) for the next chunk.
        func waiting(at lt: Int) -> Int? {
            rows.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[i..<lt]))
            return lt == i ? nil : lt
        }
        // Nothing before `floor` may begin a tag: it was read already.
        var floor = i
        while true {
            guard let hit = ByteSearch.first(last, UInt8(ascii: "!"), UInt8(ascii: "?"), in: base, from: floor,
                                             count: b.count) else {
                // What could be the start of a row tag cut off at the end waits.
                var keep = max(floor, b.count - nameLength - 2)
                if keep > floor && b[keep - 1] == UInt8(ascii: "<") { keep -= 1 }
                return waiting(at: keep)
            }
            if b[hit] == last {
                let nameStart = hit + 1 - nameLength
                guard nameStart - 1 >= floor, MarkupBytes.nameIs(b, nameStart, t, name) || hit + 1 >= b.count else {
                    floor = hit + 1
                    continue
                }
                let isEnd = nameStart - 2 >= floor && b[nameStart - 1] == UInt8(ascii: "/")
                    && b[nameStart - 2] == UInt8(ascii: "<")
                let isStart = b[nameStart - 1] == UInt8(ascii: "<")
                guard isEnd || isStart else {
                    floor = hit + 1
                    continue
                }
                let lt = isEnd ? nameStart - 2 : nameStart - 1
                guard hit + 1 < b.count else { return waiting(at: lt) }
                guard MarkupBytes.isNameEnd(b[hit + 1]) else {
                    floor = hit + 1
                    continue
                }
                if isEnd {
                    guard let gt = MarkupBytes.find(b, UInt8(ascii: ">"), from: hit + 1) else { return waiting(at: lt) }
                    rowNesting -= 1
                    if rowNesting == 0 {
                        rows.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[i...gt]))
                        mode = .containerContent
                        try rowEnded(emit)
                        return gt + 1
                    }
                    floor = gt + 1
                } else {
                    guard let gt = MarkupBytes.findTagEnd(b, from: hit + 1) else { return waiting(at: lt) }
                    if b[gt - 1] != UInt8(ascii: "/") { rowNesting += 1 }
                    floor = gt + 1
                }
            } else {
                guard hit - 1 >= floor, b[hit - 1] == UInt8(ascii: "<") else {
                    floor = hit + 1
                    continue
                }
                let lt = hit - 1
                let end: Int?
                if b[hit] == UInt8(ascii: "?") {
                    end = endOfInstruction(b, from: hit + 1)
                } else {
                    guard hit + 2 < b.count else { return waiting(at: lt) }
                    // Comments, character data and instructions may hold a `<`: passed whole.
                    let isComment = b[hit + 1] == UInt8(ascii: "-")
                    end = MarkupBytes.findTerminator(b, isComment ? (0x2D, 0x2D, 0x3E) : (0x5D, 0x5D, 0x3E),
                                                     from: isComment ? hit + 3 : hit + 1).map { $0 + 3 }
                }
                guard let end else { return waiting(at: lt) }
                floor = end
            }
        }
    }

    private mutating func rowEnded(_ emit: (Piece) throws -> Void) rethrows {
        rowStart = rows.count
        if rows.count >= segmentSize { try emitRows(emit) }
    }

    // MARK: Output

    private mutating func emitRows(_ emit: (Piece) throws -> Void) rethrows {
        guard !rows.isEmpty else { return }
        try flushSkeleton(emit)
        let run = rows
        // Room for a whole run at once: growing by doubling copied each run several times.
        rows = []
        rows.reserveCapacity(segmentSize + segmentSize / 4)
        rowStart = 0
        guard let wrapper else { return skeleton.append(contentsOf: run) }
        try emit(.rows(Run(containerTag: containerTag, container: containersBegun - 1, bytes: run, wrapper: wrapper)))
    }

    private mutating func flushSkeleton(_ emit: (Piece) throws -> Void) rethrows {
        guard !skeleton.isEmpty else { return }
        let piece = skeleton
        skeleton = []
        try emit(.skeleton(piece))
    }

    /// From here on everything goes to the skeleton, beginning with the
    /// unfinished row (the complete rows before it are still a run).
    private mutating func giveUp(_ emit: (Piece) throws -> Void) rethrows {
        if mode == .row {
            let unfinished = Array(rows[rowStart...])
            rows.removeSubrange(rowStart...)
            try emitRows(emit)
            skeleton.append(contentsOf: unfinished)
        } else {
            try emitRows(emit)
        }
        skeleton.append(contentsOf: carry)
        carry = []
        mode = .passThrough
    }

    private func isSpace(_ b: UnsafeRawBufferPointer, _ from: Int, _ to: Int) -> Bool {
        var k = from
        while k < to {
            if !MarkupBytes.isSpace(b[k]) { return false }
            k += 1
        }
        return true
    }

    /// Just past the `?>` that ends a processing instruction.
    private func endOfInstruction(_ b: UnsafeRawBufferPointer, from: Int) -> Int? {
        var i = from
        while let gt = MarkupBytes.find(b, UInt8(ascii: ">"), from: i) {
            if b[gt - 1] == UInt8(ascii: "?") { return gt + 1 }
            i = gt + 1
        }
        return nil
    }
}
