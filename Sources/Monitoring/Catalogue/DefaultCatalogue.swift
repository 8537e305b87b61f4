/// The built-in catalogue for Magdeburg, so that everything runs before
/// the coordinator has written a single indicator. Districts are the
/// city's 40 Stadtteile under the numbers the city's own statistics use
/// (KISS-MD: 01, 02, 04, …, 78); department codes follow the usual
/// municipal numbering (KGSt) and are meant to be adjusted in the
/// catalogue workbook.
public enum DefaultCatalogue {
    static let nationality = ["insgesamt", "deutsch", "nichtdeutsch"]
    static let sex = ["insgesamt", "männlich", "weiblich"]
    static let total = ["insgesamt"]

    public static let magdeburg = withBuiltInShapes(Catalogue(
        districts: districts,
        departments: [
            Department(code: "12", name: "Amt für Statistik und Wahlen"),
            Department(code: "32", name: "Ordnungsamt – Ausländerbehörde"),
            Department(code: "40", name: "Fachbereich Schule und Sport"),
            Department(code: "41", name: "Kulturbüro"),
            Department(code: "50", name: "Sozial- und Wohnungsamt (Projektkoordination)"),
            Department(code: "51", name: "Jugendamt"),
            Department(code: "11", name: "Personal- und Organisationsamt"),
            Department(code: "13", name: "Presse- und Öffentlichkeitsarbeit"),
            Department(code: "BA", name: "Agentur für Arbeit Magdeburg"),
            Department(code: "LIGA", name: "Liga der Freien Wohlfahrtspflege"),
        ],
        indicators: indicators,
        goals: [
            Goal(field: 3, statement: "Der Anteil nichtdeutscher Schulabgänger ohne Hauptschulabschluss sinkt bis 2010 auf 10 %.",
                 indicator: "B06", category: "nichtdeutsch", baselineYear: 2005, baselineValue: 18, targetYear: 2010, targetValue: 10, priority: 1),
            Goal(field: 5, statement: "Die Beschäftigungsquote der nichtdeutschen Einwohner steigt bis 2010 auf 35 %.",
                 indicator: "A03", category: "nichtdeutsch", baselineYear: 2005, baselineValue: 25, targetYear: 2010, targetValue: 35, priority: 2),
            Goal(field: 4, statement: "Die Betreuungsquote nichtdeutscher Kinder unter 6 Jahren steigt bis 2010 auf 60 %.",
                 indicator: "J03", category: "nichtdeutsch", baselineYear: 2005, baselineValue: 45, targetYear: 2010, targetValue: 60, priority: 3),
        ],
        sources: DefaultSources.kissMD))

    /// The catalogue with the built-in Stadtteile outlines, matched by name.
    static func withBuiltInShapes(_ catalogue: Catalogue) -> Catalogue {
        var c = catalogue
        c.geometry = DistrictGeometry.magdeburg(for: c.districts).0
        return c
    }


