/// Installable, and offline where it matters: a service worker that keeps the public report page
/// and, when a form cannot reach the server, keeps what was sent on the phone and sends it when the
/// connection returns. It caches only public pages (the report form, the "kept" page) and the
/// stylesheet; nothing a member sees about other people. What waits to be sent sits in the
/// browser's IndexedDB until the server has it, then is deleted.
enum OfflineScripts {
    /// Forms kept when the network is down: the public report and a responder's field report (its
    /// submission key makes a second delivery harmless).
    static let worker = #"""
    "use strict";
    var CACHE = "amparo-public-v1";
    var PAGES = ["/report", "/report/kept"];
    var ASSETS = ["/static/amparo.css", "/static/offline.js", "/static/report-location.js", "/static/favicon.svg"];
    function keeps(url, method) {
      return method === "POST" && url.origin === self.location.origin &&
        (url.pathname === "/report" || /^\/respond\/[^\/]+\/report$/.test(url.pathname));
    }
    function database() {
      return new Promise(function (resolve, reject) {
        var open = indexedDB.open("amparo-outbox", 1);
        open.onupgradeneeded = function () { open.result.createObjectStore("kept", { keyPath: "id", autoIncrement: true }); };
        open.onsuccess = function () { resolve(open.result); };
        open.onerror = function () { reject(open.error); };
      });
    }
    function store(mode, work) {
      return database().then(function (db) {
        return new Promise(function (resolve, reject) {
          var tx = db.transaction("kept", mode), request = work(tx.objectStore("kept"));
          tx.oncomplete = function () { resolve(request && request.result); };
          tx.onerror = function () { reject(tx.error); };
        });
      });
    }
    function kept() { return store("readonly", function (s) { return s.getAll(); }); }
    function tell(message) {
      return self.clients.matchAll({ includeUncontrolled: true }).then(function (clients) {
        clients.forEach(function (client) { client.postMessage(message); });
      });
    }
    function counted() { return kept().then(function (items) { return tell({ kept: items.length }); }); }
    var flushing = null;
    // Sends what waits, oldest first; stops at the first network failure (still offline).
    function flush() {
      if (flushing) return flushing;
      flushing = kept().then(function (items) {
        return items.reduce(function (chain, item) {
          return chain.then(function (online) {
            if (!online) return false;
            return fetch(item.url, {
              method: "POST", body: item.body, credentials: "same-origin",
              headers: { "Content-Type": item.type, "Accept": "application/json" }
            }).then(function (response) {
              // Busy or failing: keep it and try again later.
              if (response.status === 429 || response.status >= 500) return false;
              return response.json().catch(function () { return {}; }).then(function (answer) {
                return store("readwrite", function (s) { return s.delete(item.id); }).then(function () {
                  return tell({ sent: item.url, ok: response.ok, reference: answer.reference || null, redirect: answer.redirect || null });
                });
              }).then(function () { return true; });
            }, function () { return false; });
          });
        }, Promise.resolve(true));
      }).then(counted).finally(function () { flushing = null; });
      return flushing;
    }
    function sendOrKeep(request) {
      var copy = request.clone();
      return fetch(request).then(function (response) { flush(); return response; }, function () {
        return copy.arrayBuffer().then(function (body) {
          var item = { url: copy.url, type: copy.headers.get("Content-Type"), body: body, at: Date.now() };
          return store("readwrite", function (s) { return s.add(item); });
        }).then(function () { return Response.redirect("/report/kept", 303); });
      });
    }
    function networkFirst(request, key) {
      return fetch(request).then(function (response) {
        if (response.ok) {
          var copy = response.clone();
          caches.open(CACHE).then(function (cache) { cache.put(key, copy); });
        }
        flush();
        return response;
      }, function () {
        return caches.match(key).then(function (hit) { return hit || Response.error(); });
      });
    }
    self.addEventListener("install", function (event) {
      event.waitUntil(caches.open(CACHE).then(function (cache) {
        return cache.addAll(PAGES.concat(ASSETS).map(function (path) { return new Request(path, { credentials: "same-origin" }); }));
      }).then(function () { return self.skipWaiting(); }));
    });
    self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });
    self.addEventListener("message", function (event) { if (event.data === "flush") event.waitUntil(flush()); });
    self.addEventListener("fetch", function (event) {
      var request = event.request, url = new URL(request.url);
      if (url.origin !== self.location.origin) return;
      if (keeps(url, request.method)) { event.respondWith(sendOrKeep(request)); return; }
      if (request.method !== "GET" || url.search) return;
      if (PAGES.indexOf(url.pathname) >= 0 || ASSETS.indexOf(url.pathname) >= 0) event.respondWith(networkFirst(request, url.pathname));
    });
    """#

    /// On the pages that use it: registers the worker, asks it to send what waits (on load, when the
    /// browser is back online, every 10 s), and shows the state in `#offline-status`.
    static let page = #"""
    (function () {
      "use strict";
      if (!("serviceWorker" in navigator)) return;
      var status = document.getElementById("offline-status");
      function show(text) { if (status && text) { status.textContent = text; status.hidden = false; } }
      navigator.serviceWorker.register("/sw.js").catch(function () {});
      function flush() {
        navigator.serviceWorker.ready.then(function (registration) { if (registration.active) registration.active.postMessage("flush"); });
      }
      navigator.serviceWorker.addEventListener("message", function (event) {
        var message = event.data || {};
        if (message.sent) {
          try { localStorage.removeItem("amparo:draft:" + message.sent); } catch (e) {}
          if (!status) return;
          if (!message.ok) { show(status.dataset.refused); return; }
          show(message.reference ? status.dataset.sent + " " + message.reference : status.dataset.sentPlain);
          // The kept page's "no connection" no longer holds.
          var title = document.getElementById("kept-title"), intro = document.getElementById("kept-intro");
          if (title) title.textContent = status.dataset.sentPlain;
          if (intro) intro.hidden = true;
          // A field report's answer leads back to its request.
          if (message.redirect) window.location.assign(message.redirect);
        } else if (typeof message.kept === "number" && status && message.kept > 0) {
          show(status.dataset.waiting);
        }
      });
      flush();
      window.addEventListener("online", flush);
      setInterval(flush, 10000);
    })();
    """#
}
