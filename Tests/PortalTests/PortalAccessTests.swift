import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Monitoring
import Operations
import XCTest
@testable import Portal

/// Who may do what: sessions, roles, CSRF, the login's answers.
final class PortalAccessTests: XCTestCase {
    func testEveryRouteButLoginAndStaticFilesNeedsASession() async throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        let app = Application(router: try fixture.portal.router())
        try await app.test(.router) { client in
            let guarded: [(String, HTTPRequest.Method)] = [
                ("/api/logout", .post), ("/api/templates/40/2007", .get), ("/api/submissions?filename=a.xlsx", .post),
                ("/api/feedback/x", .get), ("/api/status?year=2007", .get), ("/api/conflicts/1/decision", .post),
                ("/api/reports/2007", .get), ("/", .get), ("/template?year=2007&format=xlsx", .get), ("/report?year=2007&format=html", .get),
            ]
            for (uri, method) in guarded {
                try await client.execute(uri: uri, method: method) { response in
                    XCTAssertEqual(response.status, .unauthorized, "\(method) \(uri)")
                    XCTAssertNotNil(response.headers[.contentSecurityPolicy], "\(uri): security headers on every answer")
                }
            }
            for uri in ["/login", "/static/app.js", "/static/style.css", "/openapi.yaml"] {
                try await client.execute(uri: uri, method: .get) { response in
                    XCTAssertEqual(response.status, .ok, uri)
                    XCTAssertEqual(response.headers[.xContentTypeOptions], "nosniff")
                    XCTAssertTrue(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                    XCTAssertFalse(response.headers[.contentSecurityPolicy]?.contains("unsafe-inline") == true)
                }
            }
            try await client.execute(uri: "/login", method: .get) { response in
                XCTAssertFalse(String(buffer: response.body).contains("<script>"), "no inline script")
            }
        }
    }

