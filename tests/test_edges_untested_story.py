"""Boundary tests for story/, importer, yamlsafe and journals functions no test file named before (issue 20,
session 14, helper 20x). Crafted Harbour values; each threshold checked on both sides."""
import json
import os
import socket
import subprocess
import sys

import lxml.html
import yaml

from presslens import journals, yamlsafe
from presslens.story import forms, outlets, values
from presslens.story.importer import body, outlet


# --- story/forms -------------------------------------------------------------------------------------------
def test_form_problem_minimum_letters_by_script():
    assert forms.form_problem("EU") is None
    assert forms.form_problem("R1") is None
    assert "has 1 letter or digit, fewer than the 2" in forms.form_problem("E")
    assert "fewer than the 2" in forms.form_problem("E.")          # the dot is no letter
    assert forms.form_problem("港") is None                         # one ideographic character is enough
    assert "no letter or digit" in forms.form_problem("--")
    assert "no letter or digit" in forms.form_problem("")


def test_check_forms_allows_a_thousand_forms_not_one_more():
    named = [("aliases", f"Harbour Pier {i}") for i in range(forms.MAX_FORMS)]
    problems = []
    assert forms.check_forms("s.yaml", "actors[0]", "Harbour Council", "actor", "en", named, problems) == set()
    assert problems == []
    problems = []
    forms.check_forms("s.yaml", "actors[0]", "Harbour Council", "actor", "en", named + [("aliases", "Pier X")], problems)
    assert len(problems) == 1 and "has 1,001 names and aliases: at most 1,000" in problems[0].message


def test_check_forms_names_each_bad_form_and_the_function_word_only_as_alias():
    problems = []
    bad = forms.check_forms("s.yaml", "actors[0]", "Harbour Council", "actor", "en",
                            [("name", "Harbour Council"), ("aliases", "E"), ("aliases", "the"), ("renderings", "of")],
                            problems)
    assert bad == {"E", "the"}        # "of" as a rendering is not checked as a function word
    assert [p.field for p in problems] == ["actors[0].aliases", "actors[0].aliases"]


# --- story/outlets.check_key, story/values -----------------------------------------------------------------
def test_check_key_a_word_not_a_reserved_name():
    p = []
    assert outlets.check_key("country", "o.yaml", "outlets.Post", p) is True and p == []
    assert outlets.check_key("founded_year-2", "o.yaml", "outlets.Post", p) is True
    assert outlets.check_key("1country", "o.yaml", "outlets.Post", p) is False
    assert outlets.check_key("outlet", "o.yaml", "outlets.Post", p) is False
    assert outlets.check_key(1999, "o.yaml", "outlets.Post", p) is False
    assert [x.field for x in p] == ["outlets.Post.1country", "outlets.Post.outlet", "outlets.Post.1999"]
    assert "group_by uses it for itself" in p[1].message and "group_by" not in p[0].message


def test_check_regex_what_yaml_made_of_the_pattern():
    p = []
    assert values.check_regex("fine[ds]?", "s.yaml", "rules[0]", p) is True and p == []
    assert values.check_regex(list(range(40)), "s.yaml", "rules[0]", p) is False
    # the list shown in sixty characters at most, ending in an ellipsis
    assert "got a list [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, …: unquoted" in p[-1].message
    assert values.check_regex("", "s.yaml", "rules[0]", p) is False and "the pattern is empty" in p[-1].message
    assert values.check_regex(None, "s.yaml", "rules[0]", p) is False and "the pattern is empty" in p[-1].message
    assert values.check_regex(5, "s.yaml", "rules[0]", p) is False and "must be text, got" in p[-1].message
    assert values.check_regex("fine(", "s.yaml", "rules[0]", p) is False and "is not a valid regular expression" in p[-1].message
    assert len(p) == 5


def test_not_text_fix_by_what_yaml_read():
    import datetime
    assert 'quote it, so YAML reads it as text: published: "2031-05-03"' in values.not_text(
        "a.md", "front.published", datetime.date(2031, 5, 3)).fix
    assert "unquoted yes, no, on, off" in values.not_text("a.md", "front.title", True).fix
    assert values.not_text("a.md", "front.title", ["a", "b"], "title: Harbour").fix == "write it as one text, e.g. title: Harbour"
    assert values.not_text("a.md", "title", 42).fix == 'quote it, so YAML reads it as text: title: "42"'


