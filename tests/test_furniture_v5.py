"""Furniture version 5 (issue 25): related headlines that report, captions run into a reporting lede,
credits after "/" or "via", times given as "ago", prompts in other languages. Each case is a small
crafted page (hand-checked), with the prose next to it that must stay."""
from __future__ import annotations

import pytest

from presslens.text import furniture, shape
from presslens.text.clean import clean

from .furniture_cases import P1, P2, P3, run_notes as run  # the same prose around each case, removals by note


RELATED = ["Ferry service resumes on the northern route",
           "Two fishermen rescued off the cape, coast guard says",
           "Harbour Times wins regional press award",
           "Mayor: 'We will not raise the port fees'",
           "New lighthouse opens to visitors next month"]


def test_related_headlines_that_report_go_with_their_list():
    kept, removed = run([P1, P2, P3, ""] + RELATED)
    assert kept == [P1, P2, P3]
    assert all(removed[h].startswith("furniture (shape)") for h in RELATED)


def test_reporting_lines_stay_when_the_run_is_mostly_reporting_or_running_text():
    says = ["The catch fell by half this year, the union says", "The cranes are safe to use again, the engineer says",
            "The northern route reopens in June, the council says"]
    kept, _ = run([P1, P2] + says + [P3])
    assert kept == [P1, P2] + says + [P3]          # three reporting lines in a row: not a list of links
    running = "The harbour master says the piers will be rebuilt before the summer season begins."
    kept, _ = run([P1, running, "It rained.", P2])
    assert kept == [P1, running, "It rained.", P2]  # a sentence with "says" and a short real paragraph stay


def test_headline_like_reads_the_line_as_a_reader_does():
    assert shape.headline_like("Two fishermen rescued off the cape, coast guard says")
    assert not shape.headline_like("The coast guard says two fishermen were rescued.")       # a sentence
    assert not shape.headline_like('Ruiz says "we will rebuild" the piers')                 # a quotation
    assert not shape.headline_like("The coast guard says the two fishermen", "were rescued at dawn.")  # goes on


def test_a_caption_run_into_a_reporting_lede_goes_by_its_marker_and_credit():
    cap = ("FILE - Boats lie wrecked in the harbour of Port Selby, Harbourland, on May 3, 2024. The death toll rose to "
           "nine on Saturday, the coast guard said. (Photo by Jane Roe / AFP)")
    kept, removed = run([P1, cap, P2])
    assert kept == [P1, P2] and removed[cap].startswith("furniture (photo)")
    prose = "The death toll rose to nine on Saturday, the coast guard said, after divers searched the wrecks. (AFP)"
    kept, _ = run([P1, prose, P2])
    assert kept[1].startswith("The death toll rose to nine")   # no caption marker: the paragraph stays


@pytest.mark.parametrize("tail", ["(Harbour Space Agency/Xinhua News Agency via AP, File)", "(Port Authority via AP)",
                                  "(Jane Roe/Reuters)"])
def test_a_credit_naming_an_agency_after_a_slash_or_via_is_a_credit(tail):
    assert shape.CREDIT_TAIL.search("Boats lie wrecked in the harbour. " + tail)


@pytest.mark.parametrize("prose", ["The fund was paid out (via the harbour bank).", "Rates rose (via a Reuters poll)."])
def test_a_parenthesis_without_an_agency_at_its_end_is_no_credit(prose):
    assert not shape.CREDIT_TAIL.search(prose)


@pytest.mark.parametrize("line", ["Updated 3 hours ago", "5 mins ago", "Published 1 day ago", "2h ago", "hace 3 horas",
                                  "il y a 2 jours", "3小时前"])
def test_times_given_as_ago_go(line):
    kept, removed = run([P1, line, P2])
    assert kept == [P1, P2] and removed[line].startswith("furniture (timestamp)")


def test_a_paragraph_saying_ago_stays():
    prose = "The storm hit the coast three days ago, and 2 hours ago the first ferry left the harbour."
    kept, _ = run([P1, prose, P2])
    assert kept == [P1, prose, P2]


