/// Progressive enhancement for the field report form (the form works without it): what is typed is
/// kept on the phone as it is typed, until the server has the report. A report sent without a
/// connection is kept and sent again by the service worker (`OfflineScripts`), which clears the
/// draft once it is delivered; the server stores a resent report once (its submission key).
enum FieldReportScript {
    static let source = #"""
    (function () {
      "use strict";
      var form = document.getElementById("field-report");
      if (!form || !window.localStorage || !window.URLSearchParams) return;
      var draftKey = "amparo:draft:" + form.action;
      // The server has the last report: nothing to restore.
      if (document.getElementById("sent")) localStorage.removeItem(draftKey);
      function keepDraft() { localStorage.setItem(draftKey, new URLSearchParams(new FormData(form)).toString()); }
      var draft = localStorage.getItem(draftKey);
      if (draft && !document.querySelector(".error-summary")) {
        new URLSearchParams(draft).forEach(function (value, name) {
          if (name !== "_csrf" && form.elements[name]) form.elements[name].value = value;
        });
      }
      form.addEventListener("input", keepDraft);
      form.addEventListener("change", keepDraft);
    })();
    """#
}
