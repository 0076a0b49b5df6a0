"""The people of one article, as a reader keeps track of them: everyone the text introduces by name
(story.yaml's speakers, and people it does not list: "Maria Lopez, a nurse", "U.S. District Judge
Ana Ruiz", "Jean-Marc Dupont", "J. R. Smith"), the later short forms that refer back to them ("Ruiz",
"Dr. Lopez", "Maria"), their gender where the text gives it (an honorific, a role noun such as
"mother" or "spokesman", or the he/she that follows them when they are the only person about), and
where each is mentioned, so that "he said" and "the 46-year-old said" go to the nearest fitting
person, preferably one who is the subject of a sentence, never to the last *listed* speaker.

Nothing here names a story: the titles, role nouns and organisation words are general English.
"""
from __future__ import annotations

import re

import regex as _regex

from presslens.story.model import Story
from presslens.text import resolver, segment
from .resolve import ANON_PERSON, PRONOUN, resolve_speaker, speaker_entry, trim_speaker

# titles that stand before a name and are not part of it ("U.S. District Judge Ana Ruiz": "Ana Ruiz")
TITLES = frozenset("""
president vice prime minister deputy secretary judge justice chief district magistrate governor gov senator sen
representative rep mayor dr doctor mr mrs ms miss mx madam prof professor general gen lt lieutenant col colonel
sgt sergeant capt captain major admiral commander officer spokesperson spokesman spokeswoman director ambassador
king queen prince princess pope father sister brother rev reverend bishop cardinal sheikh emir sir dame lord lady
coach manager chairman chairwoman chair ceo head commissioner attorney lawyer reporter producer editor correspondent
astronaut inspector superintendent sheriff chancellor premier speaker leader former acting interim foreign state
federal national us u.s. uk u.k. eu un health interior defence defense finance labour labor sports sport
education justice environment climate energy trade economy transport culture science agriculture gender equality
social rights affairs general-secretary secretary-general striker forward midfielder defender goalkeeper player
star legend veteran activist analyst expert researcher scientist professor engineer economist official
""".split())
# words that make a capitalised run an organisation, a place or a thing, not a person
ORG_WORDS = frozenset("""
agency ministry university college school center centre organization organisation committee party federation
association council court department institute office bank group union league airport hospital network news times
post press daily journal service administration commission government republic kingdom states nations station cup
championship observatory academy program programme mission basin ocean sea bay coast street city province region
island club company corporation inc ltd llc foundation fund society authority board parliament congress senate
assembly police army navy force forces guard church museum tv radio channel media magazine review tribune herald
gazette telegraph express mail sun globe monitor standard observer chronicle weekly online hotel resort river lake
mountain valley north south east west central northern southern eastern western international world global
summit conference forum festival games olympics tournament stadium award awards prize day week month
january february march april may june july august september october november december monday tuesday wednesday
thursday friday saturday sunday
""".split())
MALE = frozenset("he him his himself mr man men husband father son brother boy grandfather uncle nephew boyfriend "
                 "spokesman chairman businessman sportsman king prince sir lord widower".split())
FEMALE = frozenset("she her hers herself mrs ms miss madam woman women wife mother daughter sister girl grandmother "
                   "aunt niece girlfriend spokeswoman chairwoman businesswoman sportswoman queen princess dame lady "
                   "actress widow".split())

ORG_KINDS = frozenset("government media news outlet organisation organization company business agency party "
                      "university team military court ministry union club federation institution ngo".split())

_W = r"(?:\p{Lu}[\p{Ll}\p{Lu}]*(?:['’-]\p{L}+)*|\p{Lu}\.)"  # a capitalised word or an initial
_RUN = _regex.compile(rf"(?<![\p{{L}}\p{{N}}'’-]){_W}(?:\s+(?:(?:de|van|von|der|den|da|di|la|le|del|dos|das|bin|al|el|ibn)\s+)*{_W})*"
                      r"(?![\p{L}\p{N}'’-])")
