/* Incident entry (issue 13): a small offline map to place the incident and the actor names
   offered as a datalist.

   - The map draws the mission's stored admin areas (the mission map's GeoJSON) over the
     country context of map-context.js (places, rivers, admin-1 labels) when there is one.
   - A click places the marker and fills latitude and longitude; coordinates typed move the
     marker. The admin area under the point is shown and fills a blank admin-area field (the
     server fills it too on save, from the same outlines).
   - Actor names already used in the mission are fetched as JSON and put in <option> values.
   Every text from records is set with textContent or as a value, never as HTML. Re-run after
   HTMX replaces the form (choosing another mission). */
(function () {
  "use strict";

  var util = window.bluehelmet.util;
  var node = util.node;

  /* Ray casting over GeoJSON rings of [lon, lat] (even-odd rule; holes excluded). */
  function inRing(lon, lat, ring) {
    var inside = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > lat) !== (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
    return inside;
  }

  function inGeometry(lon, lat, geometry) {
    if (!geometry) { return false; }
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates]
      : (geometry.type === "MultiPolygon" ? geometry.coordinates : []);
    return polygons.some(function (polygon) {
      if (!polygon.length || !inRing(lon, lat, polygon[0])) { return false; }
      return !polygon.slice(1).some(function (hole) { return inRing(lon, lat, hole); });
    });
  }

  function areaAt(features, lat, lng) {
    for (var i = 0; i < features.length; i++) {
      if (features[i].properties.level === 1 && inGeometry(lng, lat, features[i].geometry)) {
        return features[i].properties.name;
      }
    }
    return null;
  }

  function number(input) {
    if (!input || input.value.trim() === "") { return null; }
    var value = Number(input.value.replace(",", "."));
    return isFinite(value) ? value : null;
  }

  function initMap(container) {
    if (container.getAttribute("data-state")) { return; }
    var labels = container.dataset;
    var status = document.getElementById("entry-map-status");
    var latInput = document.getElementById(labels.latInput);
    var lonInput = document.getElementById(labels.lonInput);
    var areaInput = document.getElementById(labels.admin1Input);
    var features = [];
    var autoArea = null;  /* the admin area this script filled in, replaced on the next click */

    function say(text) { if (status) { status.textContent = text; } }

    var map = L.map(container, { zoomSnap: 0.25 });
    map.attributionControl.setPrefix("Leaflet");
    map.setView([0, 0], 2);
    container._leaflet_map = map;  /* for browser tests and the console */
    var ctx = window.BluehelmetMapContext;
    if (ctx) { ctx.panes(map); }
    var marker = null;

    function place(lat, lng) {
      var latlng = L.latLng(lat, lng);
      if (!marker) {
        marker = L.circleMarker(latlng, {
          radius: 8, color: "#b3261e", weight: 3, fillColor: "#ffffff", fillOpacity: 0.9,
          className: "entry-marker", interactive: false
        }).addTo(map);
      } else {
        marker.setLatLng(latlng);
      }
      var area = areaAt(features, lat, lng);
      var where = labels.labelPlaced + " " + lat.toFixed(5) + ", " + lng.toFixed(5) + " · " +
        labels.labelArea + ": " + (area || labels.labelOutside);
      say(where);
      container.setAttribute("data-area", area || "");
      return area;
    }

    function fillArea(area) {
      if (!areaInput) { return; }
      if (areaInput.value.trim() === "" || areaInput.value === autoArea) {
        areaInput.value = area || "";
        autoArea = area || "";
      }
    }

    function fromInputs(pan) {
      var lat = number(latInput), lng = number(lonInput);
      if (lat === null || lng === null || Math.abs(lat) > 90 || Math.abs(lng) > 180) { return; }
      fillArea(place(lat, lng));
      if (pan) { map.panTo([lat, lng]); }
    }

    map.on("click", function (e) {
      var lat = Math.round(e.latlng.lat * 1e6) / 1e6;
      var lng = Math.round(L.Util.wrapNum(e.latlng.lng, [-180, 180], true) * 1e6) / 1e6;
      if (latInput) { latInput.value = String(lat); }
      if (lonInput) { lonInput.value = String(lng); }
      fillArea(place(lat, lng));
    });
    map.on("resize", function () {  /* a turned phone: keep the placed incident in view */
      if (marker) { map.panTo(marker.getLatLng(), { animate: false }); }
    });
    [latInput, lonInput].forEach(function (input) {
      if (input) { input.addEventListener("change", function () { fromInputs(true); }); }
    });

    if (!labels.mapUrl) {
      container.setAttribute("data-state", "no-mission");
      say(labels.labelNoMission);
      return;
    }
    container.setAttribute("data-state", "loading");
    util.getJson(labels.mapUrl, "application/geo+json")
      .then(function (data) {
        var context = ctx ? ctx.load(map, data.context_url, null) : Promise.resolve(null);
        return context.then(function (layers) {
          features = (data.features || []).filter(function (f) {
            return f.properties && f.properties.feature_type === "admin_area";
          });
          features.sort(function (a, b) { return a.properties.level - b.properties.level; });
          var areas = L.geoJSON(features, {
            pane: map.getPane("bhAreas") ? "bhAreas" : "overlayPane",
            style: function (f) {
              return { color: "#6b7a84", weight: f.properties.level === 0 ? 2 : 1,
                       fillColor: "#ffffff", fillOpacity: f.properties.level === 0 ? 0.2 : 0.5 };
            },
            onEachFeature: function (f, layer) {
              layer.bindTooltip(node("span", null, f.properties.name), { sticky: true });
            }
          }).addTo(map);
          var bounds = areas.getLayers().length ? areas.getBounds()
            : (layers && layers.bounds ? layers.bounds : null);
          /* No animation: a click during a zoom animation would place the incident where
             the map is going to be, not where the user saw it. */
          if (bounds && bounds.isValid()) { map.fitBounds(bounds.pad(0.05), { animate: false }); }
          var lat = number(latInput), lng = number(lonInput);
          if (lat !== null && lng !== null) {
            place(lat, lng);
            map.setView([lat, lng], Math.max(map.getZoom(), 6), { animate: false });
          }
          container.setAttribute("data-area-count", String(features.length));
          container.setAttribute("data-state", "ready");
        });
      })
      .catch(function () {
        container.setAttribute("data-state", "error");
        say(labels.labelError);
      });
  }

  function initNames(list) {
    if (!list || list.getAttribute("data-state")) { return; }
    list.setAttribute("data-state", "loading");
    var timer = null;
    var asked = {};

    function fill(names) {
      var have = {};
      Array.prototype.forEach.call(list.options, function (o) { have[o.value] = true; });
      names.forEach(function (name) {
        if (have[name]) { return; }
        var option = document.createElement("option");
        option.value = name;  /* a value, never markup */
        list.appendChild(option);
        have[name] = true;
      });
    }

    function ask(text) {
      if (asked[text]) { return; }
      asked[text] = true;
      var url = list.dataset.url + "?mission=" + encodeURIComponent(list.dataset.mission) +
        (text ? "&q=" + encodeURIComponent(text) : "");
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { names: [] }; })
        .then(function (data) {
          fill(data.names || []);
          list.setAttribute("data-state", "ready");
        })
        .catch(function () { list.setAttribute("data-state", "error"); });
    }

    ask("");
    document.querySelectorAll("input[list='" + list.id + "']").forEach(function (input) {
      input.addEventListener("input", function () {
        var text = input.value.trim();
        if (text.length < 2) { return; }
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { ask(text.slice(0, 40)); }, 250);
      });
    });
  }

  function start() {
    var container = document.getElementById("entry-map");
    if (container && window.L) { initMap(container); }
    initNames(document.getElementById("incident-actor-names"));
  }

  util.ready(start);
  document.addEventListener("htmx:load", start);  /* the form was replaced (another mission) */
})();
