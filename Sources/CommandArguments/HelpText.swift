/// The help of one command: what it does, how it is called, and each
/// parameter or subcommand with its line of help, wrapped for an
/// 80-column terminal.
struct HelpText {
    /// From the root to the command the help is for.
    let path: [CommandSpec]

    private static let width = 80
    /// Where the help of a parameter starts.
    private static let column = 26

    var text: String {
        guard let spec = path.last else { return "" }
        var out = Self.wrap("OVERVIEW: " + spec.abstract, indent: "") + "\n"
        if !spec.discussion.isEmpty { out += "\n" + Self.wrap(spec.discussion, indent: "") + "\n" }
        out += "\nUSAGE: " + usage + "\n"

        var groups: [(title: String, entries: [(String, String)])] = []
        func add(_ title: String, _ entry: (String, String)) {
            if let at = groups.firstIndex(where: { $0.title == title }) {
                groups[at].entries.append(entry)
            } else {
                groups.append((title, [entry]))
            }
        }
        for parameter in spec.parameters {
            add(parameter.group, (Self.label(parameter), Self.help(parameter)))
        }
        if path.first?.version != nil { add("OPTIONS", ("--version", "Show the version.")) }
        add("OPTIONS", ("-h, --help", "Show help information."))
        if !spec.subcommands.isEmpty { groups.append(("COMMANDS", spec.subcommands.map { ($0.name, $0.abstract) })) }
        // Arguments first, then the options, then the other groups in the order declared.
        let order = ["ARGUMENTS", "OPTIONS"]
        groups.sort { (order.firstIndex(of: $0.title) ?? order.count) < (order.firstIndex(of: $1.title) ?? order.count) }
        for group in groups {
            out += "\n\(group.title):\n"
            for (label, help) in group.entries { out += Self.entry(label, help) }
        }
        if !spec.subcommands.isEmpty {
            out += "\n  See '\(rootHelp) <command>' for detailed help.\n"
        }
        return out
    }

    private var name: String { commandName(path) }

    /// `imon help catalogue` for a group below the root.
    private var rootHelp: String {
        ([path[0].name, "help"] + path.dropFirst().map { $0.name }).joined(separator: " ")
    }

    /// `imon cat <file> [--sheet <sheet> ...] [--format <format>] [limits]`.
    var usage: String {
        guard let spec = path.last else { return "" }
        if !spec.subcommands.isEmpty { return name + " <command>" }
        var words = [name]
        var otherGroups: [String] = []
        for parameter in spec.parameters {
            if parameter.group != "OPTIONS" && parameter.group != "ARGUMENTS" {
                if !otherGroups.contains(parameter.group) { otherGroups.append(parameter.group) }
                continue
            }
            var word: String
            switch parameter.kind {
            case .argument: word = parameter.displayName
            case .option: word = Self.spelling(parameter) + " <\(parameter.name)>"
            case .flag: word = Self.spelling(parameter)
            }
            if parameter.isRepeating { word += " ..." }
            words.append(parameter.isRequired ? word : "[\(word)]")
        }
        words += otherGroups.map { "[\($0.lowercased())]" }
        return words.joined(separator: " ")
    }

    private static func spelling(_ parameter: Parameter) -> String {
        parameter.short.map { "-\($0)" } ?? "--\(parameter.name)"
    }

    private static func label(_ parameter: Parameter) -> String {
        switch parameter.kind {
        case .argument: parameter.displayName
        case .option: (parameter.short.map { "-\($0), " } ?? "") + "--\(parameter.name) <\(parameter.name)>"
        case .flag: (parameter.short.map { "-\($0), " } ?? "") + "--\(parameter.name)"
        }
    }

    private static func help(_ parameter: Parameter) -> String {
        var text = parameter.help
        if let choices = parameter.choices { text += " (values: " + choices.joined(separator: ", ") + ")" }
        if let value = parameter.defaultValue { text += " (default: \(value))" }
        return text
    }

    /// `  --format <format>       Output format.` with the help wrapped under its column.
    private static func entry(_ label: String, _ help: String) -> String {
        let indent = String(repeating: " ", count: column)
        let head = "  " + label
        if head.count + 1 >= column {
            return head + "\n" + wrap(help, indent: indent) + "\n"
        }
        let body = wrap(help, indent: indent)
        return head + String(repeating: " ", count: column - head.count) + body.dropFirst(column) + "\n"
    }

    /// Words filled into lines of at most `width` columns, each line starting with `indent`.
    static func wrap(_ text: String, indent: String) -> String {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.count > indent.count && line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
