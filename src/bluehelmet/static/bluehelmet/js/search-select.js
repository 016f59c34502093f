/* Search-and-pick fields (core/widgets.py SearchSelect): a result button puts its record's id
   in the field's hidden input and shows what was chosen; "Clear" empties it. */
(function () {
  "use strict";

  function box(el) { return el.closest ? el.closest("[data-search-select]") : null; }

  function show(container, id, label) {
    var input = container.querySelector("[data-search-value]");
    var text = container.querySelector("[data-search-label]");
    var chosen = container.querySelector("[data-search-chosen]");
    var clear = container.querySelector("[data-search-clear]");
    input.value = id;
    if (text) { text.textContent = id ? label : chosen.getAttribute("data-text-none"); }
    if (clear) { clear.hidden = !id; }
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var container = box(target);
    if (!container) { return; }
    var pick = target.closest("[data-pick]");
    if (pick) {
      show(container, pick.getAttribute("data-pick"), pick.getAttribute("data-pick-label"));
      var results = container.querySelector(".search-select-results");
      if (results) { results.textContent = ""; }
      var search = container.querySelector("input[type=search]");
      if (search) { search.focus(); }
      return;
    }
    if (target.closest("[data-search-clear]")) {
      show(container, "", "");
    }
  });
})();
