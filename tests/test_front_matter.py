"""Front matter of plain `key: value` lines is read without the YAML parser (issue 20: the strict
reader took 1.2 ms an article, in each of the nine kernels), with exactly the parser's result; any
other front matter goes to the parser, so invalid files give the same errors."""
import random

import pytest
import yaml

from presslens import StoryError, load_story, yamlsafe

from .conftest import BUNDLED

TRICKY = ["yes", "on", "Off", "12", "-3", "1e3", "0x1F", "1_000", "12:30", "190:20:30", ".5", ".inf", "nan", "~", "",
          "null", "Null", "NULL", "[]", "[a, b]", "{a: 1}", "'quoted'", '"q"', "a: b", "x #y", "#x", "-x", "- x", "?x",
          "2023-02-30", "2023-12-05", "https://example.org/a#frag", "Ünïcode 中文 name", "a:b", "...", "value:",
          "&anchor x", "*alias", "!tag x", "|", ">", "%x", "@x", "`x", "+1", "<<", "=", "a\tb", "x\u2028y", "x\x85y",
          "trailing   ", "in  ner  spaces", "O'Brien's paper", "A [bracketed] {braced} value", "50% & more!"]


@pytest.mark.parametrize("value", TRICKY)
@pytest.mark.parametrize("key", ["title", "on", "null", "Title_2"])
def test_a_flat_value_reads_as_the_parser_reads_it(key, value):
    text = f"outlet: Daily\n{key}: {value}\nurl: https://example.org/1"
    fast = yamlsafe.flat_mapping(text)
    if fast is None:
        return  # left to the parser
    strict = yamlsafe.parse_yaml(text)
    assert fast == strict and [type(v) for v in fast.values()] == [type(v) for v in strict.values()]


def test_random_front_matter_reads_as_the_parser_reads_it():
    rng = random.Random(20)
    alphabet = list("abcXYZ019 -?:,[]{}#&*!|>'\"%@`=<~.+_/\\\t\u00e9\u4e2d\ufeff") + [": ", " #", "null", "yes", "on",
                                                                                    "0x1F", "1e3", "12:30", "[]"]
    taken = 0
    for _ in range(20_000):
        text = "\n".join(f"{rng.choice(['outlet', 'title', 'on', 'null', 'k_1', 'x', ' y', '1a'])}:"
                         f"{rng.choice([' ', '', '  '])}{''.join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))}"
                         for _ in range(rng.randint(1, 4)))
        fast = yamlsafe.flat_mapping(text)
        if fast is not None:
            taken += 1
            strict = yamlsafe.parse_yaml(text)
            assert fast == strict and [type(v) for v in fast.values()] == [type(v) for v in strict.values()], text
    assert taken > 500


def test_plain_front_matter_skips_the_parser_and_other_front_matter_keeps_its_errors(tmp_path, monkeypatch):
    calls = []
    real = yaml.load
    monkeypatch.setattr(yaml, "load", lambda *a, **k: calls.append(1) or real(*a, **k))
    d = tmp_path / "s"
    (d / "articles").mkdir(parents=True)
    (d / "story.yaml").write_text("title: T\nquestion: Q\nlanguage: en\n", encoding="utf-8")
    for i, title in enumerate(["A title", "A title", '"A title: quoted"']):
        (d / "articles" / f"p{i}.md").write_text(f"---\noutlet: Daily {i}\ntitle: {title}\nurl: null\n"
                                                 f"derived_from: []\n---\nText of the article.\n", encoding="utf-8")
    st = load_story(d)
    assert len(calls) == 2  # story.yaml and the quoted title: the other two front matters are flat
    assert st.articles["title"].tolist() == ["A title", "A title", "A title: quoted"]
    assert st.articles["url"].tolist() == [None] * 3 and st.articles["derived_from"].tolist() == [()] * 3
    bad = {"a.md": ("outlet: Daily\noutlet: Post", "a.md [front matter]: is not valid YAML at line 3 (duplicate key 'outle"),
           "b.md": ("outlet: Daily\ntitle: 2024", "b.md [title]: must be text, got a number 2024")}
    for name, (fields, _) in bad.items():  # not flat (a key twice, a number): the parser's errors, as before
        (d / "articles" / name).write_text(f"---\n{fields}\n---\nText of the article.\n", encoding="utf-8")
    with pytest.raises(StoryError) as err:
        load_story(d)
    assert all(says in str(err.value) for _, says in bad.values()), str(err.value)


