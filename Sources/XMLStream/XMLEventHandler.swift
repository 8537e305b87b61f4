/// Receives the events of a streaming parse. A thrown error stops the parse
/// and is rethrown by `XMLPushParser.feed` or `finish`.
public protocol XMLEventHandler: AnyObject {
    func startElement(_ name: XMLName, attributes: XMLAttributes) throws
    func endElement(_ name: XMLName) throws
    /// Text content; one text node may arrive in several pieces.
    func characters(_ text: UnsafeRawBufferPointer) throws
}
