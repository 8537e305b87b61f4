import Foundation
import Monitoring

/// A stored timestamp (ISO 8601 in UTC, as `Clock.now()` writes it) as
/// people read it: `07.12.2026, 14:03` in the server's time zone (the
/// city's), with the exact value kept in `<time datetime=…>` for machines.
enum ReadableTime {
    /// The `<time>` element for a page; text that is no such timestamp is shown as it is.
    static func html(_ iso: String, language: Language, timeZone: TimeZone = .current) -> String {
        guard let text = text(iso, language: language, timeZone: timeZone) else { return HTMLText.escape(iso) }
        return "<time datetime=\"\(HTMLText.escape(iso))\">\(HTMLText.escape(text))</time>"
    }

    /// `dd.MM.yyyy, HH:mm` (German) or `yyyy-MM-dd HH:mm` (English) in `timeZone`; nil when `iso` is no timestamp.
    static func text(_ iso: String, language: Language, timeZone: TimeZone = .current) -> String? {
        guard let date = parse(iso) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = language == .de ? "dd.MM.yyyy, HH:mm" : "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    static func parse(_ iso: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: iso) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: iso)
    }
}
