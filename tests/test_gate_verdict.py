"""The gate's verdict kept on disk (:func:`presslens.notebook.gate.checked`): a story that passed is not checked
again while its content, configuration, the code and the pattern budget are unchanged; anything else is."""
import pytest

from presslens.notebook import gate
from presslens.story.model import StoryError


@pytest.fixture
def calls(monkeypatch):
    """The stories :func:`gate.check_story` was asked to check (it still checks them)."""
    seen = []
    real = gate.check_story

    def spy(path):
        seen.append(path)
        return real(path)

    monkeypatch.setattr(gate, "check_story", spy)
    return seen


def test_a_story_that_passed_is_not_checked_again(mini, tmp_path, monkeypatch, calls):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    st = gate.checked(mini)
    assert len(calls) == 1 and gate.verdict_file(st).is_file()
    again = gate.checked(mini)
    assert len(calls) == 1  # the verdict was read: no second check
    assert list(again.articles["id"]) == list(st.articles["id"])


def test_an_edited_article_a_new_budget_or_new_gate_code_checks_again(mini, tmp_path, monkeypatch, calls):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    gate.checked(mini)
    art = mini / "articles" / "daily.md"
    art.write_text(art.read_text(encoding="utf-8") + "\nOne more sentence of the Harbour story.\n", encoding="utf-8")
    gate.checked(mini)
    assert len(calls) == 2  # the content changed
    monkeypatch.setenv("PRESSLENS_PATTERN_BUDGET", "7")
    gate.checked(mini)
    assert len(calls) == 3  # another pattern budget
    monkeypatch.setattr(gate, "_own_code", lambda: "an edited gate")
    gate.checked(mini)
    assert len(calls) == 4  # the gate's own code changed (keys.code_hash leaves notebook/ out)
    gate.checked(mini)
    assert len(calls) == 4


def test_a_story_that_fails_is_checked_every_time_and_no_result_cache_checks_always(mini, tmp_path, monkeypatch, calls):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    (mini / "articles" / "empty.md").write_text("---\noutlet: Harbour Post\n---\n...\n", encoding="utf-8")
    for k in (1, 2):
        with pytest.raises(StoryError, match="no words are left after cleaning"):
            gate.checked(mini)
        assert len(calls) == k
    (mini / "articles" / "empty.md").unlink()
    monkeypatch.setenv("PRESSLENS_NO_RESULT_CACHE", "1")
    gate.checked(mini)
    gate.checked(mini)
    assert len(calls) == 4
    assert not (tmp_path / "cache" / "gate").exists()


def test_a_verdict_that_is_not_a_pass_is_a_miss(mini, tmp_path, monkeypatch, calls):
    from presslens.engine import store

    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    st = gate.checked(mini)
    store.store(gate.verdict_file(st), "failed")  # signed, but not the pass the gate writes
    gate.checked(mini)
    assert len(calls) == 2
