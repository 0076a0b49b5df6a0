"""Boundaries of presslens.limits pinned on both sides (issue 20): a file of exactly the limit read and
one byte more refused, UTF-16 told from 16 bytes with a quarter zeros (15 bytes, or fewer zeros, not),
control characters at the edges of their ranges. Invented bytes in tmp_path."""
import pytest

from presslens import limits


def test_read_bytes_at_the_limit_and_one_past(tmp_path):
    p = tmp_path / "a.md"
    p.write_bytes(b"x" * 100)
    assert limits.read_bytes(p, 100) == b"x" * 100
    with pytest.raises(limits.InputError, match="over the"):
        limits.read_bytes(p, 99)
    with pytest.raises(limits.InputError, match="does not exist"):
        limits.read_bytes(tmp_path / "none.md", 100)
    with pytest.raises(limits.InputError, match="not a regular file"):
        limits.read_bytes(tmp_path, 100)


def test_utf16_needs_sixteen_bytes_and_a_quarter_zeros_on_one_side():
    le = "Harbour!".encode("utf-16-le")  # 16 bytes, 8 zeros, all odd
    assert limits.utf16_without_bom(le) == "utf-16le"
    assert limits.utf16_without_bom("Harbour!".encode("utf-16-be")) == "utf-16be"
    assert limits.utf16_without_bom(le[:15]) is None  # fifteen bytes
    four = b"H\x00a\x00r\x00b\x00" + b"ourXYZZY"  # 16 bytes, exactly 4 zeros: a quarter
    assert limits.utf16_without_bom(four) == "utf-16le"
    three = b"H\x00a\x00r\x00b" + b"xourXYZZY"  # 3 zeros: under a quarter
    assert limits.utf16_without_bom(three) is None
    mixed = b"H\x00\x00a\x00rb\x00" + b"ourXYZZY"  # zeros on both sides: not UTF-16
    assert limits.utf16_without_bom(mixed) is None
    # 20 zeros, 19 on the odd side: exactly 95% on one side is UTF-16
    edge = b"X\x00" * 19 + b"\x00X" + b"Y" * 8
    assert edge.count(0) == 20 and limits.utf16_without_bom(edge) == "utf-16le"
    under = b"X\x00" * 18 + b"\x00X" * 2 + b"Y" * 8  # 18 of 20: 90%
    assert limits.utf16_without_bom(under) is None


def test_controls_at_the_edges_of_their_ranges():
    assert limits.normalise("a\tb\nc\rd") == "a\tb\nc\rd"  # tab, line feed, return kept
    assert limits.normalise("a\x08\x0b\x0c\x0e\x1f\x7fb") == "ab"
    assert limits.normalise("a\u00a0b") == "a\u00a0b"  # no-break space: past the C1 range, kept
    assert limits.normalise("a\u009fb\u200bc\ufeffd") == "abcd"
    assert limits.normalise_data({"k\x00": ["v\x00", 3]}) == {"k": ["v", 3]}
    assert limits.line_breaks("one line") is None and limits.line_breaks("a\tb\nc") == "'\\t', '\\n'"
