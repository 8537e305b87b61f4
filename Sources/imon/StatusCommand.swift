import CommandArguments
import Monitoring
import MonitoringStore
import Operations

/// `imon status --year Y`: which departments delivered, which are missing.
struct StatusCommand: Command {
    static let store = CommandParameters.store
    static let catalogue = CommandParameters.catalogue
    static let year = Parameter.option("year", help: "The reporting year.", required: true)

    static let spec = CommandSpec(
        "status",
        abstract: "Who delivered for a year: missing, delivered, rejected, superseded or in conflict, with when and by whom.",
        discussion: "Exit status 1 when a department has delivered nothing usable (missing or rejected).",
        parameters: [year, store, catalogue]) { try StatusCommand($0) }

    let store: String
    let catalogue: String?
    let year: Int

    init(_ arguments: ParsedArguments) throws {
        store = try arguments.value(Self.store)
        catalogue = try arguments.optionalValue(Self.catalogue)
        year = try arguments.value(Self.year)
    }

    func run() throws {
        let catalogue = try CatalogueSource.load(self.catalogue)
        let store = try openStoreForReading(self.store)
        let history: [HistoryEntry]
        do { history = try store.history(department: nil, year: year) } catch { throw storeFailure(self.store, error) }
        let board = DeliveryBoard.make(catalogue: catalogue, history: history, years: [year])
        for s in board {
            let when = [s.at, s.by.map { "by \($0)" }, s.file].compactMap { $0 }.joined(separator: "  ")
            print("\(s.department.padding(6))  \(s.state.rawValue.padding(10))  \(when)")
        }
        let missing = DeliveryBoard.missing(board, year: year)
        print("\(board.count - missing.count) of \(board.count) departments delivered for \(year)")
        if !missing.isEmpty { throw ExitStatus.problemsFound }
    }
}
