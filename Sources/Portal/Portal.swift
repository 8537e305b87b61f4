import Foundation
import HTTPTypes
import Hummingbird
import Monitoring
import MonitoringStore
import OpenAPIHummingbird
import Operations

/// The submission portal (`imon serve`): the HTTP API of `openapi.yaml` (Sources/PortalAPI) and
/// the pages that use it, over one store and one catalogue.
public struct Portal: Sendable {
    public let configuration: PortalConfiguration
    let catalogue: Catalogue
    let store: any SubmissionStore
    let desk: SubmissionDesk
    let accounts: AccountBook
    let sessions: SessionBook
    let throttle: LoginThrottle

    public init(store: any SubmissionStore, catalogue: Catalogue, configuration: PortalConfiguration) {
        self.configuration = configuration
        self.catalogue = catalogue
        self.store = store
        desk = SubmissionDesk(store: store, catalogue: catalogue, reading: configuration.reading, language: configuration.language,
                              scratch: configuration.scratch)
        accounts = AccountBook(store: store)
        sessions = SessionBook(lifetime: configuration.sessionLifetime)
        throttle = LoginThrottle(base: configuration.loginDelay, maximum: configuration.maxLoginDelay)
    }

    /// The routes, behind the security headers, the body limit and the session check: the API's,
    /// generated from `openapi.yaml` and registered through the Hummingbird transport, and the pages.
    public func router() throws -> Router<PortalContext> {
        let router = Router(context: PortalContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: BodyLimit(limit: configuration.bodyLimit))
        router.add(middleware: SessionCheck(sessions: sessions, language: configuration.language))
        router.add(middleware: OpenAPIRequestContext())
        try PortalHandlers(portal: self).registerHandlers(on: router)
        PortalPages(portal: self).register(on: router)
        return router
    }

    /// The application listening where the configuration says.
    public func application() throws -> some ApplicationProtocol {
        Application(router: try router(), configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil))
    }
}

extension Portal {
    /// The board for `account`: every department for the coordinator and analysts, its own for a department; with the undecided conflicts.
    func board(years: [Int], for account: Account) async throws -> ([DeliveryStatus], [HeldUpload]) {
        let store = self.store, catalogue = self.catalogue
        var (board, held) = try await Offload.run {
            var history: [HistoryEntry] = []
            for year in years { history += try store.history(department: nil, year: year) }
            return (DeliveryBoard.make(catalogue: catalogue, history: history, years: years), try store.heldUploads())
        }
        if account.role == .department {
            board = board.filter { $0.department == account.department }
            held = held.filter { $0.department == account.department }
        }
        return (board, held.filter { years.contains($0.year) })
    }
}
