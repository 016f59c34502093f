/* Wide tables: keyboard access to the scrolling box (base.html; CSS .table-wrap).
 *
 * A .table-wrap scrolls a table too wide (or too long) for its box. A box that scrolls must be
 * reachable from the keyboard (WCAG 2.1.1; axe "scrollable-region-focusable"): while it
 * overflows it becomes a tab stop, a region named after the table's caption or the heading
 * before it (with the word of the script tag's data-table-word, "table", so that the region's
 * name differs from its section's), so that the arrow keys scroll it. A box that fits stays out
 * of the tab order.
 * Checked on load, on resize and after htmx swaps new content in (filters, panels).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var WORD = (script && script.getAttribute("data-table-word")) || "table";

  function label(wrap) {
    var text = name(wrap);
    return text ? text + " (" + WORD + ")" : WORD;
  }

  function name(wrap) {
    var caption = wrap.querySelector("caption");
    if (caption && caption.textContent.trim()) {
      return caption.textContent.trim();
    }
    var node = wrap.previousElementSibling;
    while (node) {
      if (/^H[1-6]$/.test(node.tagName) && node.textContent.trim()) {
        return node.textContent.trim();
      }
      node = node.previousElementSibling;
    }
    var section = wrap.closest("section, article");
    var heading = section && section.querySelector("h1, h2, h3, h4");
    return heading && heading.textContent.trim() ? heading.textContent.trim() : "";
  }

  function update() {
    var wraps = document.querySelectorAll(".table-wrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1 || wrap.scrollHeight > wrap.clientHeight + 1;
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", label(wrap));
        wrap.dataset.scrollable = "1";
      } else if (!scrolls && wrap.dataset.scrollable) {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
        delete wrap.dataset.scrollable;
      }
    }
  }

  var pending = null;
  function later() {
    if (pending === null) {
      pending = window.requestAnimationFrame(function () {
        pending = null;
        update();
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
  window.addEventListener("load", update);
  window.addEventListener("resize", later);
  document.addEventListener("htmx:afterSettle", later);
})();
