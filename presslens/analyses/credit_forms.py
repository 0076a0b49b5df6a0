"""The forms in which an article credits, or lets slip, a source it names in its text (any outlet, known
or not): outside-source tells ("did not respond to X's request for comment", "told X"), credit forms
("according to X", "X reported", "..., reported X.", "via X", "originally published on X", "Source: X", and the same in
Spanish, French, German, Italian and Portuguese), picture credits, and the words that make a name an
outlet's. Each credit form says its *reach*: the whole article (a credit line) or the one sentence it is
written in (the source of one fact, not of a text another article shares: see
:meth:`presslens.analyses.pair_evidence.Evidence.set_aside`). Read by :func:`presslens.analyses.wires.scan`."""
from __future__ import annotations

import re

# a capitalised name of up to five words (an outlet named in a request for comment)
CAPNAME = r"((?:[Tt]he\s+)?[A-Z][\w.&’'-]*(?:\s+(?:of\s+)?[A-Z][\w.&-]*){0,4}?)"
OUTSIDE = [  # outside-source tells that name any outlet, known or not: (words, trigger, pattern tried around it)
    (("comment",), re.compile(r"requests?\s+for\s+comment"),
     re.compile(r"(?:respond|reply|replied|answer)\w*\s+(?:immediately\s+)?to\s+(?:a\s+|an\s+)?" + CAPNAME
                + r"(?:’s|'s|’|')\s+(?:\w+\s+)?requests?\s+for\s+comment")),
    (("comment",), re.compile(r"requests?\s+for\s+comment"),
     re.compile(r"requests?\s+for\s+comment\s+(?:from|by)\s+" + CAPNAME + r"(?=[\s.,;])")),
    (("has",), re.compile(r"\bhas\s+(?:reached\s+out|contacted|asked)\b"),
     re.compile(CAPNAME + r"\s+has\s+(?:reached\s+out|contacted|asked)\b")),
    (("told", "interview", "speaking"), re.compile(r"\b(?:told|interview\s+with|speaking\s+to)\b"),
     re.compile(r"\b(?:told|in\s+an\s+interview\s+with|speaking\s+to)\s+" + CAPNAME
                + r"(?=\s+(?:on|in|last|this|that|after|before|earlier|by|via|over)\b|[.,;:])")),
]
# a credit's reach: the whole article (derived_from, a byline, a dateline, a sign-off, a credit line) or the one
# sentence it is written in ("according to X", "X reported", "via X": the source of one fact, not of the text)
ARTICLE, SENTENCE = "article", "sentence"
FACT_FORMS = ("{name} reported", "according to {name}", ", reported {few} {name}", "según {name}", "Según {name}", "selon {name}", "Selon {name}",
              "laut {name}", "Laut {name}", "secondo {name}")  # the data file's forms that credit one sentence
# credit forms naming any outlet (settled against the story's outlets):
# (words, trigger, pattern, name after trigger, reach)
CAPNAMES = r"((?:[Tt]he\s+)?[A-Z][\w.&’'-]*(?:\s+(?:of\s+)?[A-Z][\w.&’'-]*){0,4})"  # greedy: cut by _name_cuts
# a word naming what kind of outlet follows, in other languages ("según el diario X", "laut der Zeitung X")
OUTLET_KIND = (r"(?:(?:diario|periódico|agencia|cadena|journal|quotidien|agence|site|Zeitung|Agentur|Sender|giornale|"
               r"quotidiano|agenzia|jornal|agência|emissora)\s+(?:(?:de|d['’])\s*)?)?")
