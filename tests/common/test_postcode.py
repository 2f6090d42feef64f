import pytest
from django.core.exceptions import ValidationError

from common.postcode import normaliseer_postcode


@pytest.mark.parametrize("invoer", ["2981ab", "2981 AB", " 2981  ab ", "2981AB"])
def test_een_opgeslagen_vorm(invoer):
    assert normaliseer_postcode(invoer) == "2981 AB"
    assert normaliseer_postcode(invoer, compact=True) == "2981AB"


def test_geen_volledige_postcode_blijft_zoektekst():
    assert normaliseer_postcode("2981 ") == "2981"
    assert normaliseer_postcode(None) == ""


@pytest.mark.parametrize("invoer", ["0981AB", "2981", "29811AB", "", "abcd ef"])
def test_streng_weigert_met_nederlandse_melding(invoer):
    with pytest.raises(ValidationError) as fout:
        normaliseer_postcode(invoer, streng=True)
    assert fout.value.message_dict == {"postcode": ["Vul een postcode in zoals 2981 AB."]}
