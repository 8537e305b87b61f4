import CommandArguments
import WorkbookIO
#if canImport(Glibc)
import Glibc
#endif

@main
enum Imon {
    static let spec = CommandSpec(
        "imon",
        abstract: "Integration monitoring: read, check and merge the workbooks departments send.",
        version: "0.1.0",
        subcommands: [CatCommand.spec, InspectCommand.spec, ConvertCommand.spec, CatalogueCommand.spec, TemplateCommand.spec,
                      ValidateCommand.spec, MergeCommand.spec, ImportCommand.spec, ExportCommand.spec, HistoryCommand.spec, ReportCommand.spec,
                      AuditCommand.spec,
                      DemoCommand.spec])

    /// Runs the command; every failure ends in one line on standard error.
    /// Exit status: 0 success, 1 when a command found problems it listed,
    /// 2 when the command could not run.
    static func main() {
        MemoryAllocation.configure()
        do {
            switch try CommandLineParser(root: spec).parse(Array(CommandLine.arguments.dropFirst())) {
            case .run(let command): try command.run()
            case .help(let text): print(text, terminator: "")
            case .version(let version): print(version)
            }
        } catch let failure as CommandFailure {
            failure.report()
        } catch ExitStatus.problemsFound {
            exit(1)
        } catch let usage as UsageError {
            printToStandardError("imon: error: \(usage)")
            exit(2)
        } catch {
            CommandFailure(file: nil, error: error).report()
        }
    }
}
