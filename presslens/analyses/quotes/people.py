"""The people of one article, as a reader keeps track of them: everyone the text introduces by name
(story.yaml's speakers, and people it does not list: "Maria Lopez, a nurse", "U.S. District Judge
Ana Ruiz", "Jean-Marc Dupont", "J. R. Smith"), the later short forms that refer back to them ("Ruiz",
"Dr. Lopez", "Maria"), their gender where the text gives it (an honorific, a role noun such as
"mother" or "spokesman", or the he/she that follows them when they are the only person about), and
where each is mentioned, so that "he said" and "the 46-year-old said" go to the nearest fitting
person, preferably one who is the subject of a sentence, never to the last *listed* speaker.

Nothing here names a story: the titles, role nouns and organisation words are general English.

One idea: who the article's people are and where each is mentioned (as a subject, in a list, after a
preposition, inside what another said), read once; the callers decide who speaks from it.
"""
from __future__ import annotations

import bisect
import functools
import re

import regex as _regex

from presslens.story.model import Story
from presslens.text import resolver, segment
from presslens.text.vocabulary import PREPOSITIONS, is_participle
from .liveblog import entry_starts
from .resolve import ANON_PERSON, HONORIFIC
from .whose_role import COMPANY_HEADS, COMPANY_KINDS, ROLE_NOUN, company_role, described_actor
from .wordclasses import FEMALE, FUNCTION, MALE, NAME_PARTICLE, ORG_KINDS, ORG_WORDS, TITLES, key, title_cased

_W = rf"(?:{NAME_PARTICLE}?\p{{Lu}}[\p{{Ll}}\p{{Lu}}]*(?:['’-]\p{{L}}+)*|\p{{Lu}}\.)"  # a capitalised word or an initial
_RUN = _regex.compile(rf"(?<![\p{{L}}\p{{N}}'’-]){_W}(?:\s+(?:(?:de|van|von|der|den|da|di|la|le|del|dos|das|bin|al|el|ibn)\s+)*{_W})*"
                      r"(?![\p{L}\p{N}'’-])")
# what follows the object of an opening participle ("Calling Ruiz a hero", "Thanking Ruiz, he", "Praising
# Ruiz's work"), where a name that is a subject goes on with its verb ("Manning Lee said")
_OBJECT_GOES_ON = re.compile(r"(?:\s*,|[’']s\b|\s+(?:a|an|the|as|his|her|their|its|for|to|of|on|in|with|and)\b)")
SENT_END = re.compile(r"[.!?][”\"’']?\s+")


@functools.lru_cache(maxsize=4)
def _verb_after(verbs_rx: str) -> re.Pattern:
    """A reporting verb right after a name, or after its description in commas."""
    return re.compile(rf"(?:\s*,[^.!?\"“”]{{1,160}}?,)?\s+(?:has\s+|had\s+|also\s+|then\s+)?(?:{verbs_rx})\b",
                      re.IGNORECASE)


class Person:
    __slots__ = ("name", "tokens", "gender", "titles", "listed", "spoke", "actor", "order", "pronoun", "_m", "_f")

    def __init__(self, name: str, listed: bool = False):
        self.name, self.listed = name, listed
        self.tokens = {key(t) for t in name.split() if len(t.strip(".")) > 1}
        self.gender: str | None = None
        self.titles: set[str] = set()
        self.spoke = False
        self.actor: str | None = None  # the story actor the text ties them to ("Acme spokeswoman Jane Doe")
        self.pronoun: str | None = None  # "m" or "f" once a "he" or "she" was read as them (see referred_to_as)
        self._m = self._f = 0

    def evidence(self, words) -> None:
        for w in words:
            w = w.lower().strip(".,")
            self._m += w in MALE
            self._f += w in FEMALE
        self.gender = "m" if self._m > self._f else "f" if self._f > self._m else None

    def referred_to_as(self, gender: str) -> None:
        """The first "he" ("m") or "she" ("f") read as this person: a later pronoun of the other gender is
        someone else's ('Ana Ruiz met Tom Berg. She said ... “...,” he said.' is Berg's); no gender the text gave."""
        self.pronoun = self.pronoun or gender

    def could_be(self, gender: str | None) -> bool:
        """Whether "he"/"she" can point here: the text's gender, else the first pronoun read, fits or is unknown."""
        return gender is None or (self.gender or self.pronoun) in (None, gender)


