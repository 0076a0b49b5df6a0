"""Boundary tests for text/ functions no test file named before (issue 20, session 14, helper 20x): each
threshold both ways, empty and one-item inputs, on crafted Harbour lines. Values checked by hand against the
docstrings (counts of words and sentence ends written out beside the asserts)."""
from presslens.text import bios, captions, comments, datelines, joins, resolver, segment, speechmarks, vocabulary, widgets
from presslens.text.shape import n_words

P = "The Harbour Council said on Tuesday that the ferry service would resume next week after repairs to the pier were finished."
Q = "Council members said the repairs had cost more than expected and that the work on the northern pier would continue."
R = "Residents of Port Selby welcomed the news but said the council should have warned them about the closure much earlier."


# --- joins ---------------------------------------------------------------------------------------------------
def test_split_sentence_joins_a_sentence_broken_by_its_links_and_leaves_a_lone_paragraph():
    broken = ["In the first", "damage report", "on", "Harbourland",
              "'s northern coast, officials said the pier had been closed for a week after the storm."]
    assert joins.split_sentence(broken) == {0, 1, 2, 3, 4}
    # a run of two lines is enough: one line going on into a paragraph
    two = ["In the first", "damage report on the northern coast of Harbourland, officials said the pier had been "
           "closed for a week after the storm."]
    assert joins.split_sentence(two) == {0, 1}
    assert joins.split_sentence(two + ["Storm"]) == {0, 1}
    assert joins.split_sentence([P]) == set()           # a run of one line is no broken sentence
    assert joins.split_sentence([]) == set()
    # two lines, the second going on in lower case, but no paragraph of prose in the run: not joined
    assert joins.split_sentence(["In the first", "damage report"]) == set()
    # a line after a sentence's end starts a line of its own
    assert joins.split_sentence([P, "storm"]) == set()


def test_prose_lines_takes_a_dateline_of_three_words_at_most_and_no_page_label():
    assert joins.prose_lines(["PORT SELBY", P], 1) == {0}
    assert joins.prose_lines(["PORT SELBY HAVEN", P], 1) == {0}           # three words: still a dateline
    assert joins.prose_lines(["PORT SELBY HARBOUR EAST", P], 1) == set()  # four: no
    assert joins.prose_lines(["WORLD", P], 1) == set()                  # a page's label
    assert joins.prose_lines([P], 0) == set()                           # nothing above the lede
    # a line introducing what it quotes: a saying verb last, three words or more
    assert joins.prose_lines(["The Post reports:", P], 1) == {0}
    assert joins.prose_lines(["Post reports:", P], 1) == set()


def test_cut_mid_word_single_letter_needs_six_words():
    assert joins.cut_mid_word("the council met the ferry h") is True     # six words, "h" last
    assert joins.cut_mid_word("council met the ferry h") is False        # five
    assert joins.cut_mid_word("On Tuesday the council met the ferry a") is False   # "a" is a word
    assert joins.cut_mid_word("the council met the detention and interro") is True
    assert joins.cut_mid_word("the council met on Tuesday") is False


# --- datelines -----------------------------------------------------------------------------------------------
def test_is_timestamp_twenty_words_at_most():
    base = " ".join(["May 3, 2031"] * 6)                # 18 words, all of a date
    assert n_words(base + " 2031 2032") == 20 and datelines.is_timestamp(base + " 2031 2032") is True
    assert n_words(base + " 2031 2032 2033") == 21 and datelines.is_timestamp(base + " 2031 2032 2033") is False
    assert datelines.is_timestamp("12 March 2024 Tuesday 08:15") is True
    assert datelines.is_timestamp("Jane Roe Published May 03, 2024 | 09:49 PM") is True     # three other words
    assert datelines.is_timestamp("Jane Roe Harbour Desk Published May 03, 2024") is False  # five
    assert datelines.is_timestamp("Jane Roe Published") is False                            # no date


