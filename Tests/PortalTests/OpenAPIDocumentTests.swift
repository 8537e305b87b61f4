import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import Portal

final class OpenAPIDocumentTests: XCTestCase {
    func testTheDocumentNamesEveryOperationOfTheIssueAndIsServed() async throws {
        for id in ["login", "logout", "downloadTemplate", "uploadSubmission", "listSubmissionStatus", "decideConflict", "downloadReport"] {
            XCTAssertTrue(OpenAPIDocument.yaml.contains("operationId: \(id)\n"), id)
        }
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        let app = Application(router: fixture.portal.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                XCTAssertEqual(String(buffer: response.body), OpenAPIDocument.yaml)
            }
        }
    }

    func testEveryPathOfTheDocumentIsRouted() async throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        let paths = OpenAPIDocument.yaml.split(separator: "\n").filter { $0.hasPrefix("  /api/") }.map {
            $0.trimmingCharacters(in: .whitespaces).dropLast().replacingOccurrences(of: "{department}", with: "40")
                .replacingOccurrences(of: "{year}", with: "2007").replacingOccurrences(of: "{id}", with: "1")
        }
        XCTAssertEqual(paths.count, 8)
        let app = Application(router: fixture.portal.router())
        try await app.test(.router) { client in
            let login = try await client.login("koordination")
            for path in paths {
                let method: HTTPRequest.Method = ["/api/login", "/api/logout", "/api/submissions", "/api/conflicts/1/decision"].contains(path) ? .post : .get
                do {
                    try await client.execute(uri: path, method: method, headers: login.headers) { response in
                        // An unrouted path is the router's bare "Not Found"; a routed one answers in its own words.
                        XCTAssertFalse(String(buffer: response.body).contains("\"Not Found\""), "\(method) \(path)")
                    }
                }
            }
        }
    }
}