@pytest.mark.parametrize("line,kind", [
    ("Publicidad", "advertisement"), ("Anzeige", "advertisement"), ("广告", "advertisement"),
    ("Compartir en Facebook", "share"), ("Partager", "share"), ("Síguenos en Twitter", "share"),
    ("Siga aquí para la cobertura en vivo", "share"),
    ("Suscríbete a nuestro boletín", "newsletter"), ("Abonnez-vous à notre newsletter", "newsletter"),
    ("Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten", "disclaimer"),
    ("Utilizamos cookies propias y de terceros", "disclaimer"),
    ("Lee también: El puerto reabre tras la tormenta", "link"), ("À lire aussi", "link"), ("相关阅读", "link"),
    ("Actualizado el 3 de mayo de 2024, 10:12", "timestamp"), ("Mis à jour le 03/05/2024 à 10h12", "timestamp"),
    ("©港口日报", "disclaimer"), ("责任编辑：李伟", "byline"),
    ("Never miss the latest news by signing up to our newsletter today!", "newsletter"),
    ("This post contains references to products from our advertisers. We may receive compensation when you click "
     "on links to those products.", "disclaimer"),
])
def test_prompts_of_other_languages_and_new_shapes_of_known_ones_go(line, kind):
    assert_goes(line, kind)


@pytest.mark.parametrize("prose", [
    "El alcalde dijo que el puerto, publicado en el boletín oficial, reabrirá el lunes tras las reparaciones.",
    "Le maire a annoncé que le port rouvrira lundi, après avoir partagé les chiffres avec les pêcheurs.",
    "Fishermen who follow the harbour's weather service got the storm warning a full day earlier.",
    "Sigue en estado crítico el pescador herido durante la tormenta del viernes.",
    "O presidente quer que o Congresso assine a lei antes do fim do mês.",
    "Actualizado el protocolo de 2024 para los puertos del país tras la tormenta del viernes.",
])
def test_prose_in_other_languages_stays(prose):
    assert_stays(prose)


def assert_goes(line: str, kind: str) -> None:
    kept, removed = run([P1, line, P2])
    assert kept == [P1, P2] and removed[line].startswith(f"furniture ({kind})")


def assert_stays(line: str) -> None:
    kept, _ = run([P1, line, P3])
    assert kept == [P1, line, P3]


def test_a_sentence_about_a_reporter_in_the_story_stays():
    # a story about a journalist tells what the journalist covers: prose, not the writer's biography
    assert_stays("Jane Roe reports on ports and shipping for the Harbour Times, which she joined in 2019.")


def test_a_caption_run_into_the_paragraph_after_it_is_cut_off_and_the_paragraph_kept():
    cap = "Jane Roe, left, talks to rescuers in Port Selby, Harbourland, Tuesday, Aug. 22, 2023."
    kept, removed = run([P1, cap + " " + P2, P3])
    assert kept == [P1, P2, P3] and removed[cap].startswith("furniture (photo): a photo caption run into")
    opened = "This photo taken on Oct. 25, 2023 shows boats wrecked in Port Selby, Harbourland, Oct. 25, 2023."
    kept, removed = run([P1, opened + " The death toll rose to nine, the coast guard said on Saturday.", P3])
    assert kept == [P1, "The death toll rose to nine, the coast guard said on Saturday.", P3] and opened in removed


@pytest.mark.parametrize("line", [
    # the first sentence tells of a day, not a caption's place and full date: a lede and its paragraph
    "Jane Roe, the mayor, visited the port on Tuesday. Dock workers told her the piers would take a year to rebuild.",
    # a place and a full date, but nothing of a caption (no marker, nobody placed left or right)
    "The storm reached Port Selby, Harbourland, May 3, 2024. Dock workers spent the weekend clearing the debris away.",
])
def test_a_lede_with_a_date_is_no_glued_caption(line):
    assert_stays(line)


