/// Catalogue findings in words, German or English: the one place their
/// messages are written.
public enum CatalogueFindingText {
    /// What is wrong, for the coordinator who keeps the catalogue.
    public static func message(_ kind: CatalogueFindingKind, _ l: Language) -> String {
        let n = l.number(_:) as (Double) -> String
        switch kind {
        case .missingSheet(let name):
            return l("Das Blatt „\(name)“ fehlt", "the sheet \"\(name)\" is missing")
        case .notAWholeNumber(let found):
            return l("„\(found)“ ist keine ganze Zahl", "\"\(found)\" is not a whole number")
        case .notANumber(let found):
            return l("„\(found)“ ist keine Zahl", "\"\(found)\" is not a number")
        case .fieldMissing(let i):
            return l("Indikator \(i): das Handlungsfeld fehlt", "indicator \(i): the field of action is missing")
        case .goalNumbersMissing(let i):
            return l("Ziel zu \(i): Handlungsfeld, Basis und Ziel brauchen Zahlen", "goal on \(i): field, baseline and target need numbers")
        case .unknownUnit(let i, let found, let allowed):
            return l("Indikator \(i): die Einheit „\(found)“ ist keine von \(allowed.joined(separator: ", "))",
                     "indicator \(i): unit \"\(found)\" is not one of \(allowed.joined(separator: ", "))")
        case .unknownDirection(let i, let found, let allowed):
            return l("Indikator \(i): die Richtung „\(found)“ ist keine von \(allowed.joined(separator: ", "))",
                     "indicator \(i): direction \"\(found)\" is not one of \(allowed.joined(separator: ", "))")
        case .unknownLevel(let i, _):
            return l("Indikator \(i): die räumliche Ebene muss Stadtteile oder Gesamtstadt sein",
                     "indicator \(i): spatial level must be Stadtteile or Gesamtstadt")
        case .duplicateField(let code):
            return l("Handlungsfeld \(code) steht doppelt", "field of action \(code) is listed twice")
        case .duplicateDistrictNumber(let number):
            return l("Stadtteil-Nummer \(number) steht doppelt", "district number \(number) is listed twice")
        case .duplicateDistrictName(let name):
            return l("Stadtteil „\(name)“ steht doppelt", "district \"\(name)\" is listed twice")
        case .duplicateDepartment(let code):
            return l("Amt \(code) steht doppelt", "department \(code) is listed twice")
        case .duplicateIndicator(let code):
            return l("Kennziffer \(code) ist doppelt vergeben", "indicator code \(code) is used twice")
        case .unknownField(let i, let field):
            return l("Indikator \(i): Handlungsfeld \(field) gibt es nicht", "indicator \(i): field of action \(field) does not exist")
        case .unknownDepartment(let i, let department):
            return l("Indikator \(i): das Amt „\(department)“ steht nicht auf dem Blatt \(CatalogueWorkbook.departmentsSheet)",
                     "indicator \(i): department \"\(department)\" is not in the sheet \(CatalogueWorkbook.departmentsSheet)")
        case .noCategories(let i):
            return l("Indikator \(i) hat keine Aufgliederung (mindestens „insgesamt“)",
                     "indicator \(i) has no breakdown category (at least \"insgesamt\")")
        case .minimumAboveMaximum(let i, let min, let max):
            return l("Indikator \(i): das Minimum \(n(min)) liegt über dem Maximum \(n(max))",
                     "indicator \(i): minimum \(n(min)) is above maximum \(n(max))")
        case .negativeCountMinimum(let i, let min):
            return l("Indikator \(i): eine Anzahl kann nicht negativ sein (Minimum \(n(min)))",
                     "indicator \(i): a count cannot be negative (minimum \(n(min)))")
        case .percentOutOfRange(let i):
            return l("Indikator \(i): ein Prozentwert liegt zwischen 0 und 100", "indicator \(i): a percentage lies between 0 and 100")
        case .perThousandOutOfRange(let i):
            return l("Indikator \(i): ein Wert je 1000 liegt zwischen 0 und 1000", "indicator \(i): a value per 1000 lies between 0 and 1000")
        case .negativeMinimumCases(let i):
            return l("Indikator \(i): die Mindestfallzahl kann nicht negativ sein", "indicator \(i): the minimum case number cannot be negative")
        case .rateNotDerived(let i, let unit):
            return l("Indikator \(i) ist eine Quote (\(unit)), nennt aber weder Zähler noch Nenner; Quoten werden aus Anzahlen berechnet, nie abgefragt",
                     "indicator \(i) is a rate (\(unit)) but names no numerator and denominator; rates are derived from counts, never submitted")
        case .rateIncomplete(let i, let missing):
            return l("Indikator \(i) nennt keinen \(role(missing, l))", "indicator \(i) names no \(role(missing, l))")
        case .rateUnknownIndicator(let i, let r, let part):
            return l("Indikator \(i): sein \(role(r, l)) \(part) existiert nicht", "indicator \(i): its \(role(r, l)) \(part) does not exist")
        case .rateOfNonCount(let i, let r, let part):
            return l("Indikator \(i): sein \(role(r, l)) \(part) ist keine abgefragte Anzahl",
                     "indicator \(i): its \(role(r, l)) \(part) is not a submitted count")
        case .denominatorCategoryUnknown(let i, let d, let category):
            return l("Indikator \(i): der Nenner \(d) hat keine Kategorie „\(category)“",
                     "indicator \(i): the denominator \(d) has no category \"\(category)\"")
        case .numeratorCategoryUnknown(let i, let z, let category):
            return l("Indikator \(i): sein Zähler \(z) hat keine Kategorie „\(category)“",
                     "indicator \(i): its numerator \(z) has no category \"\(category)\"")
        case .rateCycle(let i, let path):
            return l("Indikator \(i) wird aus sich selbst berechnet (\(path.joined(separator: " → ")))",
                     "indicator \(i) is derived from itself (\(path.joined(separator: " → ")))")
        case .tooManyGoals(let active, let maximum):
            return l("\(active) Ziele sind aktiv; höchstens \(maximum) dürfen es sein", "\(active) goals are active; at most \(maximum) may be")
        case .goalUnknownIndicator(let goal, let i):
            return l("Ziel \(goal): Indikator \(i) gibt es nicht", "goal \(goal): indicator \(i) does not exist")
        case .goalCategoryUnknown(let goal, let i, let category, let available):
            return l("Ziel \(goal): Indikator \(i) hat keine Kategorie „\(category)“ (er hat \(available.joined(separator: ", ")))",
                     "goal \(goal): indicator \(i) has no category \"\(category)\" (it has \(available.joined(separator: ", ")))")
        case .goalUnknownField(let goal, let field):
            return l("Ziel \(goal): Handlungsfeld \(field) gibt es nicht", "goal \(goal): field of action \(field) does not exist")
        case .targetBeforeBaseline(let goal, let target, let baseline):
            return l("Ziel \(goal): das Zieljahr \(target) liegt nicht nach dem Basisjahr \(baseline)",
                     "goal \(goal): the target year \(target) is not after the baseline year \(baseline)")
        case .unknownSetting(let label):
            return l("„\(ControlText.visible(label))“ ist keine Einstellung der Bewertung", "\"\(ControlText.visible(label))\" is not an assessment setting")
        case .assessedCategoryUnknown(let i, let category, let available):
            return l("Indikator \(i): die bewertete Kategorie „\(category)“ gibt es nicht (er hat \(available.joined(separator: ", ")))",
                     "indicator \(i): the assessed category \"\(category)\" does not exist (it has \(available.joined(separator: ", ")))")
        case .assessmentSettingsContradict(let what):
            return l("Bewertung: \(what)", "assessment: \(what)")
        case .baselineDiffersFromData(let goal, let i, let catalogue, var observed):
            observed = (observed * 10).rounded() / 10
            return l("Ziel \(goal): der Basiswert \(n(catalogue)) weicht vom beobachteten Wert \(n(observed)) von \(i) ab; gemessen wird vom beobachteten",
                     "goal \(goal): the baseline \(n(catalogue)) differs from the observed value \(n(observed)) of \(i); progress is measured from the observed one")
        case .unsafeCode(let entry, let code, let problems):
            return l("\(word(entry, l)) „\(ControlText.visible(code))“ taugt nicht als Datei- und Blattname: ",
                     "\(word(entry, l)) \"\(ControlText.visible(code))\" cannot serve as a file and sheet name: ")
                + problems.map { problem($0, l) }.joined(separator: ", ")
        case .unsafeText(let entry, let text, let problems):
            return l("\(word(entry, l)) „\(ControlText.visible(text))“ enthält ", "\(word(entry, l)) \"\(ControlText.visible(text))\" holds ")
                + problems.map { problem($0, l) }.joined(separator: ", ")
                + l("; Namen müssen in einer Zeile stehen", "; names must stand on one line")
        case .mapFileUnusable(let file, let reason):
            return l("Die Kartendatei „\(ControlText.visible(file))“ ist nicht verwendbar: \(reason)",
                     "the map file \"\(ControlText.visible(file))\" cannot be used: \(reason)")
        case .districtWithoutShape(let number, let name):
            return l("Stadtteil \(number) \(name) hat keinen Umriss in der Kartendatei",
                     "district \(number) \(name) has no outline in the map file")
        case .districtWithSeveralShapes(let number, let name, let count):
            return l("Stadtteil \(number) \(name) hat \(count) Umrisse in der Kartendatei; einer ist erlaubt",
                     "district \(number) \(name) has \(count) outlines in the map file; one is allowed")
        case .shapeWithoutDistrict(let feature, let label):
            return l("Umriss \(feature + 1) („\(ControlText.visible(label))“) der Kartendatei passt zu keinem Stadtteil",
                     "outline \(feature + 1) (\"\(ControlText.visible(label))\") of the map file fits no district")
        case .sourceFieldMissing(let t, let field):
            return l("Quelle \(t): \(sourceField(field, l)) fehlt", "source \(t): \(sourceField(field, l)) is missing")
        case .sourceNotAColumn(let t, let found):
            return l("Quelle \(t): „\(found)“ ist kein Spaltenbuchstabe (A, B, …)", "source \(t): \"\(found)\" is not a column letter (A, B, …)")
        case .sourceColumnOutOfRange(let t, let column, let count):
            return l("Quelle \(t): Spalte \(column) liegt außerhalb der \(count) Spalten der Tabelle",
                     "source \(t): column \(column) lies outside the table's \(count) columns")
        case .sourceColumnIsKey(let t, let column):
            return l("Quelle \(t): Spalte \(column) ist die Jahres- oder Stadtteilspalte und kann keinen Wert liefern",
                     "source \(t): column \(column) is the year or district column and cannot feed a value")
        case .sourceColumnsOntoOneCategory(let t, let i, let category, let columns):
            return l("Quelle \(t): die Spalten \(columns.joined(separator: ", ")) liefern beide \(i) „\(category)“",
                     "source \(t): columns \(columns.joined(separator: ", ")) both feed \(i) \"\(category)\"")
        case .sourceUnknownIndicator(let t, let i):
            return l("Quelle \(t): Indikator \(i) gibt es nicht", "source \(t): indicator \(i) does not exist")
        case .sourceDerivedIndicator(let t, let i):
            return l("Quelle \(t): \(i) ist eine Quote; Quoten werden aus Anzahlen berechnet, nie übernommen",
                     "source \(t): \(i) is a rate; rates are derived from counts, never imported")
        case .sourceUnknownCategory(let t, let i, let category, let available):
            return l("Quelle \(t): Indikator \(i) hat keine Kategorie „\(category)“ (er hat \(available.joined(separator: ", ")))",
                     "source \(t): indicator \(i) has no category \"\(category)\" (it has \(available.joined(separator: ", ")))")
        case .sourceUnknownDepartment(let t, let department):
            return l("Quelle \(t): das Amt „\(department)“ steht nicht auf dem Blatt \(CatalogueWorkbook.departmentsSheet)",
                     "source \(t): department \"\(department)\" is not in the sheet \(CatalogueWorkbook.departmentsSheet)")
        case .sourceUnknownMarker(let t, let found):
            return l("Quelle \(t): „\(found)“ nennt kein Zeichen mit seiner Bedeutung (etwa „. = geheim; - = nichts“)",
                     "source \(t): \"\(found)\" is not a marker with its meaning (such as \". = geheim; - = nichts\")")
        case .sourceDisagrees(let t, let field, let first, let found):
            return l("Quelle \(t): \(sourceField(field, l)) ist hier „\(found)“, in der ersten Zeile der Tabelle „\(first)“",
                     "source \(t): \(sourceField(field, l)) is \"\(found)\" here but \"\(first)\" in the table's first row")
        }
    }