# --- importer/body -----------------------------------------------------------------------------------------
def _page(body_text: str | None, extra: str = "") -> object:
    ld = {"@type": "NewsArticle", **({"articleBody": body_text} if body_text is not None else {})}
    return lxml.html.fromstring(f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head>'
                                f'<body>{extra}</body></html>')


def test_check_length_takes_the_article_body_of_fifty_words_when_the_text_has_under_half():
    fifty = " ".join(["harbour"] * 50)
    text24 = " ".join(["pier"] * 24)
    got, warn = body.check_length(text24, _page(fifty))
    assert got == fifty and "24 words, under half the 50 words" in warn[0]
    # 49 words of articleBody: a summary, never taken
    got, warn = body.check_length(text24, _page(" ".join(["harbour"] * 49)))
    assert got == text24
    # 25 of 50 is half, not under half: the text stays
    text25 = " ".join(["pier"] * 25)
    assert body.check_length(text25, _page(fifty)) == (text25, [])
    # no articleBody at all
    assert body.check_length(text25, _page(None)) == (text25, [])


def test_check_length_warns_on_a_lone_photo_caption():
    cap = "Ferry passengers wait at the pier in Port Selby. Photo: Jane Roe"
    got, warn = body.check_length(cap, _page(None))
    assert got == cap and "looks like a photo caption" in warn[0]
    assert body.check_length("Ferry passengers wait at the pier in Port Selby.", _page(None))[1] == []


def test_rejoin_drop_caps_joins_a_capital_to_its_lower_case_rest():
    tree = lxml.html.fromstring("<div><p><span>T</span>he harbour reopened.</p><p><span>A</span> Pier</p></div>")
    assert body.rejoin_drop_caps(tree) == 1
    assert tree.text_content() == "The harbour reopened.A Pier"
    tree = lxml.html.fromstring("<div><span>H</span><p>arbour news</p></div>")
    assert body.rejoin_drop_caps(tree) == 1 and tree.text_content() == "Harbour news"
    tree = lxml.html.fromstring("<div><p><span>x</span>harbour</p></div>")       # not a capital
    assert body.rejoin_drop_caps(tree) == 0
    assert body.rejoin_drop_caps(lxml.html.fromstring("<div><p>plain</p></div>")) == 0


def test_publisher_name_follows_an_id_reference():
    items = [{"@id": "https://post.example/#org", "name": "Harbour Post"}, {"@id": "https://post.example/#x", "name": " "}]
    assert body.publisher_name({"publisher": {"@id": "https://post.example/#org"}}, items) == "Harbour Post"
    assert body.publisher_name({"publisher": {"@id": "https://post.example/#x"}}, items) is None   # blank name
    assert body.publisher_name({"publisher": {"@id": "https://post.example/#none"}}, items) is None
    assert body.publisher_name({"publisher": [{"name": "Selby Mail"}]}, items) == "Selby Mail"
    assert body.publisher_name({"publisher": "Selby Mail"}, []) == "Selby Mail"
    assert body.publisher_name({}, items) is None
    assert body.publisher_name({"publisher": {}}, [{"name": "Harbour Post"}]) is None   # no @id: nothing matched


# --- importer/outlet.names_site ------------------------------------------------------------------------------
def test_names_site_three_letters_inside_the_host_label():
    assert outlet.names_site("Harbour Post", "www.harbourpost.example") is True
    assert outlet.names_site("Sel", "xselx.example") is True      # three letters inside the label
    assert outlet.names_site("Se", "xsex.example") is False       # two: too short to be inside
    assert outlet.names_site("Harbour Daily Times", "hdt.example") is True   # initials
    assert outlet.names_site("Selby", "elby.example") is True     # four letters of the label in the name
    assert outlet.names_site("Selby Mail", "kite.example") is False
    assert outlet.names_site("Kite", None) is True


# --- yamlsafe ------------------------------------------------------------------------------------------------
def test_depth_counts_one_level_past_the_limit():
    assert yamlsafe._depth(yaml.compose("[" * 99 + "]" * 99)) == 99
    assert yamlsafe._depth(yaml.compose("[" * 100 + "]" * 100)) == 100
    assert yamlsafe._depth(yaml.compose("[" * 101 + "]" * 101)) == 101   # the node past the limit is reached
    assert yamlsafe._depth(yaml.compose("a: 1")) == 2


