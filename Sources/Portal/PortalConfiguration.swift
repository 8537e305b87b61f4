import Foundation
import Monitoring
import WorkbookIO

/// How `imon serve` runs: where it listens, its store, its limits.
public struct PortalConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The largest request body taken, in bytes; a larger one is answered 413 before it is read to the end.
    public var bodyLimit: Int
    /// The limits of reading one workbook, as for the CLI.
    public var reading: WorkbookFile.Options
    /// How long a session lasts without logging in again, in seconds.
    public var sessionLifetime: Double
    /// Cookies only over HTTPS (the portal runs behind a TLS proxy).
    public var secureCookies: Bool
    /// The language of pages, findings and feedback copies.
    public var language: Language
    /// Where uploads are put while they are read.
    public var scratch: String
    /// The first pause after a failed login, in seconds; doubled with each further failure of the same name (or, past a few, of the same client address), up to `maxLoginDelay`.
    public var loginDelay: Double
    public var maxLoginDelay: Double
    /// The time zone the pages show times in (the store keeps UTC).
    public var timeZone: TimeZone

    public init(host: String = "127.0.0.1", port: Int = 8080, bodyLimit: Int = 50 << 20, reading: WorkbookFile.Options = WorkbookFile.Options(),
                sessionLifetime: Double = 8 * 3600, secureCookies: Bool = true, language: Language = .de, scratch: String = "/tmp",
                loginDelay: Double = 1, maxLoginDelay: Double = 16, timeZone: TimeZone = .current) {
        self.host = host
        self.port = port
        self.bodyLimit = bodyLimit
        self.reading = reading
        self.sessionLifetime = sessionLifetime
        self.secureCookies = secureCookies
        self.language = language
        self.scratch = scratch
        self.loginDelay = loginDelay
        self.maxLoginDelay = maxLoginDelay
        self.timeZone = timeZone
    }
}
