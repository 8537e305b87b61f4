/// Turns an Excel A1 formula into OpenFormula as ODF stores it (ODF 1.2
/// Part 2, 5.8): `SUM(A1:B2,Data!C3)` → `of:=SUM([.A1:.B2];[$Data.C3])`.
/// Strings stay as they are; references get brackets, argument separators
/// become semicolons.
enum FormulaTranslation {
    static func openFormula(_ excel: String) -> String {
        let chars = Array(excel)
        var out = "of:="
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\"" {
                var j = i + 1
                while j < chars.count {
                    if chars[j] == "\"" {
                        if j + 1 < chars.count && chars[j + 1] == "\"" { j += 2; continue }
                        break
                    }
                    j += 1
                }
                out += String(chars[i...min(j, chars.count - 1)])
                i = j + 1
                continue
            }
            if c == "," { out += ";"; i += 1; continue }
            if c == "'" || c.isLetter || c == "$" {
                // A possible reference: [Sheet!]Cell[:Cell]
                var j = i
                var sheet: String?
                if c == "'" {
                    var k = i + 1
                    var name = ""
                    while k < chars.count {
                        if chars[k] == "'" {
                            if k + 1 < chars.count && chars[k + 1] == "'" { name.append("'"); k += 2; continue }
                            break
                        }
                        name.append(chars[k])
                        k += 1
                    }
                    if k + 1 < chars.count && chars[k + 1] == "!" { sheet = name; j = k + 2 }
                } else {
                    var k = i
                    while k < chars.count && (chars[k].isLetter || chars[k].isNumber || chars[k] == "_" || chars[k] == ".") { k += 1 }
                    if k < chars.count && chars[k] == "!" { sheet = String(chars[i..<k]); j = k + 1 }
                }
                if let (first, end) = cellToken(chars, j) {
                    var reference = first
                    var next = end
                    var second: String?
                    if next < chars.count && chars[next] == ":", let (last, end2) = cellToken(chars, next + 1) {
                        second = last
                        next = end2
                    }
                    let prefix = sheet.map { "$'" + $0.replacingOccurrences("'", "''") + "'." } ?? "."
                    reference = "[" + prefix + first + (second.map { ":." + $0 } ?? "") + "]"
                    out += reference
                    i = next
                    continue
                }
                // A function or name: copy the identifier.
                var k = i
                while k < chars.count && (chars[k].isLetter || chars[k].isNumber || chars[k] == "_" || chars[k] == ".") { k += 1 }
                if k == i { k = i + 1 }
                out += String(chars[i..<k])
                i = k
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// A cell token `$A$1` at `start`, not followed by a letter, digit or `(`.
    private static func cellToken(_ chars: [Character], _ start: Int) -> (String, Int)? {
        var k = start
        if k < chars.count && chars[k] == "$" { k += 1 }
        let lettersStart = k
        while k < chars.count && chars[k].isASCII && chars[k].isLetter { k += 1 }
        guard k > lettersStart, k - lettersStart <= 3 else { return nil }
        if k < chars.count && chars[k] == "$" { k += 1 }
        let digitsStart = k
        while k < chars.count && chars[k].isASCII && chars[k].isNumber { k += 1 }
        guard k > digitsStart else { return nil }
        if k < chars.count && (chars[k].isLetter || chars[k] == "(" || chars[k] == "_") { return nil }
        return (String(chars[start..<k]), k)
    }
}

extension String {
    func replacingOccurrences(_ a: Character, _ b: String) -> String {
        var out = ""
        for ch in self { if ch == a { out += b } else { out.append(ch) } }
        return out
    }
}
