/* The left menu on narrow screens (base.html; CSS in bluehelmet.css).
 *
 * Below 768 px the menu folds behind the "Menu" button of the top bar. This file is loaded
 * in <head> without defer so that the class telling the CSS that the button works is set
 * before the first paint: without JavaScript there is no button and the menu stays open
 * above the page. The button toggles .is-open on the menu and its aria-expanded; Escape
 * closes the menu and gives the focus back to the button.
 */
(function () {
  "use strict";
  document.documentElement.classList.add("has-menu-js");

  function setOpen(button, menu, open) {
    menu.classList.toggle("is-open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function init() {
    var button = document.getElementById("nav-toggle");
    var menu = document.getElementById("sidenav");
    if (!button || !menu) {
      return;
    }
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      setOpen(button, menu, open);
      if (open) {
        var current = menu.querySelector("[aria-current='page']") || menu.querySelector("summary, a");
        if (current) {
          current.focus();
        }
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(button, menu, false);
        button.focus();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
