"""Word lists and patterns for open questions, kept as named constants in one place.

Each cue class is what reporters write when a matter is unknown, disputed or pending: the patterns
here find the cue and the clause it bears on; generator/extract/questions.py phrases the clause as a
question and makes it stand alone. Every sentence is tried against every cue and few hold one, so a
pattern that needs certain words runs only on a text that has one of them (generator/extract/prefilter.py).
"""

from __future__ import annotations

import re

from generator.extract.prefilter import gated

# Words a question may open with.
QUESTION_WORDS = frozenset("who whom whose what which when where why how".split())
AUXILIARIES = frozenset("is are was were will would can could shall should may might must does do did has have had".split())

# Pronouns a question may not leave without their antecedent.
SUBJECT_PRONOUNS = frozenset("he she it they we i you".split())
OBJECT_PRONOUNS = frozenset("him her them us me".split())
POSSESSIVE_PRONOUNS = frozenset("his her its their our my your".split())
ALL_PRONOUNS = SUBJECT_PRONOUNS | OBJECT_PRONOUNS | POSSESSIVE_PRONOUNS
# Descriptions that stand for a body named earlier: never left in a question unresolved.
# Openings of a description that points back at something named before ("similar incidents").
ANAPHORIC_OPENERS = frozenset("similar such other these those same".split())
BODY_ANAPHORS = frozenset("group movement faction organisation organization".split())
# What may stand between "the" and such a word and still only point back ("the militant group").
GENERIC_BODY_ADJECTIVES = frozenset("militant terror terrorist armed islamist rebel palestinian".split())
# Descriptions of a document or agreement named earlier with its modifiers ("the 20-point plan").
THING_ANAPHORS = frozenset("plan deal agreement proposal accord framework".split())

# A clause ends at these: punctuation, a quote mark, a contrasting conjunction.
CLAUSE_END = re.compile(
    r"\s*(?:[,;:()\[\]]|\s[–—-]{1,2}\s|(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})\.(?:\s|$)|[.?!]$|\s(?:but|although|though|while|whereas|because|since|"
    r"as well as|amid|despite|according to|said|says|told)\s)"
)

# Before "whether": words that make it no question ("regardless of whether it rains").
NOT_QUESTION_WHETHER = gated(r"\b(?:regardless|irrespective|no\s+matter)\s+(?:of\s+)?$", re.I)
# Before "if" or a wh-word: what makes the clause an unknown ("unclear if", "did not say how many").
UNKNOWN_BEFORE = gated(
    r"(?:\bun(?:clear|known|certain|sure|decided|resolved)"
    r"|\bnot\s+(?:yet\s+|immediately\s+|entirely\s+|at\s+all\s+)?(?:clear|known|certain|sure|decided|determined|confirmed)"
    r"|\bdo(?:es)?\s*n[o’']t\s+(?:yet\s+)?know|\bdid\s*n[o’']t\s+(?:say|specify|disclose)|\bno\s+one\s+knows|\bnobody\s+knows"
    r"|\b(?:declined|refused)\s+to\s+(?:say|specify|disclose|confirm|comment\s+on)"
    r"|\b(?:would|could)\s+not\s+(?:say|specify|disclose|confirm)"
    r"|\bremains?\s+to\s+be\s+seen|\bquestions?\s+(?:remain\s+)?(?:about|over|of|as\s+to|is|now\s+is)"
    r"|\bwonder(?:s|ed|ing)?|\bask(?:s|ed|ing)?|\bdivided\s+(?:over|on|about)|\bdebate\s+(?:over|about|on)"
    r"|\bhave\s+not\s+decided|\bhas\s+not\s+decided|\bhaven[’']t\s+decided|\bhasn[’']t\s+decided"
    r"|\bto\s+(?:decide|determine|establish|assess)"
    r"|\bdepends?\s+on|\bno\s+word\s+on|\bno\s+indication\s+(?:of\s+)?)"
    r"\s*(?:\w+\s+){0,1}$",
    re.I,
)
WH_WORDS = r"(?:who|what|when|where|why|which|how(?:\s+(?:many|much|long|soon|far))?)"


