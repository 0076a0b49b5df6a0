"""Hostile input, fourth round (issue 21): what the third round left, each closed as a class.

Runaway pages (a wall of text, deep nesting), links that lead nowhere, language tags in any case,
repeated warnings, out-of-range numbers, help texts, and messages that must say what really happened.
Each test ends with a clear message or the right result, never a traceback, a hang or a lost file.
"""
import codecs
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from presslens import load_story
from presslens.cli.check import GROUP_OVER, grouped
from presslens.cli.main import main as cli_main
from presslens.errors import Problem
from presslens.story.importer import guard
from presslens.story.languages import language_code

from .conftest import slack
from .test_hostile import cli_run, hashes, one_line, problems

WORDS = "the council said on tuesday that a new plan would be put to members after weeks of debate".split()


def wall_of_text(path: Path, mb: float, tag: str = "div", head: str = "") -> Path:
    """A page of nothing but paragraphs of plain words: what makes the extractor superlinear."""
    rnd, out, size = random.Random(1), [], 0
    while size < mb * 1_000_000:
        p = " ".join(rnd.choice(WORDS) for _ in range(60)) + "."
        out.append(f"<{tag}>{p}</{tag}>")
        size += len(out[-1])
    path.write_text(f'<html><head><meta property="og:site_name" content="Wall News">{head}</head><body>'
                    + "\n".join(out) + "</body></html>", encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# never run for minutes
# ---------------------------------------------------------------------------------------------

def test_check_on_an_article_that_is_one_sentence_of_50000_words_takes_seconds(mini, capsys):
    """No full stop in 50,000 words (300 KB): VADER, quadratic in a sentence's length, took minutes;
    it now scores windows of ``sentiment.VADER_WORDS`` words, and every other step is linear."""
    rnd, words = random.Random(1), WORDS + ["good", "bad", "great", "fear"] * 4  # VADER's work is on its lexicon's words
    body = " ".join(rnd.choice(words) for _ in range(50_000))
    (mini / "articles" / "wall.md").write_text(f"---\noutlet: Wall News\nlanguage: en\n---\n{body}\n", encoding="utf-8")
    t0 = time.monotonic()
    rc, out, err = cli_run(capsys, "check", mini)
    assert rc == 0 and "a sentence of 50000 words" in out + err, out + err
    assert time.monotonic() - t0 < slack(20), "check took minutes on one long sentence"


def test_a_page_that_takes_too_long_is_stopped_by_name(tmp_path, mini, capsys, monkeypatch):
    """A 1 MB wall of <div>s takes about 2 s to extract: with a 0.3 s limit it is stopped and named."""
    page = wall_of_text(tmp_path / "wall.html", 1)
    monkeypatch.setenv("PRESSLENS_PAGE_SECONDS", "0.3")
    before = hashes(mini)
    t = time.monotonic()
    rc, out, _ = cli_run(capsys, "import", mini, page)
    assert time.monotonic() - t < slack(10)
    assert rc == 1 and "failed wall.html: took more than 0.3 s to extract (a page of 1.0 MB); stopped" in out
    assert "Reader view" in out and "PRESSLENS_PAGE_SECONDS" in out
    assert hashes(mini) == before


def test_a_page_that_hangs_is_stopped_and_the_next_page_imported(tmp_path, mini, capsys, monkeypatch):
    """Whatever makes extraction hang (here: a sleep in the extractor), the page fails in time and
    the import goes on with the next page."""
    from presslens.story.importer import page as page_module

    real = page_module.read_page

    def slow(path):
        if path.name == "stuck.html":
            time.sleep(600)
        return real(path)

    monkeypatch.setattr(page_module, "read_page", slow)  # the child is forked: it runs this too
    monkeypatch.setenv("PRESSLENS_PAGE_SECONDS", "1")
    stuck = tmp_path / "pages" / "stuck.html"
    stuck.parent.mkdir()
    stuck.write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    good = wall_of_text(tmp_path / "pages" / "zz-good.html", 0.01, tag="p")
    t = time.monotonic()
    rc, out, _ = cli_run(capsys, "import", mini, stuck.parent)
    assert time.monotonic() - t < slack(20)
    assert rc == 1 and "failed stuck.html: took more than 1 s" in out and "imported zz-good.html" in out, out


@pytest.mark.parametrize("value", ["0", "-1", "abc", "nan", "inf", "99999"])
def test_a_bad_page_time_limit_names_the_variable(value, monkeypatch):
    monkeypatch.setenv("PRESSLENS_PAGE_SECONDS", value)
    with pytest.raises(Exception, match="PRESSLENS_PAGE_SECONDS") as exc:
        guard.page_seconds()
    assert "at most 3,600" in str(exc.value)


def test_a_page_whose_text_is_over_the_article_limit_is_refused(tmp_path, mini, capsys, monkeypatch):
    """A page giving more text than one article may hold (the story could not load it) fails by name."""
    from presslens import limits

    monkeypatch.setattr(limits, "MAX_ARTICLE", 100_000)  # read at call time, in the forked child too
    page = wall_of_text(tmp_path / "long.html", 0.2, tag="p")
    rc, out, _ = cli_run(capsys, "import", mini, page)
    assert rc == 1 and "failed long.html: gives a text of 0.2 MB, over the 0.1 MB limit for one article" in out


@pytest.mark.parametrize("depth", [300, 10_000])
def test_a_page_nested_too_deeply_says_so(tmp_path, mini, capsys, depth):
    page = tmp_path / "deep.html"
    page.write_text('<html><head><meta property="og:site_name" content="Deep"></head><body><p>' + " ".join(WORDS * 3)
                    + "</p>" + "<div>" * depth + " ".join(WORDS * 20) + "</div>" * depth + "</body></html>")
    rc, out, _ = cli_run(capsys, "import", mini, page)
    assert rc == 1 and "failed deep.html: is nested too deeply" in out and "no extractable" not in out, out


def test_a_page_nested_within_the_parser_limit_imports(tmp_path, mini, capsys):
    page = tmp_path / "deepish.html"
    page.write_text('<html><head><meta property="og:site_name" content="Deep"></head><body>' + "<div>" * 200
                    + "<p>" + " ".join(WORDS * 5) + "</p>" + "</div>" * 200 + "</body></html>")
    rc, out, _ = cli_run(capsys, "import", mini, page)
    assert rc == 0 and "imported deepish.html" in out, out


# ---------------------------------------------------------------------------------------------
# links that lead nowhere
# ---------------------------------------------------------------------------------------------

def test_a_link_loop_is_called_a_loop_everywhere(tmp_path, mini, capsys):
    loop = mini / "articles" / "loop.md"
    os.symlink(loop.name, loop)           # a link to itself
    a, b = mini / "articles" / "a.md", mini / "articles" / "b.md"
    os.symlink(b.name, a)
    os.symlink(a.name, b)                 # two links to each other
    found = {p.file.rsplit("/", 1)[-1]: p.message for p in problems(mini)}
    assert all(found[n].startswith("is a link loop") for n in ("loop.md", "a.md", "b.md")), found
    page = tmp_path / "page.html"
    os.symlink(page.name, page)
    rc, out, _ = cli_run(capsys, "import", mini, page)
    assert rc == 1 and "failed page.html: is a link loop" in out
    rc, _, err = cli_run(capsys, "run", mini, "--reports", loop, "--figures", tmp_path / "f")
    assert rc == 2 and "is a link loop" in err and "broken" not in err


def test_a_broken_link_is_still_called_broken(mini):
    os.symlink("nowhere.md", mini / "articles" / "gone.md")
    assert [p.message for p in problems(mini)] == ["is a broken link (its target does not exist)"]


# ---------------------------------------------------------------------------------------------
# language tags in any case
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("given, folded", [("EN", "en"), ("en", "en"), ("zh-hant", "zh-Hant"), ("ZH-HANT-TW", "zh-Hant-TW"),
                                           ("pt-br", "pt-BR"), ("es-419", "es-419"), ("en-GB-x-Caps", "en-GB-x-caps"),
                                           (" fr ", "fr"), ("pt_BR", "pt-BR"), ("zh_hant_tw", "zh-Hant-TW")])
def test_language_tags_fold_to_bcp47_case(given, folded):
    assert language_code(given) == folded


@pytest.mark.parametrize("bad", ["", "e", "english!", "en__GB", "en--gb", "en-", 3, None])
def test_what_is_not_a_language_tag(bad):
    assert language_code(bad) is None


def test_languages_are_folded_where_they_are_read(mini):
    yml = mini / "story.yaml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("language: en", "language: EN"), encoding="utf-8")
    assert "language: EN" in yml.read_text(encoding="utf-8")
    art = mini / "articles" / "daily.md"
    text = art.read_text(encoding="utf-8")
    art.write_text(text.replace("language: en\ntranslated_from: null", "language: PT-br\ntranslated_from: ZH-hant"),
                   encoding="utf-8")
    st = load_story(mini)
    row = st.articles.set_index("id").loc["daily"]
    assert st.language == "en" and row["language"] == "pt-BR" and row["translated_from"] == "zh-Hant"


# ---------------------------------------------------------------------------------------------
# messages that say what happened; ranges; help
# ---------------------------------------------------------------------------------------------

def test_repeated_warnings_are_grouped_with_a_count_the_first_files_and_how_to_see_all():
    same = [Problem(f"s/articles/a{i}.md", "language", f"too short ({i % 7 + 2} words) to check its language",
                    "read it") for i in range(5000)]
    other = [Problem("s/articles/x.md", "text", "a quotation mark is opened and never closed", "close it")]
    lines, cut = grouped(same + other, False, "- ")
    assert cut and len(lines) == 2
    assert lines[0] == ("  - 5000 files [language], e.g. too short (2 words) to check its language (first: "
                        "s/articles/a0.md, s/articles/a1.md, s/articles/a2.md, and 4997 more). Fix: read it")
    assert lines[1] == "  - s/articles/x.md [text]: a quotation mark is opened and never closed. Fix: close it"
    lines, cut = grouped(same + other, True, "- ")
    assert not cut and len(lines) == 5001
    few = same[:GROUP_OVER]
    assert grouped(few, False, "- ") == ([f"  - {p}" for p in few], False)


def test_check_groups_repeated_warnings_and_says_how_to_list_them(mini, capsys):
    for i in range(GROUP_OVER + 3):
        said = " ".join(WORDS[i:i + 6])
        (mini / "articles" / f"short{i:02d}.md").write_text(f"---\noutlet: Outlet {i}\n---\nItem {i}: {said}.\n",
                                                            encoding="utf-8")
    rc, out, _ = cli_run(capsys, "check", mini)
    assert rc == 0, out
    assert f"  - {GROUP_OVER + 3} files [language], e.g. too short" in out and "and 5 more" in out
    assert f"`presslens check {mini} --all` lists every one" in out
    rc, out, _ = cli_run(capsys, "check", mini, "--all")
    assert out.count("to check its language") >= GROUP_OVER + 3 and "--all` lists" not in out


@pytest.mark.parametrize("jobs", ["257", "99999999999999999999"])
def test_jobs_over_the_bound_is_refused(tmp_path, capsys, jobs):
    rc, _, err = cli_run(capsys, "run", tmp_path, "-j", jobs, "--reports", tmp_path / "r", "--figures", tmp_path / "f")
    assert rc == 2 and not (tmp_path / "r").exists()
    one_line(err, "presslens run [--jobs]", "notebooks at once is out of range", "at most 256")


@pytest.mark.parametrize("option, value, says", [("--min-mentions", "99999999999999999999", "from 1 to 1,000,000"),
                                                  ("--max-edits", "99999999999999999999", "from 0 to 3")])
def test_names_numbers_over_the_bound_are_refused(mini, capsys, option, value, says):
    rc, _, err = cli_run(capsys, "names", mini, option, value)
    assert rc == 2 and "out of range" in err and says in err and len(err) < 400, err


@pytest.mark.parametrize("cmd", ["run", "new", "check", "names", "notebooks", "import", "export", "eval", "provision"])
def test_help_texts_show_percent_signs_once(cmd, capsys):
    with pytest.raises(SystemExit) as exc:
        cli_main([cmd, "--help"])
    out = capsys.readouterr().out
    assert exc.value.code == 0 and "%%" not in out and "%(" not in out
    if cmd == "eval":
        assert "95% bootstrap" in out


def test_eval_summary_says_where_the_table_went(tmp_path, capsys):
    from presslens.evaluation import command

    from .test_evaluation import EVAL_MINI

    rc, out, _ = cli_run(capsys, "eval", EVAL_MINI, "--summary", "--out", tmp_path / "out")
    assert rc == 0 and f"(table written to {tmp_path / 'out' / 'summary.md'}; data/eval/README.md left as it was" in out
    assert "| eval-mini | dev | 4 | 4 |" in (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    rc, out, _ = cli_run(capsys, "eval", EVAL_MINI, "--summary")
    assert rc == 0 and "(data/eval/README.md left as it was: only a summary of every story" in out
    readme = tmp_path / "README.md"
    readme.write_text(f"x\n{command.SUMMARY_START}\nold\n{command.SUMMARY_END}\n", encoding="utf-8")
    assert command.replace_between(readme, command.SUMMARY_START, command.SUMMARY_END, "new") == "written"
    assert command.replace_between(readme, command.SUMMARY_START, command.SUMMARY_END, "new") == "unchanged"
    assert command.replace_between(tmp_path / "none.md", command.SUMMARY_START, command.SUMMARY_END, "new") == ""


# ---------------------------------------------------------------------------------------------
# own hostile round: odd encodings, absurd fields, odd front matter, stopped mid-import
# ---------------------------------------------------------------------------------------------

PARA = " ".join(["The council said on Tuesday that a new plan would be put to members after weeks of debate."] * 4)


def article_page(title: str = "Council plan goes to members", site: str = "Harbour Post", head: str = "",
                 charset: str = "utf-8") -> str:
    return (f'<!doctype html><html lang="en"><head><meta charset="{charset}"><meta property="og:site_name" '
            f'content="{site}"><link rel="canonical" href="https://harbourpost.example/news/plan">{head}</head><body>'
            f"<article><h1>{title}</h1><p>{PARA}</p><p>{PARA}</p></article></body></html>")


def imported(mini: Path, name: str) -> dict:
    return load_story(mini).articles.set_index("id").loc[name].to_dict()


@pytest.mark.parametrize("name, data", [
    ("utf32", codecs.BOM_UTF32_LE + article_page("Council plan 𝐀 goes ahead").encode("utf-32-le")),  # mark as UTF-16's
    ("gbk", article_page("市政府计划 镕 提交", charset="gb2312").encode("gbk")),      # 镕 is GBK, not GB2312
    ("sjis", article_page("計画 ① を提出", charset="shift_jis").encode("cp932")),    # ① is Windows-31J only
    ("stray-nul", article_page().replace(PARA, PARA + "\x00", 1).encode()),
])
def test_pages_in_encodings_browsers_read_import(tmp_path, mini, capsys, name, data):
    (tmp_path / f"{name}.html").write_bytes(data)
    rc, out, _ = cli_run(capsys, "import", mini, tmp_path / f"{name}.html")
    assert rc == 0 and f"imported {name}.html" in out, out
    got = imported(mini, name)
    assert got["outlet"] == "Harbour Post" and "\x00" not in got["title"]
    if name in ("gbk", "sjis", "utf32"):
        assert got["title"] in ("市政府计划 镕 提交", "計画 ① を提出", "Council plan 𝐀 goes ahead"), got["title"]


def test_utf16_without_a_mark_is_named_not_called_binary(tmp_path, mini, capsys):
    (tmp_path / "u16.html").write_bytes(article_page().encode("utf-16-le"))
    rc, out, _ = cli_run(capsys, "import", mini, tmp_path / "u16.html")
    assert rc == 1 and "is UTF-16 text without a byte-order mark" in out and "iconv -f utf-16le" in out
    assert "binary" not in out


def test_absurd_declared_fields_are_not_taken(tmp_path, mini, capsys):
    """A site name or headline of a megabyte is not a name or a headline; a JSON-LD block nested past
    Python's stack is no JSON-LD: the page imports, with the fields it really reveals."""
    deep = '{"a":' * 100_000 + "1" + "}" * 100_000
    (tmp_path / "odd.html").write_text(article_page("Council " * 100_000, "Harbour " * 100_000,
                                                    f'<script type="application/ld+json">{deep}</script>'))
    rc, out, _ = cli_run(capsys, "import", mini, tmp_path / "odd.html")
    assert rc == 0 and "imported odd.html" in out, out
    got = imported(mini, "odd")
    assert got["outlet"] == "harbourpost.example" and not isinstance(got["title"], str)
    assert "og:site_name is 799,999 characters long, not a name" in got["notes"]


def test_an_outlet_pasted_with_a_paragraph_is_refused(mini):
    art = mini / "articles" / "daily.md"
    art.write_text(art.read_text(encoding="utf-8").replace("outlet: The Daily Ledger", "outlet: " + "Ledger " * 40))
    (p,) = problems(mini)
    assert p.field == "outlet" and "is 279 characters long" in p.message and "at most 200" in p.fix


@pytest.mark.parametrize("line, says, fix", [
    ("language: no", "not a language code (YAML reads unquoted no", 'language: "no" for Norwegian'),
    ("outlet: !!python/object/apply:os.system ['true']", "!!python/object/apply:os.system", "remove the tag"),
])
def test_odd_front_matter_says_what_yaml_did(mini, line, says, fix):
    art = mini / "articles" / "daily.md"
    text = art.read_text(encoding="utf-8")
    key = line.split(":")[0]
    art.write_text("\n".join(line if l.startswith(key + ":") else l for l in text.split("\n")), encoding="utf-8")
    (p,) = problems(mini)
    assert says in p.message and fix in p.fix, p


def test_a_story_saved_as_utf16_with_its_mark_loads(mini):
    for f in (mini / "story.yaml", mini / "articles" / "daily.md"):
        f.write_bytes(codecs.BOM_UTF16_LE + f.read_text(encoding="utf-8").encode("utf-16-le"))
    st = load_story(mini)
    assert st.articles.set_index("id").loc["daily", "outlet"] == "The Daily Ledger"


def test_ctrl_c_mid_import_keeps_what_was_imported_and_says_so(tmp_path, mini, capsys, monkeypatch):
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in ("a", "b", "c"):
        (pages / f"{n}.html").write_text(article_page(f"Council plan {n} goes to members").replace(
            PARA, f"{PARA} Item {n}.", 1).replace("news/plan", f"news/plan-{n}"), encoding="utf-8")
    real = guard.read_page

    def stop_at_b(path, seconds=None):
        if path.name == "b.html":
            raise KeyboardInterrupt
        return real(path, seconds)

    monkeypatch.setattr(guard, "read_page", stop_at_b)
    before = hashes(mini)
    rc, out, err = cli_run(capsys, "import", mini, pages)
    assert rc == 130 and "imported a.html" in out and "b.html" not in out
    assert ("import stopped by Ctrl-C while reading b.html: 1 page(s) imported before it are kept" in err
            and "run the same command again" in err)
    after = hashes(mini)
    assert set(after) - set(before) == {"articles/a.md"} and all(after[k] == v for k, v in before.items())


def test_sigterm_mid_import_stops_at_once_and_leaves_no_partial_file(tmp_path, mini):
    pages = tmp_path / "pages"
    pages.mkdir()
    wall_of_text(pages / "big.html", 8)          # over 10 s to extract
    before = hashes(mini)
    proc = subprocess.Popen([sys.executable, "-m", "presslens.cli", "import", str(mini), str(pages)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    if not children.exists():
        proc.kill()
        pytest.skip("needs Linux's /proc to see the extracting child")
    deadline = time.monotonic() + 60
    while not children.read_text().strip() and time.monotonic() < deadline:  # the page is being read
        time.sleep(0.05)
    time.sleep(0.5)
    child = children.read_text().split()[0]
    t = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert time.monotonic() - t < slack(5)
    assert proc.returncode == 128 + signal.SIGTERM and "Traceback" not in out + err
    assert "import stopped by SIGTERM while reading big.html: 0 page(s) imported" in err, err
    assert hashes(mini) == before
    assert not Path(f"/proc/{child}").exists()    # the extracting child is stopped too, not left running


def test_import_outlet_longer_than_a_story_accepts_is_refused(tmp_path, mini, capsys):
    (tmp_path / "p.html").write_text(article_page(), encoding="utf-8")
    before = hashes(mini)
    rc, _, err = cli_run(capsys, "import", mini, tmp_path / "p.html", "--outlet", "Ledger " * 40)
    one_line(err, "presslens import [--outlet]", "is 279 characters long", "at most 200")
    assert rc == 2 and hashes(mini) == before


def test_pages_that_are_links_to_nowhere_in_a_folder_fail_by_name(tmp_path, mini, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    os.symlink("x.html", pages / "x.html")
    os.symlink("nowhere.html", pages / "y.html")
    (pages / "z.html").write_text(article_page(), encoding="utf-8")
    rc, out, _ = cli_run(capsys, "import", mini, pages)
    assert rc == 1 and "failed x.html: is a link loop" in out and "failed y.html: is a broken link" in out
    assert "imported z.html" in out and "not .html/.htm" not in out


def test_import_into_a_folder_whose_story_yaml_is_not_a_file(tmp_path, mini, capsys):
    (mini / "story.yaml").unlink()
    (mini / "story.yaml").mkdir()
    (tmp_path / "p.html").write_text(article_page(), encoding="utf-8")
    rc, _, err = cli_run(capsys, "import", mini, tmp_path / "p.html")
    assert rc == 2 and "its story.yaml is a folder, not a file" in err and "presslens new mini-story" not in err


@pytest.mark.parametrize("text, says", [
    ("\n---\noutlet: A\n---\nText of the article.\n", "does not start on the file's first line"),
    ("  ---\noutlet: A\n---\nText of the article.\n", "does not start on the file's first line"),
    ('+++\noutlet = "A"\n+++\nText of the article.\n', "is TOML (between +++ lines)"),
])
def test_front_matter_in_the_wrong_place_or_language_says_so(mini, text, says):
    (mini / "articles" / "daily.md").write_text(text, encoding="utf-8")
    (p,) = problems(mini)
    assert p.field == "front matter" and says in p.message, p


def test_ctrl_c_during_check_says_what_stopped(mini, capsys, monkeypatch):
    from presslens.cli import check

    def interrupted(story):
        raise KeyboardInterrupt

    monkeypatch.setattr(check, "check_story", interrupted)
    rc, _, err = cli_run(capsys, "check", mini)
    one_line(err, "presslens: interrupted; `presslens check` stopped before it finished; run it again")
    assert rc == 130 and "reports and figures" not in err
