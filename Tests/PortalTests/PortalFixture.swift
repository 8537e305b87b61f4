import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Monitoring
import MonitoringStore
import Operations
import WorkbookIO
import XCTest
@testable import Portal

/// A portal on a new store in a folder of its own, with one account per role.
struct PortalFixture {
    let folder: URL
    let store: MonitoringStore
    let portal: Portal
    static let password = "richtig-geheim-1"
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init(catalogue: Catalogue = DefaultCatalogue.magdeburg, bodyLimit: Int = 50 << 20, loginDelay: Double = 0.01,
         reading: WorkbookFile.Options = WorkbookFile.Options()) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("imon-portal-\(UUID().uuidString)")
        let scratch = folder.appendingPathComponent("scratch")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        store = try MonitoringStore(path: folder.appendingPathComponent("store.sqlite").path)
        let book = AccountBook(store: store, cost: 4)
        try book.add(Account(name: "amt40", role: .department, department: "40"), password: Self.password, catalogue: catalogue)
        try book.add(Account(name: "amt50", role: .department, department: "50"), password: Self.password, catalogue: catalogue)
        try book.add(Account(name: "amt11", role: .department, department: "11"), password: Self.password, catalogue: catalogue)
        try book.add(Account(name: "koordination", role: .coordinator, department: nil), password: Self.password, catalogue: catalogue)
        try book.add(Account(name: "analyse", role: .analyst, department: nil), password: Self.password, catalogue: catalogue)
        var configuration = PortalConfiguration(bodyLimit: bodyLimit, reading: reading, secureCookies: false, scratch: scratch.path,
                                                loginDelay: loginDelay, maxLoginDelay: loginDelay * 8)
        configuration.language = .de
        portal = Portal(store: store, catalogue: catalogue, configuration: configuration)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    static func sample(_ path: String) -> URL { repository.appendingPathComponent(path) }
}

/// A logged-in client's cookie and CSRF token.
struct Login {
    var cookie: String
    var csrf: String

    var headers: HTTPFields { [.cookie: "imon_session=\(cookie)", .csrfToken: csrf] }
    var headersWithoutCSRF: HTTPFields { [.cookie: "imon_session=\(cookie)"] }
}

extension TestClientProtocol {
    func login(_ name: String, _ password: String = PortalFixture.password) async throws -> Login {
        try await execute(uri: "/api/login", method: .post, headers: [.contentType: "application/json"],
                          body: ByteBuffer(string: "{\"username\":\"\(name)\",\"password\":\"\(password)\"}")) { response in
            XCTAssertEqual(response.status, .ok, String(buffer: response.body))
            let setCookie = response.headers[.setCookie] ?? ""
            XCTAssertTrue(setCookie.contains("HttpOnly"), setCookie)
            XCTAssertTrue(setCookie.contains("SameSite=Strict"), setCookie)
            XCTAssertTrue(setCookie.contains("Max-Age="), "the session expires: \(setCookie)")
            let value = setCookie.split(separator: ";").first.map { String($0.dropFirst("imon_session=".count)) } ?? ""
            let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            return Login(cookie: value, csrf: json?["csrfToken"] as? String ?? "")
        }
    }

    /// Uploads a file as the browser does; returns the status and the JSON answer.
    func upload(_ file: URL, as login: Login, filename: String? = nil, csrf: Bool = true) async throws -> (HTTPResponse.Status, [String: Any]) {
        let bytes = try Data(contentsOf: file)
        let name = (filename ?? file.lastPathComponent).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return try await execute(uri: "/api/submissions?filename=\(name)", method: .post,
                                 headers: csrf ? login.headers : login.headersWithoutCSRF, body: ByteBuffer(bytes: bytes)) { response in
            let json = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
            return (response.status, json)
        }
    }
}
