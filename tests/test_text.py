"""Cleaning, sentence splitting, quotes and tokens, hand-checked on sentences from the seeds."""
from presslens import load_story
from presslens.engine import store, tables
from presslens.text import article, segment

from .conftest import BUNDLED, MINI


def split(par):
    return [par[a:b] for a, b in segment.split_sentences(par)]


def quoted(par):
    return [par[a:b] for a, b in segment.quote_spans(par).spans]


def test_cleaner_removes_boilerplate_and_reports_each_line():
    st = load_story(BUNDLED)
    rem = tables.removed(st)
    ht = rem[rem["outlet"] == "Hindustan Times"][["line", "removed", "rule"]].values.tolist()
    assert ht == [
        [1, "date 2023-12-19 close_game", "capture date line (the date is kept in front matter)"],
        [2, "News / Technology / OpenAI temporarily suspends ByteDance's account. Here's what happened", "breadcrumb"],
        [4, "OpenAI temporarily suspends ByteDance's account. Here's what happened", "repeated headline"],
        [6, "ByHT News Desk, New Delhi", "byline (kept in front matter)"],
        [7, "Dec 19, 2023 10:58 AM IST", "dateline"],
        [13, "Representational Image", "image caption"],
    ]
    tv = rem[rem["outlet"] == "ticker.tv"][["line", "removed"]].values.tolist()
    assert tv == [[1, "date 2023-12-23"]]  # only the prefix: the rest of that line is the article's first sentence
    clean = tables.process(st).clean_text["000_c5df8febf7aeb489"]
    assert clean.startswith("Chinese tech company ByteDance has acknowledged")
    assert set(rem[rem["outlet"] == "tech360.tv"]["removed"]) == {
        "- tech360.tv", "ByteDance Ensures Compliance with Service Terms in Use of OpenAI Technology", "Updated: Jan 4",
        "Source: SCMP"}
    assert rem[rem["outlet"] == "New York Post"]["removed"].tolist() == ["This story originally appeared on NYPost"]
    assert rem[rem["outlet"] == "en.5iter.com"].empty


def test_quote_with_punctuation_inside_the_marks_ends_after_the_mark():
    par = ("“While ByteDance’s use of our API was minimal, we have suspended their account while we further "
           "investigate.” “If we discover that their usage doesn’t follow these policies, we will ask them to make "
           "necessary changes or terminate their account,” the spokesperson added.")
    assert split(par) == [
        "“While ByteDance’s use of our API was minimal, we have suspended their account while we further investigate.”",
        "“If we discover that their usage doesn’t follow these policies, we will ask them to make necessary changes "
        "or terminate their account,” the spokesperson added."]


def test_multi_sentence_quote_stays_quoted_across_sentences():
    # Hindustan Times: Niko Felix's statement runs over three sentences inside one pair of marks
    st = load_story(BUNDLED)
    s = tables.sentences(st)
    ht = s[(s["outlet"] == "Hindustan Times") & s["text"].str.contains("minimal; we have suspended")].iloc[0]
    assert ht["n_quoted"] == ht["n_words"] == 16
    last = s[(s["outlet"] == "Hindustan Times") & s["text"].str.startswith("If we discover")].iloc[0]
    assert last["quoted"].endswith("or shall terminate their account,")
    assert last["narration"] == "… spokesperson Niko Felix said."


def test_straight_quotes_and_missing_space_in_machine_translation():
    par = ('OpenAI spokesperson Niko Felix issued a statement confirming that ByteDance’s account has been '
           'suspended."All API customers must comply with our usage policies to ensure that our technology is used '
           'for good. Although ByteDance rarely uses our APIs, we have suspended their accounts during further '
           'investigation." Felix said.')
    assert split(par) == [
        "OpenAI spokesperson Niko Felix issued a statement confirming that ByteDance’s account has been suspended.",
        '"All API customers must comply with our usage policies to ensure that our technology is used for good.',
        'Although ByteDance rarely uses our APIs, we have suspended their accounts during further investigation." Felix said.']
    par2 = "a direct violation of OpenAI’s terms of service.OpenAI’s terms of service state that models cannot be used."
    assert split(par2) == ["a direct violation of OpenAI’s terms of service.",
                           "OpenAI’s terms of service state that models cannot be used."]


