"""Boundaries of small text rules pinned on both sides (issue 20): a call to action of sixty words (61 is
prose), a foreign slug of three unknown words and at most a quarter English, the words a language
detection needs, an article's 5-grams for screening. Invented lines and addresses."""
from presslens.engine import screening
from presslens.text import language, mtpage, prompts


def test_a_call_to_action_has_at_most_sixty_words():
    assert prompts.MAX_WORDS == 60
    head = "Sign up for your daily Harbour newsletter"  # 7 words
    pad = lambda n: head + " " + " ".join(["today"] * (n - 7)) + "."
    assert prompts.is_cta(pad(60)) and not prompts.is_cta(pad(61))
    assert not prompts.is_cta("") and not prompts.is_cta("   ")
    assert not prompts.is_cta("The council met to discuss the pier.")  # no address, no action


def test_tail_prompts_from_the_last_line_up_past_furniture():
    lines = ["The council met on Monday.", "Sign up for your daily newsletter.", "Share", "Subscribe to our newsletter to get your Harbour news."]
    assert prompts.tail_prompts(lines, {2: "share"}) == [3, 1]
    assert prompts.tail_prompts(lines, {}) == [3]  # "Share" alone is no call to action: it stops the walk
    assert prompts.tail_prompts(["Sign up for your daily newsletter."], {}) == [0]  # down to the first line


def test_a_foreign_slug_needs_three_unknown_words_and_a_quarter_english_at_most():
    sig = mtpage.slug_signals("https://example.com/en/zhengfu-gongzuo-baogao")
    assert len(sig) == 1 and sig[0].weight == mtpage.SLUG_WEIGHT and "zhengfu, gongzuo, baogao" in sig[0].detail
    assert mtpage.slug_signals("https://example.com/en/zhengfu-gongzuo") == []  # two unknown words
    assert mtpage.slug_signals("https://example.com/en/zhengfu-gongzuo-pier") == []  # short words are not counted
    assert len(mtpage.slug_signals("https://example.com/en/zhengfu-gongzuo-fabu")) == 1  # four letters count
    # 1 English of 4: a quarter, kept; 2 English of 5: over a quarter
    assert len(mtpage.slug_signals("https://example.com/en/harbour-zhengfu-gongzuo-baogao")) == 1
    assert mtpage.slug_signals("https://example.com/en/harbour-council-zhengfu-gongzuo-baogao") == []
    assert mtpage.slug_signals("https://example.com/fr/zhengfu-gongzuo-baogao") == []  # not an English edition
    assert len(mtpage.slug_signals("https://example.com/news/zhengfu-gongzuo-baogao?lang=en")) == 1
    assert mtpage.slug_signals(None) == [] and mtpage.slug_signals("https://example.com/en/") == []


def test_language_detection_needs_twenty_words():
    assert language.LANGID_MIN_WORDS == 20
    twenty = " ".join("the harbour council met on monday to vote on the new pier plan and the mayor said it would pass".split()[:20])
    assert language.detect_language(twenty)[0] == "en"
    assert language.detect_language(twenty.rsplit(" ", 1)[0]) == (None, 0.0)  # nineteen


def test_screening_shingles_and_language_codes():
    assert screening._shingles([]) == set()
    four = "harbour council met monday".split()
    assert len(screening._shingles(four)) == 1  # shorter than a 5-gram: the whole as one
    five = four + ["night"]
    assert len(screening._shingles(five)) == 1 and len(screening._shingles(five + ["again"])) == 2
    assert screening._shingles(five) != screening._shingles(four)
    assert screening.primary(" EN-gb ") == "en" and screening.primary("") is None and screening.primary(None) is None
