// Idle-timeout warning: shown SESSIE_WAARSCHUWING_SECONDEN before the server ends an idle session
// (inloggen.middleware.SessieDuurMiddleware). "Ingelogd blijven" sends one request, which counts as
// activity; at the end the page reloads, and the server shows the login page.
(function () {
  "use strict";
  var body = document.body;
  var inactief = parseInt(body.dataset.sessieInactief, 10);
  var waarschuwing = parseInt(body.dataset.sessieWaarschuwing, 10);
  var melding = document.getElementById("sessie-waarschuwing");
  var knop = document.getElementById("sessie-verlengen");
  if (!inactief || !melding || !knop) { return; }
  var timers = [];

  function plan() {
    timers.forEach(clearTimeout);
    melding.hidden = true;
    timers = [
      setTimeout(function () { melding.hidden = false; knop.focus(); },
                 Math.max(inactief - waarschuwing, 0) * 1000),
      setTimeout(function () { window.location.reload(); }, (inactief + 1) * 1000)
    ];
  }

  knop.addEventListener("click", function () {
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    fetch(body.dataset.sessieVerlengen, {
      method: "POST", credentials: "same-origin",
      headers: {"X-CSRFToken": token ? token.value : ""}
    }).then(plan);
  });
  document.body.addEventListener("htmx:afterRequest", plan);
  document.body.addEventListener("autosave:klaar", plan);  // js/autosave.js: a background save is activity too
  plan();
}());
