/// Byte tests for the scans that look at a spreadsheet body without an XML
/// parser (the ODS table listing, `RowSegmenter`): a raw `<` cannot stand inside
/// a tag or a text, so markup is found by searching for it.
public enum MarkupBytes {
    /// The first `byte` at or after `from`.
    public static func find(_ b: UnsafeRawBufferPointer, _ byte: UInt8, from: Int) -> Int? {
        guard from < b.count, let base = b.baseAddress else { return nil }
        return ByteSearch.first(byte, in: base.assumingMemoryBound(to: UInt8.self), from: from, count: b.count)
    }

    /// The first occurrence of a three-byte terminator (`-->`, `]]>`) at or after `from`.
    public static func findTerminator(_ b: UnsafeRawBufferPointer, _ t: (UInt8, UInt8, UInt8), from: Int) -> Int? {
        var i = from
        while let k = find(b, t.0, from: i) {
            guard k + 2 < b.count else { return nil }
            if b[k + 1] == t.1 && b[k + 2] == t.2 { return k }
            i = k + 1
        }
        return nil
    }

    /// The `>` that ends a tag, skipping quoted attribute values.
    public static func findTagEnd(_ b: UnsafeRawBufferPointer, from: Int) -> Int? {
        var i = from
        var quote: UInt8 = 0
        while i < b.count {
            let c = b[i]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: ">") {
                return i
            }
            i += 1
        }
        return nil
    }

    /// Whether `prefix` + `local` stands at `at` (the name's end is not checked).
    public static func nameIs(_ b: UnsafeRawBufferPointer, _ at: Int, _ prefix: [UInt8], _ local: StaticString) -> Bool {
        let l = local.utf8CodeUnitCount
        guard at + prefix.count + l < b.count else { return false }
        let p = local.utf8Start
        // Names of one vocabulary share their beginnings (table:table-row,
        // table:table-cell): their last bytes tell most of them apart at once.
        if l > 0 && b[at + prefix.count + l - 1] != p[l - 1] { return false }
        for k in 0..<prefix.count where b[at + k] != prefix[k] { return false }
        for k in 0..<l where b[at + prefix.count + k] != p[k] { return false }
        return true
    }

    /// Whether `prefix` + `local` stands at `at` as a whole name.
    public static func wholeNameIs(_ b: UnsafeRawBufferPointer, _ at: Int, _ prefix: [UInt8], _ local: StaticString) -> Bool {
        nameIs(b, at, prefix, local) && isNameEnd(b[at + prefix.count + local.utf8CodeUnitCount])
    }

    public static func isNameEnd(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == UInt8(ascii: ">") || c == UInt8(ascii: "/")
    }

    public static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
    }
}
