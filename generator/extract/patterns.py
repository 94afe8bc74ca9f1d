"""Word lists and patterns used by the extractors, kept as named constants in one place."""

from __future__ import annotations

import re

from generator.dates import MONTH_WORD

# Verbs that attribute speech: "X said", "said X", "X told reporters", "X warned".
SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "continued", "continues", "warned",
    "warns", "wrote", "writes", "tweeted", "tweets", "posted", "posts", "asked", "asks", "explained",
    "explains", "noted", "notes", "stated", "states", "declared", "declares", "insisted", "insists",
    "argued", "argues", "acknowledged", "acknowledges", "admitted", "admits", "replied", "replies",
    "responded", "responds", "recalled", "recalls", "cautioned", "cautions", "claimed", "claims",
    "conceded", "concedes", "emphasized", "emphasizes", "stressed", "stresses", "urged", "urges",
    "announced", "announces", "countered", "counters", "remarked", "remarks", "observed", "observes",
    "suggested", "suggests", "predicted", "predicts", "vowed", "vows", "pledged", "pledges",
    "complained", "complains", "joked", "jokes", "quipped", "quips", "testified", "testifies",
    "concluded", "concludes", "confirmed", "confirms", "contended", "contends", "maintained",
    "maintains", "mused", "muses", "shouted", "shouts", "pointed out", "points out", "went on",
    "goes on", "fumed", "fumes", "retorted", "retorts", "thundered", "boasted", "boasts", "scoffed",
    "sniped", "snapped", "exclaimed", "whispered", "lamented", "laments", "conceded", "agreed",
    "agrees", "explained", "recounted", "recounts", "reiterated", "reiterates", "charged", "charges",
    "wondered", "wonders", "reasoned", "reasons", "cracked", "marveled", "predicted", "promised",
    "promises", "mocked", "chimed in", "interjected", "opined", "offered", "quoted", "read",
    "tweeted out", "commented", "comments", "reads", "texted", "emailed", "e-mailed", "messaged", "yelled", "screamed", "cried",
    "shot back", "fired back", "hit back", "pushed back", "summed up", "put it", "issued a statement",
    "sings", "sang", "chanted", "tweeted", "recalled",
)
# Participles that attach a quote to the subject of their clause: "…, writing “…”".
SPEECH_PARTICIPLES = (
    "saying", "writing", "adding", "telling", "noting", "arguing", "declaring", "insisting",
    "asking", "explaining", "warning", "tweeting", "posting", "calling it", "describing it as",
    "responding", "replying", "recalling", "stating", "claiming", "joking", "quipping", "urging",
    "chanting", "shouting", "yelling", "singing", "reading", "boasting", "announcing",
    "lambasting", "criticizing", "attacking", "slamming", "blasting", "praising", "defending", "accusing",
)