# Verbs whose past participle opens a passive, not a past tense ("the bill passed by the Senate").
IRREGULAR_PAST = {
    "made": "make",
    "took": "take",
    "gave": "give",
    "went": "go",
    "came": "come",
    "saw": "see",
    "said": "say",
    "told": "tell",
    "knew": "know",
    "thought": "think",
    "found": "find",
    "left": "leave",
    "kept": "keep",
    "held": "hold",
    "brought": "bring",
    "began": "begin",
    "ran": "run",
    "sent": "send",
    "spent": "spend",
    "built": "build",
    "paid": "pay",
    "met": "meet",
    "won": "win",
    "lost": "lose",
    "fell": "fall",
    "led": "lead",
    "struck": "strike",
    "shot": "shoot",
    "fought": "fight",
    "fled": "flee",
    "broke": "break",
    "chose": "choose",
    "drove": "drive",
    "rose": "rise",
    "spoke": "speak",
    "stood": "stand",
    "sold": "sell",
    "bought": "buy",
    "caught": "catch",
    "wrote": "write",
    "got": "get",
    "became": "become",
    "felt": "feel",
    "heard": "hear",
    "meant": "mean",
    "sought": "seek",
    "withdrew": "withdraw",
    "undertook": "undertake",
    "froze": "freeze",
    "stole": "steal",
    "hid": "hide",
    "blew": "blow",
    "grew": "grow",
    "drew": "draw",
    "threw": "throw",
    "flew": "fly",
    "dealt": "deal",
    "laid": "lay",
    "bore": "bear",
    "swore": "swear",
    "wore": "wear",
    "tore": "tear",
    "sank": "sink",
    "forbade": "forbid",
    "overtook": "overtake",
    "shook": "shake",
    "arose": "arise",
    "slew": "slay",
    "bled": "bleed",
    "fed": "feed",
    "understood": "understand",
}
# Common verbs whose -ed form drops an e the rules below would not restore.
E_VERBS = frozenset(
    "complete delete compete concede precede recede impede cite excite unite ignite invite recite accuse abuse excuse".split()
)
# Words ending in -ed that are no verb in a clause ("the armed wing", "a limited number").
NOT_VERB_ED = frozenset(
    "armed limited united based concerned interested involved advanced red bed shed hundred detailed "
    "unprecedented alleged so-called wounded injured displaced embattled besieged".split()
)

# What a verb phrase of a claim or a demand may not run past.
ACTION_END = re.compile(r"\s*(?:[;:–—“”\"(]|,\s|\.(?:\s|$)|[.?!]$|\s(?:but|while|after|saying|adding|as)\s)")

# Present-tense verbs that end a subject ("Officials remain divided", "The bill faces a vote").
PRESENT_VERBS = frozenset(
    "remain remains continue continues appear appears seem seems face faces want wants need needs hope hopes "
    "expect expects believe believes say says insist insists fear fears plan plans".split()
)
# Words whose question asks about nothing in particular ("How will things go?").
VAGUE_WORDS = frozenset("things thing matter matters situation everything anything something it this that way".split())
# Objects too vague to ask about on their own ("investigating the matter").
VAGUE_OBJECTS = frozenset("matter incident case issue it this that situation".split())
# The last word of a body's name: "the Northern Workers' Front", "the Green Alliance".
BODY_NAME_HEADS = frozenset(
    """
    front party movement alliance union council brigades brigade group committee coalition federation
    association organisation organization league army forces authority ministry government agency
    foundation company corporation bank fund board commission assembly parliament militia
    """.split()
)

