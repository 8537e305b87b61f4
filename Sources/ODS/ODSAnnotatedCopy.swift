import Spreadsheet
import Zip

/// A feedback copy of an OpenDocument spreadsheet made inside the file as
/// it was submitted: `content.xml` (or the flat document) gets the additions
/// of `ContentAnnotation`; every other part of the package is copied with
/// its bytes unchanged, in its order, `mimetype` first and stored as ODF
/// requires (ODF 1.2 Part 3, 3.3). Written to a temporary file and renamed.
public enum ODSAnnotatedCopy {
    public static func write(source: String, _ annotations: WorkbookAnnotations, to path: String) throws {
        let file = try MappedFile(path: source)
        let isZip = file.bytes.count >= 4 && file.bytes[0] == 0x50 && file.bytes[1] == 0x4B
        if !isZip {
            var edited = try ContentAnnotation.apply(annotations, to: Array(file.bytes), part: "document", flat: true)
            edited = try ActiveTableSetting.pointing(edited, at: annotations.firstSheet.name, part: "document") ?? edited
            let out = try AtomicFile(path: path)
            do {
                try out.write(edited)
                try out.commit()
            } catch {
                out.cancel()
                throw error
            }
            return
        }
        let zip = try withPart("package") { try ZipArchive(file: file) }
        guard let content = try withPart("content.xml", { try zip.data(named: "content.xml") }) else { throw ODSError.missingContent }
        let edited = try ContentAnnotation.apply(annotations, to: content, part: "content.xml", flat: false)
        // The protocol prints landscape: its page style goes into styles.xml.
        let styles = try zip.entry(named: "styles.xml").map { entry in
            try ContentAnnotation.addPages(to: withPart("styles.xml") { try zip.data(of: entry) })
        }
        let out = try AtomicFile(path: path)
        do {
            let writer = ZipStreamWriter(file: out)
            for entry in zip.entries {
                var bytes = entry.name == "content.xml" ? edited
                    : entry.name == "styles.xml" ? styles ?? [] : try withPart(entry.name) { try zip.data(of: entry) }
                if entry.name == "settings.xml" {
                    bytes = try ActiveTableSetting.pointing(bytes, at: annotations.firstSheet.name, part: entry.name) ?? bytes
                }
                try writer.beginEntry(entry.name, compression: entry.method == 0 ? .stored : .deflate(level: 6))
                try writer.write(bytes)
                try writer.endEntry()
            }
            try writer.finish()
            try out.commit()
        } catch {
            out.cancel()
            throw error
        }
    }
}
