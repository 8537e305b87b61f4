/// What a command is called, what it is for and what it takes: enough to
/// parse its command line and to write its help. A command either runs
/// (`make`) or groups subcommands.
public struct CommandSpec: Sendable {
    public let name: String
    /// One sentence: the command's line in its parent's list.
    public let abstract: String
    /// Paragraphs after the abstract in the command's own help.
    public let discussion: String
    public let parameters: [Parameter]
    public let subcommands: [CommandSpec]
    /// Shown by `--version` (the root's).
    public let version: String?
    let make: (@Sendable (ParsedArguments) throws -> any Command)?

    /// A command that runs.
    public init(_ name: String, abstract: String, discussion: String = "", parameters: [Parameter] = [],
                make: @escaping @Sendable (ParsedArguments) throws -> any Command) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.parameters = parameters
        self.subcommands = []
        self.version = nil
        self.make = make
    }

    /// A command that groups others: `imon catalogue check`.
    public init(_ name: String, abstract: String, discussion: String = "", version: String? = nil, subcommands: [CommandSpec]) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.parameters = []
        self.subcommands = subcommands
        self.version = version
        self.make = nil
    }

    func parameter(long name: Substring) -> Parameter? {
        parameters.first { $0.kind != .argument && $0.name == name }
    }

    func parameter(short letter: Character) -> Parameter? {
        parameters.first { $0.kind != .argument && $0.short == letter }
    }
}
