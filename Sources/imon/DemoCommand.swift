import CommandArguments
import Monitoring
import MonitoringStore
import Reporting
#if canImport(Glibc)
import Glibc
#endif

struct DemoCommand: Command {
    static let output = Parameter.option("output", short: "o", help: "The folder to write into.", default: "imon-demo")
    static let samples = Parameter.option("samples", help: """
        The folder with the sample submissions (Samples/Abgaben and Samples/Fehler); where there is none, \
        the demo writes the same synthetic submissions into OUTPUT/Beispiele first.
        """, default: "Samples")
    static let lang = CommandParameters.language("Language of what the demo prints and writes.")

    static let spec = CommandSpec(
        "demo",
        abstract: "The whole flow on the built-in catalogue and the synthetic samples, into a folder.",
        discussion: """
            Writes the templates of a year, validates the sample submissions (the ones with planted \
            mistakes too, with annotated feedback copies), merges the valid ones into a fresh store and \
            writes the report as XLSX, ODS and HTML. Everything the demo uses is synthetic.
            """,
        parameters: [output, samples, lang]) { try DemoCommand($0) }

    let output: String
    let samples: String
    let language: Language

    init(_ arguments: ParsedArguments) throws {
        output = try arguments.value(Self.output)
        samples = try arguments.value(Self.samples)
        language = try arguments.value(Self.lang)
    }