# --- speechmarks, vocabulary, resolver --------------------------------------------------------------------------
def test_english_needs_four_latin_words_unless_bare():
    assert speechmarks._english("the harbour is open") is True
    assert speechmarks._english("the harbour open") is False
    assert speechmarks._english("the harbour open", bare=True) is True
    assert speechmarks._english("") is False and speechmarks._english("", bare=True) is True
    assert speechmarks._english("le port est ouvert aujourd") is False   # four words, few English ones


def test_is_participle_needs_more_than_four_letters_and_a_verb():
    assert vocabulary.is_participle("Calling") is True
    assert vocabulary.is_participle("using") is True        # five letters
    assert vocabulary.is_participle("Sterling") is False
    assert vocabulary.is_participle("sing") is False        # four letters
    assert vocabulary.is_participle("ing") is False


def test_exact_case_one_word_short_capitals_or_ordinary():
    assert resolver.exact_case("AI") is True
    assert resolver.exact_case("Sel") is True          # three letters
    assert resolver.exact_case("Selb") is False        # four, not a word, not capitals
    assert resolver.exact_case("GPT") is True and resolver.exact_case("SELBYX") is True
    assert resolver.exact_case("Lark") is True         # an ordinary word
    assert resolver.exact_case("Harbour Council") is False
    assert resolver.exact_case(" AI ") is True         # stripped first


# --- widgets, segment ----------------------------------------------------------------------------------------
def test_glued_menu_two_hundred_characters_and_three_tokens_at_most():
    ok, long = "HomeWorldAsia " + "a" * 186, "HomeWorldAsia " + "a" * 187
    assert len(ok) == 200 and len(long) == 201
    assert widgets.glued_menu([ok, long], {}) == [0]
    assert widgets.glued_menu(["HomeWorldAsia", "PlayStation", "Home | WorldAsiaNews", "a b HomeWorldAsia d"], {}) == [0, 2]
    assert widgets.glued_menu(["HomeWorldAsia"], {0: "menu"}) == []
    assert widgets.glued_menu([], {}) == []


def test_merge_joins_touching_spans_and_drops_empty_ones():
    assert segment._merge([(5, 8), (0, 5), (10, 10), (12, 15), (14, 20)]) == [(0, 8), (12, 20)]
    assert segment._merge([(0, 4), (5, 9)]) == [(0, 4), (5, 9)]       # a gap of one stays
    assert segment._merge([(3, 9), (4, 6)]) == [(3, 9)]               # inside: the wider end kept
    assert segment._merge([]) == []


# --- captions ------------------------------------------------------------------------------------------------
def _wire(line):
    return captions.wire_caption(line, captions.CREDIT_TAIL.search(line))


def test_wire_caption_is_exactly_two_sentences_closing_on_a_credit():
    head = "Ferry passengers wait at the pier in Port Selby, Harbourland, May 3, 2031."
    assert _wire(f"{head} The pier reopened later. (AP Photo/Jane Roe)") is True
    assert _wire(f"{head} (AP Photo/Jane Roe)") is False                          # one sentence
    assert _wire(f"{head} The pier reopened. It was late. (AP Photo/Jane Roe)") is False  # three
    assert _wire(f'{head} The pier "reopened" later. (AP Photo/Jane Roe)') is False    # a quotation mark
    assert captions.wire_caption(f"{head} The pier reopened later.", None) is False  # no credit


def test_glued_caption_needs_a_second_sentence_of_prose():
    cap = "FILE - Ferry passengers wait at the pier in Port Selby, Harbourland, May 3, 2031."
    assert captions.glued_caption(f"{cap} {P}") == cap
    assert captions.glued_caption(cap) == ""                     # one sentence: nothing glued to it
    assert captions.glued_caption("Ferry passengers wait at the pier in Port Selby, Harbourland, May 3, 2031. " + P) == ""
    assert captions.glued_caption("") == ""


