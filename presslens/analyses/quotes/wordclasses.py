"""The closed word classes a reader uses to tell a person's name from the other capitalised words
around it: titles that stand before a name ("U.S. District Judge Ana Ruiz"), words that make a run an
organisation, a place or a date ("Harbour Council", "Monday"), words that give a gender ("she",
"spokeswoman"), kinds of organisation, function words that open no name, and the question openers
that make a sentence no statement; :func:`key` is the form every list is looked up by. General
English only: nothing here names a story.
"""
from __future__ import annotations

import functools
import re

from presslens.text import resolver

# titles that stand before a name and are not part of it ("U.S. District Judge Ana Ruiz": "Ana Ruiz")
TITLES = frozenset("""
president vice prime minister deputy secretary judge justice chief district magistrate governor gov senator sen
representative rep mayor dr doctor mr mrs ms miss mx madam prof professor general gen lt lieutenant col colonel
sgt sergeant capt captain major admiral commander officer spokesperson spokesman spokeswoman director ambassador
king queen prince princess pope father sister brother rev reverend bishop cardinal sheikh emir sir dame lord lady
coach manager chairman chairwoman chair ceo head commissioner attorney lawyer reporter producer editor correspondent
astronaut inspector superintendent sheriff chancellor premier speaker leader former acting interim foreign state
rear adm admiral brig brigadier cmdr cdr maj cpl corporal pvt pfc spc det detective atty amb msgr constable
trooper marshal
federal national us u.s. uk u.k. eu un health interior defence defense finance labour labor sports sport
education justice environment climate energy trade economy transport culture science agriculture gender equality
social rights affairs general-secretary secretary-general striker forward midfielder defender goalkeeper player
star legend veteran activist analyst expert researcher scientist professor engineer economist official
founder co-founder cofounder executive president-elect
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
FUNCTION = frozenset("the a an on in at but and as when while after before for with by from to of if so yet "
                      "meanwhile however also then this that these those his her their its our my did does do is are "
                      "was were will would can could should why how what where who since although though because "
                      "according despite during following under unlike like without amid among once "
                      # quantifiers open no name: "All Harbours", "Every Child Counts" are a team and a slogan
                      "all every each both some many most any".split())
# a lower-case particle joined by a hyphen to a capitalised name ("Omar al-Rashid", "Ahmed el-Sayed",
# "Hamad bin-Khalifa"): the word is a name's
NAME_PARTICLE = r"(?:(?:al|el|ad|an|ar|as|ash|at|az|ud|ul|abu|bin|ibn|ben)-)"
# the lower-case words between the capitalised words of one name, spaced ("Maria de la Cruz", "Jan van der
# Berg", "Omar bin Said"): read inside a name only, never as a name by themselves
NAME_LINK = r"(?:de|del|della|der|den|di|da|das|do|dos|du|la|le|van|von|ter|ten|bin|ibn|al|el|abu|y)"
QUESTION = re.compile(r"(?i)^\W*(?:if|when|whether|why|how|what|did|does|do|would|will|can|could|should|is|are|was|"
                       r"were|unless)\b")


@functools.lru_cache(maxsize=65536)
def key(w: str) -> str:
    return resolver.form_key(w).strip(".")


_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»|„[^“”]*[“”]|(?<![\w’'])[‘'][^’']*[’'](?![\w’'])")


def title_cased(par: str) -> bool:
    """A headline written in title case ("Quay Closes After Storm Hits Selby Harbour"): no full stop at
    its end, at most 25 words, and of its words of four letters or more after the first and outside
    quotation marks, at least three, and four in five, capitalised. There a capital says nothing of a name: a reader does not take
    "Storm Hits Selby Harbour" for a person."""
    s = par.strip().rstrip("\"'”’»)") if len(par) < 400 else ""  # 25 words: a long paragraph is no headline
    if not s or s.endswith(".") or len(s.split()) > 25:
        return False
    long = [w for w in _WORD.findall(_QUOTED.sub(" ", s))[1:] if len(w) >= 4]  # a quote keeps its speaker's case
    caps = sum(w[:1].isupper() for w in long)
    return caps >= 3 and caps * 5 >= len(long) * 4


def organisation_name(name) -> bool:
    """Whether a speaker is an organisation by its name: two capitalised words or more, the last an
    organisation word ("Selby Harbour Rescue Group", "Harbour Council"), or a body described by its noun
    ("the foreign ministry", "Harbour's interior ministry", "the Harbour Agency"); "it" may point back to it."""
    words = name.split() if isinstance(name, str) else []
    if len(words) >= 2 and all(w[:1].isupper() for w in words) and key(words[-1]) in ORG_WORDS:
        return True
    return bool(words) and _BODY.match(name) is not None


# a body described by its noun: "the (foreign) ministry", "Harbour's prison service", "the Harbour Agency"
_BODY = re.compile(r"^(?:(?:[Tt]he|[Ii]ts)\s+|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}[’']s\s+)(?:[A-Za-z][\w-]*\s+){0,3}?"
                   r"(?i:ministry|agency|committee|council|court|department|office|service|government|police|army|"
                   r"team|commission|authority|board|embassy|company|firm|party|union)$")
