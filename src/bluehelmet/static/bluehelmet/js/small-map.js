/* The small map of a record page (issue 13: an incident, an admin area, an actor's incidents, a
   threat assessment's area and cited incidents). Offline, no tile server: the country context
   of map-context.js, then the record's outlines and points from the page's json_script block
   (generic/includes/small_map.html), which holds only what the server let the user see.
   Labels come from data-* attributes; record text goes in with textContent, never as HTML. */
(function () {
  "use strict";

  var util = window.bluehelmet.util;
  var node = util.node;
  var COLOURS = { area: "#00679a", point: "#b3261e" };

  function setStatus(container, text) {
    var status = document.getElementById(container.id + "-status");
    if (status) { status.textContent = text; }
  }

  function byRole(features, role) {
    return features.filter(function (f) { return f.properties && f.properties.role === role; });
  }

  function popup(props, labels) {
    var box = node("div", "map-popup");
    var title = node("h3");
    if (props.url) {
      var link = node("a", null, props.title);
      link.href = props.url;
      link.title = labels.labelOpen;
      title.appendChild(link);
    } else {
      title.textContent = props.title;
    }
    box.appendChild(title);
    if (props.when) { box.appendChild(node("p", null, props.when)); }
    if (props.detail) { box.appendChild(node("p", null, props.detail)); }
    return box;
  }

  function drawAreas(map, features) {
    return L.geoJSON(features, {
      style: { color: COLOURS.area, weight: 2.5, fillColor: COLOURS.area, fillOpacity: 0.12,
               className: "small-map-area" },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(node("span", null, f.properties.name), { sticky: true });  /* a node: never HTML */
      }
    }).addTo(map);
  }

  function drawPoints(map, features, labels) {
    var layer = L.featureGroup().addTo(map);
    features.forEach(function (f) {
      var c = f.geometry.coordinates;
      var marker = L.circleMarker([c[1], c[0]], {
        radius: 7, color: "#ffffff", weight: 1.5, fillColor: COLOURS.point, fillOpacity: 0.9,
        className: "small-map-point"
      });
      marker.bindTooltip(node("span", null, f.properties.title));
      marker.bindPopup(popup(f.properties, labels));
      marker.addTo(layer);
    });
    return layer;
  }

  /* To what the record shows; the country when it shows nothing drawable. */
  function fit(map, layers, context) {
    var bounds = null;
    layers.forEach(function (layer) {
      if (!layer.getLayers().length) { return; }
      bounds = bounds ? bounds.extend(layer.getBounds()) : layer.getBounds();  /* a fresh copy */
    });
    if (!bounds && context && context.bounds) { bounds = context.bounds; }
    if (!bounds || !bounds.isValid()) { return; }
    if (bounds.getNorthEast().equals(bounds.getSouthWest())) {
      map.setView(bounds.getCenter(), 8);
    } else {
      map.fitBounds(bounds.pad(0.2), { maxZoom: 10 });
    }
  }

  function summary(labels, data, points, areas) {
    var parts = [];
    if (areas) { parts.push(labels.textArea); }
    if (points || !areas) {
      var text = points === 1 && labels.textCountOne ? labels.textCountOne : labels.textCount;
      parts.push(util.fmt(text, { count: points }));
    }
    if (data.unplaced) { parts.push(util.fmt(labels.textUnplaced, { count: data.unplaced })); }
    if (data.truncated) { parts.push(labels.textTruncated); }
    return parts.join(" ");
  }

  function draw(map, container, data, context) {
    var labels = container.dataset;
    var features = data.features || [];
    var areaFeatures = byRole(features, "area"), pointFeatures = byRole(features, "point");
    var areas = drawAreas(map, areaFeatures);
    var points = drawPoints(map, pointFeatures, labels);
    var items = [];
    if (areaFeatures.length) { items.push({ label: labels.labelArea, colour: COLOURS.area }); }
    if (pointFeatures.length) { items.push({ label: labels.labelIncidents, colour: COLOURS.point, round: true }); }
    if (items.length) { util.legend(map, "small-map-legend", null, items); }
    if (context) {
      var overlays = {};
      overlays[util.escapeHtml(labels.labelContext)] = context.group;
      L.control.layers(null, overlays, { collapsed: true }).addTo(map);
    }
    fit(map, [areas, points], context);
    container.setAttribute("data-marker-count", String(pointFeatures.length));
    container.setAttribute("data-area-count", String(areaFeatures.length));
    container.setAttribute("data-state", "ready");
    setStatus(container, summary(labels, data, pointFeatures.length, areaFeatures.length));
  }

  function init(container) {
    var data = util.readJson(container.dataset.source);
    var map = L.map(container, { zoomSnap: 0.25, worldCopyJump: false });
    map.attributionControl.setPrefix("Leaflet");
    L.control.scale({ imperial: false }).addTo(map);
    map.setView([0, 0], 2);
    container._leaflet_map = map;  /* for browser tests and the console */
    var ctx = window.BluehelmetMapContext;
    if (ctx) { ctx.panes(map); }
    setStatus(container, container.dataset.textLoading);
    var context = ctx && data ? ctx.load(map, data.context_url, null) : Promise.resolve(null);
    context.then(function (layers) {
      if (!data) { throw new Error("no map data"); }
      draw(map, container, data, layers);
    }).catch(function () {
      container.setAttribute("data-state", "error");
      setStatus(container, container.dataset.textError);
    });
  }

  function start() {
    var container = document.getElementById("small-map");
    if (container && window.L) { init(container); }
  }

  util.ready(start);
})();