def test_expanded_size_counts_aliases_up_to_the_limit():
    # mapping 1 + keys a, b, c + the list [1, 2] (3 nodes) once and twice more through its aliases
    assert yamlsafe._expanded_size(yaml.compose("a: &x [1, 2]\nb: *x\nc: *x")) == (13, 2)
    n = yamlsafe.MAX_ALIASES
    size, aliases = yamlsafe._expanded_size(yaml.compose("a: &x 1\nb: [" + ", ".join(["*x"] * n) + "]"))
    assert (size, aliases) == (1 + 2 + 1 + 1 + n, n)     # mapping, 2 keys, the scalar, the list, n aliases
    assert yamlsafe._expanded_size(yaml.compose("a: &x 1\nb: [" + ", ".join(["*x"] * (n + 1)) + "]")) == (0, n + 1)


# --- journals ------------------------------------------------------------------------------------------------
def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def _journal(root, slug, pid, folders, host=None, pad=0):
    data = {"presslens": "run journal", "version": 1, "slug": slug, "pid": pid, "host": host or socket.gethostname(),
            "started": 1.0, "written": 1.0, "folders": folders}
    path = root / f".presslens-run-{slug}-{pid}-0123abcd.json"
    path.write_text(json.dumps(data) + " " * pad, encoding="utf-8")
    return path


def test_read_journal_at_most_100000_bytes(tmp_path):
    path = _journal(tmp_path, "harbour", 7, [".harbour.new-7"])
    size = path.stat().st_size
    _journal(tmp_path, "harbour", 7, [".harbour.new-7"], pad=100_000 - size)
    assert path.stat().st_size == 100_000 and journals._read_journal(path)["slug"] == "harbour"
    _journal(tmp_path, "harbour", 7, [".harbour.new-7"], pad=100_001 - size)
    assert journals._read_journal(path) is None
    _journal(tmp_path, "harbour", 7, ["../harbour"])
    assert journals._read_journal(path) is None                  # a folder outside the root
    _journal(tmp_path, "harbour", 7, ["harbour"])
    assert journals._read_journal(path) is None                  # not a hidden folder: not a run's


def test_alive_and_dead():
    pid = _dead_pid()
    assert journals._alive(os.getpid()) is True
    assert journals._alive(0) is True and journals._alive(-1) is True     # uncertain: alive
    assert journals._alive(pid) is False
    assert journals.dead({"pid": pid, "host": socket.gethostname()}) is True
    assert journals.dead({"pid": pid, "host": "another-host.example"}) is False
    assert journals.dead({"pid": os.getpid(), "host": socket.gethostname()}) is False


def test_clean_dead_removes_only_the_named_folders_of_a_dead_run_of_this_slug(tmp_path):
    pid = _dead_pid()
    (tmp_path / f".harbour.new-{pid}").mkdir()
    (tmp_path / ".harbour.old-20311215").mkdir()               # a user's backup: never named, never touched
    j = _journal(tmp_path, "harbour", pid, [f".harbour.new-{pid}", f".harbour.gone-{pid}"])
    other = _journal(tmp_path, "harbourx", pid, [".harbourx.new-1"])
    (tmp_path / ".harbourx.new-1").mkdir()
    done = journals.clean_dead([tmp_path, tmp_path], "harbour")
    assert done == [f"removed {tmp_path / f'.harbour.new-{pid}'}"]
    assert not j.exists() and other.exists()
    assert (tmp_path / ".harbour.old-20311215").is_dir() and (tmp_path / ".harbourx.new-1").is_dir()


def test_clean_dead_puts_the_old_folder_back_when_the_live_one_is_missing(tmp_path):
    pid = _dead_pid()
    (tmp_path / f".harbour.old-{pid}").mkdir()
    _journal(tmp_path, "harbour", pid, [f".harbour.old-{pid}"])
    assert journals.clean_dead([tmp_path], "harbour", display=lambda p: p.name) == ["put harbour back"]
    assert (tmp_path / "harbour").is_dir()
    # the live folder there: the old one is removed instead
    (tmp_path / f".harbour.old-{pid}").mkdir()
    _journal(tmp_path, "harbour", pid, [f".harbour.old-{pid}"])
    assert journals.clean_dead([tmp_path], "harbour", display=lambda p: p.name) == [f"removed .harbour.old-{pid}"]
    assert journals.clean_dead([tmp_path / "missing"], "harbour") == []