    /// The 40 Stadtteile by the numbers of the city's tables. Those whose
    /// pairing was checked or changed carry a note saying how (issue 26):
    /// the facts are K3_T33's area (ha) and population per number, compared
    /// with the published area and population of each Stadtteil. The
    /// numbers 01–60 other than 16 and 42 are kept from the earlier list;
    /// their populations in K3_T33 fit it, but they were not checked one by
    /// one against a list of the city's.
    static let districts: [District] = [
        ("01", "Altstadt", nil), ("02", "Werder", nil), ("04", "Alte Neustadt", nil), ("06", "Neue Neustadt", nil),
        ("08", "Neustädter See", nil), ("10", "Kannenstieg", nil), ("12", "Neustädter Feld", nil), ("14", "Sülzegrund", nil),
        ("16", "Großer Silberberg", "Nr. 16 nach K3_T33: 386,67 ha und keine Einwohner, wie für den Großen Silberberg veröffentlicht (3,8667 km², unbewohnt); bisher unter 78 geführt."),
        ("18", "Nordwest", nil), ("20", "Alt Olvenstedt", nil), ("22", "Neu Olvenstedt", nil), ("24", "Stadtfeld Ost", nil),
        ("26", "Stadtfeld West", nil), ("28", "Diesdorf", nil), ("30", "Sudenburg", nil), ("32", "Ottersleben", nil),
        ("34", "Lemsdorf", nil), ("36", "Leipziger Straße", nil), ("38", "Reform", nil), ("40", "Hopfengarten", nil),
        ("42", "Beyendorfer Grund", "Nr. 42 bestätigt: 604,4 ha und 20 Einwohner (2021) in K3_T33, wie veröffentlicht (6,044 km², 20 Einwohner)."),
        ("44", "Buckau", nil), ("46", "Fermersleben", nil), ("48", "Salbke", nil), ("50", "Westerhüsen", nil),
        ("52", "Brückfeld", nil), ("54", "Berliner Chaussee", nil), ("56", "Cracau", nil), ("58", "Prester", nil),
        ("60", "Zipkeleben", nil),
        ("62", "Kreuzhorst", "Nr. 62 nach K3_T33: 472,41 ha und keine Einwohner, wie für die Kreuzhorst veröffentlicht (4,73 km², unbewohnt); bisher unter 80, die die Tabellen der Stadt nicht kennen."),
        ("64", "Herrenkrug", "Nr. 64 nach K3_T33: 1205,03 ha, wie für Herrenkrug veröffentlicht (etwa 12 km²); bisher unter 62."),
        ("66", "Rothensee", "Nr. 66 nach K3_T33: 212,23 ha, wie für Rothensee veröffentlicht (2,1223 km²); bisher unter 64."),
        ("68", "Industriehafen", "Nr. 68 nach K3_T33: 363,46 ha und 170 Einwohner (2021), wie für den Industriehafen veröffentlicht (3,6346 km², 170); bisher unter 66."),
        ("70", "Gewerbegebiet Nord", "Nr. 70 nach K3_T33: 938,77 ha und 17 Einwohner (2021), wie veröffentlicht (9,3877 km², 17); bisher unter 68."),
        ("72", "Barleber See", "Nr. 72 nach K3_T33: 541,47 ha, wie für Barleber See veröffentlicht (5,4147 km²); bisher unter 70."),
        ("74", "Pechau", "Nr. 74 nach K3_T33: 761,1 ha und 517 Einwohner (2021), wie für Pechau veröffentlicht (7,611 km², 517); bisher unter 72."),
        ("76", "Randau-Calenberge", "Nr. 76 nur durch Ausschluss: die einzige Nummer, die nach den anderen Zuordnungen bleibt (1371,76 ha, 557 Einwohner 2021); nicht mit einer Angabe der Stadt abgeglichen. Bisher unter 74."),
        ("78", "Beyendorf-Sohlen", "Nr. 78 nach K3_T33: 814,35 ha und 1262 Einwohner (2021), wie für Beyendorf-Sohlen veröffentlicht (8,1435 km², 1262); bisher unter 76."),
    ].map { District(number: $0.0, name: $0.1, note: $0.2) }

