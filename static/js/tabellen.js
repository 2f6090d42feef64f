// On a narrow screen a wide table scrolls sideways on its own (wijkteam.css), never the page (WCAG 1.4.10).
// Such a table then takes the keyboard focus, so it also scrolls with the arrow keys when it holds no link
// (WCAG 2.1.1); its name is its caption. Without JavaScript the table still scrolls with a mouse or finger.
(function () {
  "use strict";
  function werkBij() {
    document.querySelectorAll("table.utrecht-table").forEach(function (tabel) {
      var scrollt = tabel.scrollWidth > tabel.clientWidth + 1;
      if (scrollt && !tabel.hasAttribute("tabindex")) {
        tabel.setAttribute("tabindex", "0");
        tabel.setAttribute("data-scrollt", "");
      } else if (!scrollt && tabel.hasAttribute("data-scrollt")) {
        tabel.removeAttribute("tabindex");
        tabel.removeAttribute("data-scrollt");
      }
    });
  }
  werkBij();
  window.addEventListener("resize", werkBij);
  document.addEventListener("htmx:afterSettle", werkBij);
})();
