/// Progressive enhancement for the field report form (the form works without it): what is typed is
/// kept on the phone as it is typed, and a report sent without a connection is kept and sent again
/// when the connection returns. The server stores a resent report once (its submission key).
enum FieldReportScript {
    static let source = #"""
    (function () {
      "use strict";
      var form = document.getElementById("field-report");
      if (!form || !window.fetch || !window.localStorage || !window.URLSearchParams) return;
      var draftKey = "amparo:draft:" + form.action, outboxKey = "amparo:outbox:" + form.action;
      var status = document.getElementById("offline-status");
      function show(text) { status.textContent = text; status.hidden = false; }
      function body() { return new URLSearchParams(new FormData(form)).toString(); }
      function keepDraft() { localStorage.setItem(draftKey, body()); }
      var draft = localStorage.getItem(draftKey);
      if (draft && !document.querySelector(".error-summary")) {
        new URLSearchParams(draft).forEach(function (value, name) {
          if (name !== "_csrf" && form.elements[name]) form.elements[name].value = value;
        });
      }
      form.addEventListener("input", keepDraft);
      form.addEventListener("change", keepDraft);
      var sending = false;
      function flush() {
        var saved = localStorage.getItem(outboxKey);
        if (!saved || sending) return;
        sending = true;
        fetch(form.action, {
          method: "POST", body: saved, credentials: "same-origin",
          headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json" }
        }).then(function (response) {
          sending = false;
          if (response.ok) {
            localStorage.removeItem(outboxKey);
            localStorage.removeItem(draftKey);
            show(form.dataset.resent);
            return response.json().then(function (answer) { window.location.assign(answer.redirect); });
          }
          // Something to fix: let the server show the form with its messages.
          localStorage.removeItem(outboxKey);
          form.submit();
        }).catch(function () {
          sending = false;
          show(form.dataset.saved);
        });
      }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        localStorage.setItem(outboxKey, body());
        flush();
      });
      window.addEventListener("online", flush);
      setInterval(flush, 10000);
      if (localStorage.getItem(outboxKey)) { show(form.dataset.saved); flush(); }
    })();
    """#
}