class People:
    """Every person one article names, and each mention's place: built once per article."""

    def __init__(self, story: Story, paragraphs: list[str], verbs_rx: str):
        self.story = story
        self._paragraphs = paragraphs
        self.people: dict[str, Person] = {}
        self.kin: dict[tuple, str | None] = {}  # (para, start) of a name after "the sister of" -> that relative's gender
        self.mentions: list[tuple] = []  # (para, start, end, person, subject: True, False, "coord", "oblique" or "reported")
        self._verb = _verb_after(verbs_rx)
        self._listed = [(sp.name, [f for f in (sp.name, *sp.aliases) if f]) for sp in story.speakers]
        self._forms = {f.casefold(): sp_name for sp_name, forms in self._listed for f in forms}
        arx, entries = resolver.actor_regex(story.actors)
        self._actor_rx = arx if entries else None
        self._entries = entries
        self._kinds = {a.name: (a.kind or "").lower() for a in story.actors}
        self.story_people = {n for n, k in self._kinds.items() if k == "person"}
        # one-word names of the story's places and organisations: "Harbour Ambassador to Globex Ana Ruiz" is Ana Ruiz
        self._not_people = {key(f) for a in story.actors if self._kinds[a.name] != "person" for f in a.forms
                            if len(f.split()) == 1}
        self._by_token: dict[str, set] = {}
        self._seen_actors: dict[tuple, tuple] = {}  # (paragraph, loose pattern) -> its quotes' spans, its actors' names
        self._actor_words: dict[str, set] = {}
        for sp_name, forms in self._listed:
            self._add(Person(sp_name, listed=True), forms)
        for p_idx, par in enumerate(paragraphs):
            self._scan(p_idx, par)
        self.entries = entry_starts(paragraphs)  # a live blog's entries: a pronoun looks back within its own
        self.chain: dict[str, Person] = {}  # "m"/"f" -> the person the last "he"/"she" was read as

    # -- reading the text

    def _add(self, person: Person, forms=()) -> None:
        person.order = len(self.people)
        self.people[person.name] = person
        for f in (person.name, *forms):
            for t in f.split():
                if len(t.strip(".")) > 1:
                    self._by_token.setdefault(key(t), set()).add(person)
                    if _PARTICLE.match(t):  # "Rashid" after "Omar al-Rashid" is him too
                        self._by_token.setdefault(key(t.split("-", 1)[1]), set()).add(person)
        person.tokens = person.tokens | {key(t) for f in forms for t in f.split() if len(t.strip(".")) > 1}

    def _scan(self, p_idx: int, par: str) -> None:
        inside = [(a, b) for a, b in segment.quote_spans(par).spans]  # sorted, apart (merged)
        starts = [a for a, _ in inside]

        def quoted(pos: int) -> bool:  # a binary search: a paragraph of a million characters costs its names
            k = bisect.bisect_right(starts, pos) - 1
            return k >= 0 and pos < inside[k][1]
        sents = [0] + [m.end() for m in SENT_END.finditer(par)]

        def sentence_start(pos: int) -> int:
            return sents[bisect.bisect_right(sents, pos) - 1]
        found: list[tuple[int, int, Person, bool, list[str]]] = []
        par = HONORIFIC.sub(lambda h: h.group(1) + " ", par)  # "Mr. Lee" reads "Mr  Lee": offsets kept
        headline = title_cased(par)  # capitals there name no one new ("Quay Closes After Storm Hits Selby")
        last_end = 0
        for m in _RUN.finditer(par):
            prev_end, last_end = last_end, m.end()
            if quoted(m.start()):
                continue  # a name inside a quote is not who the narration is about
            words = m.group(0).split()
            if len(words) == 1 and words[0].lower() in ("jr", "sr") and re.match(r",\s*$", par[prev_end:m.start()]):
                continue  # "Tom Berg, Jr.": the suffix of the name before, no second person joined to it
            while len(words) > 1 and _POSTNOMINAL.match(words[-1]):
                words.pop()  # "Tom Price KC", "Ana Ruiz MP": the letters after a name are no part of it
            if is_participle(words[0]) and not par[max(s for s in sents if s <= m.start()):m.start()].strip(" \"“‘'«(") \
                    and _OBJECT_GOES_ON.match(par, m.end()):
                continue  # "Calling Ruiz a hero, he ...": a participle opens the sentence, the name is its object
            # the name is what follows the last title, organisation word, function word or possessive:
            # "On Monday Okafor", "National Rowing Federation President Ada Okafor"
            cut = 0
            for i, w in enumerate(words[:-1]):
                k = key(w)
                if k in TITLES or k in ORG_WORDS or k in FUNCTION or k in PREPOSITIONS or _POSS.search(w) or \
                        k in self._not_people or (len(words) - i > 2 and _is_abbrev(w)):
                    cut = i + 1
            titles = [w for w in words[:cut] if key(w) in TITLES]
            words = words[cut:]
            if not words or key(words[0]) in FUNCTION:
                continue
            if cut == 0 and _PLACE_BEFORE.search(par, max(0, m.start() - 80), m.start()) and \
                    re.match(r"\s*(?:[.;]|$)", par[m.end():]):
                continue  # "in Northfield, Harbour Oblast.": the region of a place, in apposition, no person
            start = m.start() + m.group(0).find(words[0])
            name = " ".join(words)
            person = self._person(name, titles, par, m.end(), new=not headline)
            if person is None:
                continue
            person.titles.update(key(t) for t in titles)
            # never past the name before; a pronoun near a name is another's ("him kissing Ana", "Ana, his
            # wife", "Tom, suspended for ..., said he"): nouns and titles only
            pre = par[max(prev_end, start - 40):start].lower().split()[-4:]
            appos = _APPOS.match(par[m.end():m.end() + 60].lower())
            person.evidence(w for w in titles + pre + (appos.group(1).split() if appos else [])
                            if not _PRONOUNS.fullmatch(w.strip(",.;:")))
            if person.actor is None and not person.listed and self._actor_rx is not None:
                # "Acme spokeswoman Jane Doe", "Jane Doe, a lawyer for Acme,": the actor they speak for
                raw = _APPOS_I.match(par[m.end():m.end() + 60])
                around = m.group(0)[:m.group(0).find(words[0])] + " " + (raw.group(1) if raw else "")
                hit = self._actor_rx.search(around)
                if hit:
                    person.actor = self._entries[hit.lastindex - 1][0]
            if person.actor is None and not person.listed:
                # "council spokesperson Lena Crane", "the council's lawyer, Lena Crane,": the actor listed as "the council"
                lead = _ROLE_BEFORE.search(par, max(0, start - 80), start)
                desc = m.group(0)[:m.group(0).find(words[0])] + " " + (lead.group(0) if lead else "")
                person.actor = described_actor(self.story, desc) or (
                    self._entries[hit.lastindex - 1][0] if lead and self._actor_rx is not None
                    and (hit := self._actor_rx.search(lead.group(0))) else None)
                head = company_role(desc) or company_role(par[max(0, start - 40):start], True)
                if person.actor is None and head:
                    # "ferry company chief Idris Vane", "the company's spokesperson, Ana Holt": the company named before
                    person.actor = self.actor_before(self._paragraphs, p_idx, start, head)
            sent_start = sentence_start(start)
            subject = self._subject(par, sent_start, start, m.end())
            found.append((start, m.end(), person, subject, words))
        for m in ANON_PERSON.finditer(par):  # "a worker who asked not to be named said": a person too
            if not quoted(m.start()):
                anon = Person("")
                anon.evidence(m.group(0).split())
                found.append((m.start(), m.end(), anon, self._subject(par, sentence_start(m.start()),
                                                                        m.start(), m.end()), []))
        found.sort(key=lambda f: f[0])
        # "Tom Berg, a local resident, said": the description in commas after a name is that person, not a
        # second one joined to him (which would leave "he" no one to point to)
        found = [f for i, f in enumerate(found) if not (f[2].name == "" and i and found[i - 1][2].name and
                                                         _APPOSED.fullmatch(par, found[i - 1][1], f[0]) and
                                                         _APPOSED_END.match(par, f[1]))]
        spoke = [f[1] for f in found if f[3] is True and self._verb.match(par, f[1])]
        for i, (start, end, person, subject, _) in enumerate(found):
            # "Price said Berg had lied": Berg is in what Price said, the last a later "he" points to
            reported = subject is not True and any(e <= start and sentence_start(e) == sentence_start(start) for e in spoke)
            # "Lee and Hansen said": two people at once, neither is "he" alone
            coord = (i + 1 < len(found) and _COORD.fullmatch(par[end:found[i + 1][0]])) or \
                    (i > 0 and _COORD.fullmatch(par[found[i - 1][1]:start]))
            oblique = not subject and _AFTER_PREPOSITION.search(par, max(0, start - 12), start) \
                and not _PASSIVE_BY.search(par[max(0, start - 200):start].rsplit(". ", 1)[-1])
            self.mentions.append((p_idx, start, end, person, "coord" if coord else "oblique" if oblique else
                                  "reported" if reported else subject))
            kin = _KIN_BEFORE.search(par, max(0, start - 40), start)  # "the sister of Tom Berg": she is not Berg
            if kin:
                self.kin[(p_idx, start)] = "f" if key(kin.group(1)) in FEMALE else "m" if key(kin.group(1)) in MALE else None
            # a he/she right after a person, before anyone else is named, is theirs
            nxt = found[i + 1][0] if i + 1 < len(found) else len(par)
            stop = min(nxt, _next_sentence_end(par, end, 2))
            # only the first: "Ana Ruiz asked where her father was, and his crew ...": "his" is another's;
            # and only after the sentence's subject: "Lee kissed Ana Ruiz and he ..." says nothing of Ruiz
            if subject is True:
                person.evidence(_PRONOUNS.findall(par[end:stop].lower())[:1])

    def _subject(self, par: str, sent_start: int, start: int, end: int) -> bool:
        prefix = par[sent_start:start]
        prefix = _INTRO.sub("", prefix)  # "On Monday, ..."
        if _PREFIX.fullmatch(prefix) and not _OBJ_PREP.search(prefix) and not _SOURCE_PREP.match(prefix):
            return True
        verb = self._verb.match(par, end)
        if verb and verb.group(0).lstrip()[:1] == "," and _OBJECT_OF.search(par, max(0, start - 12), start):
            return False  # "the CEO of the Harbour Port Alliance, a trade group, told": the object of "of" is
            # described, then the verb is the sentence's (a title's "Director for Harbour Ana Ruiz said" speaks)
        return bool(verb)

    def _person(self, name: str, titles: list, par: str, end: int, new: bool = True) -> Person | None:
        listed = self._forms.get(name.casefold())
        if listed is not None:
            return self.people[listed]
        toks = [key(t) for t in name.split()]
        if any(t in ORG_WORDS for t in toks) or any(ch.isdigit() for ch in name) or \
                (_ACRONYM.search(name) and not name.isupper()):
            return None
        if self._actor_rx is not None:
            a = self._actor_rx.fullmatch(name)
            if a:  # an actor of the story: a person is one of the article's people ("he" may point back to
                # them), a country or an organisation is not
                actor = self._entries[a.lastindex - 1][0]
                return self._actor_person(actor) if self._kinds.get(actor) == "person" else None
        full = [t for t in name.split() if len(t.strip(".")) > 1]
        if len(full) >= 2 or (titles and len(full) == 1):
            # a short form of someone already named ("Ruiz" after "Ana Ruiz") is that person
            known = self.find(name)
            if known is not None and len(full) == 1:
                return known
            norm = " ".join(name.split())
            if norm not in self.people:
                if (len(full) == 1 and not titles) or not new:
                    return None
                self._add(Person(norm))
            return self.people[norm]
        known = self.find(name) if full else None
        return known

    def _actor_person(self, actor: str) -> Person:
        """The person a story actor of kind person is: the listed speaker of that name, else one made
        from the actor and its forms (so that "Ruiz" later is them too)."""
        if actor not in self.people:
            forms = [f for a in self.story.actors if a.name == actor for f in a.forms]
            self._add(Person(actor), forms)
        return self.people[actor]

    # -- answering

    def find(self, phrase: str) -> Person | None:
        """The person a name or short name in ``phrase`` refers to: a listed speaker by any of their
        forms, else the person this article named whose name holds every word of it (latest first)."""
        toks = {key(t) for t in phrase.split() if len(t.strip(".")) > 1 and
                (t[:1].isupper() or _PARTICLE.match(t))} - TITLES
        if not toks:
            return None
        cands = None
        for t in toks:  # the people whose names hold every word (an index, not a loop over everyone)
            got = self._by_token.get(t)
            if not got:
                return None
            cands = set(got) if cands is None else cands & got
        best = None
        for p in sorted(cands or (), key=lambda p: p.order):
            if best is None or len(p.tokens) > len(best.tokens):
                best = p
        return best

    def antecedent(self, p_idx: int, pos: int, gender: str | None, back: int = 3, oblique: bool = True) -> Person | None:
        """The person "he" or "she" at (paragraph, position) refers to: the nearest person mentioned
        before it in this paragraph or the ``back`` before, of that gender (or of none known), a
        subject first; None when nobody fits. In a live blog, never before the entry's first paragraph.
        Without ``oblique``, a person named only as the object of a preposition is no candidate."""
        lo = max(p_idx - back, self.entries[p_idx] if self.entries else 0)  # not into a live blog's later entry
        cands = [m for m in self.mentions if lo <= m[0] < p_idx or (m[0] == p_idx and m[1] < pos)]
        fit = [m for m in cands if m[3].could_be(gender) and (gender is None or self.kin.get(m[:2]) != gender)]
        # the object of a preposition ("to Lagunas Bay", "via Harbour Radio", "the Institute of Port
        # Studies") is the last a "he said" points to, and so is one named in what another said ("Price
        # said Berg had lied. He said"): neither hides anyone named before
        fit = [m for m in fit if m[4] not in ("oblique", "reported")] or (fit if oblique else [])
        if not fit:
            return None
        last_para = max(m[0] for m in fit)  # the nearest paragraph with someone who fits
        in_last = [m for m in fit if m[0] == last_para]
        strict = [m for m in in_last if gender is not None and m[3].gender == gender]
        for pool in ([m for m in strict if m[4] in (True, "coord")], strict, [m for m in in_last if m[4] in (True, "coord")],
                     in_last):
            if pool:
                return None if pool[-1][4] == "coord" else pool[-1][3]
        return None

    LOOK_BACK = 5000  # characters of its own paragraph read before "it": a paragraph of a million costs no more

    def actor_before(self, paragraphs: list[str], p_idx: int, pos: int, head: str | None = None) -> str | None:
        """The organisation "it" or "the agency" at (paragraph, position) refers to: the story actor
        named last before it (this paragraph and the five before), outside quotes, by any of its forms,
        a name of several words also in lower case ("the city's port authority" is the Port
        Authority). Only an actor of an organisation's kind (a storm, a place or a disease says
        nothing); with ``head`` ("agency" for "the agency"), one whose name or kind holds that word."""
        if self._actor_rx is None:
            return None
        entries, kinds = self._entries, self._kinds
        loose_rx, loose_actor = _loose_forms(self.story.actors)
        for i in range(p_idx, max(-1, p_idx - 6), -1):
            par = paragraphs[i][max(0, pos - self.LOOK_BACK):pos] if i == p_idx else paragraphs[i]
            seen = self._seen_actors.get((par, id(loose_rx)))  # a paragraph is read again for each "it" after it
            if seen is None:
                inside = segment.quote_spans(par).spans
                hits = [(m.start(), m.end(), entries[m.lastindex - 1][0]) for m in self._actor_rx.finditer(par)]
                if loose_rx is not None:
                    hits += [(m.start(), m.end(), loose_actor[m.lastindex - 1]) for m in loose_rx.finditer(par)]
                seen = self._seen_actors[(par, id(loose_rx))] = (inside, hits, loose_rx)  # kept: its id stays its own
            inside, hits, _ = seen
            # outside quotes, and no possessive: "Acme is using Globex's software. The company said" is Acme
            hits = sorted((at, a) for at, end, a in hits if not any(x <= at < y for x, y in inside)
                          and not re.match(r"[’']s?\b", par[end:end + 2]))
            fit = [(at, a) for at, a in hits if kinds.get(a) in ORG_KINDS and (head is None or head in self._words(a))]
            if fit:  # "it", "the company": the one of its sentence; two there ("Globex sued Acme.") is not guessed
                ends = [m.end() for m in SENT_END.finditer(par, 0, fit[-1][0])]
                same = {a for at, a in fit if at >= (ends[-1] if ends else 0)}
                return same.pop() if len(same) == 1 else None
        return None

    def _words(self, actor: str) -> set[str]:
        if actor not in self._actor_words:
            self._actor_words[actor] = _words_of(self.story, actor)
        return self._actor_words[actor]

    def actor_between(self, par: str, a: int, b: int) -> bool:
        """Whether a story actor is named in ``par[a:b]``."""
        return self._actor_rx is not None and self._actor_rx.search(par, a, b) is not None

    def by_title(self, head: str) -> Person | None:
        """The person this article introduced with the title ``head`` ("the chancellor" ->
        "Prime Minister Ana Ruiz"), when there is one such person."""
        hits = [p for p in self.people.values() if head in p.titles]
        return hits[-1] if len(hits) == 1 else None


