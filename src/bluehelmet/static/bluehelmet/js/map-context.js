/* Country context under the offline maps (no tile server): the neighbouring countries as land,
   lakes, rivers, international borders, admin-1 outlines with their names and populated places,
   from the static file of the host country (static/geo/<ISO3>.json, Natural Earth, public
   domain; `bluehelmet geodata build`). The mission map's GeoJSON names the file
   (`context_url`); a country without one simply has no context layers.

   Panes keep the order whatever is added first: land (250) < the stored admin areas
   (bhAreas, 300: the maps put them there) < lakes, rivers, borders, outlines (350) < the
   maps' own overlays (hexagons, incidents: 400) < labels (450) < markers (600).
   Names are text: every label is a DOM node filled with textContent, never HTML. */
(function () {
  "use strict";

  var PANES = { bhLand: 250, bhAreas: 300, bhLines: 350, bhLabels: 450 };

  var util = window.bluehelmet.util;
  var node = util.node;
  /* Names in French where the file has them (admin-1 and country names), on a French page. */
  var FRENCH = document.documentElement.lang === "fr";

  function localName(p) { return (FRENCH && p.name_fr) || p.name; }

  function panes(map) {
    Object.keys(PANES).forEach(function (name) {
      if (!map.getPane(name)) {
        var pane = map.createPane(name);
        pane.style.zIndex = String(PANES[name]);
        if (name === "bhLand" || name === "bhLines" || name === "bhLabels") {
          pane.style.pointerEvents = "none";
        }
      }
    });
  }

  function byLayer(features, layer) {
    return features.filter(function (f) { return f.properties && f.properties.layer === layer; });
  }

  /* The largest places first; neighbours' places need a larger zoom than the country's own. */
  function maxRank(zoom) {
    if (zoom < 4.5) { return 2; }
    if (zoom < 5.5) { return 4; }
    if (zoom < 6.5) { return 6; }
    if (zoom < 7.5) { return 8; }
    return 99;
  }

  function label(latlng, text, className, title) {
    var span = node("span", "map-label " + className, text);
    if (title) { span.title = title; }
    return L.marker(latlng, {
      pane: "bhLabels",
      interactive: false,
      keyboard: false,
      icon: L.divIcon({ className: "map-label-icon", html: span, iconSize: null })
    });
  }

  function draw(map, data, country) {
    panes(map);
    var features = data.features || [];
    var layers = {};
    layers.land = L.geoJSON(byLayer(features, "neighbour"), {
      pane: "bhLand", interactive: false,
      style: { stroke: false, fillColor: "#e4e2dc", fillOpacity: 1, className: "ctx-neighbour" }
    });
    layers.host = L.geoJSON(byLayer(features, "admin1"), {  /* the country itself, lighter */
      pane: "bhLand", interactive: false,
      style: { stroke: false, fillColor: "#fbfaf6", fillOpacity: 1, className: "ctx-host" }
    });
    layers.water = L.geoJSON(byLayer(features, "lake").concat(byLayer(features, "river")), {
      pane: "bhLines", interactive: false,
      style: function (f) {
        var lake = f.properties.layer === "lake";
        return { color: "#6a9ec4", weight: lake ? 0.8 : (f.properties.rank <= 4 ? 1.6 : 1),
                 fill: lake, fillColor: "#b9d3e8", fillOpacity: 1, opacity: 0.9,
                 className: lake ? "ctx-lake" : "ctx-river" };
      }
    });
    layers.roads = L.geoJSON(byLayer(features, "road"), {  /* the demo's countries only */
      pane: "bhLines", interactive: false,
      style: function (f) {
        return { color: "#a0692e", weight: f.properties.rank <= 1 ? 1.8 : 1.1, opacity: 0.8,
                 className: "ctx-road" };
      }
    });
    layers.admin1 = L.geoJSON(byLayer(features, "admin1"), {
      pane: "bhLines", interactive: false,
      style: { color: "#7d8a93", weight: 0.8, dashArray: "3 3", fill: false, className: "ctx-admin1" }
    });
    layers.borders = L.geoJSON(byLayer(features, "border"), {
      pane: "bhLines", interactive: false,
      style: function (f) {
        return { color: "#3d2b3d", weight: f.properties.own ? 2.2 : 1.4, opacity: 0.85,
                 dashArray: f.properties.own ? null : "6 3", className: "ctx-border" };
      }
    });

    var placeLabels = [];
    var areaLabels = L.layerGroup();
    byLayer(features, "admin1").forEach(function (f) {
      var p = f.properties;
      if (!p.label || !p.name) { return; }
      label([p.label[1], p.label[0]], localName(p), "map-label-admin1", p.code).addTo(areaLabels);
    });
    var places = L.layerGroup();
    byLayer(features, "place").forEach(function (f) {
      var p = f.properties, c = f.geometry.coordinates;
      var own = p.country === country;
      var marker = label([c[1], c[0]], p.name,
        "map-label-place" + (p.capital ? " map-label-capital" : "") + (own ? "" : " map-label-foreign"));
      placeLabels.push({ marker: marker, rank: (p.rank || 0) + (own ? 0 : 2) });
    });
    var neighbourNames = L.layerGroup();
    var names = (FRENCH && data.names_fr) || data.names || {};
    layers.land.eachLayer(function (layer) {
      var code = layer.feature.properties.country;
      var name = names[code] || layer.feature.properties.name;
      var bounds = layer.getBounds();
      if (!name || !bounds.isValid()) { return; }
      label(bounds.getCenter(), name, "map-label-country").addTo(neighbourNames);
    });

    function update() {
      var limit = maxRank(map.getZoom());
      placeLabels.forEach(function (item) {
        var shown = places.hasLayer(item.marker);
        if (item.rank <= limit && !shown) { places.addLayer(item.marker); }
        if (item.rank > limit && shown) { places.removeLayer(item.marker); }
      });
      var container = map.getContainer();
      container.classList.toggle("map-zoom-far", map.getZoom() < 5);
    }
    map.on("zoomend", update);

    var group = L.layerGroup([layers.land, layers.host, layers.roads, layers.water, layers.admin1,
                              layers.borders,
                              areaLabels, neighbourNames, places]).addTo(map);
    update();
    var bounds = layers.admin1.getLayers().length ? layers.admin1.getBounds() : null;
    map.getContainer().setAttribute("data-context", "ready");
    map.getContainer().setAttribute("data-place-count", String(placeLabels.length));
    map.getContainer().setAttribute("data-road-count", String(layers.roads.getLayers().length));
    return { group: group, bounds: bounds, places: places };
  }

  /* Fetch and draw the context of ``url`` (may be empty); resolves to what draw() returns, or
     to null when there is none or it cannot be loaded (the map works without it). */
  function load(map, url, country) {
    if (!url) { return Promise.resolve(null); }
    return util.getJson(url)
      .then(function (data) { return draw(map, data, country || data.country); })
      .catch(function () {
        map.getContainer().setAttribute("data-context", "error");
        return null;
      });
  }

  window.BluehelmetMapContext = { load: load, panes: panes, node: node };
})();
