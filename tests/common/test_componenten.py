"""The component tags render exactly the HTML the pages used to write by hand."""

from types import SimpleNamespace

from django.template import Context, Template


def _render(tekst, **context):
    return Template("{% load i18n componenten %}" + tekst).render(Context(context))


def test_knop_primair_secundair_met_naam():
    assert _render('{% knop _("Opslaan") %}') == (
        '<button type="submit" class="utrecht-button utrecht-button--primary-action">Opslaan</button>')
    assert _render('{% knop "Concept" soort="secundair" naam="actie" waarde="concept" %}') == (
        '<button type="submit" name="actie" value="concept" class="utrecht-button utrecht-button--secondary-action">'
        "Concept</button>")
    assert "&lt;b&gt;" in _render("{% knop label %}", label="<b>")  # labels are escaped


def test_tabel():
    assert _render("{% tabel %}<tr><td>{{ x }}</td></tr>{% endtabel %}", x="1") == (
        '<table class="utrecht-table"><tr><td>1</td></tr></table>')


def test_termijn_badge():
    te_laat = _render("{% termijn_badge 'te_laat' -3 %}")
    assert '<span class="termijn te-laat">' in te_laat and "Te laat" in te_laat and "(3 dagen)" in te_laat
    assert 'class="termijn bijna"' in _render("{% termijn_badge 'binnen_week' %}")
    assert _render("{% termijn_badge 'op_tijd' %}").strip() == '<span class="termijn op-tijd">Op tijd</span>'
    assert _render("{% termijn_badge None %}").strip() == ""
    assert "dagen" not in _render("{% termijn_badge 'te_laat' %}")  # without a number of days


def test_opties():
    assert _render("{% opties p %}", p=[(7, "Jan <Smit>"), (9, "piet")]) == (
        '<option value="7">Jan &lt;Smit&gt;</option><option value="9">piet</option>')


def test_kindveiligheid_banner():
    assert _render("{% kindveiligheid_banner t %}", t=SimpleNamespace(zorgen_kindveiligheid=True)) == (
        '<p class="utrecht-alert bericht bericht--error"><strong>Zorgen over de veiligheid van een kind</strong></p>')
    assert _render("{% kindveiligheid_banner t %}", t=SimpleNamespace(zorgen_kindveiligheid=False)) == ""
    assert _render("{% kindveiligheid_banner t %}", t=None) == ""