def trie_regex(words) -> str:
    """An alternation of words shaped as a trie ("s(?:aid|ays)"), so the regex engine tries one
    branch per letter instead of every word at every position. Longer words win over prefixes."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
        return body

    return "(?:" + build(trie) + ")"


SPEECH_VERB_RE = trie_regex(SPEECH_VERBS)
# Verbs that report a stance or a finding rather than words ("expressed deep regret", "called it
# unacceptable", "the court found"): the speaker model weighs each by what it learned of it.
REPORTING_VERBS = SPEECH_VERBS + (
    "expressed", "expresses", "described", "describes", "condemned", "condemns", "denounced", "denounces",
    "welcomed", "welcomes", "hailed", "hails", "slammed", "slams", "criticised", "criticized", "criticises",
    "criticizes", "labelled", "labeled", "accused", "accuses", "called", "calls", "dubbed", "echoed", "echoes",
    "reported", "reports", "disclosed", "discloses", "revealed", "reveals", "alleged", "alleges", "estimated",
    "estimates", "believes", "believed", "thinks", "thought", "feared", "fears", "hoped", "hopes", "demanded",
    "demands", "rejected", "rejects", "denied", "denies", "dismissed", "dismisses", "decried", "decries",
    "appealed", "questioned", "questions", "ruled", "rules", "found", "finds", "decided", "determined",
    "branded", "brands", "characterized", "characterised", "referred", "spoke", "speaks", "promised",
    "threatened", "threatens", "signaled", "signalled", "indicated", "indicates", "described", "touted",
)
REPORTING_VERB_RE = trie_regex(REPORTING_VERBS)
PARTICIPLE_RE = trie_regex(SPEECH_PARTICIPLES)

# Words that may stand before a name as its title ("Secretary of State Antony Blinken").
TITLE_TOKENS = frozenset(
    """
    President Vice Prime Minister Secretary State Defense Foreign Treasury Homeland Security
    Deputy Under Assistant Chief Senior Senator Sen. Rep. Representative Gov. Governor Gen. General
    Lt. Col. Colonel Maj. Major Adm. Admiral Capt. Captain Sgt. Ambassador Amb. Mayor Judge Justice
    Del. Delegate Speaker Leader Majority Minority Chairman Chairwoman Chair Director Commissioner Spokesperson
    Spokesman Spokeswoman Dr. Mr. Mrs. Ms. Prof. Professor King Queen Prince Crown Sheikh Emir
    Rabbi Pope Rev. Attorney National Adviser Advisor Envoy Special Coordinator Commander Lord Sir
    Dame Mrs Mr Ms Dr Republican Democrat Democratic Independent Libertarian GOP Councillor Councilor
    Councilman Councilwoman Envoy Mediator of the for and
    """.split()
)

# Nouns that end a role written before a name ("national security adviser Jake Sullivan").
ROLE_NOUNS = frozenset(
    """
    adviser advisor spokesperson spokesman spokeswoman official officials minister secretary
    president leader chief director ambassador envoy senator representative governor mayor general
    commander analyst expert professor researcher economist correspondent reporter editor
    negotiator mediator coordinator chairman chairwoman chair head founder member lawmaker diplomat
    officer aide strategist historian lawyer attorney judge prosecutor candidate nominee premier
    king queen prince emir sheikh rabbi spokesperson administrator commissioner
    """.split()
)

PRONOUNS = {"he": "m", "she": "f", "they": "p", "him": "m", "her": "f"}

# Phrases before a quoted phrase that make it a scare quote or a name, not speech.
SCARE_PRECEDERS = re.compile(
    r"(?:\bso-called|\bdubbed|\bcalled|\bknown as|\btermed|\bbranded|\blabell?ed|\bthe word|\bthe term|"
    r"\bthe phrase|\bthe slogan|\bnicknamed|\btitled|\bentitled|\bheadlined|\ba|\ban|\bthe|\bits|\btheir|"
    r"\bhis|\bher|\bour|\bthis|\bthat|\bany|\bno)\s*$",
    re.IGNORECASE,
)
POSSESSIVE_BEFORE = re.compile(r"[’']s\s*$")
# A work's name is quoted after its kind ("the Syfy movie “Sharknado”") or before a role ("“Today” host").
MEDIA_BEFORE = re.compile(
    r"\b(?:movie|film|show|series|sitcom|drama|comedy|book|novel|memoir|song|hit|hits|album|podcast|program|"
    r"programme|episode|play|musical|column|commentary|article|op-ed|editorial|essay|ad|advert|commercial|poster|slogan|hashtag|"
    r"magazine|newspaper|network|channel|documentary|video|speech|address|titled|entitled|version of|"
    r"including|segment|report|headlined|bestseller|best-seller)\s*,?\s*$",
    re.IGNORECASE,
)
MEDIA_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:star|stars|host|hosts|co-host|creator|actor|actress|author|anchor|producer)\b|by\s+[A-Z]|"
    r"\((?:[^)]*\b)?(?:19|20)\d\d\))"
)

# Letters of names, Latin-1 and Latin Extended-A included ("Raúl", "Gonzàlez", "Łukasz").
UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
LETTER = "a-zA-ZÀ-ÖØ-öø-ÿĀ-ž"
NAME_TOKEN = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Del|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Rev|Prof|Jr|Sr|St)\.|"
    rf"[{UPPER}][{LETTER}’'\-]*[{LETTER}]|(?:[A-Z]\.){{1,3}})"
)
NAME_RE = re.compile(rf"{NAME_TOKEN}(?:\s+(?:(?:al|bin|de|van|von|der|da|di|el|la|le|of)[-\s])?{NAME_TOKEN}){{0,7}}")

# Words that are capitalised but do not name a speaker.
NOT_NAMES = frozenset(
    """
    The A An But And It He She They We I In On At This That These Those There His Her Their Its
    Our As After Before When While If So Yet Still Meanwhile However Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday January February March April May June July August September
    October November December Sometimes Although Though While Despite Even And So Or What Who Why
    Where How Which Whether For From With By To Of Like Unlike Following Among During Under Over
    Without Through Against Between About Because Since Until Once Now Then Also Just Only Even Not
    Asked Told Speaking Writing Meanwhile Instead Indeed Later Earlier Today Yesterday Tomorrow
    Top Outside Inside
    """.split()
)


# Honorifics that tell whether "he" or "she" can refer to a name.
HONORIFIC_GENDER = {"Mr.": "m", "Mr": "m", "Ms.": "f", "Ms": "f", "Mrs.": "f", "Mrs": "f", "Miss": "f"}

# Titles after which a long capitalised run starts the name ("… Party Chairman Jaime Harrison").
OFFICE_WORDS = frozenset(
    "Chairman Chairwoman Chair President Secretary Minister Director Governor Gov. Senator Sen. Rep. "
    "Representative Spokesman Spokeswoman Spokesperson Leader Speaker Mayor Ambassador Commissioner "
    "Adviser Advisor Chief Executive CEO General Gen. Judge Justice Attorney Treasurer Manager Whip "
    "Republican Democrat Democratic Independent Libertarian".split()
)


# Capitalised sentence openers that are never a speaker's name.
NOT_NAME_WORDS = frozenset(
    "once then now here there today yesterday tomorrow still also later earlier instead indeed nonetheless "
    "nevertheless meanwhile afterward afterwards overall again asked speaking reacting according added "
    "many most some several others other both all none each every several everyone nobody somebody late early "
    "separately elsewhere initially eventually ultimately previously whoever whatever whichever everyone "
    "anyone someone nobody nothing everything".split()
)


# Capitalised labels that open a transcript line but name nobody ("VIDEO: …", "UPDATE: …").
NOT_SPEAKER_LABELS = frozenset(
    "VIDEO AUDIO UPDATE UPDATED NOTE EDITOR EDITOR'S EDITOR’S WATCH BREAKING CROSSTALK LAUGHTER APPLAUSE "
    "Q A PHOTO PHOTOS READ MORE RELATED SOURCE CORRECTION CLARIFICATION FACT CHECK TRANSCRIPT ANSWER QUESTION "
    "NEWS ALERT LIVE EXCLUSIVE OPINION ANALYSIS".split()
)

# Words that make a capitalised run an organisation, a work or a place, not a person
# ("Trump University", "Washington Post", "STATE COLLEGE"), compared case-insensitively.
NOT_PERSON_WORDS = frozenset(
    """
    university college school academy institute foundation association society council committee
    commission board agency department ministry office bureau service court senate house congress
    parliament assembly party campaign administration government church mosque temple hospital
    center centre museum library post times news journal tribune herald gazette magazine network
    channel radio television tv press media group company corp corporation inc llc ltd bank fund
    club union league team prize award street avenue road square park bridge airport station county
    city state states province region district valley island islands mountains river lake bay coast
    republic kingdom empire nation nations republicans democrats america americans europe world summit
    conference convention debate debates primary primaries caucus caucuses election elections poll polls
    """.split()
)
# Places that are often the whole of a capitalised run opening a sentence ("New Jersey", "San Jose").
PLACES = frozenset(
    """
    Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii
    Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan
    Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee
    Texas Utah Vermont Wisconsin Wyoming Washington Virginia Carolina Dakota Hampshire Jersey Mexico
    York Israel Gaza Rafah Egypt Iran Iraq Syria Lebanon Jordan Qatar Turkey Russia Ukraine China Japan
    Korea India Pakistan Afghanistan France Germany Britain England Scotland Ireland Wales Italy Spain
    Canada Brazil Cuba Libya Yemen Saudi Arabia Europe Africa Asia America Beijing Moscow London Paris
    Berlin Brussels Tokyo Chicago Boston Philadelphia Atlanta Miami Houston Dallas Denver Seattle
    Detroit Cleveland Baltimore Jerusalem Tehran Cairo Baghdad Damascus Beirut Kabul Manhattan Brooklyn
    Jose Francisco Diego Angeles Vegas Orleans Louis Antonio Tel Aviv Nashua Manchester Des Moines
    """.split()
)


# ---------------------------------------------------------------------------------------------
# Key points: datelines and caption credits, which are never part of a key point.

# News agencies and outlets credited in a dateline's parentheses: "JERUSALEM (AP) —", "(CNN)".
DATELINE_AGENCIES = (
    "AP", "Reuters", "AFP", "UPI", "dpa", "DPA", "Xinhua", "Bloomberg", "EFE", "ANSA", "TASS", "Yonhap",
    "Kyodo", "AAP", "ANI", "PTI", "IANS", "Anadolu", "WAFA", "Interfax", "JTA", "PA", "CNN", "CNN Business",
    "CNN Student News", "CNNMoney", "BBC", "NPR", "Al Jazeera", "The Hollywood Reporter", "HLNtv", "EW.com",
    "Mashable", "Billboard", "Variety", "People.com", "Rolling Stone", "Times of Israel", "The Conversation",
)
_MONTH = MONTH_WORD
# A place: up to four capitalised words, not an article or a pronoun ("RAFAH", "Gaza Strip", "New Delhi").
_PLACE_WORD = rf"(?!(?:The|A|An|In|On|At|It|He|She|They|We|This|That)\b)[{UPPER}][{LETTER}.'’-]*"
_PLACE = rf"{_PLACE_WORD}(?:[ -]{_PLACE_WORD}){{0,3}}"
_CAPS_PLACE = rf"[{UPPER}][{UPPER}.'’-]+(?:[ /-][{UPPER}][{UPPER}.'’-]+){{0,3}}"  # "GAZA CITY", "JERUSALEM/CAIRO"
_WHERE = rf"(?:,\s*{_PLACE}){{0,2}}"  # ", Gaza Strip", ", Iraqi Kurdistan"
_WHEN = rf"(?:,?\s+{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?"  # ", Oct 5", " May 13, 2024"
_DASH = r"\s*(?:[—–]|--?)\s*"
# A dateline opening a lead: "RAFAH, Gaza Strip (Reuters) – ", "GAZA CITY, Oct 5 (AP) — ", "Tokyo (CNN)",
# "(CNN) -- ", "WASHINGTON — ", "JERUSALEM/CAIRO — ". With an agency in parentheses the place may be
# in any case and the dash is optional; without one the place must be in capitals and the dash is
# required (not a colon: "BERG: It will reopen" is a transcript's speaker). The text after it must
# open a sentence.
# Any outlet may credit itself in a capitals dateline: "DEAD SEA, Jordan (Gulf Observer Wire) —".
_CREDITED = rf"(?:\s*\([{UPPER}][{LETTER} .&'’-]{{1,40}}\))?"
DATELINE_PREFIX = re.compile(
    rf"^(?:(?:{_PLACE}{_WHERE}{_WHEN}\s*)?\((?:{'|'.join(map(re.escape, DATELINE_AGENCIES))})\)(?:{_DASH}|\s*)"
    rf"|{_CAPS_PLACE}{_WHERE}{_WHEN}{_CREDITED}{_DASH})"
    rf"(?=[“\"‘'{UPPER}0-9])"
)

# Photo agencies and wire services in a caption credit.
CREDIT_AGENCIES = (
    r"Reuters|REUTERS|AFP|AP|AP Photo|Getty Images|Getty|EPA|EPA-EFE|Anadolu|Anadolu Agency|Bloomberg|Sipa|"
    r"NurPhoto|SOPA Images|Shutterstock|ZUMA|ZUMA Press|Xinhua|Pool|Handout|Middle East Images|Flash90|"
    r"Alamy|PA|PA Images|PA Wire|Rex|Rex Features|Splash News|IDF|Israel Defense Forces|File|File Photo"
)
_CREDIT_NAME = rf"[{UPPER}][{LETTER}.'’-]*(?: [{LETTER}.'’-]+){{0,4}}"
# A sentence that is only a caption credit: "REUTERS/Some Name", "Mohammed Abed/AFP/Getty Images",
# "(AP Photo/Jane Doe)", "AFP via Getty Images", "Photo: X", "Credit: Y".
CREDIT_ONLY = re.compile(
    rf"^\(?(?:(?:{_CREDIT_NAME}/)?(?:{CREDIT_AGENCIES})(?:/{_CREDIT_NAME})*(?: (?:via|for) (?:{CREDIT_AGENCIES}))?"
    rf"|(?:{_CREDIT_NAME} )?(?:via|for) (?:{CREDIT_AGENCIES})"
    rf"|{_CREDIT_NAME}/(?:{CREDIT_AGENCIES})(?:/{_CREDIT_NAME})*"
    r"|(?:photo|photograph|picture|image|illustration|video|credit|source)s?(?: credit| source)?\s*:.{0,100})\)?\.?$",
    re.IGNORECASE,
)
