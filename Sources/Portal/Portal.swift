import Foundation
import HTTPTypes
import Hummingbird
import Monitoring
import MonitoringStore
import Operations

/// The submission portal (`imon serve`): the HTTP API of `openapi.yaml` and
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

    /// The routes, behind the security headers, the body limit and the session check.
    public func router() -> Router<PortalContext> {
        let router = Router(context: PortalContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: BodyLimit(limit: configuration.bodyLimit))
        router.add(middleware: SessionCheck(sessions: sessions, language: configuration.language))
        PortalAPI(portal: self).register(on: router)
        PortalPages(portal: self).register(on: router)
        return router
    }

    /// The application listening where the configuration says.
    public func application() -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil))
    }
}
