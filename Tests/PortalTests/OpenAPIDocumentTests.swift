import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MonitoringStore
import PortalAPI
import XCTest
@testable import Portal

final class OpenAPIDocumentTests: XCTestCase {
    static let document = PortalFixture.repository.appendingPathComponent("Sources/PortalAPI/openapi.yaml")

    func testTheDocumentNamesEveryOperationOfTheIssueAndIsServedByteForByte() async throws {
        let file = try Data(contentsOf: Self.document)
        let text = String(decoding: file, as: UTF8.self)
        for id in ["login", "logout", "downloadTemplate", "uploadSubmission", "listSubmissionStatus", "decideConflict", "downloadReport"] {
            XCTAssertTrue(text.contains("operationId: \(id)\n"), id)
        }
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        let app = Application(router: try fixture.portal.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(Data(buffer: response.body), file, "the served document is openapi.yaml itself")
            }
        }
    }

    /// scripts/generate-openapi records the document's hash with the code it generates from it.
    func testTheGeneratedCodeIsNotOlderThanTheDocument() throws {
        let bytes = try Data(contentsOf: Self.document)
        var hash = SHA256()
        bytes.withUnsafeBytes { hash.update($0) }
        XCTAssertEqual(hash.finalize(), OpenAPIDocument.sha256,
                       "openapi.yaml changed after the API's code was generated: run scripts/generate-openapi and commit what it writes")
    }

    func testEveryPathOfTheDocumentIsRouted() async throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        let paths = OpenAPIDocument.yaml.split(separator: "\n").filter { $0.hasPrefix("  /api/") }.map {
            $0.trimmingCharacters(in: .whitespaces).dropLast().replacingOccurrences(of: "{department}", with: "40")
                .replacingOccurrences(of: "{year}", with: "2007").replacingOccurrences(of: "{id}", with: "1")
        }
        XCTAssertEqual(paths.count, 8)
        let app = Application(router: try fixture.portal.router())
        try await app.test(.router) { client in
            for path in paths {
                // A new session each time: logout ends the one before.
                let login = try await client.login("koordination")
                let method: HTTPRequest.Method = ["/api/login", "/api/logout", "/api/submissions", "/api/conflicts/1/decision"].contains(path) ? .post : .get
                try await client.execute(uri: path, method: method, headers: login.headers) { response in
                    // An unrouted path is the router's bare "Not Found"; a routed one answers in its own words.
                    XCTAssertFalse(String(buffer: response.body).contains("\"Not Found\""), "\(method) \(path)")
                    XCTAssertNotEqual(response.status, .unauthorized, "\(method) \(path)")
                }
            }
        }
    }
}
