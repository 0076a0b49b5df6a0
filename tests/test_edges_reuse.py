"""Boundaries of the reuse machinery pinned on both sides (issue 20: seeded bugs at >= vs >, ends of
ranges and minimum counts survived the module tests). Crafted values, each checked by hand."""
import datetime as dt

from presslens.analyses import pair_evidence
from presslens.analyses.reuse import align
from presslens.story import when


def test_kept_places_keeps_all_up_to_max_repeat_then_the_two_halves():
    m = align.MAX_REPEAT  # 64
    assert align.kept_places(list(range(m))) == list(range(m))  # exactly MAX_REPEAT: all kept
    over = list(range(m + 1))  # one more: the first 32 and the last 32, the middle one (32) dropped
    kept = align.kept_places(over)
    assert len(kept) == m and kept[:m // 2] == list(range(m // 2)) and kept[m // 2:] == list(range(m // 2 + 1, m + 1))
    assert m // 2 not in kept
    assert align.kept_places([]) == []


def test_runs_chain_diagonals_and_a_gap_or_a_shift_breaks_them():
    # (0,5) (1,6) (2,7): one run on diagonal 5; (4,9): same diagonal but position 3 missing, a new run;
    # (1,2): diagonal 1 comes first (ordered by diagonal, then position)
    pts = [(2, 7), (0, 5), (1, 6), (4, 9), (1, 2)]
    assert align.runs(pts) == [(1, 2, 1), (0, 5, 3), (4, 9, 1)]
    assert align.runs([]) == []
    assert align.runs([(3, 3)]) == [(3, 3, 1)]  # one shared shingle: a run of one


def test_voice_of_at_exactly_half_quoted_is_quoted():
    q = align.QUOTED  # 0.5
    assert align.voice_of(q, q) == "quotation"  # exactly half on both sides: quoted on both
    assert align.voice_of(q, 0.49) == "quote on one side"
    assert align.voice_of(0.49, q) == "quote on one side"
    assert align.voice_of(0.49, 0.49) == "narration"
    assert align.voice_of(0.0, 1.0) == "quote on one side"


def _day(d):
    return when.When(dt.date(2024, 5, d))


def test_two_dates_without_times_order_only_two_days_apart_or_more():
    assert pair_evidence.APART_DAYS == 2
    sign, why = pair_evidence.order(_day(3), _day(4))  # one day apart: too close
    assert sign is None and "a day apart" in why
    assert pair_evidence.order(_day(4), _day(3))[0] is None
    assert pair_evidence.order(_day(3), _day(5)) == (-1, "by date")  # two days apart: ordered
    assert pair_evidence.order(_day(5), _day(3)) == (1, "by date")
    # one side with an instant, the other without: still the two-day rule
    zoned = when.When(dt.date(2024, 5, 3), dt.time(9, 0), dt.timedelta(0))
    assert pair_evidence.order(zoned, _day(4))[0] is None
    assert pair_evidence.order(zoned, _day(5))[0] == -1
    # both instants known: ordered whatever the days (an hour apart across midnight)
    late = when.When(dt.date(2024, 5, 3), dt.time(23, 30), dt.timedelta(0))
    early = when.When(dt.date(2024, 5, 4), dt.time(0, 30), dt.timedelta(0))
    assert pair_evidence.order(late, early) == (-1, "by date")
    assert pair_evidence.order(early, late) == (1, "by date")


def test_when_order_ties_and_sides():
    a = when.When(dt.date(2024, 5, 3), dt.time(9, 0), dt.timedelta(hours=2))  # 07:00 UTC
    b = when.When(dt.date(2024, 5, 3), dt.time(7, 0), dt.timedelta(0))  # 07:00 UTC too
    assert when.order(a, b)[0] is None and "same moment" in when.order(a, b)[1]
    c = when.When(dt.date(2024, 5, 3), dt.time(7, 1), dt.timedelta(0))
    assert when.order(b, c) == (-1, "by time of day") and when.order(c, b) == (1, "by time of day")
    assert when.order(None, b) == (None, "a date is missing") and when.order(b, None)[0] is None
    # a zone west of UTC: 20:00 at -05:00 on the 3rd is 01:00 UTC on the 4th, after 00:30 UTC on the 4th
    west = when.When(dt.date(2024, 5, 3), dt.time(20, 0), dt.timedelta(hours=-5))
    assert west.order_day == dt.date(2024, 5, 4)
    assert when.order(west, when.When(dt.date(2024, 5, 4), dt.time(0, 30), dt.timedelta(0))) == (1, "by time of day")
    assert when.order(west, _day(3)) == (1, "by date")  # its UTC day is the 4th
    assert when.order(_day(4), west)[0] is None  # the 4th alone vs a time on the 4th: order unknown


def test_zone_labels_half_hours_and_negative_offsets():
    assert when.When(dt.date(2024, 5, 3), dt.time(9, 0), dt.timedelta(hours=5, minutes=30)).zone == "+05:30"
    assert when.When(dt.date(2024, 5, 3), dt.time(9, 0), dt.timedelta(hours=-3, minutes=-30)).zone == "-03:30"
    assert when.When(dt.date(2024, 5, 3), dt.time(9, 0), dt.timedelta(0)).zone == "+00:00"
    assert when.When(dt.date(2024, 5, 3), dt.time(9, 0, 1)).precision == "second"
    assert when.When(dt.date(2024, 5, 3), dt.time(9, 0)).precision == "minute"
    assert when.When(dt.date(2024, 5, 3)).precision == "day"
