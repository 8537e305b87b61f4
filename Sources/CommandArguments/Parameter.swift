/// One thing a command takes on its command line: a positional argument,
/// an option with a value, or a flag.
///
///     static let format = Parameter.option("format", help: "Output format.", choices: ["text", "json"], default: "text")
///
/// A command declares its parameters once, in its `CommandSpec`, and reads
/// their values from `ParsedArguments` through the same constants, so a
/// name is spelled in one place.
public struct Parameter: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Positional, in the order declared.
        case argument
        /// `--name VALUE` or `--name=VALUE`.
        case option
        /// `--name`, true when given.
        case flag
    }

    public let kind: Kind
    /// The long name without dashes (`max-cells`); for an argument the name shown as `<name>`.
    public let name: String
    /// A one-letter name (`o` for `-o`), for options and flags.
    public let short: Character?
    public let help: String
    /// The value used when the parameter is not given, as it would be typed.
    public let defaultValue: String?
    /// The values allowed, when the parameter takes one of a few words.
    public let choices: [String]?
    /// May be given several times (options) or take every remaining argument (arguments).
    public let isRepeating: Bool
    /// Must be given: arguments unless marked optional, options marked required.
    public let isRequired: Bool
    /// The heading the parameter is listed under in the help (`OPTIONS` unless set).
    public let group: String

    /// A positional argument; `optional` ones may be left out, `repeating` ones take the rest.
    public static func argument(_ name: String, help: String, optional: Bool = false, repeating: Bool = false) -> Parameter {
        Parameter(kind: .argument, name: name, short: nil, help: help, defaultValue: nil, choices: nil,
                  isRepeating: repeating, isRequired: !optional, group: "ARGUMENTS")
    }

    /// An option that takes a value.
    public static func option(_ name: String, short: Character? = nil, help: String, choices: [String]? = nil,
                              default defaultValue: String? = nil, required: Bool = false, repeating: Bool = false,
                              group: String = "OPTIONS") -> Parameter {
        Parameter(kind: .option, name: name, short: short, help: help, defaultValue: defaultValue, choices: choices,
                  isRepeating: repeating, isRequired: required, group: group)
    }

    /// An option without a value: false unless given.
    public static func flag(_ name: String, short: Character? = nil, help: String, group: String = "OPTIONS") -> Parameter {
        Parameter(kind: .flag, name: name, short: short, help: help, defaultValue: nil, choices: nil,
                  isRepeating: false, isRequired: false, group: group)
    }

    /// How the parameter is written in usage lines and messages: `<file>`, `--format`, `-o/--output`.
    public var displayName: String {
        switch kind {
        case .argument: "<\(name)>"
        case .option, .flag: "--\(name)"
        }
    }
}
