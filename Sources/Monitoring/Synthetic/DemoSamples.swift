import Spreadsheet
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The synthetic submissions of the demo and of `Samples/`: every
/// department's filled-in workbook for 2005 to 2007 (`Abgaben/YEAR/`), and
/// three with mistakes planted on purpose (`Fehler/`). Deterministic: the
/// same files every run, so that `imon demo` works from any folder.
public enum DemoSamples {
    public static let years = [2005, 2006, 2007]
    /// Departments that work with LibreOffice and send ODS.
    public static let odsDepartments: Set<String> = ["41", "13", "LIGA"]

    /// One planted mistake: file, sheet, cell and what is wrong.
    public struct Planted: Sendable {
        public var file: String
        public var sheet: String
        public var cell: String
        public var what: String
    }

    /// Writes `Abgaben/` and `Fehler/` under `root` (which must exist) and returns the planted mistakes.
    public static func write(to root: String, catalogue: Catalogue = DefaultCatalogue.magdeburg) throws -> [Planted] {
        let synthetic = SyntheticSubmissions(catalogue: catalogue)
        func folder(_ path: String) throws {
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
                throw WriteError.io("\(path): cannot create the folder: " + String(cString: strerror(errno)))
            }
        }
        func department(_ code: String) throws -> Department {
            guard let d = catalogue.department(code) else { throw WriteError.io("the catalogue has no department \(code)") }
            return d
        }
        var planted: [Planted] = []
        func plant(_ p: (String, String, String, String)) { planted.append(Planted(file: p.0, sheet: p.1, cell: p.2, what: p.3)) }
        try folder("\(root)/Abgaben")
        for year in years {
            try folder("\(root)/Abgaben/\(year)")
            for department in catalogue.submittingDepartments {
                let ext = odsDepartments.contains(department.code) ? "ods" : "xlsx"
                let template = SubmissionTemplate(catalogue: catalogue, department: department, year: year)
                try template.write(to: "\(root)/Abgaben/\(year)/Amt_\(department.code)_\(year).\(ext)",
                                   values: synthetic.values(department: department.code, year: year))
            }
        }
        try folder("\(root)/Fehler")
        func districtCell(_ indicator: String, _ district: String, _ category: String, omitted: Set<String> = []) -> String {
            let rows = catalogue.districts.filter { !omitted.contains($0.number) }
            let row = SubmissionTemplate.headerRow + 1 + (rows.firstIndex { $0.number == district } ?? 0)
            let column = SubmissionTemplate.firstValueColumn + (catalogue.indicator(indicator)?.categories.firstIndex(of: category) ?? 0)
            return CellReference(row: row, column: column).description
        }
        func totalCell(_ indicator: String, _ category: String) -> String {
            districtCell(indicator, "", category).replacingRow(SubmissionTemplate.headerRow + 1 + catalogue.districts.count)
        }

        func number(_ v: CellValue) -> Double {
            if case .number(let n) = v { return n }
            return 0
        }
        let city = SubmissionValues.cityTotalKey

        // Values a careful statistician would not accept. Where a planted value
        // changes a sum, the totals are changed with it, so that each mistake
        // shows once (the findings that follow from it are listed too).
        var values = synthetic.values(department: "40", year: 2007)
        let file1 = "Amt_40_2007_Werte.xlsx"
        values["B01", "01", "deutsch"] = .string("ca. 50")
        plant((file1, "B01", districtCell("B01", "01", "deutsch"), "text where a number belongs: \"ca. 50\""))
        let total20 = Int(number(values["B01", "20", "insgesamt"]))
        let germanText = total20 >= 1000 ? "\(total20 / 1000).\(String(String(total20 % 1000 + 1000).dropFirst()))" : "\(total20)"
        values["B01", "20", "insgesamt"] = .string(germanText)
        plant((file1, "B01", districtCell("B01", "20", "insgesamt"), "number stored as text \"\(germanText)\" (warning; read as \(total20))"))
        values["B02", "02", "insgesamt"] = .string("12 Pers.")
        plant((file1, "B02", districtCell("B02", "02", "insgesamt"), "text where a number belongs: \"12 Pers.\""))
        let foreign04 = number(values["B04", "04", "nichtdeutsch"])
        values["B04", "04", "nichtdeutsch"] = .number(-3)
        values["B04", "04", "insgesamt"] = .number(number(values["B04", "04", "insgesamt"]) - foreign04 - 3)
        values["B04", city, "nichtdeutsch"] = .number(number(values["B04", city, "nichtdeutsch"]) - foreign04 - 3)
        values["B04", city, "insgesamt"] = .number(number(values["B04", city, "insgesamt"]) - foreign04 - 3)
        plant((file1, "B04", districtCell("B04", "04", "nichtdeutsch"), "negative count: -3 (row and city totals changed with it)"))
        values["B05", "06", "insgesamt"] = .string("k.A.")
        plant((file1, "B05", districtCell("B05", "06", "insgesamt"), "unknown marker \"k.A.\" (allowed: - . x)"))
        values["B07", "10", "deutsch"] = .number(number(values["B07", "10", "deutsch"]) + 0.5)
        plant((file1, "B07", districtCell("B07", "10", "deutsch"), "fractional count (x.5)"))
        plant((file1, "B07", districtCell("B07", "10", "insgesamt"), "follows: the parts no longer add up to the total"))
        plant((file1, "B07", totalCell("B07", "deutsch"), "follows: the districts no longer add up to the city total"))
        try SubmissionTemplate(catalogue: catalogue, department: department("40"), year: 2007)
            .write(to: "\(root)/Fehler/\(file1)", values: values)

