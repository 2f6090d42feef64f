"""Form helpers shared by every app's forms."""

from django import forms


class DatumInput(forms.DateInput):
    """A native date field (``<input type="date">``) that shows the stored value back in ISO form."""

    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)
