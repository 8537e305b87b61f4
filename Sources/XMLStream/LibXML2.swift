internal import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// libxml2's push parser, loaded when a part first needs it.
///
/// Only parts in another encoding than UTF-8 (and the comparisons with the
/// scanner) go through libxml2. Linked, libxml2 and the ICU and lzma
/// libraries it pulls in were loaded and relocated on every start (a
/// one-cell read took 8.2 ms with them, 7.5 ms without); loaded here, only
/// the runs that parse such a part pay for it. Unchecked `Sendable`: it
/// holds only addresses of the library's functions, which never change.
struct LibXML2: @unchecked Sendable {
    typealias Context = xmlParserCtxtPtr

    let createPushParser: @convention(c) (xmlSAXHandlerPtr?, UnsafeMutableRawPointer?, UnsafePointer<CChar>?, Int32,
                                          UnsafePointer<CChar>?) -> Context?
    let useOptions: @convention(c) (Context?, Int32) -> Int32
    let parseChunk: @convention(c) (Context?, UnsafePointer<CChar>?, Int32, Int32) -> Int32
    let stopParser: @convention(c) (Context?) -> Void
    let lastError: @convention(c) (UnsafeMutableRawPointer?) -> xmlErrorPtr?
    let freeParser: @convention(c) (Context?) -> Void
    private let setGenericErrorHandler: UnsafeMutableRawPointer
    private let setStructuredErrorHandler: UnsafeMutableRawPointer

    /// The library, loaded and initialised once per process, or why it could not be.
    static let shared: Result<LibXML2, XMLError> = load("libxml2.so.2")

    /// Stops libxml2 printing the errors it raises outside a parser context
    /// (the readers take every error from the context); the handlers are per thread.
    func silenceGlobalErrors() {
        imon_xml_silence_global_errors(setGenericErrorHandler, setStructuredErrorHandler)
    }

    static func load(_ name: String) -> Result<LibXML2, XMLError> {
        guard let library = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
            return .failure(.libraryMissing(name: name, reason: dlerror().map { String(cString: $0) } ?? "not found"))
        }
        func symbol<F>(_ symbol: String, as type: F.Type) -> F? {
            dlsym(library, symbol).map { unsafeBitCast($0, to: type) }
        }
        guard let initParser = symbol("xmlInitParser", as: (@convention(c) () -> Void).self),
              let createPushParser = symbol("xmlCreatePushParserCtxt", as: (@convention(c) (
                  xmlSAXHandlerPtr?, UnsafeMutableRawPointer?, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?) -> Context?).self),
              let useOptions = symbol("xmlCtxtUseOptions", as: (@convention(c) (Context?, Int32) -> Int32).self),
              let parseChunk = symbol("xmlParseChunk", as: (@convention(c) (Context?, UnsafePointer<CChar>?, Int32, Int32) -> Int32).self),
              let stopParser = symbol("xmlStopParser", as: (@convention(c) (Context?) -> Void).self),
              let lastError = symbol("xmlCtxtGetLastError", as: (@convention(c) (UnsafeMutableRawPointer?) -> xmlErrorPtr?).self),
              let freeParser = symbol("xmlFreeParserCtxt", as: (@convention(c) (Context?) -> Void).self),
              let setGeneric = dlsym(library, "xmlSetGenericErrorFunc"),
              let setStructured = dlsym(library, "xmlSetStructuredErrorFunc")
        else {
            return .failure(.libraryMissing(name: name, reason: "it lacks a function of the push parser"))
        }
        initParser()
        return .success(LibXML2(createPushParser: createPushParser, useOptions: useOptions, parseChunk: parseChunk,
                                stopParser: stopParser, lastError: lastError, freeParser: freeParser,
                                setGenericErrorHandler: setGeneric, setStructuredErrorHandler: setStructured))
    }
}
