"""Boundaries of the quote gold-file matching pinned on both sides (issue 20): a span 90% similar (80
not), one text holding another of four fifths its length (seven tenths not), a role source by actor and kind."""
from presslens.analyses.quotes import gold


def test_same_span_at_ninety_and_four_fifths():
    assert gold._same_span("abcdefghij", "abcdefghiz")  # ratio exactly 90
    assert not gold._same_span("abcdefghij", "abcdefghyz")  # 80
    assert gold._same_span("abcdefghij", "abcdefgh")  # held, exactly four fifths
    assert not gold._same_span("abcdefghij", "abcdefg")
    assert not gold._same_span("", "abc")


def test_same_speaker_by_name_or_role_actor_and_kind():
    assert gold._same_speaker({"speaker": "Mara Quirke"}, {"speaker": "Councillor Mara Quirke"})  # one holds the other
    assert not gold._same_speaker({"speaker": "Mara Quirke"}, {"speaker": float("nan")})
    assert not gold._same_speaker({"speaker": "Mara Quirke"}, {"speaker": "Tom Brun"})
    g = {"speaker": "a council spokesperson", "speaker_kind": "role", "actor": "Harbour Council"}
    assert gold._same_speaker(g, {"speaker": "an official", "speaker_kind": "role", "actor": "Harbour Council"})
    assert not gold._same_speaker(g, {"speaker": "an official", "speaker_kind": "anonymous", "actor": "Harbour Council"})
    assert not gold._same_speaker(g, {"speaker": "an official", "speaker_kind": "role", "actor": "Bay Port"})
    assert not gold._same_speaker({**g, "speaker_kind": "named"}, {"speaker": "an official", "speaker_kind": "named",
                                                                   "actor": "Harbour Council"})
