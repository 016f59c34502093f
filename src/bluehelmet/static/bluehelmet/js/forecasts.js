/* Forecast page (Capstone §7.2): the map of forecast probabilities and the sortable table.
   Offline: the base layer is the mission map's admin areas (no tile server); H3 cells arrive as
   polygons, admin-1 areas as points drawn as circles. Values go in as textContent. */
(function () {
  "use strict";

  var util = window.bluehelmet.util;
  var RAMP = [[255, 255, 204], [254, 204, 92], [253, 141, 60], [227, 26, 28], [128, 0, 38]];
  var TOP = 0.75;  /* the ramp ends here: 75 % and more share the darkest colour */

  function colour(p) { return util.ramp(RAMP, p / TOP); }

  /* The probability ramp as drawn, at 0, 25, 50 and 75 %+. */
  function legend(map, cfg) {
    util.legend(map, "forecast-legend", cfg.labelProb, [0, 0.25, 0.5, TOP].map(function (p) {
      return { label: Math.round(p * 100) + (p >= TOP ? " %+" : " %"), colour: colour(p) };
    }));
  }

  function popup(props, cfg) {
    var box = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = props.area;
    box.appendChild(title);
    [[cfg.labelProb, Math.round(props.probability * 100) + " %"],
     [cfg.labelExpected, props.expected.toFixed(1)],
     [cfg.labelInterval, Math.round(props.low) + "–" + Math.round(props.high)]].forEach(function (row) {
      var line = document.createElement("div");
      line.textContent = row[0] + ": " + row[1];
      box.appendChild(line);
    });
    return box;
  }

  function drawMap() {
    var el = document.getElementById("forecast-map");
    var data = document.getElementById("forecast-features");
    if (!el || !data || !window.L) { return; }
    var cfg = el.dataset;
    var features = JSON.parse(data.textContent);
    var map = L.map(el, { zoomSnap: 0.5 });
    el._leaflet_map = map;  /* for browser tests and the console */
    map.attributionControl.setPrefix("Leaflet");  /* as the other maps: no flag, no link out */
    legend(map, cfg);
    var layer = L.geoJSON({ type: "FeatureCollection", features: features }, {
      style: function (f) {
        return { color: "#6b1020", weight: 0.6, fillColor: colour(f.properties.probability), fillOpacity: 0.8 };
      },
      pointToLayer: function (f, latlng) {
        return L.circleMarker(latlng, {
          radius: 6 + 14 * Math.sqrt(f.properties.probability), color: "#6b1020", weight: 1,
          fillColor: colour(f.properties.probability), fillOpacity: 0.85
        });
      },
      onEachFeature: function (f, l) { l.bindPopup(popup(f.properties, cfg)); }
    });
    util.getJson(cfg.mapUrl).then(function (geo) {
      var areas = (geo.features || []).filter(function (f) { return f.properties.feature_type === "admin_area"; });
      L.geoJSON(areas, { style: { color: "#8a969e", weight: 1, fillColor: "#f5f7f8", fillOpacity: 1 }, interactive: false }).addTo(map);
      layer.addTo(map);
      layer.bringToFront();
    }).catch(function () { layer.addTo(map); });
    if (features.length) { map.fitBounds(layer.getBounds().pad(0.1)); } else { map.setView([0, 20], 3); }
  }

  function sortable(table) {
    var heads = table.querySelectorAll("th[data-sort]");
    heads.forEach(function (th, index) {
      th.tabIndex = 0;
      function sort() {
        var descending = th.getAttribute("aria-sort") !== "descending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[index], y = b.cells[index], cmp;
          if (th.dataset.sort === "num") {
            var vx = parseFloat(x.dataset.value), vy = parseFloat(y.dataset.value);
            vx = isNaN(vx) ? -Infinity : vx; vy = isNaN(vy) ? -Infinity : vy;
            cmp = vx - vy;
          } else {
            cmp = x.textContent.localeCompare(y.textContent);
          }
          return descending ? -cmp : cmp;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
    });
  }

  drawMap();
  document.querySelectorAll("table.sortable").forEach(sortable);
})();
