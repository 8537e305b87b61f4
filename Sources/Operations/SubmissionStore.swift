import Monitoring
import MonitoringStore

/// What the CLI and the portal need of a monitoring store. `MonitoringStore`
/// (SQLite) is the one there is; a store on a database server that several
/// portal instances share can take its place behind this interface.
public protocol SubmissionStore: Sendable {
    /// Merges validated files, one transaction each, in order (`MonitoringStore.merge`).
    func merge(_ items: [PreparedSubmission], catalogue: Catalogue, prefer: ConflictPreference?, user: String,
               committed: (MergeResult, Int) -> Void) throws -> [MergeResult]
    /// The number of current observations (optionally of one year).
    func currentObservationCount(year: Int?) throws -> Int
    /// The current observations as the analysis reads them.
    func observationTable() throws -> ObservationTable
    /// The conflicts of a year not decided yet, as lines for the data-quality sheet.
    func openConflicts(year: Int) throws -> [String]
    /// What the reports of years before `year` published (`MonitoringStore.publishedPatterns`).
    func publishedPatterns(before year: Int) throws -> [PublishedPattern]
    /// What was merged, when, by whom (optionally for one department or year).
    func history(department: String?, year: Int?) throws -> [HistoryEntry]
    /// The accounts of the portal.
    func accounts() throws -> [StoredAccount]
    /// Adds an account; throws when the name is taken.
    func addAccount(_ account: StoredAccount) throws
    /// Replaces the password hash of an account; false when there is no such account.
    func setPasswordHash(_ hash: String, of name: String) throws -> Bool
    /// Removes an account; false when there is no such account.
    func removeAccount(_ name: String) throws -> Bool
    /// Keeps an upload in conflict until someone decides it; returns its number.
    func holdUpload(_ upload: HeldUpload) throws -> Int64
    /// The uploads in conflict not yet decided.
    func heldUploads() throws -> [HeldUpload]
    /// Forgets a held upload once it is decided.
    func releaseUpload(_ id: Int64) throws
}

extension MonitoringStore: SubmissionStore {}
