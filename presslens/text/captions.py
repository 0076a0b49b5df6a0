"""Photo captions and credits, as a reader tells them from the story: the marker a caption opens with
("FILE -", "This photo taken on ... shows"), where it places people ("Jane Roe, left, ..."), the place
and full date it closes with, the credit at its end ("Photo: Jane Roe/AP"), and a caption run into the
paragraph after it (:func:`glued_caption`). Split from :mod:`.shape`, which uses and re-exports every
name here.
"""
from __future__ import annotations

import functools
import re

from presslens import data as data_files

from .repeats import ANY_END, LINE_MEMO, guarded, is_paragraph

MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# (a wire picture's slug in capitals, a topic after a slash: "HARBOUR-STORM/PIERS A crane lifts ...")
CAPTION_MARK = re.compile(r"^\s*(?:(?:FILE(?: PHOTO)?|TOPSHOT|PHOTOS?|IMAGE|VIDEO|WATCH|GALLERY|LISTEN)\s*[-–—:]\s|\[\d{1,2}/\d{1,2}\]|\d{1,2} (?:of|/) \d{1,2}\s|"
                          r"file (?:photo|picture|image)\s*[:-]\s|(?-i:[A-Z]{2,}(?:-[A-Z0-9]{2,})+/[A-Z0-9]{2,}(?:-[A-Z0-9]{2,})*\s+(?=[A-Z])))|"
                          # or a short line whose sentence is followed by "File photo." / "File image: Harbour Maps."
                          r"^(?=.{0,300}$).*?[.…]\s+file (?:photo|picture|image)\s*[.:]", re.I)
# a caption's closing place and full date: "..., Harbourland, May 3, 2024." / "... Friday May 3, 2024."
# or the wire's other order, the date then the place, the weekday after a comma (narration says "on
# Thursday"): "..., Thursday, May 1, 2031, in Port Selby, Harbourland."
CAPTION_DATE = re.compile(r"(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*,?\s+(?:on\s+)?(?:%s,?\s+)?|\s%s,?\s+)%s\s+\d{1,2},\s+\d{4}\.?\s*$|"
                          r",\s+%s,\s+%s\s+\d{1,2},\s+\d{4},\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?\.?\s*$"
                          % (WEEKDAY, WEEKDAY, MONTH, WEEKDAY, MONTH))
# a sentence telling what someone told, not what a picture shows: a past verb before "that" ("Ofori narrated that the
# fire started on Friday, June 6, 2031."); a caption closing on its date describes its picture instead
TELLS = re.compile(r"\b[^\W\d_]{2,}ed that\b", re.I)
CREDIT_WORD = r"(?:credit|credits|photo|photos|photographer|photographers|photograph|picture|pic|image|images|copyright|courtesy|source)"
# every name a wire or photo credit signs with: presslens/data/wire_agencies.yaml (one list, with its sources)
AGENCY = "(?:" + "|".join(re.escape(n) for n in data_files.credit_names()) + ")"
# a credit at the end of a line: "Photo: Jane Roe/AP", "Credit…Jane Roe/Reuters", "(Getty)", "REUTERS/Jane Roe/File Photo"
CREDIT_TAIL = re.compile(
    r"(?:(?<=[\s.…)\]•·])|^)(?:\(?\s*%s\s*(?::|…|by\b|-|\||courtesy\b)\s*[^.:;!?\"“”]{1,70}\)?|\((?:%s|[\w .'’-]{1,40}/\s*%s)[^()]{0,40}\)|"
    r"\([\w .'’&-]{1,60}(?:/|\svia\s)[\w .'’&/-]{0,40}?\b%s(?:\s*,\s*(?:File|Pool|Handout))?\)|"
    r"(?:%s)\s*/\s*[\w .'’-]{2,40}(?:/\s*File Photo)?|(?<=[.…]\s)/\s?[A-Z][\w .'’-]{2,60}|(?<=(?-i:[a-z]){2}[.…]\s)(?!.*\.\s*$)(?-i:[A-Z])[\w.'’&-]*(?:\s+(?-i:[A-Z])[\w.'’&-]*){0,3}\s*/\s*(?-i:[A-Z])[\w.'’&-]*(?:\s+(?-i:[A-Z])[\w.'’&-]*){0,3}|(?<=[.…]\s)(?:(?!(?-i:I|We|You|He|She|They|It|The|A|An|This|That|Our|His|Her|Their|Its|My)\s)(?-i:[A-Z])[\w&'’.-]*\s+){1,3}(?:file\s+)?photo(?:\s+%s\s+\d{1,2},?\s+\d{4})?|[\w .'’-]{2,40}\s*/\s*(?:%s)(?:\s+via\s+[\w .'’-]{2,40})?|(?<=[^\W\d_][•·])(?:%s))\s*\.?\s*$"
    % (CREDIT_WORD, AGENCY, AGENCY, AGENCY, AGENCY, MONTH, AGENCY, AGENCY), re.I)
# a caption's opening words: "This photo taken on May 3 shows ...", "In this handout picture released by ..."
# (and a news agency's caption without the article: "Photo taken on May 3, 2024 shows ...", "Aerial photo taken ...")
CAPTION_OPEN = re.compile(r"^\s*(?:(?:in )?(?:this|an?|the) (?:(?:undated|handout|file|aerial|satellite|screen ?grab|video)\s+)*"
                          r"(?:photo(?:graph)?|picture|image|screen ?grab|still)\b(?:[^.!?]|\.(?=\s*\d)|(?<=\b[A-Z][a-z]{2})\.)"
                          r"{0,40}?\b(?:released|provided|made available|taken|obtained|distributed)\b|"
                          r"(?:aerial\s+|file\s+)?(?:photo|picture)\s+taken\s+(?:on|in|at)\b[^.!?]{0,80}?\bshows\b)", re.I)