        // Sums that do not add up.
        values = synthetic.values(department: "51", year: 2007)
        let file2 = "Amt_51_2007_Summen.ods"
        let total30 = number(values["J02", "30", "insgesamt"]), foreign30 = number(values["J02", "30", "nichtdeutsch"])
        values["J02", "30", "nichtdeutsch"] = .number(total30 + 7)
        values["J02", city, "nichtdeutsch"] = .number(number(values["J02", city, "nichtdeutsch"]) - foreign30 + total30 + 7)
        plant((file2, "J02", districtCell("J02", "30", "nichtdeutsch"), "part larger than its total (nichtdeutsch > insgesamt)"))
        plant((file2, "J02", totalCell("J02", "insgesamt"), "follows: at the city, deutsch + nichtdeutsch ≠ insgesamt"))
        values["J05", city, "deutsch"] = .number(number(values["J05", city, "deutsch"]) + 100)
        values["J05", city, "insgesamt"] = .number(number(values["J05", city, "insgesamt"]) + 100)
        plant((file2, "J05", totalCell("J05", "insgesamt"), "city total is not the sum of the districts"))
        plant((file2, "J05", totalCell("J05", "deutsch"), "city total is not the sum of the districts (100 too many)"))
        let foreign44 = number(values["J05", "44", "nichtdeutsch"])
        values["J05", "44", "nichtdeutsch"] = .number(max(0, foreign44 - 2))
        values["J05", city, "nichtdeutsch"] = .number(number(values["J05", city, "nichtdeutsch"]) - min(2, foreign44))
        values["J05", city, "insgesamt"] = .number(number(values["J05", city, "insgesamt"]) - min(2, foreign44))
        plant((file2, "J05", districtCell("J05", "44", "insgesamt"), "parts do not add up to the total (deutsch + nichtdeutsch ≠ insgesamt)"))
        try SubmissionTemplate(catalogue: catalogue, department: department("51"), year: 2007)
            .write(to: "\(root)/Fehler/\(file2)", values: values)

        // Structure: wrong year, a missing district, a renamed sheet.
        values = synthetic.values(department: "BA", year: 2007)
        let file3 = "Amt_BA_2007_Aufbau.xlsx"
        values.enteredYear = 2006
        plant((file3, "Angaben", "B4", "reporting year 2006 does not match the template id (2007)"))
        values.omittedDistricts["A01"] = ["38"]
        // The name column of the row where 38 belongs.
        let reformRow = SubmissionTemplate.headerRow + 1 + (catalogue.districts.firstIndex { $0.number == "38" } ?? 0)
        plant((file3, "A01", CellReference(row: reformRow, column: 1).description,
               "district 38 Reform is missing (pointed at the row where it belongs)"))
        values.renamedSheets["A04"] = "Arbeitslose"
        plant((file3, "Arbeitslose", "A1", "sheet renamed (it holds indicator A04; warning)"))
        try SubmissionTemplate(catalogue: catalogue, department: department("BA"), year: 2007)
            .write(to: "\(root)/Fehler/\(file3)", values: values)
        return planted
    }
}

extension String {
    /// `C6` with another row: `C46`.
    func replacingRow(_ row: Int) -> String {
        String(prefix { $0.isLetter }) + String(row + 1)
    }
}
