// Progressive enhancement of a checkbox list (templates/components/vinkjes.html): a search box that hides the
// options that do not match. Without JavaScript the box stays hidden and the whole list is shown. Hidden options
// keep their state, so a checked one is still sent.
(function () {
  "use strict";
  document.querySelectorAll("[data-vinkjesfilter]").forEach(function (blok) {
    var invoer = blok.querySelector("input[type=search]");
    var items = blok.parentElement.querySelectorAll(".vinkjes__lijst > li");
    blok.hidden = false;
    invoer.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); }  // searching does not submit the form
    });
    invoer.addEventListener("input", function () {
      var zoek = invoer.value.trim().toLowerCase();
      items.forEach(function (li) {
        li.hidden = zoek !== "" && li.textContent.toLowerCase().indexOf(zoek) === -1;
      });
    });
  });
})();