_POSS = re.compile(r"['’]s$")
_PARTICLE = _regex.compile(rf"{NAME_PARTICLE}\p{{Lu}}")  # "al-Rashid": a name's word
# a place named after a locative preposition, then a comma: what follows in apposition, ending the
# sentence, is the place's region or country ("in Northfield, Harbour Oblast.", "at the plant in Lagos, Nigeria.")
_PLACE_BEFORE = _regex.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*,\s+$")
_ACRONYM = re.compile(r"(?<![\w.])[A-Z]{3,}s?$")  # "Harbour Rescue HRT" (not all capitals): no person's name
# a preposition that makes the name after it its object, never a verb's subject (not "after", "before",
# "since": "after Ruiz said" opens a clause whose subject Ruiz is)
_OBJECT_OF = re.compile(r"(?i)\b(?:of|for|at|in|on|from|by|to|about|via|through|among|against|under|within)\s+(?:the\s+)?$")
# the agent of a passive ("The decision was criticised on Wednesday by Tom Berg"): the one who did it, a sentence's
# logical subject, which a "he said" after it points to as to any subject (no object of a preposition)
_PASSIVE_BY = re.compile(r"(?i)\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn)\b[^.!?;]*\bby\s+(?:the\s+)?$")
_AFTER_PREPOSITION = re.compile(rf"(?i)\b(?:{'|'.join(sorted(PREPOSITIONS - {'with'}))})\s+(?:the\s+)?$")
# a role in apposition just before a name, whose possessor or modifier says whom the person speaks for: "the council's
# spokesperson, " (before "Lena Crane")
_ROLE_BEFORE = re.compile(rf"(?:\b[Tt]he|\b[Aa]n?)\s+[^,.;:\"“”]{{0,50}}?{ROLE_NOUN},\s*$")
_APPOS = re.compile(r"\s*,\s+(?:(?:a|an|the|his|her)\b)?\s*([^,.;]{0,50})")
_APPOS_I = re.compile(r"\s*,\s+(?:a|an|the|his|her)?\s*([^,.;]{0,50})", re.IGNORECASE)
# two people joined, each maybe with a description in commas: "Lee and Hansen", "Ana Ruiz, the editor,
# and Tom Berg"
_COORD = re.compile(r"\s*(?:,|and|or|&|,\s*and|,\s+(?:the|a|an|its|his|her|their)\s[^,;.!?“”\"]{1,80},\s*and)\s*")
_KIN_BEFORE = re.compile(r"(?i)\b(sister|mother|wife|daughter|widow|aunt|niece|grandmother|brother|father|husband|son|"
                         r"widower|uncle|nephew|grandfather)\s+(?:of|to)\s+(?:the\s+)?$")