# a photographer's credit in brackets after the caption's last sentence: the agency or paper, a slash, the
# photographer's name ("... on Sunday. (Harbour Wire/Jane Roe)"), none of it a sentence
BRACKET_CREDIT = re.compile(r"(?<=[.!?]\s)\((?-i:[A-Z])[\w.'’&-]+(?:\s+(?-i:[A-Z])[\w.'’&-]+){0,2}\s*/\s*"
                            r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){1,2}\)\s*$")


@functools.lru_cache(maxsize=LINE_MEMO)
def credit_tail(line: str) -> re.Match | None:
    """The credit closing ``line``: :data:`CREDIT_TAIL`'s forms, or a photographer's credit in brackets
    (:data:`BRACKET_CREDIT`). A pure function of the line (both patterns are fixed when the module loads): the
    last lines' answers are kept, as :mod:`.repeats` keeps a line's measures (issue 20)."""
    return CREDIT_TAIL.search(line) or BRACKET_CREDIT.search(line)


# the wire caption's closing formula: "..., in this photo taken by Harbour Post.", ", in this handout picture
# released by the council." (the caption's opening words, CAPTION_OPEN, set at its end after a comma)
CAPTION_CLOSE = re.compile(r",\s+in\s+(?:this|an?)\s+(?:(?:undated|handout|file|aerial|satellite)\s+)*(?:photo(?:graph)?|picture|image|"
                           r"screen ?grab|video (?:grab|still))\s+(?:taken|released|provided|made available|obtained|distributed|"
                           r"posted|shared)\b[^.!?\"“”]{0,80}\.?\s*$", re.I)
# a dot that ends no sentence: a month's or a title's abbreviation, an initial ("Oct. 25", "Mr. Li", "J. Roe")
ABBR_DOT = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Prof|Gen|Gov|Sen|Rep|St|No|Jr|Sr|Lt|Col|"
                      r"Capt|[A-Z])\.(?=\s)")
# where a photo caption places people: "Jane Roe, left, talks to ...", "(L to R)"
CAPTION_PLACE = re.compile(r",\s(?:left|right|centre|center|second (?:left|right|from (?:left|right))|(?:top|bottom|front) (?:left|right)|"
                           r"from left|left to right)\s?,|\((?:L|R|C|left|right|centre|center|L to R|from left)\)")
# an agency's sign-off after the last sentence of a paragraph: "... on Monday. (Kyodo)"
# (a source's name in brackets after the full stop, one or two capitalised words: "... on Monday. (Harbour Wire)")
# (or after a dash: "... on Monday. – Harbourwire"; not after a quotation, whose dash names its speaker)
AGENCY_SIGN = re.compile(r"(?<=[.!?”\"])\s*\((?:%s|[A-Z]{2,8}|[A-Z][a-z]{2,15}(?: [A-Z][a-z]{1,15})?)\)\s*$|"
                         r"(?<=[a-z0-9][.!?])\s+[–—]\s?(?:%s|[A-Z][a-z]{2,15})\s*$|"
                         r"(?<=[。！？」』])\s*[（(](?:[\u3040-\u30ff\u3400-\u9fff]{1,8}|完)[）)]\s*$" % (AGENCY, AGENCY))
# a video's running time after its description: "... at the final. (2:12)"
DURATION = re.compile(r"(?<=[.!?”\"’'])\s*\(\d{1,2}:\d{2}(?::\d{2})?\)\s*$")


def sentence_ends(line: str) -> list[int]:
    """Where the sentences of ``line`` end (a dot after an abbreviation or an initial ends none)."""
    masked = ABBR_DOT.sub(lambda m: m.group(0)[:-1] + "_", line)
    return [m.end() for m in ANY_END.finditer(masked + " ")]


def wire_caption(line: str, credit: re.Match | None) -> bool:
    """A wire caption of two sentences: the first closes on its place and full date (", Harbourland, May 3,
    2031."), the line closes on a ``credit`` (a match of :data:`CREDIT_TAIL`), and no quotation mark stands in
    it; the second sentence may report ("..., according to the council."): the formula is the caption's."""
    if credit is None or re.search(r"[\"“”«»]", line):
        return False
    head = line[:credit.start()].rstrip()
    ends = sentence_ends(head)
    return len(ends) == 2 and bool(CAPTION_DATE.search(head[:ends[0]].rstrip())) and not guarded(head[:ends[0]])


def glued_caption(line: str) -> str:
    """A photo caption run into the paragraph after it, as a reader sees it: the line's first sentence
    opens as a caption ("FILE -", "This photo taken ... shows") or places people ("Jane Roe, left,
    ...") and closes with the place and full date a caption gives ("..., Harbourland, May 3, 2024."),
    no quotation or reporting verb in it, and a paragraph of prose follows. Returns that sentence, or ""."""
    ends = sentence_ends(line)
    if len(ends) < 2:
        return ""
    first = line[:ends[0]].strip()
    rest = line[ends[0]:].strip()
    if guarded(first) or not is_paragraph(rest) or not CAPTION_DATE.search(first):
        return ""
    if CAPTION_MARK.search(first) or CAPTION_OPEN.search(first) or CAPTION_PLACE.search(first):
        return first
    return ""
