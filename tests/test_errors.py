"""One error hierarchy: every error presslens raises to a user is a PresslensError and says what is
wrong, where and the fix; no bare built-in exception is raised anywhere in the package."""
import ast
from pathlib import Path

import pytest

from presslens import errors, load_story, paths, patterns
from presslens.analyses import keyness, tone
from presslens.analyses.naming import discover
from presslens.figures import style
from presslens.notebook import setup
from presslens.run import outputs
from presslens.story import model
from presslens.story.importer import page
from presslens.story.scaffold import new_story

PKG = Path(__file__).resolve().parent.parent / "presslens"
BUILTIN = {"ValueError", "TypeError", "KeyError", "RuntimeError", "Exception", "IndexError", "LookupError",
           "AttributeError", "OSError", "IOError"}


def test_every_error_type_is_a_presslens_error():
    for cls in (errors.StoryError, errors.ParameterError, errors.PageError, errors.PatternError, errors.RunError,
                errors.OutputError, patterns.PatternTimeout):
        assert issubclass(cls, errors.PresslensError), cls
    # the old homes still name the same classes (code that imported them there keeps working)
    assert model.StoryError is errors.StoryError and model.Problem is errors.Problem
    assert page.PageError is errors.PageError
    assert outputs.RunError is errors.RunError and outputs.OutputError is errors.OutputError
    # a bad parameter is a story error too, and a ValueError as before
    assert issubclass(errors.ParameterError, errors.StoryError) and issubclass(errors.ParameterError, ValueError)


def test_no_bare_builtin_exception_is_raised_in_the_package():
    found = []
    for p in sorted(PKG.rglob("*.py")):
        tree = ast.parse(p.read_text(encoding="utf-8"))
        # a module's __getattr__ (PEP 562) must raise AttributeError for a name it does not have: Python's protocol
        protocol = {id(n) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.name == "__getattr__"
                    for n in ast.walk(f)}
        for node in ast.walk(tree):
            if id(node) in protocol:
                continue
            if isinstance(node, ast.Raise) and node.exc is not None:
                call = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
                if isinstance(call, ast.Name) and call.id in BUILTIN:
                    found.append(f"{p.relative_to(PKG.parent)}:{node.lineno}: raise {call.id}")
    assert not found, "raise a presslens error (what, where, fix) instead:\n" + "\n".join(found)


BUNDLED = paths.resolve(paths.DEFAULT_STORY)


@pytest.mark.parametrize("call,where,name", [
    (lambda st: tone.outlet_tone(st, voice="shouting"), "tone", "voice"),
    (lambda st: tone.tone_arc(st, bins=0), "tone_arc", "bins"),
    (lambda st: keyness.keyness(st, prior_scale=0), "keyness", "prior_scale"),
    (lambda st: keyness.top(keyness.keyness(st), side="sideways"), "top", "side"),
    (lambda st: discover(st, max_edits=9), "discover", "max_edits"),
    (lambda st: style.save(None, None, "Bad Name", "."), "save", "name"),
    (lambda st: new_story("Bad Name!"), "presslens new", "name"),
])
def test_a_bad_argument_says_what_where_and_the_fix(call, where, name):
    st = load_story(BUNDLED)
    with pytest.raises(errors.ParameterError) as info:
        call(st)
    msg = str(info.value)
    assert msg.startswith(f"{where} [{name}]: ") and ". Fix: " in msg, msg
    assert info.value.problems[0].field == name


def test_bad_notebook_parameters_are_parameter_errors_listing_each():
    with pytest.raises(errors.ParameterError) as info:
        setup.setup(str(BUNDLED), "figures", n_boot="many", nonsense=1)
    fields = {p.field for p in info.value.problems}
    assert {"n_boot", "nonsense"} <= fields
    assert all(p.fix for p in info.value.problems)


@pytest.mark.parametrize("slug", ["a--", "-a", "a-", "a--b", "Acme", "acme_fine", "a" * 81, ""])
def test_a_story_name_is_words_joined_by_single_dashes(tmp_path, slug):
    with pytest.raises(errors.ParameterError) as info:
        new_story(slug, root=tmp_path)
    assert "is not a folder name" in str(info.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("slug", ["a", "acme-fine-2024", "2024-b", "a" * 80])
def test_a_good_story_name_is_taken(tmp_path, slug):
    assert (new_story(slug, root=tmp_path) / "story.yaml").is_file()
