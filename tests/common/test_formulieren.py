"""SnelleKeuzelijst renders the markup of Django's own Select, whatever is chosen, grouped, escaped or invalid."""

import re

from django import forms

from common.formulieren import SnelleKeuzelijst


class Filter(forms.Form):
    soort = forms.ChoiceField(choices=[("", "Alle"), ("x", "X & <b>"), ("Groep", [("1", "één"), ("2", "twee")])],
                              widget=forms.Select(attrs={"tabindex": 0}),
                              required=False)
    team = forms.TypedChoiceField(coerce=int, choices=[("", "Alle"), (1, "Team 1"), (2, "Team 2")],
                                  empty_value=None)


def _zonder_witruimte(html):
    return re.sub(r">\s+<", "><", str(html)).strip()


def _beide(data, attrs=None):
    django_form, snel = Filter(data), Filter(data)
    for veld in snel.fields.values():
        veld.widget = SnelleKeuzelijst(attrs=veld.widget.attrs, choices=veld.choices)
    for form in (django_form, snel):
        form.is_valid()
    return [[_zonder_witruimte(f[naam].as_widget(attrs=attrs)) for naam in ("soort", "team")]
            for f in (django_form, snel)]


def test_zelfde_opmaak_als_django_select():
    for data, attrs in ((None, None), ({"soort": "2", "team": "1"}, {"class": "utrecht-select"}),
                        ({"soort": "x", "team": ""}, {"aria-invalid": "true"})):
        django_html, snel_html = _beide(data, attrs)
        assert snel_html == django_html
    django_html, _snel = _beide({"soort": "2", "team": "1"})
    assert 'value="2" selected>twee</option>' in django_html[0] and "<optgroup" in django_html[0]
    assert "X &amp; &lt;b&gt;" in django_html[0] and 'tabindex="0"' in django_html[0]
    assert 'name="team" required' in django_html[1] or 'required id="id_team"' in django_html[1]


def test_werkvoorraadfilter_gebruikt_snelle_keuzelijst():
    from toegang.melding.forms import WerkvoorraadFilterForm

    form = WerkvoorraadFilterForm(teams=[], wijken=[], is_coordinator=True)
    assert all(isinstance(v.widget, SnelleKeuzelijst) for v in form.fields.values()
               if isinstance(v, forms.ChoiceField))
    assert "Mijn gebieden" in str(form["weergave"])  # the static choices came along with the new widget