_FUNCTION = frozenset("the a an on in at but and as when while after before for with by from to of if so yet "
                      "meanwhile however also then this that these those his her their its our my did does do is are "
                      "was were will would can could should why how what where who since although though because "
                      "according despite during following under unlike like without amid among once".split())
_QUESTION = re.compile(r"(?i)^\W*(?:if|when|whether|why|how|what|did|does|do|would|will|can|could|should|is|are|was|"
                       r"were|unless)\b")
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Mx|Dr|Prof|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Supt|Insp|St|Rev|Hon|Pres)\.")
_SENT_END = re.compile(r"[.!?][”\"’']?\s+")


def _key(w: str) -> str:
    return resolver.form_key(w).strip(".")


class Person:
    __slots__ = ("name", "tokens", "gender", "titles", "listed", "spoke", "actor", "_m", "_f")

    def __init__(self, name: str, listed: bool = False):
        self.name, self.listed = name, listed
        self.tokens = {_key(t) for t in name.split() if len(t.strip(".")) > 1}
        self.gender: str | None = None
        self.titles: set[str] = set()
        self.spoke = False
        self.actor: str | None = None  # the story actor the text ties them to ("Acme spokeswoman Jane Doe")
        self._m = self._f = 0

    def evidence(self, words) -> None:
        for w in words:
            w = w.lower().strip(".,")
            self._m += w in MALE
            self._f += w in FEMALE
        self.gender = "m" if self._m > self._f else "f" if self._f > self._m else None