    /// One line for a terminal: `Indikatoren!A3: message [code]`. Control
    /// characters a catalogue cell carried are shown as `<U+001B>`, never
    /// sent to the terminal.
    public static func line(_ finding: CatalogueFinding, _ l: Language) -> String {
        ControlText.visible("\(finding.sheet)\(finding.cell.map { "!\($0)" } ?? ""): \(message(finding.kind, l)) [\(finding.code)]")
    }

    /// The line for a catalogue without problems, with what it holds.
    public static func noProblems(_ c: Catalogue, _ l: Language) -> String {
        let active = c.goals.filter(\.active).count
        return l("keine Probleme (\(c.indicators.count) Indikatoren, \(c.districts.count) Stadtteile, \(active) aktive Ziele)",
                 "no problems (\(c.indicators.count) indicators, \(c.districts.count) districts, \(active) active goals)")
    }

    /// `3 Probleme`, `1 problem`.
    public static func count(_ n: Int, _ l: Language) -> String {
        l("\(n) Problem\(n == 1 ? "" : "e")", "\(n) problem\(n == 1 ? "" : "s")")
    }

    private static func role(_ r: CatalogueFindingKind.RateRole, _ l: Language) -> String {
        switch r {
        case .numerator: l("Zähler", "numerator")
        case .denominator: l("Nenner", "denominator")
        }
    }