def test_abbreviations_and_names_with_dots_do_not_end_sentences():
    assert split("Mr. Reed met Dr. Jones on Dec. 4 in the U.S. capital. Then he left.") == [
        "Mr. Reed met Dr. Jones on Dec. 4 in the U.S. capital.", "Then he left."]
    assert split("Acme Corp. said it sold data to U.S. brokers. The U.S. The end.") == [
        "Acme Corp. said it sold data to U.S. brokers.", "The U.S.", "The end."]
    par = ("This incident follows a similar accusation against AI specialist Lee Kai-fu's venture, 01.AI, which was "
           "accused of copying Meta Platforms' Llama's architecture in its Yi-34B LLM.")
    assert split(par) == [par]
    # a lower-case word after a full stop is a typo in the source, not a new sentence (Hindustan Times)
    par = "a US-based technology website that made the revelation. citing internal ByteDance documents."
    assert split(par) == [par]


def test_quote_spans_curly_straight_single_and_apostrophes():
    assert quoted("ByteDance had been “secretly” utilizing OpenAI’s technology") == ["secretly"]
    assert quoted("discussing how to ‘whitewash’ the evidence of what they were doing") == ["whitewash"]
    assert quoted("deployed OpenAI's API on ‘Project Seed,' the China-based tech giant's LLM") == ["Project Seed,"]
    assert quoted('wants to "cut corners." The company') == ["cut corners."]
    assert quoted("Meta Platforms' Llama's architecture doesn't") == []
    # a quote still open at the end of a paragraph runs to its end
    assert quoted("He said: “the first paragraph of a longer quote") == ["the first paragraph of a longer quote"]


def test_parts_title_lede_body_and_positions():
    st = load_story(BUNDLED)
    s = tables.sentences(st)
    ht = s[s["outlet"] == "Hindustan Times"]
    assert ht["part"].tolist()[:4] == ["title", "title", "lede", "body"]
    assert ht.iloc[2]["text"] == "The account will remain suspended while OpenAI ‘investigates’ ByteDance."
    assert ht[ht["part"] != "title"]["position"].iloc[[0, -1]].tolist() == [0.0, 1.0]
    nyp = s[s["outlet"] == "New York Post"]
    assert "title" not in set(nyp["part"])  # no headline in the capture: none is invented
    assert len(nyp) == 30


def test_tokens_and_quote_flags():
    assert [t for t, _, _ in segment.tokenize("ByteDance’s GPT-generated text in the U.S. doesn't")] == [
        "bytedance", "gpt-generated", "text", "in", "the", "u.s", "doesn't"]
    st = load_story(BUNDLED)
    tok = tables.tokens(st)
    secret = tok[tok["token"].isin(["secretly"])][["outlet", "in_quote"]].values.tolist()
    assert sorted(map(tuple, secret)) == [("New York Post", True), ("en.5iter.com", False), ("ticker.tv", True)]


def test_mini_story_sentences():
    st = load_story(MINI)
    s = tables.sentences(st)
    daily = s[s["outlet"] == "The Daily Ledger"]["text"].tolist()
    assert daily == [
        "Acme fined $2 million for secretly selling data",
        "The Data Regulator fined Acme Corp. $2 million on Tuesday after it secretly sold customer data to U.S. brokers.",
        "Mr. Reed said the company “knowingly broke the rules.”",
        "“We will appeal,” Acme spokesperson Mary Jones said.",
        "“The sale was legal.”",
        "The fine, announced Dec. 4 in draft form, is the largest this year."]
    gaz = s[s["outlet"] == "La Gazette (English edition)"]["text"].tolist()
    assert gaz[:2] == ["The regulator has sanctioned Akme of a fine of two million dollars.",
                       "According to the watchdog, the company sold data without consent."]


def test_processing_is_cached_in_memory_and_on_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path))
    store.clear_memory()
    st = load_story(MINI)
    first = tables.process(st)
    assert tables.process(st) is first
    folders = list((tmp_path / "tables").iterdir())  # the story's tables, as Parquet
    assert len(folders) == 1 and (folders[0] / "sentences.parquet").is_file()
    store.clear_memory()
    again = tables.process(st)
    assert again is not first and again.sentences.equals(first.sentences)


