import ArgumentParser
import Monitoring
#if canImport(Glibc)
import Glibc
#endif

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write the workbook a department fills in for a reporting year.",
        discussion: "With --all, one workbook per department into the folder given with -o.")

    @Option(help: "A catalogue workbook; the built-in default when left out.")
    var catalogue: String?

    @Option(help: "The department's code (as in the catalogue's sheet Ämter).")
    var department: String?

    @Flag(help: "One template for every department that delivers indicators.")
    var all = false

    @Option(help: "The reporting year.")
    var year: Int

    @Option(name: .shortAndLong, help: "The workbook to write (.xlsx, .ods), or with --all the folder.")
    var output: String

    @Option(help: "The folder's workbooks' format with --all: xlsx or ods.")
    var format: String = "xlsx"

    @Option(help: "Language of the workbook: de or en.")
    var lang: String = "de"

    func validate() throws {
        if all == (department != nil) { throw ValidationError("give either --department CODE or --all") }
        if Language(rawValue: lang) == nil { throw ValidationError("--lang is de or en") }
        if !(1990...2100).contains(year) { throw ValidationError("--year \(year) is not a plausible reporting year") }
        if !["xlsx", "ods"].contains(format) { throw ValidationError("--format is xlsx or ods") }
    }

    func run() throws {
        let catalogue = try CatalogueSource.load(self.catalogue)
        let language = Language(rawValue: lang) ?? .de
        if all {
            mkdir(output, 0o755)
            for department in catalogue.submittingDepartments {
                let template = SubmissionTemplate(catalogue: catalogue, department: department, year: year, language: language)
                let path = output + "/" + template.fileName(extension: format)
                try write(template, to: path)
            }
            return
        }
        guard let code = department, let found = catalogue.department(code) else {
            throw CommandFailure(file: self.catalogue, location: "department \"\(department ?? "")\"",
                                 reason: "not in the catalogue (it has " + catalogue.departments.map(\.code).joined(separator: ", ") + ")")
        }
        let template = SubmissionTemplate(catalogue: catalogue, department: found, year: year, language: language)
        if template.indicators.isEmpty {
            throw CommandFailure(file: self.catalogue, location: "department \(code)", reason: "delivers no indicator in this catalogue")
        }
        try write(template, to: output)
    }

    private func write(_ template: SubmissionTemplate, to path: String) throws {
        do {
            try template.write(to: path)
        } catch {
            throw CommandFailure(file: path, error: error)
        }
        print("wrote \(path) (\(template.indicators.count) indicator\(template.indicators.count == 1 ? "" : "s"), template id \(template.id))")
    }
}