    private static func sourceField(_ f: CatalogueFindingKind.SourceField, _ l: Language) -> String {
        switch f {
        case .table: l("die Tabellenkennung", "the table id")
        case .department: l("das Amt", "the department")
        case .yearColumn: l("die Jahresspalte", "the year column")
        case .districtColumn: l("die Stadtteilspalte", "the district column")
        case .cityKey: l("der Schlüssel der Gesamtstadt", "the city's key")
        case .column: l("die Spalte", "the column")
        case .indicator: l("der Indikator", "the indicator")
        case .category: l("die Kategorie", "the category")
        case .columnCount: l("die Spaltenzahl", "the column count")
        case .idHeader: l("die Kennungsspalte", "the id column's header")
        case .markers: l("die Zeichen", "the markers")
        }
    }

    private static func word(_ entry: CatalogueFindingKind.Entry, _ l: Language) -> String {
        switch entry {
        case .fieldOfAction: l("Handlungsfeld", "field of action")
        case .district: l("Stadtteil", "district")
        case .districtNumber: l("Stadtteil-Nummer", "district number")
        case .area: l("Gebiet", "area")
        case .department: l("Amt", "department")
        case .contact: l("Kontakt", "contact")
        case .indicator: l("Indikator", "indicator")
        case .category: l("Kategorie", "category")
        case .sourceTable: l("Quelle", "source")
        }
    }

    private static func problem(_ p: NameProblem, _ l: Language) -> String {
        switch p {
        case .pathSeparator(let ch): l("Pfad-Trennzeichen „\(ch)“", "path separator '\(ch)'")
        case .parentFolder: l("„..“ (übergeordneter Ordner)", "'..' (parent folder)")
        case .forbiddenInSheetName(let ch): l("„\(ch)“ (in Excel-Blattnamen verboten)", "'\(ch)' (forbidden in Excel sheet names)")
        case .tooLong(let count): l("\(count) Zeichen (höchstens \(NameProblem.maximumCodeLength))",
                                    "\(count) characters (at most \(NameProblem.maximumCodeLength))")
        case .controlCharacter(let value): l("das Steuerzeichen \(ControlText.name(value))", "the control character \(ControlText.name(value))")
        case .surroundingBlanks: l("Leerzeichen am Anfang oder Ende", "blanks at the start or end")
        case .apostropheAtEdge: l("ein Apostroph am Anfang oder Ende", "an apostrophe at the start or end")
        case .reservedSheetName: l("der Name eines Blattes, das jede Vorlage schon hat", "the name of a sheet every template already has")
        }
    }
}
