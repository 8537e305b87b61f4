// Regenerates Samples/: the built-in catalogue as a workbook, the templates
// of one year, synthetic filled-in submissions of every department for three
// years, and submissions with planted mistakes. Deterministic: the same
// files every run. Usage: imon-samples [DIR]
import Monitoring
import Spreadsheet
#if canImport(Glibc)
import Glibc
#endif

let catalogue = DefaultCatalogue.magdeburg
// `imon-samples --submissions N DIR [--version K]`: N filled-in submissions (every
// department, one year after another from 1990), for benchmarks of validate and
// merge. Version K (K > 1) is the same submission sent again: the same values,
// another contact line, so another file that supersedes the earlier one.
if [4, 6].contains(CommandLine.arguments.count), CommandLine.arguments[1] == "--submissions", let count = Int(CommandLine.arguments[2]),
   CommandLine.arguments.count == 4 || (CommandLine.arguments[4] == "--version" && Int(CommandLine.arguments[5]) != nil) {
    let folder = CommandLine.arguments[3]
    let version = CommandLine.arguments.count == 6 ? Int(CommandLine.arguments[5]) ?? 1 : 1
    mkdir(folder, 0o755)
    let departments = catalogue.submittingDepartments
    let generator = SyntheticSubmissions(catalogue: catalogue)
    for n in 0..<count {
        let department = departments[n % departments.count]
        let year = 1990 + n / departments.count
        do {
            try SubmissionTemplate(catalogue: catalogue, department: department, year: year)
                .write(to: "\(folder)/Amt_\(department.code)_\(year).xlsx", values: {
                    var values = generator.values(department: department.code, year: year)
                    if version > 1, case .string(let contact) = values.contactPerson { values.contactPerson = .string("\(contact), Fassung \(version)") }
                    return values
                }())
        } catch {
            var line = Array("imon-samples: \(error)\n".utf8)
            _ = line.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
            exit(2)
        }
    }
    exit(0)
}
let root = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "Samples"
let years = [2005, 2006, 2007]
/// Departments that work with LibreOffice and send ODS.
let odsDepartments: Set<String> = ["41", "13", "LIGA"]
let synthetic = SyntheticSubmissions(catalogue: catalogue)

func folder(_ path: String) { mkdir(path, 0o755) }
func fail(_ message: String) -> Never {
    var line = Array("imon-samples: \(message)\n".utf8)
    _ = line.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
}

