/* Strength chart (Capstone §4.2): authorised against deployed personnel, one panel per category.
   Reads the JSON written by the page ({{ chart|json_script:"strength-data" }}); draws with the
   vendored uPlot; the month table on the page carries the same figures for readers without it. */
(function () {
  "use strict";

  var COLOURS = { authorised: "#1b2730", deployed: "#009edb", threshold: "#a4262c" };

  function toSeconds(iso) {
    var p = iso.split("-");
    return Date.UTC(+p[0], +p[1] - 1, +p[2]) / 1000;
  }

  function threshold(authorised, ratio) {
    return authorised.map(function (v) { return v === null ? null : Math.round(v * ratio); });
  }

  function panel(container, data, xs, cat) {
    var box = document.createElement("div");
    box.className = "panel";
    var title = document.createElement("h3");
    title.textContent = cat.label;
    box.appendChild(title);
    container.appendChild(box);
    var opts = {
      width: Math.max(container.clientWidth - 8, 280),
      height: 220,
      series: [
        {},
        { label: data.labels.authorised, stroke: COLOURS.authorised, width: 2,
          paths: uPlot.paths.stepped({ align: 1 }) },
        { label: data.labels.deployed, stroke: COLOURS.deployed, width: 2,
          fill: "rgba(0,158,219,0.12)" },
        { label: data.labels.threshold, stroke: COLOURS.threshold, width: 1, dash: [6, 4],
          paths: uPlot.paths.stepped({ align: 1 }) }
      ],
      axes: [{}, { size: 60 }],
      scales: { x: { time: true } }
    };
    var plot = new uPlot(
      opts, [xs, cat.authorised, cat.deployed, threshold(cat.authorised, data.ratio)], box
    );
    box.setAttribute("role", "img");
    box.setAttribute("aria-label", cat.label + ": " + data.labels.authorised + " / " +
      data.labels.deployed);
    return plot;
  }

  function draw() {
    var container = document.getElementById("strength-chart");
    var source = document.getElementById("strength-data");
    if (!container || !source) { return; }
    try {
      var data = JSON.parse(source.textContent);
      var xs = data.months.map(toSeconds);
      var plots = data.categories.map(function (cat) { return panel(container, data, xs, cat); });
      var timer = null;
      window.addEventListener("resize", function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          var width = Math.max(container.clientWidth - 8, 280);
          plots.forEach(function (p) { p.setSize({ width: width, height: 220 }); });
        }, 150);
      });
    } catch (err) {
      container.textContent = container.getAttribute("data-text-error");
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
