"""Boundaries of yamlsafe's limits pinned on both sides (issue 20): exactly MAX_DEPTH levels read and one
more refused, exactly MAX_ALIASES aliases and one more, an expansion of exactly MAX_NODES values and more."""
import pytest

from presslens import yamlsafe


def test_depth_at_the_limit_and_one_past():
    n = yamlsafe.MAX_DEPTH
    assert yamlsafe.parse_yaml("[" * n + "]" * n) is not None
    with pytest.raises(yamlsafe.YAMLLimitError, match="nests more than"):
        yamlsafe.parse_yaml("[" * (n + 1) + "]" * (n + 1))


def test_aliases_at_the_limit_and_one_past():
    n = yamlsafe.MAX_ALIASES
    ok = yamlsafe.parse_yaml("a: &x 1\nb: [" + ", ".join(["*x"] * n) + "]")
    assert len(ok["b"]) == n
    with pytest.raises(yamlsafe.YAMLLimitError, match="aliases"):
        yamlsafe.parse_yaml("a: &x 1\nb: [" + ", ".join(["*x"] * (n + 1)) + "]")


def test_expanded_values_at_the_limit_and_past(monkeypatch):
    monkeypatch.setattr(yamlsafe, "MAX_NODES", 10)
    # the root (1) + [1, 2] (3) + two aliases of it (3 each): exactly 10 values
    assert yamlsafe.parse_yaml("[&x [1, 2], *x, *x]") == [[1, 2], [1, 2], [1, 2]]
    with pytest.raises(yamlsafe.YAMLLimitError, match="expand to more than 10 values"):
        yamlsafe.parse_yaml("[&x [1, 2], *x, *x, 3]")  # 11
    assert yamlsafe.parse_yaml("") is None
