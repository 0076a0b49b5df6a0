"""Hostile input, eighth round, part B (issue 21): errors that were unclear (cases named in each test).

Each message names the file (or option), the field or line, and the fix that fits; no traceback.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from presslens import load_story
from presslens.engine import store

from .test_hostile import cli_run, problems


def _append(story: Path, text: str) -> int:
    """Append ``text`` to story.yaml; the file line its first line lands on."""
    y = story / "story.yaml"
    old = y.read_text(encoding="utf-8").rstrip("\n") + "\n"
    y.write_text(old + text, encoding="utf-8")
    return old.count("\n") + 1


def test_c035_an_include_tag_is_named_with_its_line_and_the_fix(mini):
    """c035: `!include` gave "does not read: !!could not determine a constructor for the tag '!include'"."""
    line = _append(mini, "notes: !include /etc/passwd\n")
    (p,) = problems(mini)
    assert p.file == "mini-story/story.yaml", p
    assert p.message == f"is not valid YAML at line {line}: YAML tags such as !include are not supported", p
    assert p.fix.startswith("write the value itself: remove the tag"), p
    assert "could not determine" not in str(p) and "!!" not in str(p)


def test_c035_an_explicit_timestamp_tag_is_refused_not_a_crash(mini):
    """Found beside c035: `!!timestamp` on text crashed PyYAML's own constructor (AttributeError)."""
    line = _append(mini, "notes: !!timestamp not-a-date\n")
    (p,) = problems(mini)
    assert p.message == f"is not valid YAML at line {line}: YAML tags such as !!timestamp are not supported", p


def test_c038_a_key_given_twice_in_front_matter_names_both_file_lines(mini):
    """c038: "line 3 ... first given at line 1" (a front-matter line) and a fix about quoting."""
    (mini / "articles" / "dup.md").write_text("---\noutlet: Dup Key\noutlet: Other Key\npublished: 2023-12-16\n---\n"
                                              "Some text that is long enough. More text.\n", encoding="utf-8")
    (p,) = problems(mini)
    assert (p.file, p.field) == ("mini-story/articles/dup.md", "front matter"), p
    assert "at line 3 (duplicate key 'outlet' (first given at line 2;" in p.message, p  # file lines, both
    assert p.fix.startswith("remove one of the two 'outlet:' lines"), p


def test_c038_a_key_given_twice_in_story_yaml_names_both_file_lines(mini):
    first = (mini / "story.yaml").read_text(encoding="utf-8").split("\n").index("title: Regulator fines Acme over data use") + 1
    line = _append(mini, "title: Another title\n")
    (p,) = problems(mini)
    assert first == 3 and f"at line {line} (duplicate key 'title' (first given at line {first};" in p.message, p
    assert "remove one of the two 'title:' lines" in p.fix, p


def test_c053_outlets_file_naming_story_yaml_itself_is_one_problem(mini):
    """c053: `outlets_file: story.yaml` gave 9 "unknown field ... remove it" errors (title, claims...)."""
    y = mini / "story.yaml"
    y.write_text("outlets_file: story.yaml\n" + y.read_text(encoding="utf-8"), encoding="utf-8")
    (p,) = problems(mini)
    assert (p.file, p.field) == ("mini-story/story.yaml", "outlets_file"), p
    assert "names this story's own story.yaml, not a separate outlets file" in p.message, p
    assert "outlets_file: ../shared/outlets.yaml" in p.fix, p


def test_c107_a_device_named_like_a_page_is_said_to_be_one(mini, tmp_path, capsys):
    """c107: a link to a device, rand.html, in a pages folder was "not .html/.htm files: rand.html"."""
    pages = tmp_path / "pages"
    pages.mkdir()
    os.symlink("/dev/null", pages / "rand.html")
    (pages / "notes.txt").write_text("not a page", encoding="utf-8")
    rc, out, err = cli_run(capsys, "import", mini, pages)
    said = out + err
    assert "rand.html: is a character device, not a regular file" in said, said
    assert "save the page as a regular .html file" in said, said
    assert "(not .html/.htm files): notes.txt." in said, said  # the other files as before, without rand.html
    assert not list((mini / "articles").glob("rand*")), "nothing imported"


@pytest.mark.parametrize("args", [["check", ""], ["run", " "], ["import", "", "x.html"], ["export", "--out", ""]])
def test_c133_an_empty_path_is_refused_not_the_working_directory(args, tmp_path, capsys, monkeypatch):
    """c133: `presslens check ""` (an unset $STORY) checked the working directory."""
    monkeypatch.chdir(tmp_path)
    rc, out, err = cli_run(capsys, *args)
    assert rc == 2 and out == "", (out, err)
    assert err.count("\n") == 1 and ": is empty (" in err, err
    if args[0] != "export":
        assert f"presslens {args[0]} [STORY]: is empty" in err and "did you mean STORY=" in err, err
    else:
        assert "[--out]: is empty" in err, err
    assert not list(tmp_path.iterdir()), "nothing written in the working directory"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_c163_a_full_standard_output_is_named(tmp_path):
    """c163: `check > /dev/full` said "No space left on device: check the path" and named no path."""
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "presslens.cli", "check", str(Path(__file__).parent / "fixtures" / "mini-story")],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.startswith("presslens: could not write to standard output (No space left on device)"), proc.stderr
    assert "> FILE" in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr


def test_c205_a_regex_in_double_quotes_says_to_use_single_quotes(mini):
    """c205: "whitewash\\w*" in double quotes gave "found unknown escape character" and a fix about ':' and '#'."""
    y = mini / "story.yaml"
    text = y.read_text(encoding="utf-8")
    y.write_text(text.replace("patterns: ['appeal']", 'patterns: ["appeal\\w*"]'), encoding="utf-8")
    line = text[:text.index("patterns: ['appeal']")].count("\n") + 1
    (p,) = problems(mini)
    assert p.file == "mini-story/story.yaml", p
    assert p.message.startswith(f"is not valid YAML at line {line} (found unknown escape character): in double "
                                'quotes ("appeal\\w*") a backslash starts an escape'), p
    assert p.fix == "write the pattern in single quotes, where a backslash stays a backslash: 'appeal\\w*'", p
    assert "':' or '#'" not in str(p)


@pytest.fixture
def said_afresh(monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE_OFF_SAID", "")  # what an earlier notice left; put back as it was after the test


@pytest.mark.parametrize("damage", ["empty", "folder"])
def test_c144_c145_a_damaged_cache_key_is_said_once(damage, tmp_path, monkeypatch, capsys, said_afresh):
    """c144/c145: an empty or folder cache-key turned the cache off for good, without a word."""
    cache = tmp_path / "cache"
    cache.mkdir()
    key = cache / "cache-key"
    key.mkdir() if damage == "folder" else key.write_bytes(b"")
    monkeypatch.setenv("PRESSLENS_CACHE", str(cache))
    for i in range(3):
        store.store(cache / f"e{i}.pkl", {"n": i})
        assert store.load(cache / f"e{i}.pkl") is None  # the cache is off (never a crash)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"presslens: {key}: " in err and "so the cache is off" in err, err
    assert (f"rm -r {key}" if damage == "folder" else f"rm {key}") in err, err
    assert ("is a folder" if damage == "folder" else "holds 0 bytes") in err, err


@pytest.mark.parametrize("where", ["file", "missing parent"])
def test_c138_c139_an_unusable_presslens_cache_is_said_once(where, tmp_path, monkeypatch, capsys, said_afresh):
    """c138/c139: PRESSLENS_CACHE naming a file, or a folder that cannot be made, ran uncached silently."""
    cache = tmp_path / "cachefile"
    if where == "file":
        cache.write_text("x", encoding="utf-8")
    else:
        (tmp_path / "ro").write_text("x", encoding="utf-8")
        cache = tmp_path / "ro" / "cache"  # under a file: cannot be made
    monkeypatch.setenv("PRESSLENS_CACHE", str(cache))
    store.store(cache / "a.pkl", 1)
    store.store(cache / "b.pkl", 2)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"presslens: {cache}: named by PRESSLENS_CACHE, cannot be used" in err, err
    assert "point PRESSLENS_CACHE at a folder you can write, or unset it" in err, err
    if where == "file":
        assert "(it is a file, not a folder)" in err, err


def test_c191_lower_case_t_and_z_are_read_as_rfc_3339_allows(mini):
    """c191: `2023-12-16t10:00z` (valid RFC 3339) was refused."""
    art = mini / "articles" / "wire.md"
    art.write_text(art.read_text(encoding="utf-8").replace("published: null", "published: 2023-12-16t10:00z"),
                   encoding="utf-8")
    row = load_story(mini).articles.set_index("id").loc["wire"]
    assert str(row["published"].date()) == "2023-12-16"
    assert (row["published_time"], row["published_offset"]) == ("10:00", "+00:00")


def test_c205_a_backslash_in_double_quotes_in_front_matter_names_the_file_line(mini):
    (mini / "articles" / "esc.md").write_text('---\noutlet: Esc Post\ntitle: "Shares fell \\d percent"\n---\n'
                                              "Some text that is long enough. More text.\n", encoding="utf-8")
    (p,) = problems(mini)
    assert (p.file, p.field) == ("mini-story/articles/esc.md", "front matter"), p
    assert p.message.startswith("is not valid YAML at line 3 (found unknown escape character)"), p
    assert p.fix.endswith("write the value in single quotes, where a backslash stays a backslash: 'Shares fell \\d percent'"), p
