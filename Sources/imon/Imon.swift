import ArgumentParser
import WorkbookIO

@main
struct Imon: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imon",
        abstract: "Integration monitoring: read, check and merge the workbooks departments send.",
        version: "0.1.0",
        subcommands: [CatCommand.self, InspectCommand.self, ConvertCommand.self, CatalogueCommand.self, TemplateCommand.self, ValidateCommand.self, MergeCommand.self, ExportCommand.self, HistoryCommand.self, ReportCommand.self, DemoCommand.self])

    /// Runs the command; every failure ends in one line on standard error.
    /// Exit status: 0 success, 2 when the command could not run.
    static func main() {
        MemoryAllocation.configure()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            failure.report()
        } catch let code as ExitCode {
            Imon.exit(withError: code)
        } catch let error as WorkbookError {
            CommandFailure(file: nil, error: error).report()
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            var text = fullMessage(for: error)
            if !text.hasPrefix("Error: ") && !text.contains("Usage:") { text = "error: " + text }
            printToStandardError("imon: " + text.replacingPrefix("Error: ", with: "error: "))
            Imon.exit(withError: ExitCode(2))
        }
    }
}
