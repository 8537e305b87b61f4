import Foundation
import Monitoring
@testable import MonitoringStore

/// A temporary folder for stores and submissions, with the samples the tests merge.
struct StoreFolder {
    let url: URL
    let catalogue = DefaultCatalogue.magdeburg

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("imon-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        chmod(url.path, 0o755)
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes the synthetic submission of `department` and `year` and returns its path.
    func submission(_ department: String, _ year: Int, name: String? = nil) throws -> String {
        let values = SyntheticSubmissions(catalogue: catalogue).values(department: department, year: year)
        let file = path(name ?? "Amt_\(department)_\(year).xlsx")
        try SubmissionTemplate(catalogue: catalogue, department: catalogue.department(department)!, year: year).write(to: file, values: values)
        return file
    }

    /// Merges `files` into `store` and returns the outcomes.
    @discardableResult
    func merge(_ files: [String], into store: MonitoringStore) throws -> [MergeOutcome] {
        let validator = Validator(catalogue: catalogue)
        let items = files.map { PreparedSubmission.prepare(file: $0, validator: validator) }
        return try store.merge(items, catalogue: catalogue, prefer: nil, user: "test").map(\.outcome)
    }

    /// A store at `name` holding three departments' submissions of 2006.
    func filledStore(_ name: String = "m.sqlite") throws -> String {
        let file = path(name)
        let store = try MonitoringStore(path: file)
        try merge(try ["12", "40", "BA"].map { try submission($0, 2006) }, into: store)
        return file
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// The names in the folder, to see that nothing was made beside a file.
    func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }
}