class People:
    """Every person one article names, and each mention's place: built once per article."""

    def __init__(self, story: Story, paragraphs: list[str], verbs_rx: str):
        self.story = story
        self.people: dict[str, Person] = {}
        self.mentions: list[tuple[int, int, int, Person, bool]] = []  # (para, start, end, person, subject)
        self._verb = re.compile(rf"^(?:\s*,[^.!?\"“”]{{1,160}}?,)?\s+(?:has\s+|had\s+|also\s+|then\s+)?(?:{verbs_rx})\b",
                                re.IGNORECASE)
        self._listed = [(sp.name, [f for f in (sp.name, *sp.aliases) if f]) for sp in story.speakers]
        arx, entries = resolver.actor_regex(story.actors)
        self._actor_rx = arx if entries else None
        for sp_name, _ in self._listed:
            self.people[sp_name] = Person(sp_name, listed=True)
        for p_idx, par in enumerate(paragraphs):
            self._scan(p_idx, par)

    # -- reading the text

    def _scan(self, p_idx: int, par: str) -> None:
        inside = [(a, b) for a, b in segment.quote_spans(par).spans]
        sents = [0] + [m.end() for m in _SENT_END.finditer(par)]
        found: list[tuple[int, int, Person, bool, list[str]]] = []
        par = _HONORIFIC.sub(lambda h: h.group(1) + " ", par)  # "Mr. Lee" reads "Mr  Lee": offsets kept
        last_end = 0
        for m in _RUN.finditer(par):
            prev_end, last_end = last_end, m.end()
            if any(a <= m.start() < b for a, b in inside):
                continue  # a name inside a quote is not who the narration is about
            words = m.group(0).split()
            # the name is what follows the last title, organisation word, function word or possessive:
            # "On Monday Rubiales", "Royal Spanish Football Federation President Luis Rubiales"
            cut = 0
            for i, w in enumerate(words[:-1]):
                k = _key(w)
                if k in TITLES or k in ORG_WORDS or k in _FUNCTION or re.search(r"['’]s$", w) or \
                        (len(words) - i > 2 and _is_abbrev(w)):
                    cut = i + 1
            titles = [w for w in words[:cut] if _key(w) in TITLES]
            words = words[cut:]
            if not words or _key(words[0]) in _FUNCTION:
                continue
            start = m.start() + m.group(0).find(words[0])
            name = " ".join(words)
            person = self._person(name, titles, par, m.end())
            if person is None:
                continue
            person.titles.update(_key(t) for t in titles)
            pre = par[max(prev_end, start - 40):start].lower().split()[-4:]  # never past the name before
            post = par[m.end():m.end() + 60].lower()
            appos = re.match(r"\s*,\s+(?:a|an|the|his|her)?\s*([^,.;]{0,50})", post)
            person.evidence(titles + pre + (appos.group(1).split() if appos else []))
            if person.actor is None and not person.listed and self._actor_rx is not None:
                # "Acme spokeswoman Jane Doe", "Jane Doe, a lawyer for Acme,": the actor they speak for
                raw = re.match(r"\s*,\s+(?:a|an|the|his|her)?\s*([^,.;]{0,50})", par[m.end():m.end() + 60], re.IGNORECASE)
                around = m.group(0)[:m.group(0).find(words[0])] + " " + (raw.group(1) if raw else "")
                hit = self._actor_rx.search(around)
                if hit:
                    person.actor = resolver.actor_regex(self.story.actors)[1][hit.lastindex - 1][0]
            sent_start = max(s for s in sents if s <= start)
            subject = self._subject(par, sent_start, start, m.end())
            found.append((start, m.end(), person, subject, words))
        for m in ANON_PERSON.finditer(par):  # "a worker who asked not to be named said": a person too
            if not any(a <= m.start() < b for a, b in inside):
                anon = Person("")
                anon.evidence(m.group(0).split())
                found.append((m.start(), m.end(), anon, self._subject(par, max(s for s in sents if s <= m.start()),
                                                                        m.start(), m.end()), []))
        found.sort(key=lambda f: f[0])
        for i, (start, end, person, subject, _) in enumerate(found):
            # "Lee and Hansen said": two people at once, neither is "he" alone
            coord = (i + 1 < len(found) and re.fullmatch(r"\s*(?:,|and|or|&|,\s*and)\s*", par[end:found[i + 1][0]])) or \
                    (i > 0 and re.fullmatch(r"\s*(?:,|and|or|&|,\s*and)\s*", par[found[i - 1][1]:start]))
            self.mentions.append((p_idx, start, end, person, "coord" if coord else subject))
            # a he/she right after a person, before anyone else is named, is theirs
            nxt = found[i + 1][0] if i + 1 < len(found) else len(par)
            stop = min(nxt, _next_sentence_end(par, end, 2))
            person.evidence(re.findall(r"\b(he|him|his|she|her|hers)\b", par[end:stop].lower()))

    def _subject(self, par: str, sent_start: int, start: int, end: int) -> bool:
        prefix = par[sent_start:start]
        prefix = re.sub(r"^[^,]{0,60},\s+", "", prefix)  # "On Monday, ..."
        if _PREFIX.fullmatch(prefix) and not re.search(r"\b(?:by|with|to|of|for|from|and)\b", prefix):
            return True
        return bool(self._verb.match(par, end))

    def _person(self, name: str, titles: list, par: str, end: int) -> Person | None:
        for sp_name, forms in self._listed:
            if any(re.fullmatch(re.escape(f), name, flags=re.IGNORECASE) for f in forms):
                return self.people[sp_name]
        toks = [_key(t) for t in name.split()]
        if any(t in ORG_WORDS for t in toks) or any(ch.isdigit() for ch in name):
            return None
        if self._actor_rx is not None:
            a = self._actor_rx.fullmatch(name)
            if a:
                return None  # an actor of the story (a country, an organisation, a listed person's actor)
        full = [t for t in name.split() if len(t.strip(".")) > 1]
        if len(full) >= 2 or (titles and len(full) == 1):
            # a short form of someone already named ("Ruiz" after "Ana Ruiz") is that person
            known = self.find(name)
            if known is not None and len(full) == 1:
                return known
            key = " ".join(name.split())
            if key not in self.people:
                if len(full) == 1 and not titles:
                    return None
                self.people[key] = Person(key)
            return self.people[key]
        known = self.find(name) if full else None
        return known

    # -- answering

    def find(self, phrase: str) -> Person | None:
        """The person a name or short name in ``phrase`` refers to: a listed speaker by any of their
        forms, else the person this article named whose name holds every word of it (latest first)."""
        toks = {_key(t) for t in phrase.split() if len(t.strip(".")) > 1 and t[:1].isupper()} - TITLES
        if not toks:
            return None
        best = None
        for p in self.people.values():
            if p.tokens and toks <= p.tokens and (best is None or len(p.tokens) > len(best.tokens)):
                best = p
        return best

    def antecedent(self, p_idx: int, pos: int, gender: str | None, back: int = 3) -> Person | None:
        """The person "he" or "she" at (paragraph, position) refers to: the nearest person mentioned
        before it in this paragraph or the ``back`` before, of that gender (or of none known), a
        subject first; None when nobody fits."""
        cands = [m for m in self.mentions if p_idx - back <= m[0] < p_idx or (m[0] == p_idx and m[1] < pos)]
        fit = [m for m in cands if gender is None or m[3].gender in (None, gender)]
        if not fit:
            return None
        last_para = max(m[0] for m in fit)  # the nearest paragraph with someone who fits
        in_last = [m for m in fit if m[0] == last_para]
        strict = [m for m in in_last if gender is not None and m[3].gender == gender]
        for pool in ([m for m in strict if m[4]], strict, [m for m in in_last if m[4]], in_last):
            if pool:
                return None if pool[-1][4] == "coord" else pool[-1][3]
        return None

    def actor_before(self, paragraphs: list[str], p_idx: int, pos: int) -> str | None:
        """The organisation "it" at (paragraph, position) refers to: the story actor of an
        organisation's kind named last before it (this paragraph and the two before), outside quotes."""
        if self._actor_rx is None:
            return None
        _, entries = resolver.actor_regex(self.story.actors)
        kinds = {a.name: (a.kind or "").lower() for a in self.story.actors}
        for i in range(p_idx, max(-1, p_idx - 5), -1):
            par = paragraphs[i][:pos] if i == p_idx else paragraphs[i]
            inside = segment.quote_spans(par).spans
            hits = [entries[m.lastindex - 1][0] for m in self._actor_rx.finditer(par)
                    if not any(a <= m.start() < b for a, b in inside)]
            hits = [h for h in hits if kinds.get(h) in ORG_KINDS]
            if hits:
                return hits[-1]
        return None

    def by_title(self, head: str) -> Person | None:
        """The person this article introduced with the title ``head`` ("the prime minister" ->
        "Prime Minister Ana Ruiz"), when there is one such person."""
        hits = [p for p in self.people.values() if head in p.titles]
        return hits[-1] if len(hits) == 1 else None


