/// A type a parameter's text can be read as.
public protocol ArgumentValue {
    /// The value the text stands for, or nil when it stands for none.
    init?(argument: String)
    /// What the text should have been, for the message when it is not: "a whole number".
    static var expected: String { get }
}

extension String: ArgumentValue {
    public init?(argument: String) { self = argument }
    public static var expected: String { "text" }
}

extension Int: ArgumentValue {
    public init?(argument: String) { self.init(argument, radix: 10) }
    public static var expected: String { "a whole number" }
}

extension UInt64: ArgumentValue {
    public init?(argument: String) { self.init(argument, radix: 10) }
    public static var expected: String { "a whole number, 0 or more" }
}

/// Enumerations of words (`enum Format: String, CaseIterable`) read by their raw value.
extension ArgumentValue where Self: RawRepresentable & CaseIterable, RawValue == String {
    public init?(argument: String) { self.init(rawValue: argument) }
    public static var expected: String { "one of " + allCases.map { $0.rawValue }.joined(separator: ", ") }
    /// The words, for `Parameter.option(choices:)`.
    public static var choices: [String] { allCases.map { $0.rawValue } }
}