folder(root)
do {
    try CatalogueWorkbook.write(catalogue, to: "\(root)/Katalog_Magdeburg.xlsx")
    folder("\(root)/Vorlagen")
    for department in catalogue.submittingDepartments {
        let template = SubmissionTemplate(catalogue: catalogue, department: department, year: 2008)
        try template.write(to: "\(root)/Vorlagen/" + template.fileName(extension: odsDepartments.contains(department.code) ? "ods" : "xlsx"))
    }
    folder("\(root)/Abgaben")
    for year in years {
        folder("\(root)/Abgaben/\(year)")
        for department in catalogue.submittingDepartments {
            let ext = odsDepartments.contains(department.code) ? "ods" : "xlsx"
            let template = SubmissionTemplate(catalogue: catalogue, department: department, year: year)
            try template.write(to: "\(root)/Abgaben/\(year)/Amt_\(department.code)_\(year).\(ext)",
                               values: synthetic.values(department: department.code, year: year))
        }
    }
    folder("\(root)/Fehler")
    var planted: [(file: String, sheet: String, cell: String, what: String)] = []
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
    planted.append((file1, "B01", districtCell("B01", "01", "deutsch"), "text where a number belongs: \"ca. 50\""))
    let total20 = Int(number(values["B01", "20", "insgesamt"]))
    let germanText = total20 >= 1000 ? "\(total20 / 1000).\(String(String(total20 % 1000 + 1000).dropFirst()))" : "\(total20)"
    values["B01", "20", "insgesamt"] = .string(germanText)
    planted.append((file1, "B01", districtCell("B01", "20", "insgesamt"), "number stored as text \"\(germanText)\" (warning; read as \(total20))"))
    values["B02", "02", "insgesamt"] = .string("12 Pers.")
    planted.append((file1, "B02", districtCell("B02", "02", "insgesamt"), "text where a number belongs: \"12 Pers.\""))
    let foreign04 = number(values["B04", "04", "nichtdeutsch"])
    values["B04", "04", "nichtdeutsch"] = .number(-3)
    values["B04", "04", "insgesamt"] = .number(number(values["B04", "04", "insgesamt"]) - foreign04 - 3)
    values["B04", city, "nichtdeutsch"] = .number(number(values["B04", city, "nichtdeutsch"]) - foreign04 - 3)
    values["B04", city, "insgesamt"] = .number(number(values["B04", city, "insgesamt"]) - foreign04 - 3)
    planted.append((file1, "B04", districtCell("B04", "04", "nichtdeutsch"), "negative count: -3 (row and city totals changed with it)"))
    values["B05", "06", "insgesamt"] = .string("k.A.")
    planted.append((file1, "B05", districtCell("B05", "06", "insgesamt"), "unknown marker \"k.A.\" (allowed: - . x)"))
    values["B07", "10", "deutsch"] = .number(number(values["B07", "10", "deutsch"]) + 0.5)
    planted.append((file1, "B07", districtCell("B07", "10", "deutsch"), "fractional count (x.5)"))
    planted.append((file1, "B07", districtCell("B07", "10", "insgesamt"), "follows: the parts no longer add up to the total"))
    planted.append((file1, "B07", totalCell("B07", "deutsch"), "follows: the districts no longer add up to the city total"))
    try SubmissionTemplate(catalogue: catalogue, department: catalogue.department("40")!, year: 2007)
        .write(to: "\(root)/Fehler/\(file1)", values: values)

    // Sums that do not add up.
    values = synthetic.values(department: "51", year: 2007)
    let file2 = "Amt_51_2007_Summen.ods"
    let total30 = number(values["J02", "30", "insgesamt"]), foreign30 = number(values["J02", "30", "nichtdeutsch"])
    values["J02", "30", "nichtdeutsch"] = .number(total30 + 7)
    values["J02", city, "nichtdeutsch"] = .number(number(values["J02", city, "nichtdeutsch"]) - foreign30 + total30 + 7)
    planted.append((file2, "J02", districtCell("J02", "30", "nichtdeutsch"), "part larger than its total (nichtdeutsch > insgesamt)"))
    planted.append((file2, "J02", totalCell("J02", "insgesamt"), "follows: at the city, deutsch + nichtdeutsch ≠ insgesamt"))
    values["J05", city, "deutsch"] = .number(number(values["J05", city, "deutsch"]) + 100)
    values["J05", city, "insgesamt"] = .number(number(values["J05", city, "insgesamt"]) + 100)
    planted.append((file2, "J05", totalCell("J05", "insgesamt"), "city total is not the sum of the districts"))
    planted.append((file2, "J05", totalCell("J05", "deutsch"), "city total is not the sum of the districts (100 too many)"))
    let foreign44 = number(values["J05", "44", "nichtdeutsch"])
    values["J05", "44", "nichtdeutsch"] = .number(max(0, foreign44 - 2))
    values["J05", city, "nichtdeutsch"] = .number(number(values["J05", city, "nichtdeutsch"]) - min(2, foreign44))
    values["J05", city, "insgesamt"] = .number(number(values["J05", city, "insgesamt"]) - min(2, foreign44))
    planted.append((file2, "J05", districtCell("J05", "44", "insgesamt"), "parts do not add up to the total (deutsch + nichtdeutsch ≠ insgesamt)"))
    try SubmissionTemplate(catalogue: catalogue, department: catalogue.department("51")!, year: 2007)
        .write(to: "\(root)/Fehler/\(file2)", values: values)

    // Structure: wrong year, a missing district, a renamed sheet.
    values = synthetic.values(department: "BA", year: 2007)
    let file3 = "Amt_BA_2007_Aufbau.xlsx"
    values.enteredYear = 2006
    planted.append((file3, "Angaben", "B4", "reporting year 2006 does not match the template id (2007)"))
    values.omittedDistricts["A01"] = ["38"]
    // The name column of the row where 38 belongs.
    let reformRow = SubmissionTemplate.headerRow + 1 + (catalogue.districts.firstIndex { $0.number == "38" } ?? 0)
    planted.append((file3, "A01", CellReference(row: reformRow, column: 1).description,
                    "district 38 Reform is missing (pointed at the row where it belongs)"))
    values.renamedSheets["A04"] = "Arbeitslose"
    planted.append((file3, "Arbeitslose", "A1", "sheet renamed (it holds indicator A04; warning)"))
    try SubmissionTemplate(catalogue: catalogue, department: catalogue.department("BA")!, year: 2007)
        .write(to: "\(root)/Fehler/\(file3)", values: values)

    var readme = """
        # Planted mistakes

        Copies of synthetic submissions with mistakes put in on purpose, for
        `imon validate` to find. Regenerated with `scripts/make-samples`.

        | file | sheet | cell | what is wrong |
        | --- | --- | --- | --- |

        """
    for p in planted { readme += "| \(p.file) | \(p.sheet) | \(p.cell) | \(p.what) |\n" }
    try Array(readme.utf8).withUnsafeBytes { bytes in
        guard let f = fopen("\(root)/Fehler/README.md", "w") else { fail("cannot write \(root)/Fehler/README.md") }
        fwrite(bytes.baseAddress, 1, bytes.count, f)
        fclose(f)
    }
} catch {
    fail("\(error)")
}

extension String {
    /// `C6` with another row: `C46`.
    func replacingRow(_ row: Int) -> String {
        String(prefix { $0.isLetter }) + String(row + 1)
    }
}