CREDITS = [
    (("according",), re.compile(r"\baccording\s+to\b"),
     re.compile(r"\baccording\s+to\s+(?:an?\s+(?:\w+\s+)?report\s+(?:by|in|from)\s+)?" + CAPNAMES), True, SENTENCE),
    (("reported", "report"), re.compile(r"\breport(?:ed)?\s+(?:by|in|from)\b"),
     re.compile(r"\breport(?:ed)?\s+(?:by|in|from)\s+" + CAPNAMES), True, SENTENCE),
    (("reported", "reporting"), re.compile(r"\breport(?:ed|ing)\b"),
     re.compile(CAPNAMES + r"(?:’s|'s)?\s+(?:first\s+|earlier\s+|previously\s+|originally\s+)?report(?:ed|ing)\b"), False, SENTENCE),
    # inverted, closing a clause: "..., reported the local Kelp Times." (up to three lower-case words before the name)
    (("reported",), re.compile(r"[,;]\s*reported\b"),
     re.compile(r"[,;]\s*reported\s+(?:by\s+)?(?:the\s+)?(?:[a-z][\w’'-]*\s+){0,3}" + CAPNAMES
                + r"(?=\s*[.;,]|\s*$|\s+(?:on|in|last|this|earlier|late|early)\b)"),
     True, SENTENCE),
    (("via",), re.compile(r"\bvia\b"), re.compile(r"\bvia\s+\[?" + CAPNAMES), True, SENTENCE),
    # a credit line or link text: "originally published on [Harbour Times](...)", "republished from Harbour Times",
    # a feed's closing line: "The post <title> appeared first on Harbour Times.", "first posted on Harbour Times"
    (("originally", "first", "published", "appeared", "posted", "republished", "reproduced", "syndicated"),
     re.compile(r"\b(?:published|appeared|posted|republished|reproduced|syndicated)\b"),
     re.compile(r"\b(?:(?:originally|first)\s+(?:published|appeared|posted)|(?:published|appeared|posted)\s+first"
                r"|republished|reproduced|syndicated)\s+"
                r"(?:with\s+permission\s+)?(?:on|in|at|by|from)\s+\[?" + CAPNAMES), True, ARTICLE),
    # in other languages: "según el diario X", "selon X", "laut X", "secondo X", "de acuerdo con X"; "Fuente: X"
    (("según", "Según", "selon", "Selon", "d'après", "D'après", "d’après", "D’après", "laut", "Laut", "secondo",
      "Secondo", "segundo", "Segundo", "acuerdo", "acordo"),
     re.compile(r"\b(?:[Ss]egún|[Ss]elon|[Dd]['’]après|[Ll]aut|[Ss]econdo|[Ss]egundo|[Dd]e\s+acuerdo\s+con|[Dd]e\s+acordo\s+com)\b"),
     re.compile(r"\b(?:[Ss]egún|[Ss]elon|[Dd]['’]après|[Ll]aut|[Ss]econdo|[Ss]egundo|[Dd]e\s+acuerdo\s+con|[Dd]e\s+acordo\s+com)"
                r"\s+(?:(?:el|la|los|las|le|les|l['’]|der|die|dem|des|il|lo|o|a)\s*)?" + OUTLET_KIND + CAPNAMES), True, SENTENCE),
    (("Fuente:", "Fuente", "Quelle:", "Quelle", "Fonte:", "Fonte"), re.compile(r"\b(?:Fuente|Quelle|Fonte)\b"),
     re.compile(r"\b(?:Fuente|Quelle|Fonte)\s*:\s*\[?" + CAPNAMES), True, ARTICLE),
    (("Source:", "Source", "Credit", "Courtesy", "Read"), re.compile(r"\b(?:Source|Credit|Courtesy|Read)\b"),
     re.compile(r"\b(?:(?:Source|Credit|Courtesy)\s*:|[Cc]ourtesy\s+of|Read\s+(?:the\s+)?(?:full|original|more)"
                r"(?:\s+(?:story|article|report))?\s+(?:at|on|in))\s*\[?" + CAPNAMES), True, ARTICLE),
]
# a sign-off naming the organisation whose staff reported ("Reporting by Harbour Wire staff."): it credits that
# organisation, and it is not the Reuters closer of the data file ("Reporting by Jane Doe; Editing by ..."), which
# names the reporters; NOT_STAFF keeps that form off a staff sign-off
STAFF = r"\s+(?:staff|correspondents?|reporters|desk)\b"
NOT_STAFF = r"(?!\s+(?:[Tt]he\s+)?(?:[A-Z][\w.&’'-]*\s+){1,5}?(?:staff|correspondents?|reporters|desk)\b)"
SIGNOFF = re.compile(r"\b[Rr]eporting\s+by\s+" + CAPNAMES + STAFF)
CREDITS.append((("Reporting", "reporting"), re.compile(r"\b[Rr]eporting\s+by\b"), SIGNOFF, True, ARTICLE))
PICTURE = re.compile(r"\b(?:Image|Photo|Picture|Video)\s*(?:[Cc]redits?)?\s*:\s*" + CAPNAME.replace("[A-Z]", "[\\w]", 1)
                     + r"(?=\s*$|[\s.,;|)])", re.M)  # "Image Credit: harbourtimes": a photo taken from that outlet
OUTLET_WORD = re.compile(r"\b(?:News|Times|Post|Journal|Herald|Telegraph|Guardian|Tribune|Mail|Express|Press|"
                         r"Agency|Television|TV|Radio|Network|Daily|Gazette|Chronicle|Observer|Standard|Mirror|"
                         r"Independent|Reuters|Bloomberg|Politico|Axios|Insider|Magazine|Wire)\b")