_PREFIX = _regex.compile(r"(?:(?:the|a|an|former|acting|then|[\w.’'-]+['’]s|\p{Lu}[\w.’'-]*|[\d-]+-year-old)\s+)*")


def _is_abbrev(w: str) -> bool:
    return bool(_regex.fullmatch(r"(?:\p{Lu}\.){2,}|\p{Lu}{2,}", w.replace("’", "")))


def _next_sentence_end(par: str, at: int, n: int) -> int:
    pos = at
    for _ in range(n):
        m = _SENT_END.search(par, pos)
        if not m:
            return len(par)
        pos = m.end()
    return pos


# "a woman", "one researcher", "some friends", "many": a person the text does not name
_ANON_PERSON = re.compile(r"(?i)^(?:a|an|one|another|some|several|many|two|three|other)\b(?:\s+[\w’'-]+){1,4}$|^many$")
_NOT_ORG = frozenset("north south east west central northern southern eastern western international world global "
                     "day week month summit conference forum festival games cup".split())
_DOCUMENT = re.compile(r"(?i)^(?:note|statement|letter|report|document|memo|release|communiqu[eé]|filing|ruling|"
                       r"order|verdict|complaint|lawsuit|study|survey|post|tweet|message)s?$")
# the head of such a phrase names a person: "a woman", "one researcher", "some friends", "local residents"
_PERSON_NOUN = re.compile(r"(?i)(?:\b(?:man|men|woman|women|person|people|friends?|residents?|locals?|witness(?:es)?|"
                          r"workers?|sources?|officials?|experts?|fans?|viewers?|survivors?|relatives?|neighbou?rs?|"
                          r"mother|father|parents?|child(?:ren)?|boy|girl|lady|guy|member|members|staff|voters?|"
                          r"doctors?|nurses?|patients?|students?|teachers?|users?|many)|\w{3,}(?:er|ers|ist|ists|ian|"
                          r"ians|or|ors|ent|ents|ant|ants))$")