_POSTNOMINAL = re.compile(r"^(?:KC|QC|SC|MP|MSP|MLA|MEP|TD|OBE|MBE|CBE|KBE|DBE)[,.]?$")
_APPOSED = re.compile(r"\s*,\s*")  # between a name and the description in commas after it
_APPOSED_END = re.compile(r"[^,.;!?“”\"]{0,40},")  # the description's rest, then its closing comma
_PRONOUNS = re.compile(r"\b(he|him|his|she|her|hers)\b")
_INTRO = re.compile(r"^[^,]{0,60},\s+")
_OBJ_PREP = re.compile(r"\b(?:by|with|to|of|for|from|and)\b")
# a sentence that opens with the channel or company of the words ("Via Harbour Radio:", "With Ana Ruiz at her side"):
# the name after it is no subject (unless its own verb follows)
_SOURCE_PREP = re.compile(r"(?i)^\W*(?:via|through|with|without|by|from|for|of|like|unlike|despite|amid|to)\b")
_PREFIX = _regex.compile(r"(?:(?:the|a|an|former|acting|then|[\w.’'-]+['’]s|\p{Lu}[\w.’'-]*|[\d-]+-year-old)\s+)*")


def _is_abbrev(w: str) -> bool:
    return bool(_regex.fullmatch(r"(?:\p{Lu}\.){2,}|\p{Lu}{2,}", w.replace("’", "")))


