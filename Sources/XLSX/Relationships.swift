import XMLStream
import Zip

/// One relationship of a part (ECMA-376 Part 2, 9.3): an id, a type and the
/// part it points to, resolved to a path inside the package.
struct Relationship {
    var id: String
    /// The type's last segment: `worksheet`, `sharedStrings`, …
    var kind: String
    /// The package path of the target (no leading `/`).
    var target: String
    var isExternal: Bool
}

/// The relationships part of a source part, read and resolved.
struct Relationships {
    var all: [Relationship] = []

    /// Reads the relationships of `sourcePart` (`""` for the package itself);
    /// an absent relationships part means no relationships.
    init(of sourcePart: String, in zip: ZipArchive) throws {
        let folder = sourcePart.split(separator: "/").dropLast().joined(separator: "/")
        let file = sourcePart.split(separator: "/").last.map(String.init) ?? ""
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard let bytes = try withPart(relsPath, { try zip.data(named: relsPath) }) else { return }
        let root = try withPart(relsPath) { try XMLElement.parse(bytes, documentName: relsPath) }
        for element in root.children(named: "Relationship") {
            guard let id = element[attribute: "Id"], let type = element[attribute: "Type"],
                  let target = element[attribute: "Target"] else { continue }
            let external = element[attribute: "TargetMode"] == "External"
            let kind = type.split(separator: "/").last.map(String.init) ?? type
            all.append(Relationship(id: id, kind: kind,
                                    target: external ? target : Relationships.resolve(target, from: folder),
                                    isExternal: external))
        }
    }

    func first(_ kind: String) -> Relationship? { all.first { $0.kind == kind && !$0.isExternal } }
    func with(id: String) -> Relationship? { all.first { $0.id == id } }

    /// Resolves a target against the source part's folder: absolute targets
    /// start at the package root; `\` separators and `..` are accepted.
    static func resolve(_ target: String, from folder: String) -> String {
        let clean = target.replacingOccurrences(of: "\\", with: "/")
        var segments: [Substring] = clean.hasPrefix("/") ? [] : folder.split(separator: "/")
        for segment in clean.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}

extension String {
    func replacingOccurrences(of a: String, with b: String) -> String {
        guard a.count == 1, b.count == 1, let x = a.utf8.first, let y = b.utf8.first else { return self }
        guard utf8.contains(x) else { return self }
        return String(decoding: utf8.map { $0 == x ? y : $0 }, as: UTF8.self)
    }
}