    static let indicators: [Indicator] = [
        // 1 Wohnen / Interkulturelle Konflikte in der Nachbarschaft
        Indicator(code: "W01", name: "Einwohner mit Hauptwohnsitz", field: 1, department: "12", unit: .count, categories: nationality,
                  source: "Melderegister", definition: "Einwohner mit Hauptwohnsitz am 31.12., nach Staatsangehörigkeit."),
        Indicator(code: "W02", name: "Anteil nichtdeutscher Einwohner", field: 1, department: "12", unit: .percent, categories: ["nichtdeutsch"],
                  maximum: 100, source: "Melderegister", definition: "Nichtdeutsche Einwohner je 100 Einwohner.",
                  numerator: "W01", denominator: "W01", denominatorCategory: "insgesamt"),
        Indicator(code: "W04", name: "Haushalte mit Wohngeld", field: 1, department: "50", unit: .count, categories: nationality,
                  source: "Wohngeldstelle", definition: "Haushalte mit laufendem Wohngeldbezug am 31.12., nach Staatsangehörigkeit der antragstellenden Person."),
        Indicator(code: "W05", name: "Gemeldete Nachbarschaftskonflikte mit interkulturellem Hintergrund", field: 1, department: "50",
                  unit: .count, categories: total, direction: .higherIsWorse, source: "Quartiersmanagement, Gemeinwesenarbeit",
                  definition: "Im Jahr gemeldete und bearbeitete Konflikte in Nachbarschaften, bei denen die Herkunft der Beteiligten eine Rolle spielte."),
        // 2 Politische Teilhabe
        Indicator(code: "P01", name: "Einbürgerungen", field: 2, department: "32", unit: .count, categories: sex,
                  direction: .higherIsBetter, source: "Einbürgerungsbehörde", definition: "Im Jahr vollzogene Einbürgerungen."),
        Indicator(code: "P02", name: "Einbürgerungen je 1000 nichtdeutsche Einwohner", field: 2, department: "32", unit: .perThousand,
                  categories: sex, maximum: 1000, direction: .higherIsBetter, source: "Einbürgerungsbehörde, Melderegister",
                  definition: "Einbürgerungen im Jahr je 1000 nichtdeutsche Einwohner am 31.12. des Vorjahres.",
                  numerator: "P01", denominator: "W01", denominatorCategory: "nichtdeutsch", denominatorYearOffset: -1),
        Indicator(code: "P03", name: "Wahlberechtigte zur Wahl des Ausländerbeirats", field: 2, department: "12", unit: .count, categories: total,
                  source: "Wahlamt", definition: "Wahlberechtigte nichtdeutsche Einwohner bei der letzten Wahl des Ausländerbeirats."),
        Indicator(code: "P04", name: "Wählende bei der Wahl des Ausländerbeirats", field: 2, department: "12", unit: .count, categories: total,
                  direction: .higherIsBetter, source: "Wahlamt", definition: "Abgegebene Stimmen bei der letzten Wahl des Ausländerbeirats."),
        Indicator(code: "P05", name: "Wahlbeteiligung bei der Wahl des Ausländerbeirats", field: 2, department: "12", unit: .percent,
                  categories: total, maximum: 100, direction: .higherIsBetter, source: "Wahlamt",
                  definition: "Wählende je 100 Wahlberechtigte.", numerator: "P04", denominator: "P03"),
        // 3 Bildung
        Indicator(code: "B01", name: "Schüler an allgemeinbildenden Schulen", field: 3, department: "40", unit: .count, categories: nationality,
                  source: "Schulstatistik", definition: "Schülerinnen und Schüler an allgemeinbildenden Schulen nach Wohnort, Stichtag der Schulstatistik."),
        Indicator(code: "B02", name: "Schüler an Gymnasien", field: 3, department: "40", unit: .count, categories: nationality,
                  source: "Schulstatistik", definition: "Schülerinnen und Schüler an Gymnasien nach Wohnort."),
        Indicator(code: "B03", name: "Anteil der Schüler an Gymnasien", field: 3, department: "40", unit: .percent, categories: nationality,
                  maximum: 100, direction: .higherIsBetter, source: "Schulstatistik",
                  definition: "Schüler an Gymnasien je 100 Schüler an allgemeinbildenden Schulen.", numerator: "B02", denominator: "B01"),
        Indicator(code: "B04", name: "Schulabgänger", field: 3, department: "40", unit: .count, categories: nationality,
                  source: "Schulstatistik", definition: "Abgängerinnen und Abgänger allgemeinbildender Schulen am Ende des Schuljahres."),
        Indicator(code: "B05", name: "Schulabgänger ohne Hauptschulabschluss", field: 3, department: "40", unit: .count, categories: nationality,
                  direction: .higherIsWorse, source: "Schulstatistik", definition: "Abgänger ohne mindestens den Hauptschulabschluss."),
        Indicator(code: "B06", name: "Anteil der Schulabgänger ohne Hauptschulabschluss", field: 3, department: "40", unit: .percent,
                  categories: nationality, maximum: 100, direction: .higherIsWorse, source: "Schulstatistik",
                  definition: "Abgänger ohne Hauptschulabschluss je 100 Schulabgänger.", numerator: "B05", denominator: "B04"),
        Indicator(code: "B07", name: "Schulabgänger mit Hochschulreife", field: 3, department: "40", unit: .count, categories: nationality,
                  direction: .higherIsBetter, source: "Schulstatistik", definition: "Abgänger mit allgemeiner Hochschulreife."),
        Indicator(code: "B08", name: "Anteil der Schulabgänger mit Hochschulreife", field: 3, department: "40", unit: .percent,
                  categories: nationality, maximum: 100, direction: .higherIsBetter, source: "Schulstatistik",
                  definition: "Abgänger mit Hochschulreife je 100 Schulabgänger.", numerator: "B07", denominator: "B04"),
        // 4 Jugend und Soziales
        Indicator(code: "J01", name: "Kinder unter 6 Jahren", field: 4, department: "12", unit: .count, categories: nationality,
                  source: "Melderegister", definition: "Kinder unter 6 Jahren mit Hauptwohnsitz am 31.12."),
        Indicator(code: "J02", name: "Kinder unter 6 Jahren in Tageseinrichtungen", field: 4, department: "51", unit: .count,
                  categories: nationality, direction: .higherIsBetter, source: "Kita-Statistik",
                  definition: "Betreute Kinder unter 6 Jahren in Kindertageseinrichtungen und Tagespflege am 1.3., nach Wohnort."),
        Indicator(code: "J03", name: "Betreuungsquote der Kinder unter 6 Jahren", field: 4, department: "51", unit: .percent,
                  categories: nationality, maximum: 100, direction: .higherIsBetter, source: "Kita-Statistik, Melderegister",
                  definition: "Betreute Kinder je 100 Kinder unter 6 Jahren.", numerator: "J02", denominator: "J01"),
        Indicator(code: "J04", name: "Minderjährige", field: 4, department: "12", unit: .count, categories: nationality,
                  source: "Melderegister", definition: "Einwohner unter 18 Jahren mit Hauptwohnsitz am 31.12."),
        Indicator(code: "J05", name: "Hilfen zur Erziehung", field: 4, department: "51", unit: .count, categories: nationality,
                  direction: .higherIsWorse, source: "Jugendhilfestatistik",
                  definition: "Laufende Hilfen zur Erziehung nach §§ 27–35 SGB VIII am 31.12."),
        Indicator(code: "J06", name: "Hilfen zur Erziehung je 1000 Minderjährige", field: 4, department: "51", unit: .perThousand,
                  categories: nationality, maximum: 1000, direction: .higherIsWorse, source: "Jugendhilfestatistik, Melderegister",
                  definition: "Laufende Hilfen zur Erziehung je 1000 Minderjährige.", numerator: "J05", denominator: "J04"),
        Indicator(code: "S01", name: "Leistungsberechtigte nach SGB II", field: 4, department: "BA", unit: .count, categories: nationality,
                  direction: .higherIsWorse, source: "Statistik der Bundesagentur für Arbeit",
                  definition: "Leistungsberechtigte Personen in Bedarfsgemeinschaften nach SGB II im Dezember."),
        Indicator(code: "S02", name: "SGB-II-Quote", field: 4, department: "BA", unit: .percent, categories: nationality, maximum: 100,
                  direction: .higherIsWorse, source: "Statistik der Bundesagentur für Arbeit, Melderegister",
                  definition: "Leistungsberechtigte nach SGB II je 100 Einwohner.", numerator: "S01", denominator: "W01"),
        Indicator(code: "S03", name: "Empfänger von Leistungen nach dem Asylbewerberleistungsgesetz", field: 4, department: "50",
                  unit: .count, categories: total, source: "Sozial- und Wohnungsamt",
                  definition: "Empfänger laufender Leistungen nach dem AsylbLG am 31.12."),
        // 5 Beruf und Arbeit
        Indicator(code: "A01", name: "Sozialversicherungspflichtig Beschäftigte am Wohnort", field: 5, department: "BA", unit: .count,
                  categories: nationality, direction: .higherIsBetter, source: "Beschäftigungsstatistik der Bundesagentur für Arbeit",
                  definition: "Sozialversicherungspflichtig Beschäftigte mit Wohnort im Stadtteil am 30.6."),
        Indicator(code: "A02", name: "Einwohner von 15 bis unter 65 Jahren", field: 5, department: "12", unit: .count, categories: nationality,
                  source: "Melderegister", definition: "Einwohner im erwerbsfähigen Alter mit Hauptwohnsitz am 31.12."),
        Indicator(code: "A03", name: "Beschäftigungsquote", field: 5, department: "BA", unit: .percent, categories: nationality, maximum: 100,
                  direction: .higherIsBetter, source: "Bundesagentur für Arbeit, Melderegister",
                  definition: "Sozialversicherungspflichtig Beschäftigte je 100 Einwohner von 15 bis unter 65 Jahren.", numerator: "A01", denominator: "A02"),
        Indicator(code: "A04", name: "Arbeitslose", field: 5, department: "BA", unit: .count, categories: nationality,
                  direction: .higherIsWorse, source: "Arbeitslosenstatistik der Bundesagentur für Arbeit",
                  definition: "Arbeitslose nach SGB II und SGB III im Jahresdurchschnitt, nach Wohnort."),
        Indicator(code: "A05", name: "Arbeitslose je 100 Einwohner von 15 bis unter 65 Jahren", field: 5, department: "BA", unit: .percent,
                  categories: nationality, maximum: 100, direction: .higherIsWorse, source: "Bundesagentur für Arbeit, Melderegister",
                  definition: "Arbeitslose je 100 Einwohner im erwerbsfähigen Alter.", numerator: "A04", denominator: "A02"),
        Indicator(code: "A06", name: "Teilnehmende an Integrations- und Sprachkursen", field: 5, department: "LIGA", unit: .count,
                  categories: sex, direction: .higherIsBetter, source: "Kursträger der Freien Wohlfahrtspflege",
                  definition: "Im Jahr begonnene Teilnahmen an Integrations- und berufsbezogenen Sprachkursen, nach Wohnort."),
        // 6 Kultur und Religion
        Indicator(code: "K01", name: "Interkulturelle Veranstaltungen", field: 6, department: "41", unit: .count, categories: total,
                  direction: .higherIsBetter, source: "Kulturbüro", definition: "Im Jahr geförderte oder durchgeführte interkulturelle Veranstaltungen."),
        Indicator(code: "K02", name: "Vereine von Migrantinnen und Migranten", field: 6, department: "41", unit: .count, categories: total,
                  direction: .higherIsBetter, source: "Vereinsregister, Kulturbüro", definition: "Eingetragene Kultur- und Migrantenvereine am 31.12."),
        Indicator(code: "K03", name: "Religiöse Gemeinden nichtchristlicher Religionen", field: 6, department: "41", unit: .count, categories: total,
                  source: "Kulturbüro", definition: "Bekannte Gemeinden und Gebetsräume nichtchristlicher Religionen am 31.12."),
        // 7 Interkulturelle Öffnung, Personal, Öffentlichkeitsarbeit
        Indicator(code: "V01", name: "Beschäftigte der Stadtverwaltung", field: 7, department: "11", unit: .count, categories: total,
                  source: "Personalstatistik", definition: "Beschäftigte der Stadtverwaltung am 30.6.", level: .city),
        Indicator(code: "V02", name: "Beschäftigte der Stadtverwaltung mit Migrationshintergrund", field: 7, department: "11", unit: .count,
                  categories: total, direction: .higherIsBetter, source: "Personalstatistik (freiwillige Angabe)",
                  definition: "Beschäftigte, die einen Migrationshintergrund angegeben haben, am 30.6.", level: .city),
        Indicator(code: "V03", name: "Anteil der Beschäftigten mit Migrationshintergrund", field: 7, department: "11", unit: .percent,
                  categories: total, maximum: 100, direction: .higherIsBetter, source: "Personalstatistik",
                  definition: "Beschäftigte mit Migrationshintergrund je 100 Beschäftigte.", numerator: "V02", denominator: "V01", level: .city),
        Indicator(code: "V04", name: "Teilnahmen an Fortbildungen zur interkulturellen Kompetenz", field: 7, department: "11", unit: .count,
                  categories: total, direction: .higherIsBetter, source: "Fortbildungsstatistik",
                  definition: "Teilnahmen von Beschäftigten an Fortbildungen zur interkulturellen Kompetenz im Jahr.", level: .city),
        Indicator(code: "V05", name: "Mehrsprachige Informationsangebote", field: 7, department: "13", unit: .count, categories: total,
                  direction: .higherIsBetter, source: "Presse- und Öffentlichkeitsarbeit",
                  definition: "Veröffentlichungen und Informationsangebote der Stadt in mindestens einer weiteren Sprache, im Jahr.", level: .city),
    ]
}