# --- bios ----------------------------------------------------------------------------------------------------
def test_bios_name_of_four_words_at_most_and_the_contact_lines():
    assert bios.bios([P, "Jane Roe is a reporter for the Harbour Post."], {}) == [1]
    assert bios.bios(["Jane Roe is a reporter for the Harbour Post.", P], {}) == [0]
    assert bios.bios([P, "Mary Ann Jane Roe is a reporter for the Harbour Post."], {}) == [1]   # four words
    assert bios.bios([P, "Mary Ann Jane Lee Roe is a reporter for the Harbour Post."], {}) == []  # five
    assert bios.bios([P, "Jane Roe is a reporter for the Harbour Post.", "jane.roe@harbourpost.example", "@janeroe"], {}) == [1, 2, 3]
    assert bios.bios([P, "Jane Roe is a reporter for the Harbour Post."], {1: "x"}) == []
    # the story names her elsewhere: a sentence about her
    assert bios.bios(["Jane Roe is a reporter for the Harbour Post.", P + " Roe said so."], {}) == []


# --- comments ------------------------------------------------------------------------------------------------
def test_comment_tail_needs_two_signs_when_prose_follows():
    assert comments.comment_tail([P, Q, "Join the conversation", "Leave a comment"], {}) == [2, 3]
    assert comments.comment_tail([P, "Join the conversation", Q], {}) == []             # a lone widget
    assert comments.comment_tail([P, Q, "Join the conversation", "Leave a comment", R], {}) == [2, 3, 4]
    assert comments.comment_tail([P, "Join the conversation", "Leave a comment", Q, R], {}) == []   # more prose below
    assert comments.comment_tail(["Join the conversation", P], {}) == []                # above the story
    assert comments.comment_tail([], {}) == []


# --- furniture._drop_blocks, credits.caption_above --------------------------------------------------------------
def test_drop_blocks_removes_closed_blocks_back_to_back_and_keeps_line_breaks():
    from presslens.text import furniture
    r = []
    assert furniture._drop_blocks("<script>1</script><script>2</script>", r) == ""     # the second opens where the first closed
    assert [x["removed"] for x in r] == ["<script>1</script>", "<script>2</script>"]
    r = []
    assert furniture._drop_blocks("a<script>x\ny</script>\nb", r) == "a\n\nb"
    assert r == [{"line": 1, "removed": "<script>x y</script>", "rule": "html: script, style or comment block"}]
    assert furniture._drop_blocks("a<!-- <script>x</script> -->b", []) == "ab"            # one comment, one block
    assert furniture._drop_blocks("a<style>x b", []) == "a<style>x b"                   # never closed: left
    assert furniture._drop_blocks("a<script>x</scriptb", []) == "a<script>x</scriptb"   # no closing ">"
    assert furniture._drop_blocks("", []) == ""


def test_caption_above_two_to_fifteen_words_below_a_break():
    from presslens.text import credits
    lines = ["Storm over the harbour", "Travellers wait at the harbour", "Image via Harbour Images/Jane Roe",
             " ".join(["pier"] * 15), " ".join(["pier"] * 16), "Pier", "The pier closed. Ferries stopped.", ""]
    media, open_above = {1, 3, 4, 5, 6, 7, 9}, {1, 3, 4, 5, 6}
    # 15 words yes, 16 no; one word no; two sentences no; a blank line no; an index past the end no
    assert credits.caption_above(lines, {}, media, open_above, 0) == {1: "caption-above", 3: "caption-above"}
    assert credits.caption_above(lines, {}, {0, 1}, {0, 1}, 0) == {1: "caption-above"}        # line 0 is the headline
    assert credits.caption_above(lines, {0: "x"}, {1}, set(), 5) == {1: "caption-above"}      # removed furniture above
    assert credits.caption_above(lines, {}, {1}, set(), 5) == {}                              # a paragraph above
    assert credits.caption_above(lines, {1: "x"}, {1}, {1}, 5) == {}                          # already furniture