def test_the_parsed_front_matter_is_kept_on_disk_and_misses_when_the_file_changes(tmp_path, monkeypatch):
    """engine.frontmatter.load_story (what every notebook's set-up loads with) parses each article's
    front matter once: a second load parses none, an edited file is parsed again and read as edited,
    and a file made invalid gives the loader's error, not its old entry."""
    from presslens.engine import frontmatter

    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    d = tmp_path / "s"
    (d / "articles").mkdir(parents=True)
    (d / "story.yaml").write_text("title: T\nquestion: Q\nlanguage: en\n", encoding="utf-8")
    for i in range(3):
        (d / "articles" / f"a{i}.md").write_text(f'---\noutlet: "Daily {i}"\nderived_from: [Wire]\n---\nText {i}.\n',
                                                 encoding="utf-8")
    calls = []
    real = yaml.load
    monkeypatch.setattr(yaml, "load", lambda *a, **k: calls.append(1) or real(*a, **k))
    first = frontmatter.load_story(d)
    assert len(calls) == 1 + 3  # story.yaml and three quoted front matters
    assert first.articles.equals(load_story(d).articles)
    calls.clear()
    assert frontmatter.load_story(d).articles.equals(first.articles) and len(calls) == 1  # story.yaml only
    (d / "articles" / "a1.md").write_text('---\noutlet: "Evening Post"\nderived_from: [Wire]\n---\nText 1.\n',
                                          encoding="utf-8")
    calls.clear()
    edited = frontmatter.load_story(d).articles
    assert dict(zip(edited["id"], edited["outlet"])) == {"a0": "Daily 0", "a1": "Evening Post", "a2": "Daily 2"}
    assert len(calls) == 2
    (d / "articles" / "a1.md").write_text('---\noutlet: "Evening Post"\noutlet: "Daily 0"\n---\nText 1.\n',
                                          encoding="utf-8")
    with pytest.raises(StoryError, match=r"a1.md \[front matter\]: is not valid YAML at line 3 \(duplicate key"):
        frontmatter.load_story(d)


def test_each_article_row_is_kept_on_disk_and_an_edited_file_is_read_again(tmp_path, monkeypatch):
    """engine.frontmatter.load_story keeps each article's row (fields, normalised text, notices) keyed by
    its file's path and bytes: a warm load parses no article and gives the same Story and notices as the
    loader; an edited text is the new text; a file with problems is reported on every load."""
    from presslens.engine import frontmatter, keys
    from presslens.story import load as load_mod

    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    d = tmp_path / "s"
    (d / "articles").mkdir(parents=True)
    (d / "story.yaml").write_text("title: T\nquestion: Q\nlanguage: en\n", encoding="utf-8")
    for i in range(3):  # a0: an NFD accent and a zero-width space the loader removes; a2: a notice
        extra = "translated_from: en\nlanguage: en\n" if i == 2 else ""
        (d / "articles" / f"a{i}.md").write_text(f"---\noutlet: Daily {i}\n{extra}---\nCafe\u0301 {i}\u200b text.\n",
                                                 encoding="utf-8")
    parsed = []
    real = load_mod._parse_article
    monkeypatch.setattr(load_mod, "_parse_article", lambda *a, **k: parsed.append(a[0].name) or real(*a, **k))
    cold = load_mod.load_story(d)
    first = frontmatter.load_story(d)
    assert first.articles.equals(cold.articles) and first.notices == cold.notices and cold.notices
    assert first.articles.loc[first.articles["id"] == "a0", "text"].item() == "Caf\u00e9 0 text."
    parsed.clear()
    warm = frontmatter.load_story(d)
    assert parsed == [] and warm.articles.equals(cold.articles) and warm.notices == cold.notices
    (d / "articles" / "a1.md").write_text("---\noutlet: Daily 1\n---\nAn edited text.\n", encoding="utf-8")
    edited = frontmatter.load_story(d)
    assert parsed == ["a1.md"]
    assert dict(zip(edited.articles["id"], edited.articles["text"]))["a1"] == "An edited text."
    (d / "articles" / "a1.md").write_text("---\ntitle: no outlet\n---\nText.\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(StoryError, match=r"a1.md \[outlet\]: required field is missing"):
            frontmatter.load_story(d)
    # the key: the folder, the loader's code and Python's version (Unicode normalisation is Python's)
    base = keys.article_rows_key(d)
    assert keys.article_rows_key(tmp_path / "other") != base
    monkeypatch.setattr(keys.platform, "python_version", lambda: "9.9.9")
    assert keys.article_rows_key(d) != base
    monkeypatch.undo()
    monkeypatch.setattr(keys, "tree_hash", lambda root, patterns=(), exclude=(): "edited" + repr(patterns))
    assert keys.article_rows_key(d) != base
