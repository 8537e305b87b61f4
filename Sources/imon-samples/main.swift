// Regenerates Samples/: the built-in catalogue as a workbook, the templates
// of one year, synthetic filled-in submissions of every department for three
// years, and submissions with planted mistakes. Deterministic: the same
// files every run. Usage: imon-samples [DIR]
import Monitoring
import Spreadsheet
#if canImport(Glibc)
import Glibc
#endif

let root = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "Samples"
let catalogue = DefaultCatalogue.magdeburg
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

    // Values a careful statistician would not accept.
    var values = synthetic.values(department: "40", year: 2007)
    let file1 = "Amt_40_2007_Werte.xlsx"
    values["B01", "01", "deutsch"] = .string("ca. 50")
    planted.append((file1, "B01", districtCell("B01", "01", "deutsch"), "text where a number belongs: \"ca. 50\""))
    values["B02", "02", "insgesamt"] = .string("12 Pers.")
    planted.append((file1, "B02", districtCell("B02", "02", "insgesamt"), "text where a number belongs: \"12 Pers.\""))
    values["B04", "04", "nichtdeutsch"] = .number(-3)
    planted.append((file1, "B04", districtCell("B04", "04", "nichtdeutsch"), "negative count: -3"))
    values["B05", "06", "insgesamt"] = .string("k.A.")
    planted.append((file1, "B05", districtCell("B05", "06", "insgesamt"), "unknown marker \"k.A.\" (allowed: - . x)"))
    values["B07", "10", "deutsch"] = .number(12.5)
    planted.append((file1, "B07", districtCell("B07", "10", "deutsch"), "fractional count: 12.5"))
    values["B01", "20", "insgesamt"] = .string("1.234")
    planted.append((file1, "B01", districtCell("B01", "20", "insgesamt"), "number stored as text \"1.234\" (warning; German thousands separator)"))
    try SubmissionTemplate(catalogue: catalogue, department: catalogue.department("40")!, year: 2007)
        .write(to: "\(root)/Fehler/\(file1)", values: values)

    // Sums that do not add up.
    values = synthetic.values(department: "51", year: 2007)
    let file2 = "Amt_51_2007_Summen.ods"
    if case .number(let total) = values["J02", "30", "insgesamt"] {
        values["J02", "30", "nichtdeutsch"] = .number(total + 7)
        planted.append((file2, "J02", districtCell("J02", "30", "nichtdeutsch"), "part larger than its total (nichtdeutsch > insgesamt)"))
    }
    if case .number(let total) = values["J02", SubmissionValues.cityTotalKey, "insgesamt"] {
        values["J02", SubmissionValues.cityTotalKey, "insgesamt"] = .number(total + 100)
        planted.append((file2, "J02", totalCell("J02", "insgesamt"), "city total is not the sum of the districts (100 too many)"))
    }
    if case .number(let german) = values["J05", "44", "deutsch"] {
        values["J05", "44", "deutsch"] = .number(german + 5)
        planted.append((file2, "J05", districtCell("J05", "44", "insgesamt"), "parts do not add up to the total (deutsch + nichtdeutsch ≠ insgesamt)"))
        planted.append((file2, "J05", totalCell("J05", "deutsch"), "city total is not the sum of the districts (follows from the row above)"))
    }
    try SubmissionTemplate(catalogue: catalogue, department: catalogue.department("51")!, year: 2007)
        .write(to: "\(root)/Fehler/\(file2)", values: values)

    // Structure: wrong year, a missing district, a renamed sheet.
    values = synthetic.values(department: "BA", year: 2007)
    let file3 = "Amt_BA_2007_Aufbau.xlsx"
    values.enteredYear = 2006
    planted.append((file3, "Angaben", "B4", "reporting year 2006 does not match the template id (2007)"))
    values.omittedDistricts["A01"] = ["38"]
    planted.append((file3, "A01", "B24", "district 38 Reform is missing"))
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
