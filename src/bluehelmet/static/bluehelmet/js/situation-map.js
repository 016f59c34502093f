/* The "situation now" map (/missions/<code>/now/): the incidents of the last 7 days, those of
   the last 24 hours in a stronger colour, over the mission's stored admin areas and the
   country context of map-context.js. Offline: no tile server. The incidents come from the
   incidents API's GeoJSON (/api/incidents/geojson/?mission=&since=), the same scoping as every
   list; a popup links to the incident's page through the list below the map (its rows carry
   the incident's reference). Text comes from data-* attributes (translated server-side) and
   goes in with textContent, never as HTML. */
(function () {
  "use strict";

  var COLOURS = { day: "#b3261e", week: "#e07b00" };

  var util = window.bluehelmet.util;
  var node = util.node, escapeHtml = util.escapeHtml, getJson = util.getJson;

  function setStatus(container, text) {
    var status = document.getElementById(container.id + "-status");
    if (status) { status.textContent = text; }
  }

  function incidentLink(reference) {
    var rows = document.querySelectorAll("#situation-incident-list tr[data-reference]");
    for (var i = 0; i < rows.length; i += 1) {
      if (rows[i].getAttribute("data-reference") === reference) {
        var link = rows[i].querySelector("a");
        return link ? link.getAttribute("href") : null;
      }
    }
    return null;
  }

  function popup(props, labels) {
    var box = node("div", "map-popup");
    var title = node("h3");
    var href = incidentLink(props.reference);
    if (href) {
      var link = node("a", null, props.title || props.reference);
      link.href = href;
      link.title = labels.labelOpen;
      title.appendChild(link);
    } else {
      title.textContent = props.title || props.reference;
    }
    box.appendChild(title);
    box.appendChild(node("p", null, (props.occurred_at || "").replace("T", " ").replace("Z", " UTC")));
    if (props.category_name) { box.appendChild(node("p", null, props.category_name)); }
    if (props.location_name) { box.appendChild(node("p", null, props.location_name)); }
    return box;
  }

  function drawAreas(map, features) {
    var areas = features.filter(function (f) {
      return f.properties && f.properties.feature_type === "admin_area";
    });
    return L.geoJSON(areas, {
      pane: map.getPane("bhAreas") ? "bhAreas" : "overlayPane",
      style: function () { return { color: "#6b7a84", weight: 1, fillColor: "#ffffff", fillOpacity: 0.85 }; },
      onEachFeature: function (feature, layer) {
        layer.bindTooltip(node("span", null, feature.properties.name), { sticky: true });
      }
    }).addTo(map);
  }

  function drawIncidents(map, features, container) {
    var labels = container.dataset;
    var daySince = Date.parse(labels.daySince);
    var layer = L.featureGroup().addTo(map);
    var counts = { day: 0, week: 0 };
    features.forEach(function (feature) {
      if (!feature.geometry) { return; }
      var p = feature.properties;
      var recent = Date.parse(p.occurred_at) >= daySince;
      var key = recent ? "day" : "week";
      counts[key] += 1;
      var c = feature.geometry.coordinates;
      var marker = L.circleMarker([c[1], c[0]], {
        radius: recent ? 8 : 6,
        color: "#ffffff",
        weight: 1.5,
        fillColor: COLOURS[key],
        fillOpacity: 0.9,
        className: "situation-incident situation-incident-" + key
      });
      marker.bindPopup(popup(p, labels));
      marker.bindTooltip(node("span", null, p.title || p.reference));
      marker.addTo(layer);
    });
    /* the last 24 hours above the rest of the week */
    layer.eachLayer(function (m) { if (m.options.radius === 8) { m.bringToFront(); } });
    return { layer: layer, counts: counts };
  }

  function addLegend(map, labels) {
    util.legend(map, "situation-legend", null, [["day", labels.labelDay], ["week", labels.labelWeek]].map(function (entry) {
      return { label: entry[1], colour: COLOURS[entry[0]], round: true };
    }));
  }

  function fit(map, areas, incidents, context) {
    var bounds = null;
    if (incidents.getLayers().length) { bounds = incidents.getBounds(); }
    else if (areas.getLayers().length) { bounds = areas.getBounds(); }
    else if (context && context.bounds) { bounds = context.bounds; }
    if (!bounds || !bounds.isValid()) { return; }
    if (bounds.getNorthEast().equals(bounds.getSouthWest())) {
      map.setView(bounds.getCenter(), 9);
    } else {
      map.fitBounds(bounds.pad(0.15), { maxZoom: 10 });
    }
  }

  function init(container) {
    var labels = container.dataset;
    var map = L.map(container, { zoomSnap: 0.25, worldCopyJump: false });
    map.attributionControl.setPrefix("Leaflet");
    L.control.scale({ imperial: false }).addTo(map);
    map.setView([0, 0], 2);
    var ctx = window.BluehelmetMapContext;
    if (ctx) { ctx.panes(map); }
    container._leaflet_map = map;  /* for browser tests and the console */
    setStatus(container, labels.textLoading);
    var outlines = getJson(labels.mapUrl, "application/geo+json, application/json");
    var incidents = getJson(labels.geojsonUrl, "application/geo+json, application/json");
    Promise.all([outlines, incidents])
      .then(function (results) {
        var mapData = results[0];
        var context = ctx ? ctx.load(map, mapData.context_url, null) : Promise.resolve(null);
        return context.then(function (layers) {
          var areas = drawAreas(map, mapData.features || []);
          var drawn = drawIncidents(map, results[1].features || [], container);
          addLegend(map, labels);
          var overlays = {};
          overlays[escapeHtml(labels.labelAreas)] = areas;
          if (layers) { overlays[escapeHtml(labels.labelContext)] = layers.group; }
          L.control.layers(null, overlays, { collapsed: true }).addTo(map);
          fit(map, areas, drawn.layer, layers);
          var total = drawn.counts.day + drawn.counts.week;
          container.setAttribute("data-incident-count", String(total));
          container.setAttribute("data-day-count", String(drawn.counts.day));
          container.setAttribute("data-state", "ready");
          setStatus(container, total ? labels.textCount.replace("%(count)s", String(total)) : labels.textNone);
        });
      })
      .catch(function () {
        container.setAttribute("data-state", "error");
        setStatus(container, labels.textError);
      });
  }

  function start() {
    var container = document.getElementById("situation-map");
    if (container && window.L) { init(container); }
  }

  util.ready(start);
})();