def _next_sentence_end(par: str, at: int, n: int) -> int:
    pos = at
    for _ in range(n):
        m = SENT_END.search(par, pos)
        if not m:
            return len(par)
        pos = m.end()
    return pos


_LOOSE: dict[str, tuple] = {}


def _loose_forms(actors) -> tuple:
    """A case-blind pattern of the actors' forms of two words or more (group i+1 is actor i of the
    list returned): a description in lower case that spells an actor's name ("the public health
    agency"). Built once per list of actors."""
    k = repr([(a.name, a.forms) for a in actors])
    if k not in _LOOSE:
        if len(_LOOSE) > 64:
            _LOOSE.clear()
        forms = sorted({(f.strip(), a.name) for a in actors for f in a.forms if len(f.split()) >= 2},
                       key=lambda e: -len(e[0]))
        rx = re.compile("|".join(rf"(?<!\w)({re.escape(f)})(?!\w)" for f, _ in forms), re.IGNORECASE) if forms else None
        _LOOSE[k] = (rx, [a for _, a in forms])
    return _LOOSE[k]


def _words_of(story: Story, actor: str) -> set[str]:
    """The lower-case words of an actor's name, forms and kind ("agency", "health", "government")."""
    for a in story.actors:
        if a.name == actor:
            words = {w.casefold() for f in (a.name, *a.forms, a.kind or "") for w in re.findall(r"\w+", f)}
            if any(k in (a.kind or "").casefold() for k in COMPANY_KINDS):
                words |= COMPANY_HEADS  # "the ferry operator", "the airline": a company by what it does
            # and a plural's singular: "the airline" is the Harbour Airlines named before
            return words | {w[:-1] for w in words if len(w) > 4 and w.endswith("s") and not w.endswith("ss")}
    return set()
