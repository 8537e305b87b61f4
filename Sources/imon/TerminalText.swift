#if canImport(Glibc)
import Glibc
#endif

/// Text for a terminal, made inert: characters a terminal would act on are
/// shown as `\uXXXX` instead of being sent.
///
/// Cell texts, sheet and file names come from workbooks and stores that
/// anyone may have written; an ESC or BEL among them would let a file
/// retitle the window, move the cursor or clear the screen (ECMA-48), and a
/// bidi override would let it show text in another order than it is stored
/// (Unicode TR 36, 3.1). Escaped are the C0 controls except line feed and
/// tab (which our own layout uses), DEL, the C1 controls and the bidi
/// formatting characters. `\uXXXX` is also JSON's escape of the same
/// character, so JSON passing through here stays valid and means the same.
enum TerminalText {
    /// `text` with every control and bidi character written as `\uXXXX`.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: mayStartControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `scalar` is one a terminal acts on or that reorders text.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// A byte that is, or may begin the UTF-8 form of, an escaped scalar:
    /// C0 and DEL themselves, 0xC2 (C1), 0xD8 (U+061C), 0xE2 (the bidi marks).
    private static func mayStartControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
    }
}

/// The CLI's `print`: everything a command prints on standard output goes
/// through `TerminalText`, always (not only on a terminal: text piped into
/// `less -R` or a log viewer reaches a terminal in the end). Declaring it in
/// this module puts it in place of the standard library's `print` for every
/// command, so a new one cannot forget it.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { String(describing: $0) }.joined(separator: separator) + terminator
    Swift.print(TerminalText.escaped(text), terminator: "")
}

/// One line on standard error, escaped like `print`.
func printToStandardError(_ line: String) {
    var text = TerminalText.escaped(line)
    if !text.hasSuffix("\n") { text += "\n" }
    writeToStandardError(text)
}

/// A progress line on a terminal's standard error, replacing the one before;
/// nil clears it. The clearing sequence is ours; the text is escaped.
func printProgress(_ text: String?) {
    writeToStandardError("\r\u{1B}[2K" + TerminalText.escaped(text ?? ""))
}

private func writeToStandardError(_ text: String) {
    fflush(nil)
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
}