# Cue classes. Each is a pattern over one sentence; named groups carry what the phrasing needs.
HAS_YET_TO = gated(r"\b(?P<aux>has|have|had)\s+yet\s+to\s+(?P<verb>[a-z]+)\b", re.I)
NOT_YET_DONE = gated(
    r"\b(?P<aux>has|have|had)\s*(?:not|n[’']t)\s+(?:yet\s+)?(?P<verb>[a-z]+(?:ed|en)|made|sent|paid|held|won|found|"
    r"told|brought|built|met|sought|taken|given|shown|reached|agreed|signed|decided)\b(?!\s+(?:to\s+)?(?:any|a\s+single)\b)",
    re.I,
)
NO_DECISION = gated(
    r"\bno\s+(?:final\s+|firm\s+)?decision\s+(?:has|had)\s+(?:yet\s+)?been\s+(?:made|taken|reached)\s+(?P<prep>on|about|over)\s+"
    r"|\bha(?:s|ve|d)\s+(?:not|n[’']t)\s+(?:yet\s+)?(?:made|reached|taken)\s+a\s+(?:final\s+|firm\s+)?decision\b",
    re.I,
)
CONDITIONAL = gated(
    r"\b(?P<modal>could|may|might|would)\s+(?!have\s+(?:been|had|[a-z]+ed)\b)(?:(?:soon|still|also|even|then|now|well)\s+)?(?P<verb>[a-z]+)\b"
)
CONDITION = gated(r"\b(?:if|unless)\b", re.I)
FEARED = gated(
    r"\b(?:fears?|feared|fearing|concerns?|concerned|worr(?:y|ies|ied)|suggest(?:s|ed|ing)|signall?(?:ing|ed)|"
    r"raising\s+(?:the\s+)?(?:prospect|fears?|concerns?))\s+(?:that\s+)"
)
UNVERIFIED = gated(
    r"\b(?:(?:could|can|have|has|had|were|was|are|is)\s*(?:not|n[’']t)\s+(?:yet\s+)?(?:be(?:en)?\s+)?(?:independently\s+)?(?:verified|confirmed)"
    r"|(?:could|can)\s*(?:not|n[’']t)\s+(?:independently\s+)?(?:verify|confirm)"
    r"|remains?\s+(?:unverified|unconfirmed)|remain\s+unverified|unverified|unconfirmed)\b",
    re.I,
)
DENIED = gated(r"\b(?:den(?:y|ies|ied)|denying|rejected|rejects|disputed|disputes|dispute)\b", re.I)
CLAIM_NOUNS = r"(?:accusations?|allegations?|claims?|reports?|charges?|assertions?)"
ACCUSED = gated(r"\baccus(?:ed|es|ing)\s+(?P<who>[^,;]{2,80}?)\s+of\s+(?P<verb>[a-z]+ing)\b", re.I)
MAINTAINED = gated(r"\bha(?:s|ve)\s+(?:long\s+|always\s+)?(?:maintained|insisted|contended)\s+(?:that\s+)?", re.I)
BUT_OTHER_SAID = gated(
    r"\s(?:but|while|whereas)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4}\s+"
    r"(?:said|says|insisted|maintained|countered|denied|claimed|contended)\b"
)
UNDER_REVIEW = gated(
    r"\b(?:is|are|was|were|remains?)\s+(?:still\s+|now\s+)?(?:under\s+(?:investigation|review|examination)|being\s+(?:investigated|reviewed|examined))\b",
    re.I,
)
INVESTIGATION_INTO = gated(
    r"\b(?:will\s+(?:conduct|open|launch|hold)|(?:opened|launched|ordered|announced|began)|calls?\s+for)\s+"
    r"(?:an?\s+)?(?P<adj>(?:internal|independent|full|formal|criminal|international|thorough|urgent)\s+)?"
    r"(?P<noun>investigation|inquiry|probe|review)(?:\s+into\s+(?P<into>[^,;.]+))?",
    re.I,
)
TALKS = gated(
    r"\b(?P<talks>talks|negotiations|discussions|contacts)\b[^.;]{0,80}?\b(?:are|were|remain|is)\s+(?:still\s+)?"
    r"(?:ongoing|continuing|under\s+way|underway|stalled)\b",
    re.I,
)
NO_AGREEMENT = gated(
    r"\bno\s+(?P<what>agreement|deal|accord|consensus)\s+(?:yet\s+|so\s+far\s+)?(?P<prep>on|over|about)\s+(?P<on>[^,;.]+)", re.I
)
REACH_SETTLEMENT = gated(
    r"\b(?:working|seeking|trying|striving|hoping|pushing)\s+to\s+reach\s+(?P<det>an?)\s+(?P<what>[a-z]+(?:\s+[a-z]+)?)\s+that\s+would\s+(?P<rest>[^,;.]+)",
    re.I,
)
DUE_TO_VOTE = gated(
    r"\b(?:are|is|were|was)\s+(?:due|expected|scheduled|set)\s+to\s+vote\s+on\s+(?P<on>[^,;.]+?)(?=\s+(?:on|in|by|next|this|later)\s|[,;.]|$)",
    re.I,
)
FACES_VOTE = gated(r"\bfaces?\s+(?:a\s+)?(?:final\s+)?vote\b", re.I)
AWAITING = gated(
    r"\b(?:still\s+)?awaiting\s+(?P<det>an?|the)\s+(?P<what>[a-z]+(?:\s+[a-z]+)?)\s+(?P<prep>on|of|over|into)\s+(?P<on>[^,;.]+)",
    re.I,
)
HAS_UNTIL = gated(
    r"\bha(?:s|ve)\s+(?:been\s+given\s+)?until\s+(?P<date>[A-Z][a-z]+\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+day)\s+to\s+(?P<rest>[^,;.]+)"
)
FATE = gated(
    r"\b(?:the\s+)?(?:fate|future)\s+of\s+(?P<of>[^,;.]+?)\s+(?:in\s+(?:jeopardy|doubt|limbo|the\s+balance)\b|"
    r"(?:is|was|remains?|hangs?|looks?)\s+(?:still\s+)?(?:uncertain|unclear|in\s+doubt|in\s+jeopardy|in\s+limbo|in\s+the\s+balance|unknown)\b)"
    r"|\b(?P<own>its|their)\s+(?:fate|future)\s+(?:is|was|remains?)\s+(?:uncertain|unclear|in\s+doubt|unknown)\b",
    re.I,
)
PROSPECTS = gated(
    r"\bprospects?\s+(?:for|of)\s+(?P<of>[^,;.]+?)\s+(?:appear|look|seem|are|remain)\s+(?:dim|slim|bleak|remote|uncertain|unclear)\b",
    re.I,
)
UNRESOLVED = gated(
    r"\b(?:issues|questions|matters|points)\s+(?:still\s+)?(?:remain|remained)\s+(?:unresolved|open|undecided|unsettled),?\s+including\s+(?P<list>[^;.]+)",
    re.I,
)
NO_INDICATION = gated(r"\b(?:there\s+(?:was|is)\s+)?no\s+(?:indication|sign|evidence)\s+that\s+", re.I)
UNABLE = gated(
    r"\b(?P<be>is|are|was|were|will\s+be|would\s+be)\s+(?:unlikely|unable|not\s+able)\s+to\s+(?P<verb>[a-z]+)\b", re.I
)
MAY_NOT_ABLE = gated(r"\b(?:may|might)\s+not\s+be\s+able\s+to\s+(?P<verb>[a-z]+)\b", re.I)
NOT_CLOSE = gated(r"\bha(?:s|ve|d)\s+not\s+come\s+anywhere\s+close\s+to\s+(?P<verb>\w+ing)\s+", re.I)
CLEAR_VIEWS = gated(
    r"\b(?:offered|given|provided|has|have|had|expressed)\s+no\s+(?:clear|final|firm)\s+(?P<what>views?|answer|plan|timeline|timetable)\s+(?:on|for|about)\s+"
    r"|\bnot\s+(?:offered|given|provided|expressed)\s+(?:any\s+)?(?:clear|final|firm)\s+(?P<what2>views?|answer|plan|timeline|timetable)\s+(?:on|for|about)\s+",
    re.I,
)
STOPS_SHORT = gated(r"\bstop(?:s|ped)?\s+short\s+of\s+(?P<verb>[a-z]+ing)\b", re.I)
REPORTEDLY = gated(r"\b(?:reportedly|allegedly)\s+(?P<verb>[a-z]+(?:ing|ed)|[a-z]+)\b", re.I)
INVESTIGATING = gated(
    r"\b(?:is|are|was|were)\s+(?:still\s+)?investigating\s+(?P<what>(?:the|a|an)\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]+)(?=\s+(?:and|but|after|as)\s|[,.;]|$)",
    re.I,
)
COUNTER_ESTIMATE = gated(
    r"^(?:however|but|by\s+contrast)\b[^.]*\b(?:estimated|put|said|claimed|says)\b[^.]*\b(?:number|toll|figure)\b", re.I
)
DEMAND = gated(
    r"\b(?P<verb>called\s+on|calls\s+on|calling\s+on|urged|urges|urging|pressed|presses|pressing|pushed|pushes|pressured|pressuring)"
    r"\s+(?P<who>(?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,5}?)\s+to\s+(?P<verb2>[a-z]+)\b"
)
DEMANDED_THAT = gated(
    r"\b(?:demanded|demands|demanding|insisted|insists)\s+that\s+(?P<who>(?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,4}?)\s+(?P<verb2>[a-z]+)\b"
)
# "So far, the engagement has been sorely lacking": a demand of the sentence before is unmet.
UNMET = gated(
    r"(?:so\s+far|to\s+date)[,\s]+(?:[^.;]{0,40}?)(?:to\s+little\s+effect|(?:sorely\s+)?lacking|in\s+vain|no\s+sign|not\s+(?:responded|replied|acted))",
    re.I,
)

# Nouns of a figure that can be asked as "How many …?" once someone disputes or cannot verify it.
COUNT_CLAUSE = gated(
    r"(?P<num>(?:(?:at\s+least|more\s+than|over|some|about|around|nearly|up\s+to)\s+)?(?:between\s+\d[\d,]*\s+and\s+\d[\d,]*|\d[\d,]*))\s+"
    r"(?:of\s+(?:their|its|his|her|the)\s+)?(?P<noun>(?:[A-Za-z-]+\s+){0,2}?(?:people|members|fighters|soldiers|civilians|residents|"
    r"hostages|children|women|men|workers|troops|militants|patients|passengers|deaths|casualties|injuries|victims|"
    r"migrants|refugees|prisoners|detainees|miners|crew|families|homes|buildings))\s+"
    r"(?P<verb>were|was|have\s+been|had\s+been|are|remain|remained|died|have\s+died)\s+(?P<rest>[^,;.]+)"
)

# A description standing at the head of an uncertain matter: asked as "What was …?".
MATTER_HEADS = frozenset(
    "cause method identity number extent toll figure figures details circumstances motive nationality location "
    "source origin whereabouts timing scale size amount".split()
)
