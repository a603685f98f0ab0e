/// Progressive enhancement for the inbox and a report's page: listens to /hotline/events and, when
/// something arrives or changes, fetches the page again and swaps its live region in place. A form
/// someone is filling in is never replaced: a notice offers the changes instead. New reports and
/// escalations count in the tab's title while it is hidden, and play a short tone once the member
/// has turned sound on (browsers allow sound only after a click). Without it, the page's refresh
/// link does the same by hand.
enum LiveInboxScript {
    static let source = """
    (function () {
      "use strict";
      var region = document.getElementById("live");
      if (!region || !window.EventSource || !window.fetch || !window.DOMParser) { return; }
      var report = region.getAttribute("data-report");
      var baseTitle = document.title, unseen = 0, pending = false, waiting = null, audio = null;
      var status = document.createElement("p");
      status.className = "live-status";
      status.setAttribute("role", "status");
      region.parentNode.insertBefore(status, region);
      var sound = document.createElement("button");
      sound.type = "button";
      sound.className = "link";
      sound.textContent = region.getAttribute("data-sound-on");
      sound.addEventListener("click", function () {
        var Context = window.AudioContext || window.webkitAudioContext;
        if (!Context) { return; }
        audio = audio || new Context();
        audio.resume();
        sound.textContent = region.getAttribute("data-sound-is-on");
        sound.setAttribute("aria-pressed", "true");
      });
      if (!report && region.getAttribute("data-live-events")) { region.parentNode.insertBefore(sound, region); }
      function tone() {
        if (!audio || audio.state !== "running") { return; }
        var osc = audio.createOscillator(), gain = audio.createGain();
        osc.frequency.value = 880;
        gain.gain.value = 0.2;
        osc.connect(gain);
        gain.connect(audio.destination);
        osc.start();
        osc.stop(audio.currentTime + 0.35);
      }
      function busy() {
        var active = document.activeElement;
        if (active && active !== document.body && region.contains(active) && /INPUT|TEXTAREA|SELECT/.test(active.tagName)) { return true; }
        var fields = region.querySelectorAll("input, textarea");
        for (var i = 0; i < fields.length; i++) {
          var f = fields[i];
          if ((f.type === "checkbox" || f.type === "radio") ? f.checked !== f.defaultChecked : (f.type !== "hidden" && f.value !== f.defaultValue)) { return true; }
        }
        return false;
      }
      function offer() {
        if (document.getElementById("live-reload")) { return; }
        var link = document.createElement("a");
        link.id = "live-reload";
        link.href = region.getAttribute("data-page");
        link.textContent = region.getAttribute("data-reload");
        status.textContent = region.getAttribute("data-changed") + " ";
        status.appendChild(link);
      }
      function refresh() {
        if (waiting) { pending = true; return; }
        if (busy()) { offer(); return; }
        waiting = fetch(region.getAttribute("data-page"), { credentials: "same-origin", headers: { "Accept": "text/html" } })
          .then(function (response) { return response.ok ? response.text() : null; })
          .then(function (html) {
            if (!html) { return; }
            var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("live");
            if (fresh && !busy()) {
              region.innerHTML = fresh.innerHTML;
              if (fresh.getAttribute("data-poll") === null) { region.removeAttribute("data-poll"); }
            } else if (fresh) { offer(); }
          })
          .catch(function () {})
          .then(function () {
            window.setTimeout(function () {
              waiting = null;
              if (pending) { pending = false; refresh(); }
            }, 400);
          });
      }
      document.addEventListener("visibilitychange", function () {
        if (!document.hidden) { unseen = 0; document.title = baseTitle; }
      });
      var poll = parseFloat(region.getAttribute("data-poll"));
      if (poll > 0) {
        // A page with no event stream (alerts on their way) asks again every few seconds, until
        // a fresh copy of the page no longer asks to be polled.
        (function again() {
          window.setTimeout(function () {
            refresh();
            if (region.getAttribute("data-poll") !== null) { again(); }
          }, poll * 1000);
        })();
      }
      if (!region.getAttribute("data-live-events")) { return; }
      var source = new EventSource(region.getAttribute("data-live-events"));
      source.addEventListener("report", function (message) {
        var event;
        try { event = JSON.parse(message.data); } catch (e) { return; }
        if (report && event.report !== report) { return; }
        if (event.kind === "received" || event.kind === "escalated") {
          tone();
          if (document.hidden) {
            unseen += event.count || 1;
            document.title = "(" + unseen + ") " + baseTitle;
          }
        }
        refresh();
      });
    })();
    """
}
