import CommandArguments
import Monitoring
#if canImport(Glibc)
import Glibc
#endif

struct TemplateCommand: Command {
    static let catalogue = CommandParameters.catalogue
    static let department = Parameter.option("department", help: "The department's code (as in the catalogue's sheet Ämter).")
    static let all = Parameter.flag("all", help: "One template for every department that delivers indicators.")
    static let year = Parameter.option("year", help: "The reporting year.", required: true)
    static let output = Parameter.option("output", short: "o", help: "The workbook to write (.xlsx, .ods), or with --all the folder.",
                                         required: true)
    static let format = Parameter.option("format", help: "The folder's workbooks' format with --all.", choices: ["xlsx", "ods"],
                                         default: "xlsx")
    static let lang = CommandParameters.language("Language of the workbook.")

    static let spec = CommandSpec(
        "template",
        abstract: "Write the workbook a department fills in for a reporting year.",
        discussion: "With --all, one workbook per department into the folder given with -o.",
        parameters: [catalogue, department, all, year, output, format, lang]) { try TemplateCommand($0) }

    let catalogue: String?
    let department: String?
    let all: Bool
    let year: Int
    let output: String
    let format: String
    let language: Language

    init(_ arguments: ParsedArguments) throws {
        catalogue = try arguments.optionalValue(Self.catalogue)
        department = try arguments.optionalValue(Self.department)
        all = arguments.flag(Self.all)
        year = try arguments.value(Self.year)
        output = try arguments.value(Self.output)
        format = try arguments.value(Self.format)
        language = try arguments.value(Self.lang)
        if all == (department != nil) { throw arguments.refuse("give either --department CODE or --all") }
        if !(1990...2100).contains(year) { throw arguments.refuse("--year \(year) is not a plausible reporting year") }
    }

    func run() throws {
        if !all { try DistinctFiles.require(outputs: [("--output", output)], inputs: [("--catalogue", self.catalogue)]) }
        let catalogue = try CatalogueSource.load(self.catalogue)
        if all {
            mkdir(output, 0o755)
            // Templates of an earlier run are replaced; two codes that make the same name get numbered ones.
            var names = FolderOutputNames(folder: output, mayReplace: { _ in true })
            for department in catalogue.submittingDepartments {
                let template = SubmissionTemplate(catalogue: catalogue, department: department, year: year, language: language)
                let path = names.path(for: template.fileName(extension: format))
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
