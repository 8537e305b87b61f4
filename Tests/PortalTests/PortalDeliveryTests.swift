import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Monitoring
import MonitoringStore
import Operations
import Spreadsheet
import WorkbookIO
import XCTest
@testable import Portal

/// Uploads, findings, the board, conflicts and reports over HTTP.
final class PortalDeliveryTests: XCTestCase {
    func testAWorkbookWithAMistakeIsRejectedWithTheFindingsCellAndAnAnnotatedCopy() async throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        let app = Application(router: try fixture.portal.router())
        try await app.test(.router) { client in
            let login = try await client.login("amt40")
            let (status, json) = try await client.upload(PortalFixture.sample("Samples/Fehler/Amt_40_2007_Werte.xlsx"), as: login)
            XCTAssertEqual(status, .ok)
            XCTAssertEqual(json["outcome"] as? String, "rejected")
            let findings = json["findings"] as? [[String: Any]] ?? []
            let planted = findings.first { $0["sheet"] as? String == "B01" && $0["cell"] as? String == "D6" }
            XCTAssertEqual(planted?["severity"] as? String, "error", "\(findings)")
            XCTAssertEqual(planted?["value"] as? String, "ca. 50")
            XCTAssertFalse((planted?["message"] as? String ?? "").isEmpty)
            let feedback = try XCTUnwrap(json["feedback"] as? String)
            try await client.execute(uri: feedback, method: .get, headers: login.headers) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertTrue(response.headers[.contentDisposition]?.contains("Prüfung_Amt_40_2007_Werte.xlsx") == true
                              || response.headers[.contentDisposition]?.contains("Pr%C3%BCfung_Amt_40_2007_Werte.xlsx") == true,
                              response.headers[.contentDisposition] ?? "")
                XCTAssertEqual(Array(response.body.readableBytesView.prefix(2)), [0x50, 0x4B])
            }
            // Another session cannot fetch this session's copy.
            let other = try await client.login("amt11")
            try await client.execute(uri: feedback, method: .get, headers: other.headers) { response in
                XCTAssertEqual(response.status, .notFound)
            }
            XCTAssertEqual(try fixture.store.history().map(\.outcome), ["rejected"])
            XCTAssertEqual(try fixture.store.history().first?.user, "amt40", "recorded with the account")
        }
    }

    func testAPathInTheFileNameStaysInert() async throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        let app = Application(router: try fixture.portal.router())
        try await app.test(.router) { client in
            let login = try await client.login("amt40")
            let (status, json) = try await client.upload(PortalFixture.sample("Samples/Abgaben/2007/Amt_40_2007.xlsx"), as: login,
                                                          filename: "../../../tmp/imon-escaped.xlsx")
            XCTAssertEqual(status, .ok)
            XCTAssertEqual(json["outcome"] as? String, "imported")
            XCTAssertEqual(json["file"] as? String, "imon-escaped.xlsx")
            XCTAssertEqual(try fixture.store.history().first?.file, "imon-escaped.xlsx")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/imon-escaped.xlsx"))
        let scratch = try FileManager.default.contentsOfDirectory(atPath: fixture.folder.appendingPathComponent("scratch").path)
        XCTAssertEqual(scratch, [], "uploads are removed once read")
    }

    func testTheCommandLinesReadingLimitsApplyToUploads() async throws {
        var reading = WorkbookFile.Options()
        reading.maxSheets = 2
        let fixture = try PortalFixture(reading: reading)
        defer { fixture.remove() }
        let app = Application(router: try fixture.portal.router())
        try await app.test(.router) { client in
            let login = try await client.login("amt40")
            let (status, json) = try await client.upload(PortalFixture.sample("Samples/Abgaben/2007/Amt_40_2007.xlsx"), as: login)
            XCTAssertEqual(status, .ok)
            XCTAssertEqual(json["outcome"] as? String, "rejected", "more sheets than the limit: \(json)")
            let messages = (json["findings"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
            XCTAssertTrue(messages.contains { $0.contains("2") }, "the finding names the limit: \(messages)")
        }
    }

    func testDeliveringAgainSupersedesAndTheSameFileIsUnchanged() async throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        let app = Application(router: try fixture.portal.router())
        try await app.test(.router) { client in
            let login = try await client.login("amt40")
            let file = PortalFixture.sample("Samples/Abgaben/2007/Amt_40_2007.xlsx")
            let outcomes = [try await client.upload(file, as: login).1["outcome"] as? String,
                            try await client.upload(file, as: login).1["outcome"] as? String,
                            try await client.upload(PortalFixture.sample("Samples/Abgaben/2006/Amt_40_2006.xlsx"), as: login).1["outcome"] as? String]
            XCTAssertEqual(outcomes, ["imported", "unchanged", "imported"])
        }
    }

    func testTheCoordinatorSeesTheBoardAndDecidesAConflictRecordedWithTheUser() async throws {
        // As in the store's conflict test: W01 moves to department 50, whose file differs from 12's.
        var moved = DefaultCatalogue.magdeburg
        if let i = moved.indicators.firstIndex(where: { $0.code == "W01" }) { moved.indicators[i].department = "50" }
        let fixture = try PortalFixture(catalogue: moved)
        defer { fixture.remove() }
        let twelve = try write("12", 2007, catalogue: DefaultCatalogue.magdeburg, in: fixture.folder) { _ in }
        let validator = Validator(catalogue: DefaultCatalogue.magdeburg)
        _ = try fixture.store.merge([PreparedSubmission.prepare(file: twelve, validator: validator)], catalogue: DefaultCatalogue.magdeburg,
                                    prefer: nil, user: "cli")
        let fifty = try write("50", 2007, catalogue: moved, in: fixture.folder) { v in
            v["W01", "01", "insgesamt"] = .number(number(v["W01", "01", "insgesamt"]) + 1)
            v["W01", "01", "deutsch"] = .number(number(v["W01", "01", "deutsch"]) + 1)
            v["W01", SubmissionValues.cityTotalKey, "insgesamt"] = .number(number(v["W01", SubmissionValues.cityTotalKey, "insgesamt"]) + 1)
            v["W01", SubmissionValues.cityTotalKey, "deutsch"] = .number(number(v["W01", SubmissionValues.cityTotalKey, "deutsch"]) + 1)
        }
        let app = Application(router: try fixture.portal.router())
        try await app.test(.router) { client in
            let department = try await client.login("amt50")
            let (_, json) = try await client.upload(URL(fileURLWithPath: fifty), as: department)
            XCTAssertEqual(json["outcome"] as? String, "conflict", "\(json)")
            let id = try XCTUnwrap(json["conflictID"] as? Int)

            let coordinator = try await client.login("koordination")
            try await client.execute(uri: "/api/status?year=2007", method: .get, headers: coordinator.headers) { response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let rows = json?["departments"] as? [[String: Any]] ?? []
                let states = Dictionary(uniqueKeysWithValues: rows.map { ($0["department"] as? String ?? "", $0["state"] as? String ?? "") })
                XCTAssertEqual(states["12"], "delivered")
                XCTAssertEqual(states["50"], "conflict")
                XCTAssertEqual(states["40"], "missing")
                XCTAssertEqual(rows.first { $0["department"] as? String == "50" }?["by"] as? String, "amt50")
                XCTAssertEqual((json?["conflicts"] as? [[String: Any]])?.count, 1)
            }
            try await client.execute(uri: "/", method: .get, headers: coordinator.headers) { response in
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains("id=\"board\""))
                XCTAssertTrue(page.contains("8 von 10 Ämtern ohne verwertbare Abgabe für 2007."), "the year being collected, not the calendar's")
                XCTAssertTrue(page.contains("data-id=\"\(id)\""), "the conflict is offered for a decision")
                // When, as people read it in the server's time zone, with the exact value for machines.
                let time = try XCTUnwrap(page.firstMatch(of: #/<time datetime="(\d{4})-(\d\d)-(\d\d)T[0-9:.]+Z">(\d\d)\.(\d\d)\.(\d{4}), \d\d:\d\d</time>/#),
                                         "a readable time on the board")
                XCTAssertEqual(time.output.1, time.output.6, "the year")
                XCTAssertFalse(page.contains(">\(time.output.1)-"), "no ISO timestamp as the visible text")
            }
            try await client.execute(uri: "/api/conflicts/\(id)/decision", method: .post, headers: coordinator.headers,
                                     body: ByteBuffer(string: "{\"prefer\":\"new\"}")) { response in
                XCTAssertEqual(response.status, .ok, String(buffer: response.body))
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                XCTAssertEqual(json?["outcome"] as? String, "imported")
                XCTAssertTrue((json?["decision"] as? String ?? "").contains("decided by koordination"))
            }
            try await client.execute(uri: "/api/conflicts/\(id)/decision", method: .post, headers: coordinator.headers,
                                     body: ByteBuffer(string: "{\"prefer\":\"new\"}")) { response in
                XCTAssertEqual(response.status, .notFound, "decided once")
            }
        }
        let decisions = try fixture.store.history(department: "50", year: 2007)
        XCTAssertEqual(decisions.map(\.outcome), ["conflict", "imported"])
        XCTAssertEqual(decisions.last?.user, "koordination")
    }

    func testReportsAreMadeForTheCoordinatorAndAnalysts() async throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        let app = Application(router: try fixture.portal.router())
        try await app.test(.router) { client in
            let login = try await client.login("amt40")
            _ = try await client.upload(PortalFixture.sample("Samples/Abgaben/2007/Amt_40_2007.xlsx"), as: login)
            let analyst = try await client.login("analyse")
            for (format, type) in [("html", "text/html; charset=utf-8"), ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                                   ("ods", "application/vnd.oasis.opendocument.spreadsheet"), ("json", "application/json; charset=utf-8")] {
                try await client.execute(uri: "/api/reports/2007?format=\(format)", method: .get, headers: analyst.headers) { response in
                    XCTAssertEqual(response.status, .ok, format)
                    XCTAssertEqual(response.headers[.contentType], type)
                    XCTAssertGreaterThan(response.body.readableBytes, 1000)
                }
            }
            try await client.execute(uri: "/api/reports/1999", method: .get, headers: analyst.headers) { response in
                XCTAssertEqual(response.status, .notFound)
            }
            try await client.execute(uri: "/api/submissions?filename=x.xlsx", method: .post, headers: analyst.headers,
                                     body: ByteBuffer(string: "x")) { response in
                XCTAssertEqual(response.status, .forbidden, "analysts deliver nothing")
            }
        }
    }

    func testAnOversizedBodyIsAnswered413AndTheServerStillAnswers() async throws {
        let fixture = try PortalFixture(bodyLimit: 1 << 20)
        // Amt_40_2007.xlsx is about 60 KB: under the limit.
        defer { fixture.remove() }
        let app = Application(router: try fixture.portal.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let login = try await client.login("amt40")
            let port = try XCTUnwrap(client.port)
            let request = "POST /api/submissions?filename=big.xlsx HTTP/1.1\r\nHost: localhost\r\nCookie: imon_session=\(login.cookie)\r\n"
                + "X-CSRF-Token: \(login.csrf)\r\nContent-Type: application/octet-stream\r\n"
            // Declared larger than the limit: answered after 64 KB, before the body is read to the end.
            let declared = try RawHTTP.statusLine(port: port, head: request + "Content-Length: \(3 << 20)\r\n\r\n",
                                                  body: [UInt8](repeating: 0x41, count: 64 << 10))
            XCTAssertTrue(declared.hasPrefix("HTTP/1.1 413"), declared)
            // Not declared (chunked): cut off where it passes the limit.
            var chunked: [UInt8] = []
            for _ in 0..<40 { chunked += Array("10000\r\n".utf8) + [UInt8](repeating: 0x42, count: 0x10000) + Array("\r\n".utf8) }
            let streamed = try RawHTTP.statusLine(port: port, head: request + "Transfer-Encoding: chunked\r\n\r\n", body: chunked)
            XCTAssertTrue(streamed.hasPrefix("HTTP/1.1 413"), streamed)
            try await client.execute(uri: "/login", method: .get) { response in
                XCTAssertEqual(response.status, .ok, "the server still answers")
            }
            let (status, json) = try await client.upload(PortalFixture.sample("Samples/Abgaben/2007/Amt_40_2007.xlsx"), as: login)
            XCTAssertEqual(status, .ok, "and takes uploads under the limit: \(json)")
            XCTAssertEqual(try fixture.store.history().count, 1, "the refused bodies left nothing in the store")
        }
    }

    func testConcurrentUploadsEachLandExactlyOnce() async throws {
        let fixture = try PortalFixture()
        defer { fixture.remove() }
        let files = ["11", "12", "32", "40", "50", "51", "BA"].map { PortalFixture.sample("Samples/Abgaben/2005/Amt_\($0)_2005.xlsx") }
        let app = Application(router: try fixture.portal.router())
        try await app.test(.router) { client in
            let coordinator = try await client.login("koordination")
            try await withThrowingTaskGroup(of: String?.self) { group in
                for file in files + files {
                    group.addTask { try await client.upload(file, as: coordinator).1["outcome"] as? String }
                }
                var outcomes: [String?] = []
                for try await outcome in group { outcomes.append(outcome) }
                XCTAssertEqual(outcomes.filter { $0 == "imported" }.count, files.count, "\(outcomes)")
                XCTAssertEqual(outcomes.filter { $0 == "unchanged" }.count, files.count, "\(outcomes)")
            }
        }
        let submissions: Int = try fixture.store.history().filter { $0.outcome == "imported" }.count
        XCTAssertEqual(submissions, files.count)
    }

    private func number(_ value: CellValue) -> Double {
        if case .number(let x) = value { return x }
        return 0
    }

    private func write(_ department: String, _ year: Int, catalogue: Catalogue, in folder: URL,
                       change: (inout SubmissionValues) -> Void) throws -> String {
        var values = SyntheticSubmissions(catalogue: catalogue).values(department: department, year: year)
        change(&values)
        let file = folder.appendingPathComponent("Amt_\(department)_\(year).xlsx").path
        try SubmissionTemplate(catalogue: catalogue, department: catalogue.department(department)!, year: year).write(to: file, values: values)
        return file
    }
}
