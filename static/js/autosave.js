// Autosave of a form's draft (templates/huishoudens/gesprek_form.html): when something changed, the form is
// posted in the background to data-autosave-url at most once per data-autosave-seconden (60 by default; read
// again each time, so a test may lower it). The server answers JSON (huishoudens.views.gesprek.gesprek_autosave):
// after the first save the form, its lock version and the autosave URL point to the concept it created, so
// neither the next autosave nor the "Opslaan als concept" button makes a second one. The outcome is written to
// the live region named by data-autosave-status. Without JavaScript nothing changes: the buttons post as always.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave-url]");
  if (!form || !window.fetch || !window.FormData) { return; }
  var status = document.getElementById(form.dataset.autosaveStatus);
  var gewijzigd = false, bezig = false, gestopt = false, timer = null;
  var wachtend = false, knop = null;  // a button pressed while a save was under way

  function wachttijd() {
    var seconden = parseFloat(form.dataset.autosaveSeconden);
    return (seconden > 0 ? seconden : 60) * 1000;
  }

  function plan() {
    if (timer === null && !gestopt) { timer = setTimeout(bewaar, wachttijd()); }
  }

  function toon(tekst) {
    if (status) { status.textContent = tekst; }
  }

  function verwerk(antwoord) {
    var j = antwoord.json;
    if (antwoord.ok && j.opgeslagen) {
      form.dataset.autosaveUrl = j.autosave_url;
      form.action = j.formulier_url;
      var versie = form.querySelector("input[name=lock_versie]");
      if (versie) { versie.value = j.lock_versie; }
      if (window.history && window.history.replaceState && window.location.pathname !== j.formulier_url) {
        window.history.replaceState(null, "", j.formulier_url);  // a reload opens the concept, not a new form
      }
    }
    toon(j.melding);  // 400/409: "Niet opgeslagen: …"; the next change tries again
  }

  function bewaar() {
    timer = null;
    if (!gewijzigd || gestopt) { return; }
    if (bezig) { plan(); return; }  // one request at a time: never two new concepts
    bezig = true;
    gewijzigd = false;
    var gegevens = new FormData(form);
    gegevens.delete("actie");
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    fetch(form.dataset.autosaveUrl, {
      method: "POST", body: gegevens, credentials: "same-origin", redirect: "error",
      headers: {"X-CSRFToken": token ? token.value : "", "Accept": "application/json"}
    }).then(function (r) {
      return r.json().then(function (j) { return {ok: r.ok, json: j}; });
    }).then(verwerk, function () {
      gewijzigd = true;  // no answer (or not JSON, e.g. a login page): keep trying while the page is open
      toon(form.dataset.autosaveFout);
    }).then(function () {
      bezig = false;
      document.body.dispatchEvent(new CustomEvent("autosave:klaar"));
      if (wachtend) {  // post now, to the concept this save may just have created (form.action, lock_versie)
        wachtend = false;
        if (!form.requestSubmit) { form.submit(); } else if (knop) { form.requestSubmit(knop); } else { form.requestSubmit(); }
      } else if (gewijzigd) { plan(); }
    });
  }

  function wijziging() {
    gewijzigd = true;
    plan();
  }

  form.addEventListener("input", wijziging);
  form.addEventListener("change", wijziging);
  form.addEventListener("submit", function (e) {  // the buttons take over; no autosave races the real post
    if (bezig) {  // wait for the save under way, else a first one and the button would make two concepts
      e.preventDefault();
      wachtend = true;
      knop = e.submitter || null;
      return;
    }
    gestopt = true;
    if (timer !== null) { clearTimeout(timer); timer = null; }
  });
}());