# --- story/yamlio, story/scaffold ---------------------------------------------------------------------------
def _load(tmp_path, text):
    from presslens.story import yamlio
    (tmp_path / "s.yaml").write_text(text, encoding="utf-8")
    problems = []
    got = yamlio.load_yaml(tmp_path / "s.yaml", "s.yaml", problems)
    return got, [(p.field, p.message, p.fix) for p in problems]


def test_load_yaml_names_the_line_and_the_fix(tmp_path):
    assert _load(tmp_path, "title: Harbour\n") == ({"title": "Harbour"}, [])
    # the unclosed list is found where the parser stops, at the end of the file (line 3; lines count from 1)
    got, p = _load(tmp_path, "title: Harbour\nquestion: [a\n")
    assert got is None and p[0][1] == "is not valid YAML at line 3 (did not find expected ',' or ']')"
    assert p[0][2].startswith("correct the YAML syntax")
    got, p = _load(tmp_path, "title: A\nquestion: B\ntitle: C\n")
    assert p[0][1] == "is not valid YAML at line 3 (duplicate key 'title' (first given at line 1; only one value can count))"
    got, p = _load(tmp_path, "a: &x {b: 1}\nc:\n  <<: *x\n")
    assert p[0][1] == "is not valid YAML at line 3 (a merge key << presslens does not read)"
    got, p = _load(tmp_path, "a: !include other.yaml\n")
    assert p[0][1] == "is not valid YAML at line 1: YAML tags such as !include are not supported"
    assert p[0][2].endswith("(no other file is read into this one: copy the value in)")
    got, p = _load(tmp_path, "a: !!python/name:os.system x\n")
    assert "YAML tags such as !!python/name:os.system are not supported" in p[0][1] and "copy the value" not in p[0][2]
    got, p = _load(tmp_path, 'a: "white\\w*"\n')
    assert got is None and p[0][2] == "write the pattern in single quotes, where a backslash stays a backslash: 'white\\w*'"
    got, p = _load(tmp_path, 'a: "\\bfine\\b"\n')                 # loads, with a warning on its field
    assert got == {"a": "fine"} and p[0][0] == "a" and "holds a control character" in p[0][1]


def test_title_line_escapes_yaml_and_refuses_breaks():
    import pytest as _pytest

    from presslens.errors import ParameterError
    from presslens.story import scaffold
    assert scaffold._title_line(None, "harbour-pier-fire") == "title: Harbour pier fire"
    assert scaffold._title_line("Harbour: fire # 2", "x") == "title: 'Harbour: fire # 2'"
    long = "Harbour " * 20
    assert scaffold._title_line(long, "x") == "title: " + long.strip()     # one line, never folded
    assert yaml.safe_load(scaffold._title_line("- {pier}", "x")) == {"title": "- {pier}"}
    with _pytest.raises(ParameterError, match="the title is empty"):
        scaffold._title_line("   ", "x")
    with _pytest.raises(ParameterError, match="line breaks"):
        scaffold._title_line("Harbour\nfire", "x")
    with _pytest.raises(ParameterError, match="must be text"):
        scaffold._title_line(5, "x")


def test_untouched_examples_lists_the_template_articles_only(tmp_path):
    from importlib import resources

    from presslens.story import scaffold
    example = (resources.files("presslens") / "templates").joinpath("article.md").read_text(encoding="utf-8")
    assert scaffold.untouched_examples(tmp_path) == []
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "b.md").write_text(example, encoding="utf-8")
    (tmp_path / "articles" / "a.md").write_text(example, encoding="utf-8")
    (tmp_path / "articles" / "c.md").write_text(example + "edited", encoding="utf-8")
    (tmp_path / "articles" / "d.txt").write_text(example, encoding="utf-8")
    assert [p.name for p in scaffold.untouched_examples(tmp_path)] == ["a.md", "b.md"]


