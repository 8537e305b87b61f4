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
let odsDepartments = DemoSamples.odsDepartments

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
    let planted = try DemoSamples.write(to: root, catalogue: catalogue)
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