    func run() throws {
        let catalogue = DefaultCatalogue.magdeburg
        let l = language
        mkdir(output, 0o755)
        func say(_ text: String) { print(text) }
        func fail(_ path: String, _ error: any Error) -> CommandFailure { CommandFailure(file: path, error: error) }

        say(l("1. Vorlagen für 2008, eine je Amt:", "1. Templates for 2008, one per department:"))
        mkdir(output + "/Vorlagen", 0o755)
        for department in catalogue.submittingDepartments {
            let template = SubmissionTemplate(catalogue: catalogue, department: department, year: 2008, language: l)
            let path = output + "/Vorlagen/" + template.fileName(extension: "xlsx")
            do { try template.write(to: path) } catch { throw fail(path, error) }
        }
        say(l("   \(catalogue.submittingDepartments.count) Arbeitsmappen in \(output)/Vorlagen",
              "   \(catalogue.submittingDepartments.count) workbooks in \(output)/Vorlagen"))

        // Outside the checkout there is no Samples folder: make the same synthetic submissions.
        var samples = self.samples
        var info = stat()
        if stat(samples + "/Abgaben", &info) != 0 {
            samples = output + "/Beispiele"
            mkdir(samples, 0o755)
            do { _ = try DemoSamples.write(to: samples, catalogue: catalogue) } catch { throw fail(samples, error) }
            say(l("   (keine Beispielabgaben in \(self.samples): synthetische Abgaben in \(samples) geschrieben)",
                  "   (no sample submissions in \(self.samples): synthetic ones written to \(samples))"))
        }
        let submissions = try SubmissionFiles.expand([samples + "/Abgaben"])
        let mistakes = try SubmissionFiles.expand([samples + "/Fehler"])
        say(l("\n2. Prüfung von \(submissions.count) Abgaben und \(mistakes.count) mit eingebauten Fehlern:",
              "\n2. Validating \(submissions.count) submissions and \(mistakes.count) with planted mistakes:"))
        let validator = Validator(catalogue: catalogue)
        mkdir(output + "/Rueckmeldungen", 0o755)
        var reports: [FileReport] = []
        var feedbackNames = FolderOutputNames(folder: output + "/Rueckmeldungen", mayReplace: FeedbackCopy.isFeedbackCopy)
        for file in submissions + mistakes {
            let (report, submission) = validator.validate(file: file)
            reports.append(report)
            if report.errors + report.warnings > 0, let submission {
                let name = file.split(separator: "/").last.map(String.init) ?? file
                let target = feedbackNames.path(for: FeedbackCopy.namePrefix(l) + name)
                do { try FeedbackWorkbook.write(submission.workbook, report: report, language: l, source: file, to: target) } catch { throw fail(target, error) }
            }
        }
        print(ValidationReport.text(reports.filter { $0.errors + $0.warnings > 0 }, language: l), terminator: "")
        say(l("   Rückmeldedateien in \(output)/Rueckmeldungen", "   feedback copies in \(output)/Rueckmeldungen"))

        say(l("\n3. Übernahme in einen neuen Datenbestand:", "\n3. Merging into a fresh store:"))
        let storePath = output + "/monitoring.sqlite"
        for suffix in ["", "-wal", "-shm", ".lock"] { unlink(storePath + suffix) }
        let store = try openStore(storePath, create: true)
        let items = (submissions + mistakes).map { PreparedSubmission.prepare(file: $0, validator: validator) }
        let results: [MergeResult]
        do { results = try store.merge(items, catalogue: catalogue, prefer: nil, user: currentUser()) } catch { throw fail(storePath, error) }
        let imported = results.filter { if case .imported = $0.outcome { return true } else { return false } }.count
        let rejected = results.filter { if case .rejected = $0.outcome { return true } else { return false } }.count
        let observations: Int
        do { observations = try store.currentObservationCount() } catch { throw fail(storePath, error) }
        say(l("   \(imported) übernommen, \(rejected) abgelehnt; \(l.number(observations)) Beobachtungen in \(storePath)",
              "   \(imported) imported, \(rejected) rejected; \(observations) observations in \(storePath)"))

        say(l("\n4. Die Lageberichte 2005 bis 2007, jeder auf dem, was der vorige veröffentlicht hat:",
              "\n4. The situation reports for 2005 to 2007, each built on what the one before published:"))
        let table: ObservationTable
        do { table = try store.observationTable() } catch { throw fail(storePath, error) }
        var latest: SituationReport?
        let clock = ContinuousClock()
        for year in [2005, 2006, 2007] where table.years.contains(year) {
            var report: SituationReport?
            let time = try clock.measure {
                // Each report builds on what the store recorded for the ones before.
                let earlier: [PublishedPattern]
                do { earlier = try store.publishedPatterns(before: year) } catch { throw fail(storePath, error) }
                do { report = try SituationReport(catalogue: catalogue, table: table, year: year, language: l, earlier: earlier) } catch {
                    throw CommandFailure(file: output + "/Lagebericht_\(year).xlsx", location: "publication \(year)", reason: "not written: \(error)")
                }
            }
            guard var report else { continue }
            do { report.openConflicts = try store.openConflicts(year: year) } catch { throw fail(storePath, error) }
            let base = output + "/Lagebericht_\(year)"
            let writers: [(String, () throws -> Void)] = [
                (base + ".xlsx", { try SummaryWorkbook.write(report, to: base + ".xlsx") }),
                (base + ".ods", { try SummaryWorkbook.write(report, to: base + ".ods") }),
                (base + ".html", { try HTMLReport.write(report, to: base + ".html") }),
                (base + ".json", { try JSONStatPublication.write(report, to: base + ".json") }),
            ]
            for (path, write) in writers {
                do { try write() } catch { throw fail(path, error) }
            }
            say("   \(base).xlsx, .ods, .html, .json")
            say("     " + ProtectionSummary.line(report.publication.statistics, audit: report.audit, l) + "; \(ProtectionSummary.seconds(time, l))")
            do { try store.recordPublication(PublishedPattern(report.publication), by: currentUser()) } catch { throw fail(storePath, error) }
            latest = report
        }
        guard let report = latest else { return }
        let synthetic = SyntheticPublicationTables.make(districts: 40, indicators: 40, years: 10)
        var syntheticResult: (Publication, DisclosureAudit)?
        let syntheticTime = try clock.measure {
            do { syntheticResult = try synthetic.build() } catch { throw CommandFailure(file: nil, location: "synthetic publication", reason: "\(error)") }
        }
        if let (p, audit) = syntheticResult {
            say(l("   Sperrung und Prüfung für 40 Stadtteile × 40 Indikatoren × 10 Jahre (synthetisch): ",
                  "   Suppression and audit on 40 districts × 40 indicators × 10 years (synthetic): ")
                + ProtectionSummary.seconds(syntheticTime, l) + "; " + ProtectionSummary.line(p.statistics, audit: audit, l))
        }
        /// One decimal, as the language writes it: 17,9 or 17.9.
        func tenths(_ x: Double) -> String { l.number((x * 10).rounded() / 10) }
        let goals = report.goals.map { g in
            l("   Ziel \(g.goal.priority): \(g.current.map(tenths) ?? "–") (Ziel \(tenths(g.goal.targetValue)) bis \(g.goal.targetYear)), "
                + (g.onTrack == true ? "im Plan" : "nicht im Plan"),
              "   Goal \(g.goal.priority): \(g.current.map(tenths) ?? "–") (target \(tenths(g.goal.targetValue)) by \(g.goal.targetYear)), "
                + (g.onTrack == true ? "on track" : "not on track"))
        }
        goals.forEach(say)
        say(l("\nFertig. \(output)/Lagebericht_2007.html im Browser öffnen, die Arbeitsmappen in Excel oder LibreOffice.",
              "\nDone. Open \(output)/Lagebericht_2007.html in a browser, or the workbooks in Excel or LibreOffice."))
    }
}
