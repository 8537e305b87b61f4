import XMLStream

/// Cell text as ODF paragraphs, written so that LibreOffice shows it as
/// given (ODF 1.2 Part 1, 6.1.2–6.1.4): each line its own `text:p`, runs of
/// spaces and leading or trailing spaces as `text:s`. Tabs and lone carriage
/// returns stay characters: LibreOffice 7.4 keeps them so but drops
/// `text:tab` in cells (checked by converting with it). A CR LF is a line break.
enum ODSText {
    /// Appends the paragraphs of `text`, the first optionally wrapped in a link.
    /// Works on the UTF-8 bytes: line breaks and spaces are ASCII.
    static func appendParagraphs(_ text: String, link: String? = nil, to out: inout XMLBuffer) {
        var text = text
        text.withUTF8 { utf8 in
            var lineStart = 0
            var first = true
            while true {
                var end = lineStart
                while end < utf8.count && utf8[end] != 0x0A { end += 1 }
                var lineEnd = end
                if end < utf8.count && lineEnd > lineStart && utf8[lineEnd - 1] == 0x0D { lineEnd -= 1 } // CR LF
                out.raw("<text:p>")
                if first, let link {
                    out.raw("<text:a xlink:href=\""); out.attribute(link); out.raw("\" xlink:type=\"simple\">")
                }
                appendLine(UnsafeBufferPointer(rebasing: utf8[lineStart..<lineEnd]), to: &out)
                if first, link != nil { out.raw("</text:a>") }
                out.raw("</text:p>")
                guard end < utf8.count else { break }
                lineStart = end + 1
                first = false
            }
        }
    }

    private static func appendLine(_ line: UnsafeBufferPointer<UInt8>, to out: inout XMLBuffer) {
        var i = 0
        var plainStart = 0
        while i < line.count {
            guard line[i] == UInt8(ascii: " ") else {
                i += 1
                continue
            }
            var j = i
            while j < line.count && line[j] == UInt8(ascii: " ") { j += 1 }
            let run = j - i
            if !(run == 1 && i > 0 && j < line.count) {
                out.text(utf8: UnsafeBufferPointer(rebasing: line[plainStart..<i]))
                out.raw("<text:s text:c=\""); out.int(run); out.raw("\"/>")
                plainStart = j
            }
            i = j
        }
        out.text(utf8: UnsafeBufferPointer(rebasing: line[plainStart..<line.count]))
    }
}