    func testAWrongPasswordAndAnUnknownNameGetTheSameAnswer() async throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        let app = Application(router: try fixture.portal.router())
        try await app.test(.router) { client in
            var answers: [String] = []
            for (name, password) in [("amt40", "falsch-falsch-1"), ("niemand", "falsch-falsch-1")] {
                try await client.execute(uri: "/api/login", method: .post, headers: [.contentType: "application/json"],
                                         body: ByteBuffer(string: "{\"username\":\"\(name)\",\"password\":\"\(password)\"}")) { response in
                    XCTAssertEqual(response.status, .unauthorized)
                    XCTAssertNil(response.headers[.setCookie])
                    answers.append(String(buffer: response.body))
                }
            }
            XCTAssertEqual(answers[0], answers[1])
            _ = try await client.login("amt40")
        }
    }

    func testRepeatedFailedLoginsAreSlowedDown() async throws {
        let fixture = try PortalFixture(loginDelay: 0.2)
        defer { fixture.remove() }
        let app = Application(router: try fixture.portal.router())
        try await app.test(.router) { client in
            func attempt() async throws -> Double {
                let start = Date()
                try await client.execute(uri: "/api/login", method: .post, headers: [.contentType: "application/json"],
                                         body: ByteBuffer(string: "{\"username\":\"amt40\",\"password\":\"falsch-falsch-1\"}")) { response in
                    XCTAssertEqual(response.status, .unauthorized)
                }
                return Date().timeIntervalSince(start)
            }
            _ = try await attempt()
            _ = try await attempt()
            let third = try await attempt()
            XCTAssertGreaterThanOrEqual(third, 0.4, "the third failure in a row waits 2 × the first pause")
        }
    }

    func testFailedLoginsFromOneAddressAreSlowedDownAcrossNames() async throws {
        let fixture = try PortalFixture(loginDelay: 0.5)
        defer { fixture.remove() }
        // Accounts with a cheap hash, so that the time of an attempt is its pause (an unknown name costs a full check).
        let book = AccountBook(store: fixture.store, cost: 4)
        for i in 1...8 {
            try book.add(Account(name: "probe\(i)", role: .analyst, department: nil), password: PortalFixture.password, catalogue: DefaultCatalogue.magdeburg)
        }
        let app = Application(router: try fixture.portal.router())
        try await app.test(.router) { client in
            // The address as the TLS proxy on loopback reports it; a client's own entries before it do not count.
            func attempt(_ name: String, _ password: String, from address: String, expect status: HTTPResponse.Status) async throws -> Double {
                let start = Date()
                try await client.execute(uri: "/api/login", method: .post,
                                         headers: [.contentType: "application/json", ClientAddress.forwardedFor: "10.9.9.9, \(address)"],
                                         body: ByteBuffer(string: "{\"username\":\"\(name)\",\"password\":\"\(password)\"}")) { response in
                    XCTAssertEqual(response.status, status)
                }
                return Date().timeIntervalSince(start)
            }
            // Each name fails once only, so only the address can slow them.
            var times: [Double] = []
            for i in 1...7 { times.append(try await attempt("probe\(i)", "falsch-falsch-1", from: "192.0.2.7", expect: .unauthorized)) }
            XCTAssertLessThan(times[0...4].max() ?? 0, 0.25, "the allowance of an address: \(times)")
            XCTAssertGreaterThanOrEqual(times[5], 0.45, "past the allowance each new name from the address waits: \(times)")
            XCTAssertGreaterThanOrEqual(times[6], 0.95, "twice as long the next time: \(times)")
            let elsewhere = try await attempt("probe8", "falsch-falsch-1", from: "198.51.100.8", expect: .unauthorized)
            XCTAssertLessThan(elsewhere, 0.25, "another address is not slowed by the first one's failures")
            // The right password from the slowed address still logs in, after its pause.
            let right = try await attempt("amt40", PortalFixture.password, from: "192.0.2.7", expect: .ok)
            XCTAssertGreaterThanOrEqual(right, 1.9, "but waits its turn")
        }
    }

    func testStateChangingRequestsWithoutTheCSRFTokenAreRefused() async throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        let app = Application(router: try fixture.portal.router())
        try await app.test(.router) { client in
            let login = try await client.login("amt40")
            let (status, _) = try await client.upload(PortalFixture.sample("Samples/Abgaben/2007/Amt_40_2007.xlsx"), as: login, csrf: false)
            XCTAssertEqual(status, .forbidden)
            XCTAssertEqual(try fixture.store.history().count, 0, "nothing was merged")
            var wrong = login
            wrong.csrf = "nicht-das-token"
            let (again, _) = try await client.upload(PortalFixture.sample("Samples/Abgaben/2007/Amt_40_2007.xlsx"), as: wrong)
            XCTAssertEqual(again, .forbidden)
            try await client.execute(uri: "/api/logout", method: .post, headers: login.headersWithoutCSRF) { response in
                XCTAssertEqual(response.status, .forbidden)
            }
            try await client.execute(uri: "/api/logout", method: .post, headers: login.headers) { response in
                XCTAssertEqual(response.status, .noContent)
            }
            try await client.execute(uri: "/api/status?year=2007", method: .get, headers: login.headers) { response in
                XCTAssertEqual(response.status, .unauthorized, "logged out")
            }
        }
    }

    func testADepartmentCannotDeliverOrReadForAnother() async throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        let app = Application(router: try fixture.portal.router())
        try await app.test(.router) { client in
            let login = try await client.login("amt40")
            let (status, json) = try await client.upload(PortalFixture.sample("Samples/Abgaben/2007/Amt_11_2007.xlsx"), as: login)
            XCTAssertEqual(status, .forbidden, "\(json)")
            XCTAssertEqual(try fixture.store.history().count, 0, "nothing was merged or recorded")
            try await client.execute(uri: "/api/templates/11/2007", method: .get, headers: login.headers) { response in
                XCTAssertEqual(response.status, .forbidden)
            }
            try await client.execute(uri: "/api/reports/2007", method: .get, headers: login.headers) { response in
                XCTAssertEqual(response.status, .forbidden)
            }
            try await client.execute(uri: "/api/conflicts/1/decision", method: .post, headers: login.headers,
                                     body: ByteBuffer(string: "{\"prefer\":\"new\"}")) { response in
                XCTAssertEqual(response.status, .forbidden)
            }
            // Department 11 delivers; department 40 does not see it.
            let eleven = try await client.login("amt11")
            let (delivered, _) = try await client.upload(PortalFixture.sample("Samples/Abgaben/2007/Amt_11_2007.xlsx"), as: eleven)
            XCTAssertEqual(delivered, .ok)
            try await client.execute(uri: "/api/status?year=2007", method: .get, headers: login.headers) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let rows = json?["departments"] as? [[String: Any]] ?? []
                XCTAssertEqual(rows.map { $0["department"] as? String }, ["40"], "only its own row")
                XCTAssertEqual(rows.first?["state"] as? String, "missing")
            }
            try await client.execute(uri: "/", method: .get, headers: login.headers) { response in
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("Abgabe Amt 40"), page)
                XCTAssertFalse(page.contains("Amt_11_2007.xlsx"), "another department's delivery is not shown")
            }
        }
    }

    func testADepartmentDownloadsItsTemplate() async throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        let app = Application(router: try fixture.portal.router())
        try await app.test(.router) { client in
            let login = try await client.login("amt40")
            try await client.execute(uri: "/api/templates/40/2008?format=ods", method: .get, headers: login.headers) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.contentType], "application/vnd.oasis.opendocument.spreadsheet")
                XCTAssertTrue(response.headers[.contentDisposition]?.contains(".ods") == true)
                XCTAssertEqual(Array(response.body.readableBytesView.prefix(2)), [0x50, 0x4B], "a zip package")
            }
            try await client.execute(uri: "/template?year=2008&format=xlsx", method: .get, headers: login.headers) { response in
                XCTAssertEqual(response.status, .seeOther)
                XCTAssertEqual(response.headers[.location], "/api/templates/40/2008?format=xlsx")
            }
        }
    }
}
