/* Small helpers shared by the page scripts (maps, charts, forms): one copy instead of one a
   page. Loaded before them as a plain script (no build step, no modules) and read as
   window.bluehelmet.util. Every helper that writes text writes it as text: record text never
   becomes markup. */
(function () {
  "use strict";

  var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" };

  /* An element with an optional class and text (set as textContent, never parsed). */
  function node(tag, className, text) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    if (text !== undefined && text !== null) { el.textContent = text; }
    return el;
  }

  /* Leaflet writes string content (tooltips, popups, layer-control labels) as HTML: anything
     not built as DOM nodes goes through here, so text from records can never become markup. */
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return ENTITIES[c]; });
  }

  /* GET ``url`` with the session cookie; resolves to the parsed JSON, rejects on HTTP errors. */
  function getJson(url, accept) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: accept || "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      });
  }

  /* The data of a json_script block written by the page (null when the page has none). */
  function readJson(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  /* Django-style "%(name)s" placeholders, filled from ``values`` (translated templates). */
  function fmt(template, values) {
    return String(template || "").replace(/%\((\w+)\)s/g, function (_, key) {
      return values[key] === undefined ? "" : String(values[key]);
    });
  }

  /* The colour at ``share`` (0 to 1) along a ramp of [r, g, b] stops. */
  function ramp(stops, share) {
    var x = Math.max(0, Math.min(0.999, share)) * (stops.length - 1);
    var i = Math.floor(x), t = x - i, a = stops[i], b = stops[i + 1];
    return "rgb(" + [0, 1, 2].map(function (k) { return Math.round(a[k] + (b[k] - a[k]) * t); }).join(",") + ")";
  }

  /* Fill a legend box: an optional title, then one line a class or colour. ``items`` are
     {label, colour, swatchClass, round}; the swatch is decoration, the label says it. */
  function fillLegend(box, title, items) {
    box.textContent = "";
    if (title) { box.appendChild(node("p", "map-legend-title", title)); }
    var list = node("ul");
    items.forEach(function (entry) {
      var item = node("li");
      var swatch = node("span", "swatch" + (entry.swatchClass ? " " + entry.swatchClass : ""));
      swatch.setAttribute("aria-hidden", "true");
      if (entry.colour) { swatch.style.background = entry.colour; }
      if (entry.round) { swatch.style.borderRadius = "50%"; }
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(entry.label));
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  /* A legend control at the map's bottom right; returns its box (fillLegend() redraws it). */
  function legend(map, className, title, items) {
    var box = node("div", "map-legend" + (className ? " " + className : ""));
    var control = L.control({ position: "bottomright" });
    control.onAdd = function () { return box; };
    control.addTo(map);
    if (items) { fillLegend(box, title, items); }
    return box;
  }

  /* Run ``start`` once the document is parsed (now if it already is). */
  function ready(start) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", start);
    } else {
      start();
    }
  }

  window.bluehelmet = window.bluehelmet || {};
  window.bluehelmet.util = {
    node: node, escapeHtml: escapeHtml, getJson: getJson, readJson: readJson, fmt: fmt,
    ramp: ramp, legend: legend, fillLegend: fillLegend, ready: ready
  };
})();
