"""Boundaries of the evaluation's text scoring pinned on both sides (issue 20): a span 90% similar (89
not), one text holding another of 80% its length (79 not), furniture of eight characters and three
words, a line cut to punctuation, sentences found in order. Invented strings, ratios worked by hand."""
from presslens.evaluation import score_text as st


def test_same_span_at_ninety_percent_and_four_fifths_held():
    assert st.same_span("abcdefghij", "abcdefghiz")  # one letter of ten changed: ratio exactly 90
    assert not st.same_span("abcdefghij", "abcdefghyz")  # two: 80
    assert st.same_span("abcdefghij", "abcdefgh")  # held, 8 of 10 letters: exactly four fifths
    assert not st.same_span("abcdefghij", "abcdefg")  # held, 7 of 10 (ratio 82)
    assert st.same_span("Harbour, council!", "harbour council")  # folded: case and punctuation aside
    assert not st.same_span("", "") and not st.same_span("pier", "")


def test_match_pairs_each_side_once_most_similar_first():
    pred = [{"quote": "abcdefghij"}, {"quote": "abcdefghiz"}]
    gold = [{"text": "abcdefghij"}]
    assert st._match(pred, gold) == [(0, 0)]  # the exact one wins, the other is left
    assert st._match(pred[::-1], gold) == [(1, 0)]
    assert st._match([{"quote": "harbour pier"}], [{"text": "north bay levy"}]) == []


def test_holds_eight_characters_and_three_words():
    s = "harbour news the council met on monday harbour news"
    assert not st._holds(s, "harbour")  # seven characters: never
    assert st._holds("harbours the council met", "harbours")  # eight, at the start
    assert st._holds("the council met harbours", "harbours")  # at the end
    assert not st._holds("the harbours council met", "harbours")  # two words or fewer: only at an end
    assert st._holds("the council met on monday at noon", "met on monday")  # three words: anywhere
    assert not st._holds("the council metonmonday", "met on monday")


def test_dropped_when_only_punctuation_is_left():
    assert st._dropped("Share | Tweet", ["Share", "Tweet"])
    assert not st._dropped("Share | Tweet | Pier", ["Share", "Tweet"])
    assert st._dropped("…", [])
    assert not st._dropped("Pier", ["Harbour"])  # a cut not on the line removes nothing


def test_stream_and_ends():
    text, ends = st._stream("Ab c\nD-e\n")
    assert text == "abcde" and ends == [3, 5, 5]
    stream, _ = st._stream("The pier shut. The pier opened. The pier shut.")
    got = st._ends(stream, ["The pier shut.", "The pier shut.", "Nowhere here.", ""])
    assert [(a, b) for a, b, _ in got] == [(0, 11), (24, 35)]  # 11 + 13 letters: the second found after the first
    got = st._ends(stream, ["The pier opened.", "The pier shut."])
    assert [(a, b) for a, b, _ in got] == [(11, 24), (24, 35)]
    got = st._ends(stream, ["The pier opened.", "The pier opened."])  # not found after: from the start again
    assert [(a, b) for a, b, _ in got] == [(11, 24), (11, 24)]


def test_same_speaker_pronouns_name_nobody():
    assert st.same_speaker({"speaker": "Mara Quirke"}, {"speaker": "Mara Quirke"})
    assert not st.same_speaker({"speaker": "he"}, {"speaker": "he"})
    assert not st.same_speaker({"speaker": "Mara Quirke"}, {"speaker": ""})
    role = {"speaker": "a spokesperson", "speaker_kind": "role", "actor": "Harbour Council"}
    assert st.same_speaker({"speaker": "a council official", "actor": "harbour council"}, role)
    assert not st.same_speaker({"speaker": "a council official", "actor": "Bay Port"}, role)
    assert not st.same_speaker({"speaker": "a council official", "actor": "harbour council"}, {**role, "speaker_kind": "named"})
