import XMLStream

/// The XML scanner against libxml2 on the same bytes, fed in uneven chunks:
/// whenever both accept the document, their events must be the same.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: start, count: count)
    let chunk = count == 0 ? 1 : Int(input[0] % 61) + 1
    let scanned = Recorder()
    let scanner = XMLScanner(handler: scanned)
    let referenced = Recorder()
    let reference = XMLPushParser(handler: referenced)
    let scannerAccepts = run(input, chunk: chunk, feed: scanner.feed, finish: scanner.finish)
    let referenceAccepts = run(input, chunk: 1 << 16, feed: reference.feed, finish: reference.finish)
    if scannerAccepts && referenceAccepts && scanned.events != referenced.events {
        let first = zip(scanned.events, referenced.events).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(scanned.events.count, referenced.events.count)
        fatalError("""
            the scanner and libxml2 differ at event \(first) (chunks of \(chunk) bytes):
            scanner: \(scanned.events.dropFirst(first).prefix(3))
            libxml2: \(referenced.events.dropFirst(first).prefix(3))
            """)
    }
    return 0
}

private func run(_ input: UnsafeRawBufferPointer, chunk: Int, feed: (UnsafeRawBufferPointer) throws -> Void,
                 finish: () throws -> Void) -> Bool {
    do {
        var offset = 0
        while offset < input.count {
            let end = min(input.count, offset + chunk)
            try feed(UnsafeRawBufferPointer(rebasing: input[offset..<end]))
            offset = end
        }
        try finish()
        return true
    } catch {
        return false
    }
}

/// Events as text, with text pieces joined as a handler would join them.
private final class Recorder: XMLEventHandler {
    var events: [String] = []
    var text: [UInt8] = []

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        flush()
        var event = "<{\(name.namespace)}\(name.local)"
        for attribute in attributes { event += " {\(attribute.name.namespace)}\(attribute.name.local)=\(attribute.string)" }
        events.append(event + ">")
    }

    func endElement(_ name: XMLName) throws {
        flush()
        events.append("</{\(name.namespace)}\(name.local)>")
    }

    func characters(_ bytes: UnsafeRawBufferPointer) throws { text.append(contentsOf: bytes) }

    private func flush() {
        if !text.isEmpty { events.append(String(decoding: text, as: UTF8.self)); text = [] }
    }
}
