"""Boundaries of engine/keys.key_part and frame_hash (issue 20 boundary pass): a table is keyed by its
content (equal tables one key; an in-place edit, a column's type, a column's name or order another), a
column of lists by its values' text; a repr naming a memory address is no key. Crafted tables."""
import pandas as pd

from presslens.engine import keys


def test_key_part_of_tables():
    a = pd.DataFrame({"outlet": ["Harbour Gazette", "Pier Times"], "n": [1, 2]})
    k = keys.key_part(a)
    assert k.startswith("frame:") and keys.key_part(a.copy()) == k
    b = a.copy()
    b.loc[1, "n"] = 3
    assert keys.key_part(b) != k
    assert keys.key_part(a.astype({"n": float})) != k  # 1 and 1.0: another type, another key
    assert keys.key_part(a.astype({"n": "int32"})) != k  # the same values hashed alike: the type itself is keyed
    assert keys.key_part(a.rename(columns={"n": "m"})) != k
    assert keys.key_part(a[["n", "outlet"]]) != k
    assert keys.key_part(a.iloc[:1]) != k and keys.key_part(a.iloc[:0]) != keys.key_part(a.iloc[:1])
    lists = pd.DataFrame({"derived_from": [["Kelp"], []]})
    assert keys.key_part(lists) == keys.key_part(pd.DataFrame({"derived_from": [["Kelp"], []]}))
    assert keys.key_part(lists) != keys.key_part(pd.DataFrame({"derived_from": [["Kelp"], ["Kelp"]]}))


def test_key_part_of_other_values():
    assert keys.key_part(1000) == "1000" and keys.key_part(None) == "None" and keys.key_part("harbour") == "'harbour'"
    assert keys.key_part(("a", 1)) == "('a', 1)"
    assert keys.key_part(object()) is None  # <object object at 0x...>: not keyable

    class Named:
        def __repr__(self):
            return "Named(harbour)"
    assert keys.key_part(Named()) == "Named(harbour)"
