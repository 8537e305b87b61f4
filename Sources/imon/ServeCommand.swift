import CommandArguments
import Monitoring
import MonitoringStore
import Foundation
import Portal

/// `imon serve`: the submission portal on this store and catalogue.
struct ServeCommand: Command {
    static let store = CommandParameters.store
    static let catalogue = CommandParameters.catalogue
    static let listen = Parameter.option("listen", help: "Where to listen, HOST:PORT (behind a TLS proxy: keep 127.0.0.1).",
                                         default: "127.0.0.1:8080")
    static let bodyLimit = Parameter.option("body-limit", help: "Largest upload, in MB; larger ones are answered 413.", default: "50")
    static let insecureCookies = Parameter.flag("insecure-cookies", help: "Send the session cookie over plain HTTP too (only for trying it out without TLS).")
    static let lang = CommandParameters.language("Language of the pages, findings and feedback copies.")

    static let spec = CommandSpec(
        "serve",
        abstract: "The submission portal: departments upload in the browser, the coordinator sees who is missing.",
        discussion: "Accounts are made with imon users add. The API is described at /openapi.yaml.",
        parameters: [store, catalogue, listen, bodyLimit, insecureCookies, lang] + ReadingLimitOptions.parameters) { try ServeCommand($0) }

    let store: String
    let catalogue: String?
    let host: String
    let port: Int
    let bodyLimit: Int
    let insecureCookies: Bool
    let language: Language
    let limits: ReadingLimitOptions

    init(_ arguments: ParsedArguments) throws {
        store = try arguments.value(Self.store)
        catalogue = try arguments.optionalValue(Self.catalogue)
        let listen: String = try arguments.value(Self.listen)
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (1...65535).contains(port) else {
            throw arguments.refuse("--listen \(listen): give HOST:PORT, for example 127.0.0.1:8080")
        }
        host = String(listen[..<colon]).trimmingCharacters(in: ["[", "]"])
        self.port = port
        let mb: Int = try arguments.value(Self.bodyLimit)
        guard (1...4096).contains(mb) else { throw arguments.refuse("--body-limit \(mb): from 1 to 4096 MB") }
        bodyLimit = mb << 20
        insecureCookies = arguments.flag(Self.insecureCookies)
        language = try arguments.value(Self.lang)
        limits = try ReadingLimitOptions(arguments)
    }

    func run() throws {
        let catalogue = try CatalogueSource.load(self.catalogue)
        let store = try openStore(self.store, create: true)
        var configuration = PortalConfiguration(host: host, port: port, bodyLimit: bodyLimit, reading: limits.options,
                                                secureCookies: !insecureCookies, language: language)
        configuration.scratch = ServeCommand.scratchFolder()
        let portal = Portal(store: store, catalogue: catalogue, configuration: configuration)
        print("imon serve: listening on http://\(host):\(port) (store \(self.store))")
        fflush(nil)
        try PortalRunner.run(portal)
    }

    /// A private folder for uploads while they are read.
    static func scratchFolder() -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        var template = Array((base + "/imon-serve-XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer in
            guard let start = buffer.baseAddress, let made = mkdtemp(start) else { return base }
            return String(cString: made)
        }
    }
}