def test_cache_is_invalidated_when_an_article_changes(mini, tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    store.clear_memory()
    before = tables.sentences(load_story(mini))
    art = mini / "articles" / "wire.md"
    art.write_text(art.read_text().rstrip("\n") + "\nA brand new closing sentence was added.\n")
    store.clear_memory()  # a new kernel: only the disk cache is left
    after = tables.sentences(load_story(mini))
    assert "A brand new closing sentence was added." in after["text"].tolist()
    assert "A brand new closing sentence was added." not in before["text"].tolist()
    assert len(list((tmp_path / "cache" / "tables").iterdir())) == 2  # one entry per version of the inputs


def test_prose_needs_words_and_a_sentence_end_and_the_lede_is_the_first_prose():
    assert segment.is_prose("Eight words or more and an end of sentence here.")
    assert not segment.is_prose("Eight words or more but never an end of sentence here")  # a dek, a kicker
    assert not segment.is_prose("Too short.")
    raw = ("A dek of many words that runs on without any final stop\n\n"
           "The regulator fined the company on Monday, and it said it would appeal.\n\n"
           "A second paragraph of the body follows here, as body text does.")
    out = article.process_article("a1", "Outlet", "The title", raw, [])
    part = {s[7]: s[5] for s in out["sentences"]}
    assert part["The title"] == "title"
    assert part["A dek of many words that runs on without any final stop"] == "body"
    assert part["The regulator fined the company on Monday, and it said it would appeal."] == "lede"


def test_text_without_sentence_ends_is_cut_into_bounded_windows():
    """A sentence with no end found (a capture without punctuation) is measured in pieces, not as thousands of
    words: it is cut after every 200 words, the pieces covering the text in order; real sentences stay whole."""
    from presslens.text import segment
    par = " ".join(f"w{i}" for i in range(450))
    assert segment.split_sentences(par) == [(0, len(par))]  # one sentence: no end found
    spans = segment.windows(par, 0, len(par))
    assert [len(par[a:b].split()) for a, b in spans] == [200, 200, 50]
    assert par[spans[1][0]:spans[1][1]].split()[0] == "w200" and spans[-1][1] == len(par)
    xs = " ".join(["x"] * 400)
    assert [len(xs[a:b].split()) for a, b in segment.windows(xs, 0, len(xs))] == [200, 200]
    long_real = "The minister said " + " and ".join(f"item {i}" for i in range(60)) + " were on the table."
    assert segment.windows(long_real, 0, len(long_real)) == [(0, len(long_real))]  # 182 words: one piece


def test_a_sentence_repeated_across_articles_is_tokenised_once(monkeypatch):
    """The per-article stage memoises a sentence's tokens (a wire's paragraph in many outlets): the second
    article's rows are what tokenising afresh gives, and the memo keeps the last TOKEN_MEMO texts only
    (bounded memory: the least recently used is tokenised again)."""
    calls = []
    real = article.tokenize
    monkeypatch.setattr(article, "tokenize", lambda s: calls.append(s) or real(s))
    article._tokens.cache_clear()
    raw = "The Harbour ferry will stop running in May, the council said on Monday."
    a = article.process_article("a1", "Outlet A", None, raw, [])
    b = article.process_article("a2", "Outlet B", None, raw, [])
    assert calls == [raw]  # tokenised once for both articles
    assert [r[4] for r in b["tokens"]][:3] == ["the", "harbour", "ferry"]
    assert [r[3:] for r in a["tokens"]] == [r[3:] for r in b["tokens"]] and len(b["tokens"]) == 13
    assert article._tokens.cache_info().maxsize == article.TOKEN_MEMO
    for i in range(article.TOKEN_MEMO):  # TOKEN_MEMO other texts: the first one is the least recently used
        article._tokens(f"Harbour line {i}.")
    assert article._tokens.cache_info().currsize == article.TOKEN_MEMO
    calls.clear()
    article._tokens(f"Harbour line {article.TOKEN_MEMO - 1}.")  # still kept
    article.process_article("a3", "Outlet C", None, raw, [])  # pushed out: tokenised again
    assert calls == [raw]
    article._tokens.cache_clear()
