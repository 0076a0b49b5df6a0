"""Credit status of a common source: what each article credits, set against the source both took."""
from presslens.analyses import verdicts

from .test_reuse import SOURCE, write_story
from .test_verdicts import pair


def _story(tmp_path, derived_b=()):
    # a credits Reuters (a dateline); b and c carry the same text without crediting Reuters; b may credit
    # something else (an outlet whose text is not in the story)
    arts = {"a": {"outlet": "Harbour Times", "text": "LONDON (Reuters) - " + "\n".join(SOURCE), "published": "2024-05-06"},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE[:4]), "published": "2024-05-07",
                  "derived_from": list(derived_b)},
            "c": {"outlet": "Quiet Copier", "text": "\n".join(SOURCE[1:]), "published": "2024-05-08"}}
    return verdicts.verdicts(write_story(tmp_path / "s", arts))


def test_crediting_another_source_than_the_common_one_is_a_partial_credit(tmp_path):
    v = pair(_story(tmp_path, ["Bay Courier"]), "b", "c")
    assert v["relation"] == "common_wire" and v["source"] == "Reuters"
    assert v["credited"] == "partial"  # b credits something, not what it took
    assert "credited instead: Bay Courier" in v["evidence"]


def test_crediting_nothing_is_no_credit(tmp_path):
    v = pair(_story(tmp_path), "b", "c")
    assert v["relation"] == "common_wire" and v["credited"] == "no"


def test_a_direction_the_credit_gives_is_said_in_provenance_when_no_date_orders_them(tmp_path):
    from presslens.analyses import provenance
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE), "published": None},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE), "published": None,
                  "derived_from": ["Harbour Times"]}}
    st = write_story(tmp_path / "s", arts)
    v = pair(verdicts.verdicts(st), "a", "b")
    assert v["direction"] == "b_from_a" and v["credited"] == "yes"
    row = provenance.provenance(st).set_index("article").loc["b"]
    assert row["status"] == "credited and copied" and row["source_article"] == "a"
    assert row["direction"].startswith("from the texts, not the dates (unknown: no date for ")
