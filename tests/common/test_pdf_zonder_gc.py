"""common.pdf.zonder_gc pauses Python's cyclic collector while a PDF is made and leaves it as it found it."""

import gc

from common.pdf import zonder_gc


def test_zonder_gc_pauzeert_nest_en_herstelt():
    assert gc.isenabled()
    with zonder_gc():
        assert not gc.isenabled()
        with zonder_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block does not switch it back on halfway
    assert gc.isenabled()


def test_zonder_gc_herstelt_na_een_fout_en_laat_een_uitgezette_collector_uit():
    try:
        with zonder_gc():
            raise ValueError("fout in de render")
    except ValueError:
        pass
    assert gc.isenabled()
    gc.disable()
    try:
        with zonder_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
