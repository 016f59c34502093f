/* Common operating picture (Capstone §7.2): map, timeline and list of the mission's incidents.
   The server does the counting: below the point zoom the map asks for H3 hexagons of the
   viewport (outlines computed server-side), from there on for single incidents (at most the
   point limit per request). The timeline counts per week or month; dragging across it sets
   the form's time window. Every change of the filter form refreshes map, timeline and list.
   Text comes from data-* attributes (translated server-side); values go in as textContent. */
(function () {
  "use strict";

  var root = document.getElementById("cop");
  var form = document.getElementById("cop-filters");
  var mapEl = document.getElementById("cop-map");
  if (!root || !form || !mapEl || !window.L) { return; }
  var cfg = root.dataset;
  var POINT_ZOOM = parseInt(cfg.pointZoom, 10) || 10;
  var listEl = document.getElementById("cop-list");
  var timelineEl = document.getElementById("cop-timeline");
  var inflight = {};
  var listPage = "";
  var map, incidentLayer, plot = null, timeline = null;

  var util = window.bluehelmet.util;
  var node = util.node, escapeHtml = util.escapeHtml, fmt = util.fmt;

  /* The text for a count: data-text-X-one when there is exactly one (plurals of English). */
  function counted(key, n) {
    return n === 1 && cfg[key + "One"] ? cfg[key + "One"] : cfg[key];
  }

  function setStatus(id, text) {
    var el = document.getElementById(id);
    if (el) { el.textContent = text; }
  }

  /* -- requests: one in flight per purpose; a newer one aborts the older ------------------ */

  function request(key, url, asText) {
    if (inflight[key]) { inflight[key].abort(); }
    var controller = new AbortController();
    inflight[key] = controller;
    return fetch(url, {
      credentials: "same-origin",
      signal: controller.signal,
      headers: { Accept: asText ? "text/html" : "application/json" }
    }).then(function (response) {
      if (inflight[key] === controller) { delete inflight[key]; }
      var body = asText ? response.text() : response.json();
      return body.then(function (data) {
        if (!response.ok && !(asText && response.status === 400)) {
          var error = new Error("HTTP " + response.status);
          error.data = data;
          throw error;
        }
        return data;
      });
    });
  }

  function errorText(err) {
    if (err && err.data && err.data.errors) {
      return Object.keys(err.data.errors).map(function (k) {
        return k + ": " + err.data.errors[k].join(" ");
      }).join(" ");
    }
    return cfg.textError;
  }

  function isAbort(err) { return err && err.name === "AbortError"; }

  /* -- the filter form --------------------------------------------------------------------- */

  function params(extra, skip) {
    var p = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value !== "" && !(skip && skip.indexOf(key) >= 0)) { p.append(key, value); }
    });
    Object.keys(extra || {}).forEach(function (k) { p.set(k, extra[k]); });
    return p;
  }

  function remember() {
    var query = params().toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    var exportLink = document.getElementById("cop-export");
    if (exportLink) {
      var p = params({}, ["scope", "page", "reliability"]);
      var grades = new FormData(form).getAll("reliability").join("");
      if (grades) { p.set("reliability", grades); }
      p.set("mission", exportLink.dataset.mission);
      p.set("as", "csv");
      exportLink.href = exportLink.dataset.base + "?" + p.toString();
    }
  }

  function viewBox() {
    var b = map.getBounds().pad(0.25);
    var clamp = function (v, lim) { return Math.max(-lim, Math.min(lim, v)).toFixed(5); };
    return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90),
            clamp(b.getEast(), 180), clamp(b.getNorth(), 90)].join(",");
  }

  /* -- the map ------------------------------------------------------------------------------ */

  var RAMP = [[255, 237, 160], [254, 178, 76], [240, 59, 32], [128, 0, 38]];
  function colour(share) { return util.ramp(RAMP, share); }

  /* The colour legend of the hexagons: the ramp from 1 to the largest count shown (log scale,
     as the fill); redrawn with every answer. */
  var legendBox = null;
  function hexLegend(max) {
    if (!legendBox) { legendBox = util.legend(map, "cop-legend"); }
    legendBox.hidden = max < 1;
    var stops = max <= 3 ? [1, max] : [1, Math.round(Math.sqrt(max)), max];
    stops = stops.filter(function (v, i) { return stops.indexOf(v) === i; });
    util.fillLegend(legendBox, cfg.labelLegend || cfg.labelIncidents, stops.map(function (value) {
      return { label: String(value), colour: colour(Math.log(1 + value) / Math.log(1 + Math.max(1, max))) };
    }));
    mapEl.setAttribute("data-legend-max", String(max));
  }

  function drawHexagons(data) {
    var max = 1;
    data.features.forEach(function (f) { max = Math.max(max, f.properties.count); });
    hexLegend(data.features.length ? max : 0);
    L.geoJSON(data, {
      style: function (f) {
        return { className: "cop-hex", color: "#5c2a00", weight: 1, opacity: 0.7,
                 fillColor: colour(Math.log(1 + f.properties.count) / Math.log(1 + max)),
                 fillOpacity: 0.7 };
      },
      onEachFeature: function (f, layer) {
        var p = f.properties;
        layer.bindTooltip(node("span", null, cfg.labelIncidents + ": " + p.count + " · " +
                               cfg.labelKilled + ": " + p.killed), { sticky: true });
        layer.on("click", function () { map.fitBounds(layer.getBounds(), { maxZoom: POINT_ZOOM }); });
      }
    }).eachLayer(function (layer) { incidentLayer.addLayer(layer); });
    var total = data.total || 0;
    setStatus("cop-map-status", total ? fmt(counted("textHexagons", total), {
      count: total, cells: data.features.length, res: data.resolution
    }) : cfg.textNone);
  }

  function popup(p) {
    var box = node("div", "map-popup");
    var title = node("h3");
    var link = node("a", null, p.title);
    link.href = p.url;
    title.appendChild(link);
    box.appendChild(title);
    box.appendChild(node("p", null, p.occurred_at.replace("T", " ").replace("Z", " UTC")));
    box.appendChild(node("p", null, p.category_name + (p.location_name ? " · " + p.location_name : "")));
    if (p.killed) { box.appendChild(node("p", null, cfg.labelKilled + ": " + p.killed)); }
    var open = node("a", "button", cfg.labelOpen);
    open.href = p.url;
    box.appendChild(open);
    return box;
  }

  function drawPoints(data) {
    L.geoJSON(data, {
      pointToLayer: function (f, latlng) {
        var p = f.properties;
        return L.circleMarker(latlng, {
          className: "cop-point cop-group-" + p.group, radius: 5 + Math.min(6, Math.log(1 + p.killed) * 2),
          color: "#1b2730", weight: 1, fillColor: "#d7301f", fillOpacity: 0.8
        });
      },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(node("span", null, f.properties.title));  /* a node: never HTML */
        layer.bindPopup(popup(f.properties));
      }
    }).eachLayer(function (layer) { incidentLayer.addLayer(layer); });
    var n = data.features.length;
    var text = n ? fmt(counted("textPoints", n), { count: n }) : cfg.textNone;
    if (data.truncated) { text += " " + fmt(cfg.textTruncated, { count: n }); }
    setStatus("cop-map-status", text);
  }

  function loadMap() {
    var points = map.getZoom() >= POINT_ZOOM;
    var url = (points ? cfg.pointsUrl : cfg.hexagonsUrl) + "?" +
      params({ bbox: viewBox(), zoom: String(Math.floor(map.getZoom())) }, ["scope", "page"]);
    mapEl.setAttribute("data-state", "loading");
    return request("map", url).then(function (data) {
      incidentLayer.clearLayers();
      if (points) {
        if (legendBox) { legendBox.hidden = true; }
        drawPoints(data);
      } else {
        drawHexagons(data);
      }
      mapEl.setAttribute("data-mode", points ? "points" : "hexagons");
      mapEl.setAttribute("data-feature-count", String(data.features.length));
      mapEl.setAttribute("data-state", "ready");
    }).catch(function (err) {
      if (isAbort(err)) { return; }
      incidentLayer.clearLayers();
      mapEl.setAttribute("data-state", "error");
      setStatus("cop-map-status", errorText(err));
    });
  }

  /* -- the list ----------------------------------------------------------------------------- */

  function loadList() {
    var extra = { bbox: viewBox() };
    if (listPage) { extra.page = listPage; }
    listEl.setAttribute("data-state", "loading");
    return request("list", cfg.listUrl + "?" + params(extra), true).then(function (html) {
      listEl.innerHTML = html;  /* server-rendered, escaped by the template engine */
      listEl.setAttribute("data-state", "ready");
    }).catch(function (err) {
      if (isAbort(err)) { return; }
      listEl.setAttribute("data-state", "error");
    });
  }

  listEl.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-page]");
    if (!link) { return; }
    event.preventDefault();
    listPage = link.getAttribute("data-page");
    loadList();
  });

  /* -- the timeline ------------------------------------------------------------------------- */

  function toSeconds(iso) {
    var p = iso.split("-");
    return Date.UTC(+p[0], +p[1] - 1, +p[2]) / 1000;
  }

  function isoDay(seconds) { return new Date(seconds * 1000).toISOString().slice(0, 10); }

  function field(name) { return form.elements.namedItem(name); }

  function showWindow() {
    if (!plot || !timeline || !timeline.xs.length) { return; }
    var since = field("since").value, until = field("until").value;
    if (!since && !until) { plot.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false); return; }
    var a = since ? toSeconds(since) : timeline.xs[0];
    var b = until ? toSeconds(until) + 86400 : timeline.xs[timeline.xs.length - 1] + timeline.step;
    var left = Math.max(0, plot.valToPos(a, "x")), right = Math.min(plot.bbox.width / devicePixelRatio, plot.valToPos(b, "x"));
    plot.setSelect({ left: left, width: Math.max(0, right - left), top: 0,
                     height: plot.bbox.height / devicePixelRatio }, false);
  }

  function brushed(u) {
    if (u.select.width < 3) { return; }
    var a = u.posToVal(u.select.left, "x"), b = u.posToVal(u.select.left + u.select.width, "x");
    field("since").value = isoDay(a);
    field("until").value = isoDay(Math.max(a, b - 1));
    listPage = "";
    remember();
    loadMap();
    loadList();
  }

  function drawTimeline(data) {
    timelineEl.textContent = "";
    plot = null;
    var xs = data.buckets.map(function (b) { return toSeconds(b.start); });
    var ys = data.buckets.map(function (b) { return b.count; });
    var step = data.period === "week" ? 7 * 86400 : 31 * 86400;
    timeline = { xs: xs, step: step };
    timelineEl.setAttribute("data-bucket-count", String(xs.length));
    timelineEl.setAttribute("data-period", data.period);
    var label = data.period === "week" ? cfg.labelWeek : cfg.labelMonth;
    setStatus("cop-timeline-status", fmt(cfg.textTimeline, { total: data.total, period: label }));
    if (!xs.length || !window.uPlot) { return; }
    var width = Math.max(timelineEl.clientWidth - 4, 260);
    plot = new uPlot({
      width: width,
      height: 150,
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
      select: { show: true },
      legend: { show: false },
      scales: { x: { time: true, range: function (u, min, max) { return [min, max + step]; } } },
      axes: [{}, { size: 44 }],
      series: [{}, {
        label: cfg.labelIncidents, stroke: "#00679a", fill: "rgba(0,158,219,0.45)", width: 1,
        paths: uPlot.paths.bars({ size: [0.9, 40], align: 1 }), points: { show: false }
      }],
      hooks: {
        setSelect: [brushed],
        ready: [function () { setTimeout(function () {  /* scales are set once drawn */
          showWindow();
          timelineEl.setAttribute("data-state", "ready");
        }, 0); }]
      }
    }, [xs, ys], timelineEl);
  }

  function loadTimeline() {
    timelineEl.setAttribute("data-state", "loading");
    return request("timeline", cfg.timelineUrl + "?" + params({}, ["since", "until", "scope", "page"]))
      .then(drawTimeline)
      .catch(function (err) {
        if (isAbort(err)) { return; }
        timelineEl.setAttribute("data-state", "error");
        setStatus("cop-timeline-status", errorText(err));
      });
  }

  /* -- wiring ------------------------------------------------------------------------------- */

  var timer = null;
  function refresh(withTimeline) {
    clearTimeout(timer);
    timer = setTimeout(function () {
      listPage = "";
      remember();
      loadMap();
      loadList();
      if (withTimeline) { loadTimeline(); } else { showWindow(); }
    }, 120);
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); refresh(true); });
  form.addEventListener("change", function (event) {
    var name = event.target && event.target.name;
    refresh(name !== "since" && name !== "until" && name !== "scope");
  });
  var clear = document.getElementById("cop-clear-window");
  if (clear) {
    clear.addEventListener("click", function () {
      field("since").value = "";
      field("until").value = "";
      refresh(false);
    });
  }

  function fitInitial(areas, units, context) {
    var bounds = null;
    [areas, units].forEach(function (layer) {
      if (layer && layer.getLayers().length) {
        bounds = bounds ? bounds.extend(layer.getBounds()) : layer.getBounds();
      }
    });
    if (context && context.bounds) {
      bounds = bounds ? bounds.extend(context.bounds) : L.latLngBounds(context.bounds.getSouthWest(), context.bounds.getNorthEast());
    }
    if ((!bounds || !bounds.isValid()) && cfg.extent) {
      var e = cfg.extent.split(",").map(parseFloat);
      bounds = L.latLngBounds([e[1], e[0]], [e[3], e[2]]);
    }
    if (bounds && bounds.isValid()) {
      if (bounds.getNorthEast().equals(bounds.getSouthWest())) {
        map.setView(bounds.getCenter(), 8);
      } else {
        map.fitBounds(bounds.pad(0.05));
      }
    } else {
      map.setView([0, 20], 3);
    }
  }

  function drawContext(data, country) {
    var features = data.features || [];
    var areas = L.geoJSON(features.filter(function (f) { return f.properties.feature_type === "admin_area"; }), {
      interactive: false,
      pane: map.getPane("bhAreas") ? "bhAreas" : "overlayPane",
      style: function (f) {
        var country = f.properties.level === 0;
        return { color: country ? "#1b2730" : "#6b7a84", weight: country ? 2 : 1,
                 fillColor: "#ffffff", fillOpacity: country ? 0.9 : 0.5, className: "cop-area" };
      }
    }).addTo(map);
    var units = L.featureGroup();
    features.filter(function (f) { return f.properties.feature_type === "org_unit"; }).forEach(function (f) {
      var c = f.geometry.coordinates;
      L.marker([c[1], c[0]], {
        icon: L.divIcon({ className: "orgunit-marker orgunit-kind-" + f.properties.kind, iconSize: [10, 10], html: "" }),
        title: f.properties.name, keyboard: false, interactive: false
      }).addTo(units);
    });
    units.addTo(map);
    var overlays = {};
    overlays[escapeHtml(cfg.labelAreas)] = areas;
    overlays[escapeHtml(cfg.labelUnits)] = units;
    overlays[escapeHtml(cfg.labelLayer)] = incidentLayer;
    if (country) { overlays[escapeHtml(cfg.labelContext || "Country context")] = country.group; }
    L.control.layers(null, overlays, { collapsed: true }).addTo(map);
    return { areas: areas, units: units, context: country };
  }

  function start() {
    map = L.map(mapEl, { zoomSnap: 0.5, worldCopyJump: false });
    mapEl._leaflet_map = map;  /* for browser tests and the console */
    map.attributionControl.setPrefix("Leaflet");
    L.control.scale({ imperial: false }).addTo(map);
    incidentLayer = L.featureGroup().addTo(map);
    var ctx = window.BluehelmetMapContext;
    if (ctx) { ctx.panes(map); }
    setStatus("cop-map-status", cfg.textLoading);
    request("context", cfg.mapUrl)
      .then(function (data) {
        /* the country's places, rivers, borders and neighbours, under the incidents */
        var country = ctx ? ctx.load(map, data.context_url, null) : Promise.resolve(null);
        return country.then(function (layers) { return drawContext(data, layers); });
      })
      .catch(function () { return {}; })
      .then(function (layers) {
        fitInitial(layers.areas, layers.units, layers.context);
        var moveTimer = null;
        map.on("moveend", function () {
          clearTimeout(moveTimer);
          moveTimer = setTimeout(function () {
            loadMap();
            if (field("scope").value !== "all") { listPage = ""; loadList(); }
          }, 200);
        });
        loadMap();
        loadList();
        loadTimeline();
      });
    var resizeTimer = null;
    window.addEventListener("resize", function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(function () {
        if (plot) { plot.setSize({ width: Math.max(timelineEl.clientWidth - 4, 260), height: 150 }); showWindow(); }
      }, 150);
    });
  }

  util.ready(start);
})();
