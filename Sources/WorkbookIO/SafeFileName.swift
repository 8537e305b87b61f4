/// Text from a catalogue or a workbook made into one file-name component
/// that names a file inside the folder it is joined to, whatever the text.
///
/// `SafeFileName.component("x/../../esc")` is `"x_.._.._esc"`: no path
/// separator survives, so the name cannot climb out of its folder; leading
/// dots are dropped (no `..`, no hidden files); control characters, bidi
/// marks and the characters Windows refuses (`<>:"|?*`) become `_`; trailing
/// dots and blanks, which Windows drops, are dropped; the result has at most
/// `maxBytes` bytes of UTF-8 and is never empty.
public enum SafeFileName {
    /// Names Windows reserves for devices, whatever the extension.
    private static let reserved = Set(["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })

    /// `text` as one safe file-name component of at most `maxBytes` bytes.
    public static func component(_ text: String, maxBytes: Int = 120) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isRefused(scalar) ? "_" : scalar)
        }
        var name = Substring(String(scalars))
        name = name.drop { $0 == "." || $0 == " " }
        var cut = ""
        for character in name {
            if cut.utf8.count + String(character).utf8.count > maxBytes { break }
            cut.append(character)
        }
        while let last = cut.last, last == "." || last == " " { cut.removeLast() }
        if cut.isEmpty { return "_" }
        let stem = cut.split(separator: ".", maxSplits: 1).first.map(String.init) ?? cut
        return reserved.contains(stem.uppercased()) ? "_" + cut : cut
    }

    private static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return "/\\<>:\"|?*".unicodeScalars.contains(scalar)
        }
    }
}
