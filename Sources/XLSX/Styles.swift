import Spreadsheet
import XMLStream

/// The number-format class of every cell style (`cellXfs`), which decides
/// whether a number is shown as a date, time or duration (ECMA-376 Part 1,
/// 18.8.10 `cellXfs`, 18.8.30 `numFmt`).
struct Styles {
    /// Indexed by a cell's `s` attribute.
    var formatClasses: [NumberFormatClass] = []
    /// Whether the package has a styles part at all; without one every cell
    /// uses the General format.
    var present = false

    init() {}

    init(_ root: XMLElement) {
        present = true
        var custom: [Int: NumberFormatClass] = [:]
        for format in root.child(named: "numFmts")?.children(named: "numFmt") ?? [] {
            guard let id = format[attribute: "numFmtId"].flatMap({ Int($0) }) else { continue }
            custom[id] = NumberFormat.classify(code: format[attribute: "formatCode"] ?? "")
        }
        for xf in root.child(named: "cellXfs")?.children(named: "xf") ?? [] {
            let id = xf[attribute: "numFmtId"].flatMap { Int($0) } ?? 0
            formatClasses.append(custom[id] ?? NumberFormat.builtIn(id) ?? .plain)
        }
    }
}