# --- story/load: references ------------------------------------------------------------------------------------
def test_load_references_each_bad_file_named_and_the_good_one_kept(tmp_path):
    from presslens.story import load
    f = tmp_path / "references"
    f.mkdir()
    (f / "wire.md").write_text("---\nsource: Harbour Press Agency\nkind: wire copy\npublished: 2031-05-03\n---\n"
                               "The pier closed on Monday.\n")
    (f / "bad.md").write_text("---\nsource: 5\nkind: rumour\ncolour: red\n---\n\n")
    (f / "empty.md").write_text("---\nsource: ' '\n---\ntext\n")
    (f / "notes.txt").write_text("x")
    (f / ".hidden.md").write_text("x")
    (f / "sub.md").mkdir()
    (f / b"odd\xff.md".decode("utf-8", "surrogateescape")).write_text("x")
    notices, problems = [], []
    t = load.load_references(tmp_path, "harbour", notices, problems)
    # the good file loads after two bad ones: each file's problems are counted from its own start
    assert t[["id", "source", "kind", "text", "file"]].values.tolist() == [
        ["wire", "Harbour Press Agency", "wire copy", "The pier closed on Monday.", "references/wire.md"]]
    assert [(p.file, p.field) for p in problems] == [
        ("harbour/references/bad.md", "colour"), ("harbour/references/bad.md", "source"),
        ("harbour/references/bad.md", "kind"), ("harbour/references/bad.md", "text"),
        ("harbour/references/empty.md", "source"), ("harbour/references/odd\\xff.md", "")]
    assert problems[-1].message.startswith("the file name is not valid UTF-8 text")
    assert [n.file for n in notices] == ["harbour/references/notes.txt", "harbour/references/sub.md"]
    other = tmp_path / "other"
    other.mkdir()
    (other / "references").write_text("x")
    problems = []
    assert len(load.load_references(other, "h", [], problems)) == 0
    assert [(p.file, p.message) for p in problems] == [("h/references", "is not a folder")]
    assert len(load.load_references(tmp_path / "none", "h", [], [])) == 0


# --- story/outlets.parse_outlets, read_outlets ---------------------------------------------------------------
def test_parse_outlets_entries_and_each_problem():
    p = []
    e = outlets.parse_outlets({"outlets": {"Harbour Post": {"aliases": ["HP", "harbourpost.example"], "country": " UK ",
                                                            "kind": None},
                                           "Selby Mail": {"aliases": ["hp"]}, "Kite": None, "Sun": "national", 5: {}},
                               "colour": 1, "notes": 3}, "outlets.yaml", p)
    assert [(x["name"], x["aliases"], x["attrs"]) for x in e] == [
        ("Harbour Post", ("HP", "harbourpost.example"), {"country": "UK"}),   # stripped; null attributes left out
        ("Selby Mail", ("hp",), {}), ("Kite", (), {})]
    assert [(x.field, x.message) for x in p] == [
        ("colour", "unknown field"), ("notes", "must be text"),
        ("outlets.Selby Mail.aliases", "'hp' names both 'Harbour Post' and 'Selby Mail'"),
        ("outlets.Sun", "must be a mapping of attributes, got 'national'"),
        ("outlets.5", "the outlet name 5 is not text")]
    # the same outlet's own alias spelled like its name is no clash
    p = []
    outlets.parse_outlets({"outlets": {"Harbour Post": {"aliases": ["harbour post"]}}}, "o.yaml", p)
    assert p == []
    assert outlets.parse_outlets(None, "o.yaml", p) == [] and p == []
    assert outlets.parse_outlets(["x"], "o.yaml", p) == [] and p[0].message.startswith("must be a mapping")


def test_read_outlets_stops_on_its_own_yaml_problem_only(tmp_path):
    (tmp_path / "outlets.yaml").write_text("outlets:\n  Harbour Post: {country: UK}\n")
    (tmp_path / "bad.yaml").write_text("outlets: [\n")
    p, digest = ["an earlier problem of another file"], {}
    got = outlets.read_outlets(tmp_path / "outlets.yaml", "o.yaml", p, digest, "main")
    assert [(x["name"], x["attrs"]) for x in got] == [("Harbour Post", {"country": "UK"})]
    assert len(digest["main"]) == 64 and len(p) == 1
    digest = {}
    assert outlets.read_outlets(tmp_path / "bad.yaml", "b.yaml", p, digest, "main") == [] and digest == {}
    assert len(p) == 2 and p[1].file == "b.yaml"
