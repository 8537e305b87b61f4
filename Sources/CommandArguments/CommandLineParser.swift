/// Reads a command line against a tree of `CommandSpec`s: finds the
/// command, assigns options and positional arguments to its parameters,
/// and builds the command.
///
/// Options may come before, between or after the positional arguments;
/// `--name=value` and `-o value` are accepted, `--` ends the options.
/// `-h`/`--help` anywhere before `--` asks for help, `imon help cat` too.
public struct CommandLineParser {
    public let root: CommandSpec

    public init(root: CommandSpec) {
        self.root = root
    }

    /// What `arguments` (without the program's own name) ask for.
    public func parse(_ arguments: [String]) throws -> Invocation {
        var path = [root]
        var index = 0
        while let current = path.last, current.make == nil {
            guard index < arguments.count else { return .help(HelpText(path: path).text) }
            let word = arguments[index]
            if word == "-h" || word == "--help" { return .help(HelpText(path: path).text) }
            if word == "--version", let version = root.version { return .version(version) }
            if word == "help" && path.count == 1 { return .help(HelpText(path: try resolve(arguments[(index + 1)...])).text) }
            if word.hasPrefix("-") { throw UsageError(command: commandName(path), reason: .unknownOption(word)) }
            path.append(try subcommand(word, of: path))
            index += 1
        }
        let rest = arguments[index...]
        let options = rest.prefix { $0 != "--" }
        if options.contains(where: { $0 == "-h" || $0 == "--help" }) { return .help(HelpText(path: path).text) }
        if options.contains("--version"), let version = root.version { return .version(version) }
        let given = try values(in: rest, for: path)
        guard let make = path.last?.make else { return .help(HelpText(path: path).text) }
        return .run(try make(ParsedArguments(command: commandName(path), given: given)))
    }

    /// The commands `imon help A B` names.
    private func resolve(_ words: ArraySlice<String>) throws -> [CommandSpec] {
        var path = [root]
        for word in words { path.append(try subcommand(word, of: path)) }
        return path
    }

    /// The subcommand `word` names below the last command of `path`.
    private func subcommand(_ word: String, of path: [CommandSpec]) throws -> CommandSpec {
        let known = path.last?.subcommands ?? []
        guard let found = known.first(where: { $0.name == word }) else {
            throw UsageError(command: commandName(path), reason: .unknownCommand(word, known: known.map { $0.name }))
        }
        return found
    }

    private func values(in arguments: ArraySlice<String>, for path: [CommandSpec]) throws -> [String: [String]] {
        guard let spec = path.last else { return [:] }
        let command = commandName(path)
        func refuse(_ reason: UsageError.Reason) -> UsageError { UsageError(command: command, reason: reason) }

        var given: [String: [String]] = [:]
        var positionals: [String] = []
        var onlyPositionals = false
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let word = arguments[index]
            index += 1
            if onlyPositionals || !Self.isOption(word) {
                positionals.append(word)
                continue
            }
            if word == "--" {
                onlyPositionals = true
                continue
            }
            let parameter: Parameter
            var inline: String?
            if word.hasPrefix("--") {
                let body = word.dropFirst(2)
                let name = body.prefix { $0 != "=" }
                guard let found = spec.parameter(long: name) else { throw refuse(.unknownOption("--" + name)) }
                parameter = found
                if name.endIndex < body.endIndex { inline = String(body[body.index(after: name.endIndex)...]) }
            } else {
                let letters = word.dropFirst()
                guard let letter = letters.first, let found = spec.parameter(short: letter) else {
                    throw refuse(.unknownOption(String(word.prefix(2))))
                }
                parameter = found
                let remainder = letters.dropFirst()
                if !remainder.isEmpty { inline = String(remainder.hasPrefix("=") ? remainder.dropFirst() : remainder) }
            }
            switch parameter.kind {
            case .flag:
                if inline != nil { throw refuse(.flagWithValue(parameter.displayName)) }
                given[parameter.name] = [""]
            case .option:
                let value: String
                if let inline {
                    value = inline
                } else if index < arguments.endIndex, !Self.isOption(arguments[index]) {
                    value = arguments[index]
                    index += 1
                } else {
                    throw refuse(.missingValue(parameter.displayName))
                }
                if let choices = parameter.choices, !choices.contains(value) {
                    throw refuse(.invalidValue(parameter.displayName, value: value,
                                               expected: "one of " + choices.joined(separator: ", ")))
                }
                given[parameter.name] = parameter.isRepeating ? (given[parameter.name] ?? []) + [value] : [value]
            case .argument:
                break
            }
        }

        var next = positionals.startIndex
        for parameter in spec.parameters where parameter.kind == .argument {
            if parameter.isRepeating {
                if next < positionals.endIndex { given[parameter.name] = Array(positionals[next...]) }
                next = positionals.endIndex
            } else if next < positionals.endIndex {
                given[parameter.name] = [positionals[next]]
                next += 1
            }
            if parameter.isRequired && given[parameter.name] == nil { throw refuse(.missing(parameter.displayName)) }
        }
        if next < positionals.endIndex { throw refuse(.unexpectedArgument(positionals[next])) }
        for parameter in spec.parameters where parameter.kind == .option && parameter.isRequired && given[parameter.name] == nil {
            throw refuse(.missing(parameter.displayName))
        }
        return given
    }

    /// Whether a word is an option rather than a value: `-` alone and
    /// negative numbers are values.
    private static func isOption(_ word: String) -> Bool {
        guard word.hasPrefix("-"), word.count > 1 else { return false }
        return !(word.dropFirst().first?.isNumber ?? false)
    }

}

/// `imon catalogue check` for the path from the root to that command.
func commandName(_ path: [CommandSpec]) -> String {
    path.map { $0.name }.joined(separator: " ")
}
