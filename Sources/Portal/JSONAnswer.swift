import HTTPTypes
import Hummingbird
import WorkbookIO

/// JSON answers, written by hand like the CLI's `--format json` (no Codable:
/// the finding objects are exactly the CLI's).
enum JSONAnswer {
    static func ok(_ json: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        ok("{\"error\":\(JSONText.quoted(message))}\n", status: status)
    }

    static func q(_ s: String?) -> String { JSONText.quoted(s) }
}
