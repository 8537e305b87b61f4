import XMLStream

/// Cell text as ODF paragraphs, written so that LibreOffice shows it as
/// given (ODF 1.2 Part 1, 6.1.2–6.1.4): each line its own `text:p`, runs of
/// spaces and leading or trailing spaces as `text:s`. Tabs and lone carriage
/// returns stay characters: LibreOffice 7.4 keeps them so but drops
/// `text:tab` in cells (checked by converting with it). A CR LF is a line break.
enum ODSText {
    /// Appends the paragraphs of `text`, the first optionally wrapped in a link.
    static func appendParagraphs(_ text: String, link: String? = nil, to out: inout XMLBuffer) {
        let normalized = text.contains("\r\n") ? text.replacingCRLF() : text
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        for (n, line) in lines.enumerated() {
            out.raw("<text:p>")
            if n == 0, let link {
                out.raw("<text:a xlink:href=\""); out.attribute(link); out.raw("\" xlink:type=\"simple\">")
            }
            appendLine(line, to: &out)
            if n == 0, link != nil { out.raw("</text:a>") }
            out.raw("</text:p>")
        }
    }

    private static func appendLine(_ line: Substring, to out: inout XMLBuffer) {
        let scalars = Array(line.unicodeScalars)
        var i = 0
        var plain = ""
        func flush() {
            if !plain.isEmpty { out.text(plain); plain = "" }
        }
        while i < scalars.count {
            let s = scalars[i]
            if s == " " {
                var j = i
                while j < scalars.count && scalars[j] == " " { j += 1 }
                let run = j - i
                if run == 1 && i > 0 && j < scalars.count {
                    plain.unicodeScalars.append(s)
                } else {
                    flush()
                    out.raw("<text:s text:c=\"\(run)\"/>")
                }
                i = j
                continue
            }
            plain.unicodeScalars.append(s)
            i += 1
        }
        flush()
    }
}

extension String {
    /// CR LF as LF; a lone CR stays.
    func replacingCRLF() -> String {
        var out = ""
        var pendingCR = false
        for scalar in unicodeScalars {
            if pendingCR {
                pendingCR = false
                if scalar != "\n" { out.unicodeScalars.append("\r") }
            }
            if scalar == "\r" {
                pendingCR = true
                continue
            }
            out.unicodeScalars.append(scalar)
        }
        if pendingCR { out.unicodeScalars.append("\r") }
        return out
    }
}
