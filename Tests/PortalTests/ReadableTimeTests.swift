import Foundation
import Monitoring
import XCTest
@testable import Portal

final class ReadableTimeTests: XCTestCase {
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    func testAStoredUTCTimeIsShownInTheServersTimeZoneAsPeopleReadIt() {
        XCTAssertEqual(ReadableTime.text("2026-12-07T13:03:12Z", language: .de, timeZone: berlin), "07.12.2026, 14:03")
        XCTAssertEqual(ReadableTime.text("2026-07-01T22:30:00.250Z", language: .de, timeZone: berlin), "02.07.2026, 00:30", "summer time, next day")
        XCTAssertEqual(ReadableTime.text("2026-12-07T13:03:12Z", language: .en, timeZone: berlin), "2026-12-07 14:03")
        XCTAssertEqual(ReadableTime.html("2026-12-07T13:03:12Z", language: .de, timeZone: berlin),
                       "<time datetime=\"2026-12-07T13:03:12Z\">07.12.2026, 14:03</time>")
    }

    func testTextThatIsNoTimestampIsShownAsItIsAndEscaped() {
        XCTAssertNil(ReadableTime.text("gestern", language: .de, timeZone: berlin))
        XCTAssertEqual(ReadableTime.html("<b>gestern</b>", language: .de, timeZone: berlin), "&lt;b&gt;gestern&lt;/b&gt;")
    }
}
