/* The headquarters overview's world map (issue 20, Capstone §7.1). Offline: the shipped world
   outlines (static geo/world.json, Natural Earth 1:110m, public domain), the host countries
   of the operations the user may see shaded, each operation's deployments as dots and the
   operation as a circle sized by its incidents over the last 90 days (hq/map.geojson, which
   holds only what the server let the user see). Record text goes in with textContent. */
(function () {
  "use strict";

  var util = window.bluehelmet.util;
  var node = util.node;
  var FRENCH = document.documentElement.lang === "fr";

  function localName(p) { return (FRENCH && p.name_fr) || p.name; }

  function radius(count) {
    if (count === null || count === undefined) { return 7; }
    return Math.max(7, Math.min(30, 5 + Math.sqrt(count) * 1.2));
  }

  function popup(props, labels) {
    var box = node("div", "map-popup");
    var title = node("h3");
    var link = node("a", null, props.code + " · " + props.name);
    link.href = props.url;
    title.appendChild(link);
    box.appendChild(title);
    var count = props.incidents === null || props.incidents === undefined
      ? labels.labelUnknown : String(props.incidents) + " " + labels.labelIncidents;
    box.appendChild(node("p", null, count));
    return box;
  }

  function draw(map, world, data, labels) {
    var hosts = {};
    (data.hosts || []).forEach(function (code) { hosts[code] = true; });
    L.geoJSON(world, {
      style: function (f) {
        var host = hosts[f.properties.code];
        return { color: "#8a9aa5", weight: 0.6, fillColor: host ? "#00679a" : "#f4f1ea",
                 fillOpacity: host ? 0.35 : 1, className: host ? "hq-host" : "hq-country" };
      },
      onEachFeature: function (f, layer) {
        if (hosts[f.properties.code]) {
          layer.bindTooltip(node("span", null, localName(f.properties)), { sticky: true });
        }
      }
    }).addTo(map);
    var own = (data.features || []).filter(function (f) { return f.properties.role === "host"; });
    L.geoJSON(own, {
      style: { color: "#8a9aa5", weight: 0.8, fillColor: "#00679a", fillOpacity: 0.35,
               className: "hq-host" },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(node("span", null, f.properties.name), { sticky: true });
      }
    }).addTo(map);
    var points = L.featureGroup().addTo(map);
    (data.features || []).forEach(function (f) {
      if (f.properties.role === "host") { return; }
      var c = f.geometry.coordinates, p = f.properties;
      if (p.role === "unit") {
        L.circleMarker([c[1], c[0]], { radius: 2.5, weight: 0, fillColor: "#333333",
          fillOpacity: 0.8, className: "hq-unit", interactive: false }).addTo(points);
        return;
      }
      var marker = L.circleMarker([c[1], c[0]], { radius: radius(p.incidents), color: "#ffffff",
        weight: 1.5, fillColor: "#b3261e", fillOpacity: 0.75, className: "hq-mission" });
      marker.bindTooltip(node("span", null, p.code));
      marker.bindPopup(popup(p, labels));
      marker.addTo(points);
    });
    var bounds = points.getBounds();
    if (bounds.isValid()) {
      map.fitBounds(bounds.pad(0.4), { maxZoom: 5, animate: false });
    } else {
      map.setView([10, 20], 2, { animate: false });
    }
  }

  function init(container) {
    if (container.getAttribute("data-state")) { return; }
    var labels = container.dataset;
    var status = document.getElementById("hq-map-status");
    var map = L.map(container, { zoomSnap: 0.25, minZoom: 1, worldCopyJump: true });
    map.attributionControl.setPrefix("Leaflet");
    map.attributionControl.addAttribution("Natural Earth");
    map.setView([10, 20], 2);
    container._leaflet_map = map;
    container.setAttribute("data-state", "loading");
    Promise.all([util.getJson(labels.worldUrl), util.getJson(labels.url, "application/geo+json")])
      .then(function (loaded) {
        draw(map, loaded[0], loaded[1], labels);
        container.setAttribute("data-missions", String((loaded[1].features || []).filter(
          function (f) { return f.properties.role === "mission"; }).length));
        container.setAttribute("data-state", "ready");
      })
      .catch(function () {
        container.setAttribute("data-state", "error");
        if (status) { status.textContent = labels.labelError; }
      });
  }

  util.ready(function () {
    var container = document.getElementById("hq-map");
    if (container && window.L) { init(container); }
  });
})();