# "the prime minister", "the 46-year-old", "the player": a person named before, by a definite description
_DEFINITE_PERSON = re.compile(r"(?i)^the\s+(?:(?:former|then|acting|new|\w+ish|\w+an|[\d-]+-year-old)\s+)*"
                              r"(?P<head>[\w-]+(?:\s+minister|\s+secretary|\s+general)?)$")


def article_speaker(spk: str, story: Story, people: People, paragraphs: list[str], p_idx: int, pos: int,
                    last_person: str | None, direct: bool = True) -> tuple:
    """(speaker, kind, actor) for a speaker phrase at (paragraph, position) of an article: the
    story-wide rules of :func:`resolve_speaker` first, then what this article says of its people
    (a pronoun's antecedent, a short name, a definite description, an unnamed person)."""
    phrase = trim_speaker(spk)
    # "She later", "He further": a pronoun and an adverb; "Ricardo, a resident": a name and its description
    phrase = re.sub(r"(?i)^(he|she|it|they)\s+(?:later|further|again|then|also|once|still|previously|earlier|"
                    r"subsequently|too|now)$", r"\1", phrase)
    appos = re.match(r"^([^,]{2,60}),\s+(?:a|an|the|his|her|its|their|[\w-]+['’]s)\s+[^,]+,?$", phrase)
    if appos:
        phrase = spk = appos.group(1)
    elif "," in phrase:  # "In an Instagram video during the celebrations, the 33-year-old": the clause's subject
        tail = phrase.rsplit(",", 1)[1].strip()
        if 0 < len(tail.split()) <= 6:
            phrase = spk = tail
    low = phrase.lower()
    if low in ("he", "she"):
        p = people.antecedent(p_idx, pos, "m" if low == "he" else "f") or \
            people.antecedent(p_idx, pos, "m" if low == "he" else "f", back=8)
        if p is None:
            p = people.find(last_person) if last_person else None
        return _entry(story, people, p) if p and p.name else (None, None, None)  # an unnamed person: not guessed
    if low == "it":
        actor = people.actor_before(paragraphs, p_idx, pos)
        return (actor, "role", actor) if actor else (None, None, None)
    who = resolve_speaker(spk, story, last_person)
    if who[1] == "named":
        p = people.find(who[0])
        if p is not None and (p.name != who[0] or (who[2] is None and p.actor)):
            return _entry(story, people, p)  # "President Ana Ruiz" is Ana Ruiz
        return who
    if who[0] is not None and who[1] != "role":
        return who
    if who[0] is None or who[2] is None:
        p = people.find(_regex.sub(r"^\P{Lu}*", "", phrase)) if _regex.search(r"\p{Lu}", phrase) else None
        if p is not None:
            return _entry(story, people, p)
        d = _DEFINITE_PERSON.match(phrase)
        if d:
            head = d.group("head").lower()
            p = people.by_title(head.split()[-1])
            if p is None and re.search(r"\d-year-old$", head):
                p = people.antecedent(p_idx, pos, None) or people.antecedent(p_idx, pos, None, back=8)
            if p is not None and p.name:
                return _entry(story, people, p)
            if who[0] is None and (_PERSON_NOUN.search(phrase) or head in TITLES or _DOCUMENT.search(head)):
                return phrase[:1].lower() + phrase[1:], "role", None  # "the player", "the note": as the text says
        if who[0] is None and re.match(r"(?i)the\s", phrase) and len(phrase.split()) <= 8 and \
                any(_key(w) in ORG_WORDS - _NOT_ORG for w in phrase.split()):
            return phrase[:1].lower() + phrase[1:], "role", None  # "the Ministry of Health": as the text says
        if who[0] is None and _ANON_PERSON.match(phrase) and _PERSON_NOUN.search(phrase):
            return (phrase[:1].lower() + phrase[1:] if phrase[:1].isupper() and " " in phrase else phrase), "anonymous", None
        if direct and who[0] is None and _regex.fullmatch(r"\p{Lu}[\p{Ll}’'-]+", phrase) and \
                _key(phrase) not in _FUNCTION | ORG_WORDS | TITLES:
            return phrase, "named", None  # one name the article gives ("Carolina said")
    return who


