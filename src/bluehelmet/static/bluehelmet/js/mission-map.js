/* Offline mission map (DESIGN "Pages": Leaflet, no tile server).
   Draws the host country's admin areas from stored GeoJSON and the mission's organisational
   units as markers coloured and shaped by kind, over the country context of map-context.js
   (places, rivers, lakes, admin-1 labels, borders, neighbours) when the country has one.
   Text comes from data-* attributes so it is translated server-side; values are inserted
   with textContent, never as HTML. */
(function () {
  "use strict";

  var SIZES = {
    mission_hq: 18, sector_hq: 15, field_office: 13,
    team_site: 12, liaison_office: 12, logistics_hub: 12
  };

  var util = window.bluehelmet.util;
  var node = util.node, escapeHtml = util.escapeHtml;

  function setStatus(container, text) {
    var status = document.getElementById(container.id + "-status");
    if (status) { status.textContent = text; }
  }

  function unitPopup(props, labels) {
    var box = node("div", "map-popup");
    var title = node("h3");
    if (props.url) {
      var link = node("a", null, props.name);
      link.href = props.url;
      title.appendChild(link);
    } else {
      title.textContent = props.name;
    }
    box.appendChild(title);
    box.appendChild(node("p", null, props.kind_label));
    if (props.parent) { box.appendChild(node("p", null, labels.labelParent + ": " + props.parent)); }
    if (props.admin1) { box.appendChild(node("p", null, labels.labelAdmin1 + ": " + props.admin1)); }
    if (props.established_on) {
      box.appendChild(node("p", null, labels.labelEstablished + ": " + props.established_on));
    }
    if (props.closed_on) { box.appendChild(node("p", null, labels.labelClosed + ": " + props.closed_on)); }
    return box;
  }

  function areaStyle(feature) {
    var country = feature.properties.level === 0;
    return {
      color: country ? "#1b2730" : "#6b7a84",
      weight: country ? 2 : 1,
      fillColor: country ? "#f5f7f8" : "#ffffff",
      fillOpacity: country ? 1 : 0.85
    };
  }

  function drawAreas(map, features) {
    features.sort(function (a, b) { return a.properties.level - b.properties.level; });
    return L.geoJSON(features, {
      pane: map.getPane("bhAreas") ? "bhAreas" : "overlayPane",
      style: areaStyle,
      onEachFeature: function (feature, layer) {
        var p = feature.properties;
        layer.bindTooltip(node("span", null, p.name), { sticky: true });  /* a node: never HTML */
        layer.bindPopup(node("strong", null, p.pcode ? p.name + " (" + p.pcode + ")" : p.name));
      }
    }).addTo(map);
  }

  function drawUnits(map, features, labels) {
    var layer = L.featureGroup().addTo(map);
    var kinds = {};
    features.forEach(function (feature) {
      var p = feature.properties;
      var coords = feature.geometry.coordinates;
      var size = SIZES[p.kind] || 12;
      var marker = L.marker([coords[1], coords[0]], {
        icon: L.divIcon({
          className: "orgunit-marker orgunit-kind-" + p.kind,
          iconSize: [size, size],
          html: ""
        }),
        title: p.name,
        alt: p.name,
        keyboard: true,
        riseOnHover: true
      });
      marker.bindPopup(unitPopup(p, labels));
      marker.addTo(layer);
      var el = marker.getElement();
      if (el) {
        el.setAttribute("data-orgunit-id", String(p.id));
        el.setAttribute("data-kind", p.kind);
        el.setAttribute("aria-label", p.name + " (" + p.kind_label + ")");
      }
      kinds[p.kind] = p.kind_label;
    });
    return { layer: layer, kinds: kinds };
  }

  function addLegend(map, kinds) {
    var names = Object.keys(kinds);
    if (!names.length) { return; }
    util.legend(map, null, null, names.map(function (kind) {
      return { label: kinds[kind], swatchClass: "orgunit-kind-" + kind };
    }));
  }

  function fit(map, areas, units, context) {
    var bounds = null;
    if (areas.getLayers().length) { bounds = areas.getBounds(); }
    if (!bounds && context && context.bounds) { bounds = L.latLngBounds(context.bounds.getSouthWest(), context.bounds.getNorthEast()); }
    if (units.getLayers().length) {
      var unitBounds = units.getBounds();
      bounds = bounds ? bounds.extend(unitBounds) : unitBounds;
    }
    if (!bounds || !bounds.isValid()) { return; }
    if (bounds.getNorthEast().equals(bounds.getSouthWest())) {
      map.setView(bounds.getCenter(), 8);
    } else {
      map.fitBounds(bounds.pad(0.08));
    }
  }

  function draw(map, container, data, context) {
    var labels = container.dataset;
    var features = data.features || [];
    var areaFeatures = features.filter(function (f) { return f.properties.feature_type === "admin_area"; });
    var unitFeatures = features.filter(function (f) { return f.properties.feature_type === "org_unit"; });
    var areas = drawAreas(map, areaFeatures);
    var units = drawUnits(map, unitFeatures, labels);
    addLegend(map, units.kinds);
    var overlays = {};
    overlays[escapeHtml(labels.labelAreas)] = areas;
    overlays[escapeHtml(labels.labelUnits)] = units.layer;
    if (context) { overlays[escapeHtml(labels.labelContext || "Country context")] = context.group; }
    L.control.layers(null, overlays, { collapsed: true }).addTo(map);
    fit(map, areas, units.layer, context);
    container.setAttribute("data-marker-count", String(unitFeatures.length));
    container.setAttribute("data-area-count", String(areaFeatures.length));
    container.setAttribute("data-state", "ready");
    if (!features.length) {
      setStatus(container, labels.textEmpty);
    } else {
      setStatus(container, labels.textCount
        .replace("%(units)s", String(unitFeatures.length))
        .replace("%(areas)s", String(areaFeatures.length)));
    }
  }

  function init(container) {
    var map = L.map(container, { zoomSnap: 0.25, worldCopyJump: false });
    map.attributionControl.setPrefix("Leaflet");
    L.control.scale({ imperial: false }).addTo(map);
    map.setView([0, 0], 2);
    var ctx = window.BluehelmetMapContext;
    if (ctx) { ctx.panes(map); }
    container._leaflet_map = map;  /* for browser tests and the console */
    setStatus(container, container.dataset.textLoading);
    util.getJson(container.dataset.geojsonUrl, "application/geo+json, application/json")
      .then(function (data) {
        /* the country context first, so that the map fits once, to what it shows */
        var context = ctx ? ctx.load(map, data.context_url, null) : Promise.resolve(null);
        return context.then(function (layers) { draw(map, container, data, layers); });
      })
      .catch(function () {
        container.setAttribute("data-state", "error");
        setStatus(container, container.dataset.textError);
      });
  }

  function start() {
    var container = document.getElementById("mission-map");
    if (container && window.L) { init(container); }
  }

  util.ready(start);
})();
