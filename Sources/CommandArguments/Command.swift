/// A command that runs: built from its parsed command line, then run.
///
///     struct InspectCommand: Command {
///         static let file = Parameter.argument("file", help: "The workbook to read.")
///         static let spec = CommandSpec("inspect", abstract: "Describe a workbook.", parameters: [file]) { try InspectCommand($0) }
///         let file: String
///         init(_ arguments: ParsedArguments) throws { file = try arguments.value(Self.file) }
///         func run() throws { ... }
///     }
///
/// `init` reads every value it needs, so a wrong value is refused before
/// anything runs; checks across values throw `arguments.refuse(_:)`.
public protocol Command {
    init(_ arguments: ParsedArguments) throws
    func run() throws
}
