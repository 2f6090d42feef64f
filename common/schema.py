"""OpenAPI: every operation documents the errors it can give, in the shape of common.fouten: 400 with field
errors, 401/403/404 and 429 with a Dutch ``detail``. A drf-spectacular postprocessing hook
(``SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]``), so no view has to repeat it."""

FOUT = "Fout"
VELDFOUTEN = "Veldfouten"

ANTWOORDEN = {
    "400": ("Ongeldige invoer: per veld de fouten (of non_field_errors).", VELDFOUTEN),
    "401": ("Niet ingelogd of ongeldige sleutel.", FOUT),
    "403": ("Geen toegang voor deze rol.", FOUT),
    "404": ("Bestaat niet, of u mag het niet zien.", FOUT),
    "429": ("Te veel verzoeken vanaf uw verbinding; probeer het later opnieuw (zie Retry-After).", FOUT),
}


def foutantwoorden(result, generator, request, public):
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault(FOUT, {"type": "object", "properties": {"detail": {"type": "string"}},
                              "required": ["detail"]})
    schemas.setdefault(VELDFOUTEN, {
        "type": "object",
        "description": "Veld → lijst met Nederlandse foutmeldingen (geneste velden als object).",
        "additionalProperties": True,
    })
    for pad in result.get("paths", {}).values():
        for methode, operatie in pad.items():
            if methode not in {"get", "post", "put", "patch", "delete"}:
                continue
            antwoorden = operatie.setdefault("responses", {})
            for code, (tekst, naam) in ANTWOORDEN.items():
                antwoorden.setdefault(code, {
                    "description": tekst,
                    "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{naam}"}}},
                })
    return result
