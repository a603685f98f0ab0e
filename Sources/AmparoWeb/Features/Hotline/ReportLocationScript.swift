/// Progressive enhancement for the public report form: a "use my location" button that fills the
/// map point from the phone. Unless the reporter chose "exact", the point is rounded to two
/// decimals (about 1 km) on the phone, so the precise one never leaves it. Without script (or
/// without permission) the fields are typed, or left empty.
enum ReportLocationScript {
    static let path = "/static/report-location.js"

    static let source = """
    (function () {
      "use strict";
      var point = document.getElementById("map-point");
      if (!point || !navigator.geolocation) { return; }
      var lat = document.getElementById("latitude"), lon = document.getElementById("longitude");
      var precision = document.getElementById("pin");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "secondary";
      button.textContent = point.getAttribute("data-use-location");
      var status = document.createElement("p");
      status.className = "hint";
      status.setAttribute("role", "status");
      var hint = point.querySelector("p.hint");
      point.insertBefore(status, hint.nextSibling);
      point.insertBefore(button, status);
      button.addEventListener("click", function () {
        status.textContent = point.getAttribute("data-locating");
        navigator.geolocation.getCurrentPosition(function (position) {
          var exact = precision && precision.value === "exact";
          var digits = exact ? 5 : 2;
          lat.value = position.coords.latitude.toFixed(digits);
          lon.value = position.coords.longitude.toFixed(digits);
          status.textContent = point.getAttribute("data-done");
        }, function () {
          status.textContent = point.getAttribute("data-failed");
        }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 60000 });
      });
    })();
    """
}