def test_a_one_sentence_caption_with_an_abbreviated_month_and_its_credit_goes():
    cap = "This photo taken on Oct. 25, 2023 shows boats wrecked in Port Selby, Harbourland. (Photo by Jane Roe/Bernama)"
    kept, removed = run([P1, cap, P2])
    assert kept == [P1, P2] and removed[cap].startswith("furniture (photo)")
    assert shape.sentence_ends("Mr. Li met Gen. Roe on Oct. 25 in J. Roe's office. Then he left.") == [51, 65]
    assert not shape.CAPTION_OPEN.search("The satellite picture shows the storm's eye forming off the coast.")


def test_an_embedded_post_and_a_newsletter_box_go_and_a_paragraph_naming_a_handle_stays():
    embed = "The piers are gone. pic.twitter.com/Ab12Cd — Harbour Watch (@harbourwatch) May 3, 2024"
    sign = "— Jane Roe (@janeroe) May 3, 2024"
    box = ["Every day we'll send you a roundup email of the latest from Port Selby.",
           "You can unsubscribe from this service at any time."]
    kept, removed = run([P1, embed, sign, P2] + box + [P3])
    assert kept == [P1, P2, P3] and all(x in removed for x in [embed, sign] + box)
    prose = "The harbour master, who posts as @harbourmaster, wrote that the piers would reopen in June."
    kept, _ = run([P1, prose, P2])
    assert kept == [P1, prose, P2]


@pytest.mark.parametrize("line,kind", [
    ("Read more", "navigation"), ("ALSO READ Ferry service resumes on the northern route", "link"),
    ("Also read - Ferry service resumes on the northern route", "link"),
    ("Subscribe to our Telegram channel for the latest news", "share"),
    ("Follow Harbour Post on WhatsApp Channels", "share"), ("Representational image", "photo"),
    ("(Photo for illustrative purposes only)", "photo"), ("Harbour Post photo May 3, 2024", "photo"),
    ("Photo courtesy of the coast guard", "photo"),
])
def test_link_labels_channel_prompts_and_photo_sources_go(line, kind):
    kept, removed = run([P1, line, P2, LONG])     # (below "Read more" the article goes on: a longer paragraph)
    assert kept == [P1, P2, LONG] and removed[line].startswith(f"furniture ({kind})")


LONG = ("The council said on Monday that the repairs would be paid from the harbour fund, which holds the fees of "
        "the past ten years, and that no new tax would be needed to rebuild the two piers and the fuel depot.")


@pytest.mark.parametrize("prose", [
    "Read more about the repair plan in the council's report, which runs to two hundred pages.",
    "Readers can join the harbour's WhatsApp channel, which already has two thousand members.",
    "The photo of the wrecked pier went around the world within hours of the storm.",
])
def test_prose_about_reading_channels_and_photos_stays(prose):
    assert_stays(prose)


def test_a_source_photo_credit_and_a_source_sign_off_are_cut_from_the_paragraph():
    para = "Voters queue outside a school in Port Selby on Saturday. The turnout was the highest in a decade."
    kept, removed = run([P1, para + " Harbour Post photo May 3, 2024", P2])
    assert kept == [P1, para, P2] and removed["Harbour Post photo May 3, 2024"].startswith("furniture (photo)")
    kept, removed = run([P1, P2 + " (Harbourpress)", P3])
    assert kept == [P1, P2, P3] and "(Harbourpress)" in removed
    own = "Then I took a photo. I took a photo"     # a sentence about a photo is no credit
    assert not shape.CREDIT_TAIL.search(own)


def test_a_question_headline_in_a_related_list_goes_and_a_question_paragraph_stays():
    heads = ["Ferry service resumes on the northern route", "What next for the harbour fund?",
             "New lighthouse opens to visitors next month"]
    kept, removed = run([P1, P2, P3, ""] + heads)
    assert kept == [P1, P2, P3] and all(h in removed for h in heads)
    kept, _ = run([P1, "What happens next?", P2, P3])
    assert kept == [P1, "What happens next?", P2, P3]


def test_a_reporting_headline_below_the_last_paragraph_goes():
    head = "Two fishermen rescued off the cape, coast guard says"
    kept, removed = run([P1, P2, P3, head, "Harbour Post"])
    assert kept == [P1, P2, P3] and removed[head].startswith("furniture (shape)")


