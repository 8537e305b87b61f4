import HTTPTypes
import Hummingbird

/// The portal's script and style sheet, served as files (the CSP allows no inline script or style).
enum StaticAssets {
    static func response(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Sends the forms to the API with the session's CSRF token and shows the
    /// answers. Text from workbooks is put in with `textContent`, never as HTML.
    static let script = #"""
        "use strict";
        (function () {
          const de = document.documentElement.lang !== "en";
          const t = (g, e) => (de ? g : e);
          const meta = document.querySelector('meta[name="csrf-token"]');
          const csrf = meta ? meta.content : "";
          function el(tag, text, cls) {
            const n = document.createElement(tag);
            if (text !== undefined) n.textContent = text;
            if (cls) n.className = cls;
            return n;
          }
          const outcomeWords = {
            imported: t("übernommen", "imported"), unchanged: t("unverändert (schon übernommen)", "unchanged (delivered before)"),
            superseded: t("übernommen, ersetzt die frühere Abgabe", "imported, supersedes the earlier delivery"),
            rejected: t("abgelehnt – bitte die Fehler unten beheben und erneut abgeben", "rejected – please fix the errors below and deliver again"),
            conflict: t("Konflikt mit Werten eines anderen Amts – die Koordination entscheidet", "conflict with another department's values – the coordinator decides")
          };
          const login = document.getElementById("login");
          if (login) login.addEventListener("submit", async (ev) => {
            ev.preventDefault();
            const msg = document.getElementById("message");
            msg.textContent = t("Anmeldung läuft …", "Logging in …");
            const r = await fetch("/api/login", { method: "POST", headers: { "Content-Type": "application/json" },
              body: JSON.stringify({ username: login.username.value, password: login.password.value }) });
            if (r.ok) { window.location.href = "/"; return; }
            msg.textContent = r.status === 401 ? t("Name oder Passwort falsch.", "Wrong name or password.") : t("Anmeldung nicht möglich.", "Cannot log in.");
            login.password.focus();
          });
          const logout = document.getElementById("logout");
          if (logout) logout.addEventListener("click", async () => {
            await fetch("/api/logout", { method: "POST", headers: { "X-CSRF-Token": csrf } });
            window.location.href = "/login";
          });
          const upload = document.getElementById("upload");
          if (upload) upload.addEventListener("submit", async (ev) => {
            ev.preventDefault();
            const file = upload.file.files[0];
            const out = document.getElementById("result");
            out.replaceChildren(el("p", t("Wird geprüft …", "Checking …")));
            if (!file) return;
            const r = await fetch("/api/submissions?filename=" + encodeURIComponent(file.name), { method: "POST",
              headers: { "X-CSRF-Token": csrf, "Content-Type": file.type || "application/octet-stream" }, body: file });
            const a = await r.json().catch(() => ({}));
            out.replaceChildren();
            if (!r.ok) { out.append(el("p", a.error || (t("Fehler ", "Error ") + r.status), "problem")); return; }
            out.append(el("p", a.file + ": " + (outcomeWords[a.outcome] || a.outcome), "outcome " + a.outcome));
            out.append(el("p", t(a.errors + " Fehler, " + a.warnings + (a.warnings === 1 ? " Warnung" : " Warnungen"),
                                 a.errors + (a.errors === 1 ? " error, " : " errors, ") + a.warnings + (a.warnings === 1 ? " warning" : " warnings"))));
            if (a.findings && a.findings.length) {
              const table = el("table"); table.id = "findings";
              const head = el("tr");
              [t("Art", "Kind"), t("Blatt", "Sheet"), t("Zelle", "Cell"), t("Wert", "Value"), t("Was zu tun ist", "What to do")].forEach((h) => {
                const th = el("th", h); th.scope = "col"; head.append(th); });
              table.append(el("thead")); table.tHead.append(head);
              const body = el("tbody");
              a.findings.forEach((f) => {
                const tr = el("tr", undefined, f.severity);
                tr.append(el("td", f.severity === "error" ? t("Fehler", "error") : t("Warnung", "warning")), el("td", f.sheet || ""),
                  el("td", f.cell || ""), el("td", f.value || ""), el("td", f.message));
                body.append(tr);
              });
              table.append(body);
              out.append(table);
            }
            if (a.feedback) {
              const link = el("a", t("Geprüfte Kopie mit den Anmerkungen herunterladen", "Download the checked copy with the notes"));
              link.href = a.feedback; link.id = "feedback";
              const p = el("p"); p.append(link); out.append(p);
            }
          });
          document.querySelectorAll("button.decide").forEach((b) => b.addEventListener("click", async () => {
            const r = await fetch("/api/conflicts/" + encodeURIComponent(b.dataset.id) + "/decision", { method: "POST",
              headers: { "X-CSRF-Token": csrf, "Content-Type": "application/json" }, body: JSON.stringify({ prefer: b.dataset.prefer }) });
            const a = await r.json().catch(() => ({}));
            document.getElementById("decision").textContent = r.ok ? a.file + ": " + (outcomeWords[a.outcome] || a.outcome) : (a.error || r.status);
            if (r.ok) window.setTimeout(() => window.location.reload(), 800);
          }));
        })();
        """#

    /// Dark text on light backgrounds (contrast above 7:1), the state in words as well as colour, a visible focus.
    static let style = """
        body { font-family: system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; line-height: 1.5; }
        header { display: flex; justify-content: space-between; align-items: center; padding: 0.5rem 1rem; background: #0b3d66; color: #fff; }
        header p { margin: 0; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
        label { font-weight: 600; margin-right: 0.3rem; }
        input, select, button { font: inherit; padding: 0.3rem 0.6rem; }
        button { background: #0b3d66; color: #fff; border: 2px solid #0b3d66; border-radius: 3px; cursor: pointer; }
        header button { background: #fff; color: #0b3d66; }
        :focus-visible { outline: 3px solid #d35400; outline-offset: 2px; }
        table { border-collapse: collapse; margin: 0.5rem 0; }
        th, td { border: 1px solid #767676; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
        caption { text-align: left; font-weight: 600; }
        .card { border: 1px solid #767676; padding: 0.5rem 1rem; margin: 0.5rem 0; max-width: 30rem; }
        .state.missing { background: #fde2e1; } .state.rejected { background: #fde2e1; }
        .state.delivered { background: #e3f4e1; } .state.superseded { background: #e3f4e1; }
        .state.conflict { background: #fff2cc; }
        tr.error td { background: #fde2e1; } tr.warning td { background: #fff2cc; }
        .problem, .outcome.rejected, .outcome.conflict { font-weight: 600; color: #8a1c12; }
        .name { font-weight: normal; }
        """
}
