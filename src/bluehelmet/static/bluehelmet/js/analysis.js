/* JMAC pages (Capstone §7.2): the hotspot map, the trend and activity charts, the citation
   picker. Data come from json_script blocks written by the page; text from data-* attributes
   (translated server-side); values go in as textContent. Leaflet and uPlot are vendored. */
(function () {
  "use strict";

  var STATUS_COLOURS = { rising: "#a4262c", "new": "#6b2fa0", falling: "#2b6cb0", steady: "#8a99a3" };
  var ABOVE_COLOUR = "#e8a33d";
  var SERIES_COLOURS = ["#009edb", "#a4262c", "#1b2730", "#e8a33d", "#2f855a", "#6b2fa0",
                        "#b7791f", "#4a5568"];

  var util = window.bluehelmet.util;
  var node = util.node, readJson = util.readJson;

  /* -- hotspot map --------------------------------------------------------------------- */

  function colour(area) {
    if (area.status !== "steady") { return STATUS_COLOURS[area.status]; }
    if (area.ratio >= 1.5) { return ABOVE_COLOUR; }
    return STATUS_COLOURS.steady;
  }

  function popup(area, cfg) {
    var box = node("div", "map-popup");
    box.appendChild(node("h3", null, area.label));
    box.appendChild(node("p", null, area.count + " " + cfg.labelIncidents + ", " +
      area.expected + " " + cfg.labelExpected + " (" + area.ratio.toFixed(1) + "x)"));
    if (area.explanation) { box.appendChild(node("p", "small", area.explanation)); }
    return box;
  }

  function drawAreas(map, data, cfg) {
    var layer = L.featureGroup();
    var biggest = Math.max.apply(null, data.areas.map(function (a) { return a.count; }).concat([1]));
    data.areas.forEach(function (area) {
      var style = { color: colour(area), weight: area.flagged ? 3 : 1, fillColor: colour(area),
                    fillOpacity: area.flagged ? 0.55 : 0.3 };
      var shape = null;
      style.className = "hotspot-area status-" + area.status;
      if (data.unit === "h3" && area.boundary && area.boundary.length) {
        shape = L.polygon(area.boundary, style);
      } else if (area.outline) {
        shape = L.geoJSON(area.outline, { style: style });
      } else if (area.lat !== null && area.lon !== null) {
        style.radius = 6 + 24 * Math.sqrt(area.count / biggest);
        shape = L.circleMarker([area.lat, area.lon], style);
      }
      if (shape) {
        shape.bindPopup(popup(area, cfg));
        shape.addTo(layer);
      }
    });
    return layer.addTo(map);
  }

  /* The four statuses, and amber: steady but well above the expected count. */
  function legend(map, cfg) {
    var items = ["rising", "new", "falling", "steady"].map(function (status) {
      return { label: cfg["label" + status.charAt(0).toUpperCase() + status.slice(1)],
               colour: STATUS_COLOURS[status] };
    });
    if (cfg.labelAbove) { items.splice(3, 0, { label: cfg.labelAbove, colour: ABOVE_COLOUR }); }
    util.legend(map, "hotspot-legend", cfg.labelLegend, items);
  }

  function hotspotMap() {
    var el = document.getElementById("hotspot-map");
    var data = readJson("hotspot-data");
    if (!el || !data || !window.L) { return; }
    var cfg = el.dataset;
    var map = L.map(el, { zoomSnap: 0.5 });
    el._leaflet_map = map;  /* for browser tests and the console */
    map.attributionControl.setPrefix("Leaflet");
    var fit = function (layers) {
      for (var i = 0; i < layers.length; i += 1) {
        var b = layers[i] && layers[i].getBounds && layers[i].getBounds();
        if (b && b.isValid()) { map.fitBounds(b.pad(0.05)); return; }
      }
      map.setView([0, 20], 3);
    };
    util.getJson(cfg.mapUrl)
      .catch(function () { return { features: [] }; })
      .then(function (geo) {
        var outlines = L.geoJSON((geo.features || []).filter(function (f) {
          return f.properties.feature_type === "admin_area";
        }), { interactive: false, style: function (f) {
          return { color: f.properties.level === 0 ? "#1b2730" : "#6b7a84",
                   weight: f.properties.level === 0 ? 2 : 1, fillColor: "#ffffff", fillOpacity: 0.7 };
        } }).addTo(map);
        var areas = drawAreas(map, data, cfg);
        legend(map, cfg);
        fit([outlines, areas]);
        el.setAttribute("data-state", "ready");
      });
  }

  /* -- charts ---------------------------------------------------------------------------- */

  function toSeconds(iso) {
    var p = iso.split("-");
    return Date.UTC(+p[0], +p[1] - 1, +p[2]) / 1000;
  }

  function lineChart(containerId, dataId) {
    var el = document.getElementById(containerId);
    var data = readJson(dataId);
    if (!el || !data || !window.uPlot) { return; }
    try {
      var xs = data.periods.map(toSeconds);
      var series = [{}];
      var columns = [xs];
      data.series.forEach(function (s, i) {
        series.push({ label: s.label, stroke: SERIES_COLOURS[i % SERIES_COLOURS.length],
                      width: i === 0 && el.dataset.withKilled ? 2.5 : 1.5 });
        columns.push(s.counts);
      });
      if (el.dataset.withKilled && data.series.length) {
        series.push({ label: "killed", stroke: "#a4262c", dash: [6, 4], width: 1.5, scale: "k" });
        columns.push(data.series[0].killed);
      }
      var opts = {
        width: Math.max(el.clientWidth - 8, 280), height: 260, series: series,
        scales: { x: { time: true } },
        axes: el.dataset.withKilled ? [{}, { size: 50 }, { side: 1, scale: "k", grid: { show: false } }] : [{}, { size: 50 }]
      };
      var plot = new uPlot(opts, columns, el);
      el.setAttribute("data-state", "ready");
      window.addEventListener("resize", function () {
        plot.setSize({ width: Math.max(el.clientWidth - 8, 280), height: 260 });
      });
    } catch (err) {
      el.textContent = el.getAttribute("data-text-error");
    }
  }

  /* -- citation picker ------------------------------------------------------------------- */

  function citationPicker() {
    var input = document.querySelector("input[data-citations]");
    if (!input) { return; }
    document.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("[data-cite]") : null;
      if (!button) { return; }
      var ids = input.value.split(/[\s,;]+/).filter(Boolean);
      var id = button.getAttribute("data-cite");
      if (ids.indexOf(id) < 0 && ids.indexOf("#" + id) < 0) { ids.push(id); }
      input.value = ids.join(", ");
      button.disabled = true;
    });
  }

  function start() {
    hotspotMap();
    lineChart("trend-chart", "trend-data");
    lineChart("activity-chart", "activity-data");
    citationPicker();
  }

  util.ready(start);
})();
