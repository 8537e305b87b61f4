import Monitoring
import WorkbookIO
import XCTest

/// File names made from catalogue or workbook content name one file inside
/// the folder they are joined to (issue 21, item 2).
final class FileNameSafetyTests: XCTestCase {
    func testPathSeparatorsAndLeadingDotsCannotLeaveTheFolder() {
        XCTAssertEqual(SafeFileName.component("x/../../esc"), "x_.._.._esc")
        XCTAssertEqual(SafeFileName.component("..\\..\\Windows\\win.ini"), "_.._Windows_win.ini")
        XCTAssertEqual(SafeFileName.component(".."), "_")
        XCTAssertEqual(SafeFileName.component("../.."), "_")
        XCTAssertEqual(SafeFileName.component(".profile"), "profile")
        XCTAssertEqual(SafeFileName.component(""), "_")
        XCTAssertEqual(SafeFileName.component("   "), "_")
    }

    func testControlBidiAndWindowsCharactersBecomeUnderscores() {
        XCTAssertEqual(SafeFileName.component("a\u{1B}[2J\u{07}b"), "a_[2J_b")
        XCTAssertEqual(SafeFileName.component("Amt\u{202E}xslx.exe"), "Amt_xslx.exe")
        XCTAssertEqual(SafeFileName.component("a<b>c:d\"e|f?g*h\ni"), "a_b_c_d_e_f_g_h_i")
        XCTAssertEqual(SafeFileName.component("Amt 40. "), "Amt 40")
        XCTAssertEqual(SafeFileName.component("NUL.xlsx"), "_NUL.xlsx")
        XCTAssertEqual(SafeFileName.component("Prüfung_Amt_40.xlsx"), "Prüfung_Amt_40.xlsx")
    }

    func testLongNamesAreCutAtACharacterWithinTheByteLimit() {
        let name = SafeFileName.component(String(repeating: "ä", count: 200), maxBytes: 121)
        XCTAssertEqual(name, String(repeating: "ä", count: 60))
        XCTAssertLessThanOrEqual(name.utf8.count, 121)
    }

    func testATemplateFileNameIsOneNameWhateverTheDepartmentCode() throws {
        let catalogue = DefaultCatalogue.magdeburg
        var department = try XCTUnwrap(catalogue.submittingDepartments.first)
        for code in ["x/../../esc", "..", "/etc/passwd", "a\\b", "\u{1B}]0;x\u{07}"] {
            department.code = code
            let name = SubmissionTemplate(catalogue: catalogue, department: department, year: 2007).fileName(extension: "xlsx")
            XCTAssertFalse(name.contains("/") || name.contains("\\") || name.hasPrefix("."), name)
            XCTAssertFalse(name.unicodeScalars.contains { $0.value < 0x20 }, name)
            XCTAssertTrue(name.hasPrefix("Vorlage_2007_Amt_") && name.hasSuffix(".xlsx"), name)
        }
    }
}
