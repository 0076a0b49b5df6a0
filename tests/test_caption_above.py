"""caption-above (issue 25): the caption or video title printed just above the picture's credit or the
video's running time goes with it; a short paragraph or a headline above a credit stays. Crafted pages."""
from .furniture_cases import P1, P2, P3, run


def test_a_caption_above_its_credit_line_goes_with_it():
    page = [P1, "", "Ferry passengers wait on the quay", "Image via Harbour Images/Jane Roe", "", P2, "", P3]
    kept, removed = run(page)
    assert removed.get("Ferry passengers wait on the quay") == "caption-above"
    assert "Image via Harbour Images/Jane Roe" in removed
    assert kept == [P1, P2, P3]


def test_a_caption_sentence_above_a_photo_credit_goes():
    page = [P1, "", "Crews inspect the damaged pier on Saturday.", "Photo credit: Jane Roe/Harbour Images", "", P2, "", P3]
    kept, removed = run(page)
    assert removed.get("Crews inspect the damaged pier on Saturday.") == "caption-above"
    assert kept == [P1, P2, P3]


def test_a_video_title_above_its_card_goes():
    page = [P1, "", "Storm wrecks the harbour piers", "Harbour piers wrecked by the overnight storm 02:27", "", P2, "", P3]
    kept, removed = run(page)
    assert removed.get("Storm wrecks the harbour piers") == "caption-above"
    assert kept == [P1, P2, P3]


def test_prose_above_a_credit_stays():
    short = "The ferry service resumed on Sunday."
    page = [P1, short, "Photo credit: Jane Roe/Harbour Images", P2, "", P3]   # no blank lines: a paragraph above
    kept, _ = run(page)
    assert short in kept
    headline = "Harbour reopens after the storm"
    kept, _ = run([headline, "Photo credit: Jane Roe/Harbour Images", "", P1, "", P2])   # the page's headline
    assert headline in kept
    said = "Crews inspect the pier, officials said."
    kept, _ = run([P1, "", said, "Photo credit: Jane Roe/Harbour Images", "", P2])   # the prose guard
    assert said in kept
    two = "Crews inspect the pier. The port stays shut."
    kept, _ = run([P1, "", two, "Photo credit: Jane Roe/Harbour Images", "", P2])   # two sentences
    assert two in kept


def test_a_wire_caption_of_two_sentences_with_place_date_and_credit_goes():
    cap = ("Jane Roe, chair of the Harbour Council, speaks at the quay in Harbourtown, on Monday, May 6, 2024. "
           "The council meets there every spring. Photographer: John Doe/Harbour Images via Getty Images")
    kept, removed = run([P1, "", cap, "", P2, "", P3])
    assert removed.get(cap) == "caption"
    assert kept == [P1, P2, P3]
    prose = ("The council met at the quay in Harbourtown, on Monday, May 6, 2024. It voted to rebuild the "
             "piers before the summer.")    # the same date formula, no credit: prose
    kept, _ = run([P1, "", prose, "", P2])
    assert prose in kept
