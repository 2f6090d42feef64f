"""Reading a PDF's tag tree back (pypdf), for the tests of the accessible PDFs."""

from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject


def object_(o):
    return o.get_object() if isinstance(o, IndirectObject) else o


def structuur(reader):
    """Every structure element of the tag tree as (type, element), depth first."""
    uit = []

    def loop(knoop):
        knoop = object_(knoop)
        if isinstance(knoop, ArrayObject):
            for kind in knoop:
                loop(kind)
        elif isinstance(knoop, DictionaryObject) and "/S" in knoop:
            uit.append((str(knoop["/S"]), knoop))
            if "/K" in knoop:
                loop(knoop["/K"])

    loop(object_(reader.trailer["/Root"]["/StructTreeRoot"]).get("/K"))
    return uit


def figuren(reader):
    """The alternative texts of the figures, in order."""
    return [str(element.get("/Alt", "")) for soort, element in structuur(reader) if soort == "/Figure"]