@pytest.mark.parametrize("line,kind", [("Jane Roe/Harbour Post", "photo"), ("(Harbour Post/Jane Roe via Port Agency)", "photo"),
                                       ("Story by Li Wei", "byline"), ("Written by Jane Roe | Harbour Desk", "byline")])
def test_a_credit_with_a_slash_and_a_byline_opened_by_a_verb_go(line, kind):
    assert_goes(line, kind)


@pytest.mark.parametrize("prose", ["Posted by the ministry on Monday, the notice asked fishermen to stay ashore.",
                                   "He served in the U.S. Navy/Army reserve for ten years before joining the port."])
def test_prose_with_by_or_a_slash_stays(prose):
    assert_stays(prose)
    assert not shape.CREDIT_TAIL.search("He works for the U.S. Navy/Army")


@pytest.mark.parametrize("line,kind", [
    ("This material may not be published, broadcast, rewritten or redistributed.", "disclaimer"),
    ("(This story has been published from a wire agency feed without modifications to the text.)", "disclaimer"),
    ("The views expressed in this article are the author's own.", "disclaimer"),
    ("Support independent journalism.", "paywall"), ("Have a news tip? Email the newsroom.", "paywall"),
    ("With inputs from agencies", "byline"), ("With HPA and agencies", "byline"),
])
def test_reuse_notices_support_prompts_and_wire_inputs_go(line, kind):
    assert_goes(line, kind)


@pytest.mark.parametrize("prose", [
    "The views of the fishermen were heard at the council, which met for three hours on Monday.",
    "With help from the navy, the coast guard searched the bay until dark on Friday.",
    "Donors who support local journalism gave the harbour paper a new press last year.",
])
def test_prose_near_those_notices_stays(prose):
    assert_stays(prose)


ZH1 = "今天上午，港口管理局宣布，受风暴影响关闭的两个码头将在下周一重新开放，渔船可以返港停靠。"
ZH2 = "市议会将于周一开会，讨论修复费用由谁承担，以及是否需要动用港口基金。"


@pytest.mark.parametrize("line", ["阅读全文", "扫码关注我们", "版权所有，未经授权不得转载", "（图片来源：港口日报）", "（完）", "홍길동 기자"])
def test_prompts_and_credits_of_cjk_pages_go(line):
    body, removed = clean("\n".join([ZH1, line, ZH2]), None, furniture.rules_for(None))
    assert body.split("\n") == [ZH1, ZH2] and any(r["removed"] == line for r in removed)


def test_a_cjk_source_in_brackets_after_the_last_sentence_is_cut():
    body, removed = clean("\n".join([ZH1 + "（新华社）", ZH2]), None, furniture.rules_for(None))
    assert body.split("\n") == [ZH1, ZH2] and any(r["removed"] == "（新华社）" for r in removed)
    body, _ = clean("\n".join([ZH1, "港口管理局表示，关注我们的渔民已经提前一天收到了风暴警报。", ZH2]), None, furniture.rules_for(None))
    assert len(body.split("\n")) == 3     # a sentence mentioning "follow us" in running text stays


def test_below_the_story_a_list_mostly_of_reporting_headlines_goes_in_the_text_it_stays():
    heads = ["Two fishermen rescued off the cape, coast guard says", "Ferry owners say route will reopen, council says",
             "New lighthouse opens to visitors next month"]
    kept, removed = run([P1, P2, P3, ""] + heads)
    assert kept == [P1, P2, P3] and all(h in removed for h in heads)
    kept, _ = run([P1] + heads + [P2, P3])      # between paragraphs, two of three reporting: not a list
    assert heads[0] in kept and heads[1] in kept


def test_an_advertisement_marker_run_into_a_paragraph_is_cut_and_the_paragraph_kept():
    kept, removed = run([P1, "The storm hit at dawn. Advertisement The mayor closed the port at noon.", P2])
    assert kept == [P1, "The storm hit at dawn. The mayor closed the port at noon.", P2] and "Advertisement" in removed
    kept, _ = run([P1, "Advertisement revenue at the Harbour Post fell by a third last year, its owners said.", P2])
    assert kept[1].startswith("Advertisement revenue")      # the word in prose stays
