/// A command line that cannot be run as given. Its description is the
/// message after `imon: error: `: `cat: --format: 'xml' is not one of json,
/// csv, tsv, table (see imon cat --help)`.
public struct UsageError: Error, Equatable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        case unknownCommand(String, known: [String])
        case unknownOption(String)
        case missingValue(String)
        case missing(String)
        case unexpectedArgument(String)
        case invalidValue(String, value: String, expected: String)
        case flagWithValue(String)
        /// A combination of values the command refuses, in words.
        case invalid(String)
    }

    /// The command path, `imon cat`.
    public var command: String
    public var reason: Reason

    public init(command: String, reason: Reason) {
        self.command = command
        self.reason = reason
    }

    /// A refusal in the command's own words, for the checks a command makes on its values.
    public init(command: String, _ message: String) {
        self.init(command: command, reason: .invalid(message))
    }

    public var description: String {
        let what: String = switch reason {
        case .unknownCommand(let name, let known): "no command \(quoted(name)); the commands are " + known.joined(separator: ", ")
        case .unknownOption(let name): "no option \(name)"
        case .missingValue(let name): "\(name) needs a value"
        case .missing(let name): "\(name) is missing"
        case .unexpectedArgument(let text): "unexpected argument \(quoted(text))"
        case .invalidValue(let name, let value, let expected): "\(name): \(quoted(value)) is not \(expected)"
        case .flagWithValue(let name): "\(name) takes no value"
        case .invalid(let message): message
        }
        // "imon: error: " comes before; the program's own name is not repeated.
        let below = command.split(separator: " ").dropFirst().joined(separator: " ")
        return (below.isEmpty ? "" : below + ": ") + what + " (see \(command) --help)"
    }

    private func quoted(_ text: String) -> String { "'\(text)'" }
}