def _entry(story: Story, people: People, p: Person) -> tuple:
    p.spoke = True
    if p.listed:
        return speaker_entry(story, p.name)
    return p.name, "named", p.actor


def colon_lead_in(people: People, story: Story, p_idx: int, par: str, a: int, last_person: str | None) -> tuple | None:
    """The speaker of a quote that a sentence ending in a colon introduces, whatever its verb ('Hu
    shared the team's plan: "..."', 'Ruiz, the judge, highlighted one point: "..."'): the subject of
    that sentence when it is a person or an actor, else the person the sentence credits with "by"."""
    start = max([0] + [m.end() for m in _SENT_END.finditer(par, 0, max(0, a - 1))])
    sent = par[start:a]
    if len(sent) > 400 or re.search(r"(?i)^\W*(?:if|when|whether|why|how|what)\b", sent):
        return None
    ms = [m for m in people.mentions if m[0] == p_idx and start <= m[1] < a and m[3].name]
    subj = [m for m in ms if m[4] is True]
    if subj and subj[0][1] - start < 80:
        return _entry(story, people, subj[0][3])
    by = [m for m in ms if re.search(r"\bby\s+(?:\S+\s+){0,3}$", par[max(start, m[1] - 30):m[1]])]
    if by:
        return _entry(story, people, by[0][3])
    pron = re.match(r"^\W*(?:[A-Z][^,]{0,60},\s+)?(he|she)\b", sent, re.IGNORECASE)
    if pron:  # 'He thanked the team, saying, "..."'
        g = "m" if pron.group(1).lower() == "he" else "f"
        p = people.antecedent(p_idx, start + pron.start(1), g) or people.antecedent(p_idx, start + pron.start(1), g, back=8)
        return _entry(story, people, p) if p is not None and p.name else None
    head = re.match(r"^\W*(?P<spk>(?:(?:the|a|an)\s+)?(?:[\w’'.-]+\s+){0,4}?)(?:[a-z]+ly\s+)?(?:has\s+|had\s+)?"
                    r"[a-z]+(?:ed|s)\b", sent)
    if head and head.group("spk").strip():
        who = resolve_speaker(head.group("spk"), story, last_person)
        if who[0] is not None and who[1] in ("role", "named") and (who[2] or who[1] == "named"):
            return who
    return None


def clause_subject(people: People, story: Story, p_idx: int, par: str, a: int, verbs_rx: str) -> tuple | None:
    """The speaker of a short quote inside a sentence whose reporting verb comes before it but whose
    subject the phrase rules cannot read ('Ruiz refused to resign, calling the ruling "a farce"',
    'Ruiz, a nurse for 20 years, had said on a video that she "did not like it"'): the sentence's
    subject when it is a person the article names, and nobody else is named between it and the verb."""
    start = max([0] + [m.end() for m in _SENT_END.finditer(par, 0, max(0, a - 1))])
    sent = par[start:a]
    verbs_at = [m.start() for m in re.finditer(rf"(?<![\w'’])(?:{verbs_rx})\b", sent)]
    if not verbs_at or _QUESTION.search(sent):
        return None
    ms = [m for m in people.mentions if m[0] == p_idx and start <= m[1] < a]
    subj = [m for m in ms if m[4] is True and m[3].name]
    if not subj or subj[0][1] - start > 80:
        return None
    s0 = subj[0]
    verb = next((v for v in verbs_at if start + v > s0[2]), None)
    if verb is None:
        return None
    if any(m is not s0 and s0[2] <= m[1] < start + verb for m in ms):
        return None  # someone else named between the subject and the verb
    if people._actor_rx is not None and people._actor_rx.search(par, s0[2], start + verb):
        return None  # an organisation named there may be the one that speaks
    return _entry(story, people, s0[3])
