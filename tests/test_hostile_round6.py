"""Hostile input, sixth round (issue 21): what the round-6 tester found (cases named in each test).

Each test ends with a clear message or the right result, never a traceback, a hang, code run from a
foreign file, or a lost file.
"""
import os
import pickle
from pathlib import Path

from presslens import load_story
from presslens.engine import fanout, store as cache

from .test_hostile import hashes


class _Planted:
    """A pickle that, when loaded, creates the file named ``marker``."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (Path(self.marker),))


def test_e25_a_planted_pickle_never_runs(mini, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    st = load_story(mini)
    good = fanout.per_article(st)  # a warm cache, then every entry replaced by a hostile pickle
    entries = sorted((tmp_path / "cache").rglob("*.pkl"))
    assert entries
    key = tmp_path / "cache" / cache.KEY_FILE
    assert key.is_file() and (key.stat().st_mode & 0o777) == 0o600
    marker = tmp_path / "PWNED"
    for p in entries:
        p.write_bytes(pickle.dumps(_Planted(str(marker))))
    before = hashes(mini)
    assert cache.load(entries[0]) is None  # a miss
    assert repr(fanout.per_article(st)) == repr(good)  # rebuilt
    assert not marker.exists()
    err = capsys.readouterr().err
    assert err.count("not signed") == 1 and str(entries[0].parent.parent.parent) in err, err  # said once
    assert hashes(mini) == before
    # a signed entry of presslens's own still reads back; a byte changed in it makes it a miss
    cache.store(entries[0], {"x": 1})
    assert cache.load(entries[0]) == {"x": 1}
    data = bytearray(entries[0].read_bytes())
    data[-3] ^= 1
    entries[0].write_bytes(bytes(data))
    assert cache.load(entries[0]) is None
    # an entry copied to another name (another key) is a miss too
    cache.store(entries[0], {"x": 1})
    os.replace(entries[0], entries[1])
    assert cache.load(entries[1]) is None


def test_f04_f06_a_notebook_cell_shows_the_message_not_the_traceback():
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    shown = []
    shell._showtraceback = lambda etype, evalue, stb: shown.append(stb)
    shell.run_cell("from presslens.notebook.setup import setup\nsetup(story='data/stories', max_outlets=-3)")
    lines = shown[-1]
    assert lines[0] == "ParameterError: problems:" and "Traceback" not in "\n".join(lines), lines
    assert any("parameter max_outlets [max_outlets]: -3 is not a whole number" in ln and "Fix:" in ln for ln in lines), lines
    assert not any("setup.py" in ln for ln in lines), lines


def test_f07_a_relative_notebook_story_is_from_the_repo_root_and_says_so(mini, tmp_path, monkeypatch):
    from presslens import paths
    from presslens.errors import ParameterError
    from presslens.notebook.setup import setup

    monkeypatch.chdir(mini.parent)
    try:
        setup(story=mini.name, figures_dir=str(tmp_path / "figs"))
    except ParameterError as exc:
        msg = str(exc)
    else:
        raise AssertionError("a relative story outside the repo was found")
    assert f"{mini.name!r} is taken relative to the repo root" in msg, msg
    assert str(paths.REPO_ROOT / mini.name) in msg and f'story = "{mini}"' in msg, msg
    assert not (tmp_path / "figs").exists()


def test_a27_an_article_in_utf16_without_a_bom_is_refused_by_name(mini):
    from .test_hostile import problems

    art = sorted((mini / "articles").glob("*.md"))[0]
    text = art.read_text(encoding="utf-8").replace("said", "said \u2019secretly\u2019 \u201cso\u201d", 1)
    art.write_bytes(text.encode("utf-16-le"))  # what a Windows editor's "Unicode" without a BOM saves
    before = hashes(mini)
    msg = "\n".join(map(str, problems(mini)))
    assert f"articles/{art.name}: is UTF-16LE text without a byte-order mark" in msg, msg
    assert f"iconv -f utf-16le -t utf-8 {art.name} > {art.name}.new" in msg, msg
    assert hashes(mini) == before


def test_d17_e28_a_few_bytes_are_never_called_utf16(tmp_path):
    from presslens import limits
    from presslens.errors import PageError
    from presslens.story.importer.decode import page_text

    assert limits.utf16_without_bom(b"vm\n") is None
    assert limits.utf16_without_bom("<html><body>hello there</body></html>".encode("utf-16-le")) == "utf-16le"
    assert limits.utf16_without_bom("<html><body>hello there</body></html>".encode("utf-16-be")) == "utf-16be"
    page = tmp_path / "tiny.html"
    page.write_bytes(b"vm\n")
    try:
        page_text(page)
    except PageError as exc:
        assert "UTF-16" not in exc.reason and "does not look like HTML" in exc.reason, exc.reason
    else:
        raise AssertionError("a 3-byte page was imported")


def test_b22_an_alias_that_is_a_function_word_is_refused(mini):
    from .test_hostile import problems

    y = (mini / "story.yaml").read_text()
    (mini / "story.yaml").write_text(y.replace("aliases: [Acme, Acme Corp., Acme Corp]", 'aliases: [Acme, "the", "of the", WHO]'))
    found = [str(p) for p in problems(mini)]
    assert len(found) == 2, found
    assert "story.yaml [actors[0].aliases]: actor 'Acme': aliases 'the' is an English function word" in found[0], found
    assert "'of the'" in found[1] and "remove 'of the' from actor 'Acme'" in found[1], found  # WHO, in capitals, is a name
    (mini / "story.yaml").write_text(y.replace("aliases: [Acme, Acme Corp., Acme Corp]", "aliases: [Acme, WHO, the Acme firm]"))
    load_story(mini)  # an acronym, and a phrase with a name in it, are names


def test_b24_two_speakers_with_one_name_are_refused(mini):
    from .test_hostile import problems

    y = (mini / "story.yaml").read_text()
    (mini / "story.yaml").write_text(y.replace("  - name: Tom Reed\n", "  - name: mary  jones\n    affiliation: Acme\n  - name: Tom Reed\n"))
    found = [str(p) for p in problems(mini)]
    assert len(found) == 1 and "[speakers[1].name]: speaker 'mary  jones' repeats speakers[0]" in found[0], found
    assert "merge the two entries into speakers[0]" in found[0], found


def test_k01_a_story_given_twice_is_refused(capsys, tmp_path):
    from .conftest import MINI
    from .test_hostile import cli_run

    rc, _, err = cli_run(capsys, "run", MINI, "-n", "00", "-p", "story", str(tmp_path / "t"),
                         "--reports", tmp_path / "r", "--figures", tmp_path / "f")
    assert rc == 2 and "[story]: given twice: STORY" in err and str(tmp_path / "t") in err, err
    assert "Fix: give it one way only" in err and not (tmp_path / "r").exists()
    rc, _, err = cli_run(capsys, "run", MINI, "-n", "00", "-p", "figures_dir", str(tmp_path / "g"),
                         "--reports", tmp_path / "r", "--figures", tmp_path / "f")
    assert rc == 2 and "[figures_dir]: given twice: --figures" in err and not (tmp_path / "r").exists(), err


def test_j03_an_article_another_import_wrote_meanwhile_is_kept_and_said(mini, monkeypatch):
    from presslens.story.importer import guard, write

    page = Path(__file__).parent / "fixtures" / "pages" / "harbour-herald-vexa-fine.html"
    dest = mini / "articles" / f"{write.slugify(page.stem)}.md"
    real = guard.read_page

    def other_import_meanwhile(p):  # the other import writes the same name while this one reads the page
        got = real(p)
        dest.write_text("---\noutlet: Other\n---\nthe other import's article\n")
        return got
    monkeypatch.setattr(guard, "read_page", other_import_meanwhile)
    lines = []
    results = write.import_pages(mini, [str(page)], log=lines.append)
    assert [r.status for r in results] == ["skipped"], lines
    assert "appeared while this import ran" in lines[0] and "run this import again" in lines[0], lines
    assert dest.read_text().endswith("the other import's article\n")  # not replaced
    assert not [p for p in (mini / "articles").iterdir() if p.name.startswith(".")]  # no temporary file left


def test_a20_a21_a_near_named_story_yaml_is_named_with_the_rename(mini):
    from .test_hostile import problems

    for name in ("story.yml", "Story.YAML"):
        os.rename(mini / "story.yaml", mini / name)
        before = hashes(mini)
        found = [str(p) for p in problems(mini)]
        assert len(found) == 1 and f"story.yaml: is missing, but {mini.name}/{name} is there" in found[0], found
        assert f"Fix: rename it: mv {mini.name}/{name} {mini.name}/story.yaml" in found[0], found
        assert hashes(mini) == before
        os.rename(mini / name, mini / "story.yaml")


def test_b06_an_unknown_language_is_one_line_naming_the_field(mini):
    from .test_hostile import problems

    y = (mini / "story.yaml").read_text()
    (mini / "story.yaml").write_text(y.replace("language: en\n", "language: xx-Qqqq-ZZ\n", 1))
    found = [str(p) for p in problems(mini)]
    assert len(found) == 1 and "story.yaml [language]: 'xx-Qqqq-ZZ' is not a known language" in found[0], found
    assert "Fix: use a code such as en" in found[0], found
    (mini / "story.yaml").write_text(y.replace("language: en\n", "language: en-gb\n", 1))
    assert load_story(mini).language == "en-GB"


def test_e21_a_bad_page_time_limit_is_one_error_before_any_page(mini, capsys, monkeypatch):
    from .test_hostile import cli_run, one_line

    monkeypatch.setenv("PRESSLENS_PAGE_SECONDS", "-1")
    before = hashes(mini)
    rc, out, err = cli_run(capsys, "import", mini, Path(__file__).parent / "fixtures" / "pages")
    assert rc == 2 and "failed" not in out, out
    one_line(err, "environment [PRESSLENS_PAGE_SECONDS]: '-1' is not a time limit for one page",
             "at most 3,600. Fix: set it to seconds, e.g. PRESSLENS_PAGE_SECONDS=60")
    assert hashes(mini) == before


def test_h01_a_full_disk_during_export_names_the_folder(mini, tmp_path, capsys, monkeypatch):
    from presslens.run import export
    from .test_hostile import cli_run, one_line

    def full(folder, name, df):
        (folder / f"{name}.csv").write_text("partial")
        raise OSError(28, "No space left on device")  # as pyarrow raises it: no file name
    monkeypatch.setattr(export, "_write_table", full)
    rc, _, err = cli_run(capsys, "export", mini, "--out", tmp_path / "ex")
    assert rc == 1, err
    one_line(err, "No space left on device", str(tmp_path / "ex"), "free space")
    assert [p.name for p in tmp_path.iterdir()] == [mini.name]  # nothing left behind


def test_c13_c21_look_alike_letters_are_said_as_such(mini, monkeypatch, tmp_path):
    from presslens.notebook.gate import check_story

    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    arts = sorted((mini / "articles").glob("*.md"))
    for art, body in ((arts[0], "ＯｐｅｎＡＩ　ｓｕｓｐｅｎｄｅｄ　ＢｙｔｅＤａｎｃｅ．　Ｔｈｅ　ｕｓｅ　ｗａｓ　ｍｉｎｉｍａｌ．"),
                      (arts[1], "𝐎𝐩𝐞𝐧𝐀𝐈 𝓈𝓊𝓈𝓅𝑒𝓃𝒹𝑒𝒹 𝐁𝐲𝐭𝐞𝐃𝐚𝐧𝐜𝐞. ")):
        s = art.read_text(encoding="utf-8")
        end = s.index("\n---\n", 4) + 5
        art.write_text(s[:end] + body * 8 + "\n", encoding="utf-8")
    _, screening = check_story(mini)
    said = {p.file.rsplit("/", 1)[-1]: str(p) for p in screening.warnings if p.field == "text"}
    assert "is written in full-width look-alike letters" in said[arts[0].name], said
    assert "is written in mathematically styled" in said[arts[1].name], said
    assert f"< articles/{arts[0].name} > articles/{arts[0].name}.new" in said[arts[0].name], said
    assert not any("zxx" in str(p) for p in screening.warnings), screening.warnings
