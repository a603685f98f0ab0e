/// Progressive enhancement for an import's page: asks the import's state every second, moves the
/// bar and the status line, and reloads the page when the import has finished. Without it, the
/// page's "Check again" link does the same by hand.
enum ImportProgressScript {
    static let source = """
    (function () {
      "use strict";
      var bar = document.getElementById("import-progress");
      var status = document.getElementById("import-status");
      if (!bar || !status || !window.fetch) { return; }
      var url = window.location.pathname + "?format=json";
      function tick() {
        fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
          .then(function (response) { return response.json(); })
          .then(function (state) {
            if (state.status !== "running") { window.location.reload(); return; }
            bar.value = state.percent;
            bar.textContent = state.percent + "%";
            status.textContent = state.message;
            window.setTimeout(tick, 1000);
          })
          .catch(function () { window.setTimeout(tick, 3000); });
      }
      window.setTimeout(tick, 1000);
    })();
    """
}
