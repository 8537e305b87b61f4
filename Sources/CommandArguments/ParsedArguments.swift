/// The values given on one command line, read through the parameters that
/// declared them. Values are converted when read; a value that does not
/// convert is a `UsageError` naming the parameter.
public struct ParsedArguments: Sendable {
    /// The command path, `imon cat`, for messages.
    public let command: String
    private let given: [String: [String]]

    init(command: String, given: [String: [String]]) {
        self.command = command
        self.given = given
    }

    /// The value given, else the default; a parameter with neither must be
    /// required (the parser has then refused the command line without it).
    public func value<T: ArgumentValue>(_ parameter: Parameter) throws -> T {
        guard let value: T = try optionalValue(parameter) else {
            throw UsageError(command: command, reason: .missing(parameter.displayName))
        }
        return value
    }

    /// The value given, else the default, else nil.
    public func optionalValue<T: ArgumentValue>(_ parameter: Parameter) throws -> T? {
        guard let text = given[parameter.name]?.last ?? parameter.defaultValue else { return nil }
        return try convert(text, for: parameter)
    }

    /// Every value given, in order (a repeating option or argument).
    public func values<T: ArgumentValue>(_ parameter: Parameter) throws -> [T] {
        try (given[parameter.name] ?? []).map { try convert($0, for: parameter) }
    }

    /// Whether a flag was given.
    public func flag(_ parameter: Parameter) -> Bool {
        given[parameter.name] != nil
    }

    /// An error refusing this command line, in the command's words.
    public func refuse(_ message: String) -> UsageError {
        UsageError(command: command, message)
    }

    private func convert<T: ArgumentValue>(_ text: String, for parameter: Parameter) throws -> T {
        guard let value = T(argument: text) else {
            throw UsageError(command: command, reason: .invalidValue(parameter.displayName, value: text, expected: T.expected))
        }
        return value
    }
}
