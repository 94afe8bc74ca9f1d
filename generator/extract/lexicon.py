"""Word classes for mentions and speakers: heads of descriptions by the kind of speaker they name,
determiners, nicknames and transliteration variants. Named constants in one place, like patterns.py.
"""

from __future__ import annotations

# Heads of descriptions of a person: "the defence minister", "a senior Hamas official", "one man".
PERSON_HEADS = frozenset(
    """
    minister premier president spokesman spokeswoman spokesperson official officer secretary chief head
    director envoy ambassador commander general negotiator mediator adviser advisor aide analyst expert
    lawmaker legislator senator congressman congresswoman diplomat leader lawyer attorney judge justice
    prosecutor doctor surgeon physician nurse medic paramedic resident witness survivor man woman mother
    father son daughter brother sister wife husband uncle aunt cousin grandmother grandfather teenager
    boy girl journalist reporter correspondent source member soldier reservist militant commentator
    researcher professor economist activist worker volunteer driver farmer shopkeeper vendor student
    teacher representative coordinator commissioner administrator chairman chairwoman chair founder
    owner executive king queen prince princess emir sheikh pope cleric imam rabbi priest bishop mayor
    governor candidate nominee campaigner protester demonstrator relative neighbour neighbor colleague
    friend hostage detainee prisoner captive veteran strategist pollster consultant historian scholar
    columnist editor host anchor blogger user voter delegate negotiator pilot engineer manager
    official officials sources experts analysts diplomats doctors medics soldiers lawmakers leaders aides
    advisers advisors negotiators mediators ministers commanders officers spokespeople spokesmen
    """.split()
)
# Heads that say who someone is, not what office they hold: never a role shown beside a name.
GENERIC_PERSON_HEADS = frozenset(
    """
    man woman mother father son daughter brother sister wife husband uncle aunt cousin grandmother
    grandfather teenager boy girl resident witness survivor relative neighbour neighbor friend
    colleague hostage detainee prisoner captive user voter source member child baby
    """.split()
)
ROLE_HEADS = (PERSON_HEADS - GENERIC_PERSON_HEADS) | frozenset(
    "adviser advisor analyst researcher economist correspondent reporter editor strategist historian".split()
)
# Plural people who speak as one: "residents said", "the family wrote", "Palestinians told".
GROUP_HEADS = frozenset(
    """
    family families crowd crowds relatives residents protesters protestors demonstrators witnesses
    survivors people mourners hostages prisoners detainees villagers settlers neighbours neighbors
    parents children students workers fighters militants gunmen troops forces crew passengers
    palestinians israelis gazans americans egyptians lebanese refugees civilians volunteers activists
    """.split()
)
# Bodies: "the ministry said", "the group added", "the foundation denied".
ORGANISATION_HEADS = frozenset(
    """
    ministry military army government group foundation agency office organization organisation council
    committee company firm campaign court police administration movement faction authority authorities
    coalition cabinet delegation mission embassy department service charity network outlet newspaper
    paper broadcaster station channel union party alliance body unit brigade wing bureau institute
    center centre hospital secretariat team regime board federation bank fund commission watchdog
    programme program initiative navy airforce force militia presidency palace kremlin parliament
    knesset senate congress assembly forum society association observatory syndicate crescent
    """.split()
)
# What a document says: "the statement said", "the flier read", "the report found".
DOCUMENT_HEADS = frozenset(
    """
    statement flier flyer leaflet leaflets letter report email e-mail memo post release ruling order
    document message notice communique communiqué announcement resolution video tweet filing complaint
    decision verdict judgment judgement text draft plan proposal assessment note editorial article
    analysis study survey readout transcript posting
    """.split()
)
NOMINAL_HEADS = PERSON_HEADS | GROUP_HEADS | ORGANISATION_HEADS | DOCUMENT_HEADS

# Singular heads that still speak for many ("officials" is plural, "the family" speaks as one group).
PLURAL_HEADS = frozenset(
    """
    officials sources experts analysts diplomats doctors medics soldiers lawmakers leaders aides advisers
    advisors negotiators mediators ministers commanders officers spokespeople spokesmen authorities
    """.split()
) | (GROUP_HEADS - {"family", "crowd"})

# Last words of the names of newspapers, agencies and broadcasters: such a name is an outlet when it
# reports ("The Harbor Courier reported"), and what "the paper" refers to ("The Daily Ledger").
OUTLET_WORDS = frozenset(
    """
    times post news journal tribune herald gazette courier observer guardian telegraph independent
    chronicle monitor express mail mirror standard star globe sun daily weekly review press wire ledger
    agency network broadcasting radio television tv channel
    """.split()
)
# Heads that name a person by any office: "the UN official" is whoever holds a UN role.
GENERIC_ROLE_HEADS = frozenset("official officer figure representative".split())
# Heads whose noun names a body in general; any body of the article that is not an organ of a state
# can be meant ("the group said" is not the army).
GENERIC_BODY_HEADS = frozenset("group organization organisation body movement faction".split())
STATE_BODY_WORDS = frozenset(
    "forces force army military ministry government office police court cabinet presidency parliament "
    "knesset senate congress navy administration department idf".split()
)
# Words that make a capitalised run a place ("Gaza City", "West Bank", "Gaza Strip").
PLACE_WORDS = frozenset(
    "city strip bank valley street square coast island islands province region district county river "
    "camp neighbourhood neighborhood crossing corridor border gulf sea mountains hills heights town village".split()
)
# Words that say the same office ("the premier" is the prime minister).
HEAD_SYNONYMS = {
    "premier": ("prime", "minister"),
    "spokeswoman": ("spokesperson",),
    "spokesman": ("spokesperson",),
    "spokesperson": ("spokesman", "spokeswoman"),
    "military": ("forces", "army", "defense", "defence"),
    "army": ("forces", "military", "defense", "defence"),
    "chief": ("head", "director", "secretary-general"),
    "head": ("chief", "director", "secretary-general"),
    "government": ("cabinet", "office"),
    "authorities": ("ministry", "government", "authority"),
    "report": ("review", "assessment", "study", "analysis", "survey"),
    "paper": OUTLET_WORDS,
    "newspaper": OUTLET_WORDS,
    "outlet": OUTLET_WORDS,
    "broadcaster": OUTLET_WORDS,
    "channel": OUTLET_WORDS,
}

# Abbreviated titles and the words they stand for, so that "the general" finds "Maj. Gen. X".
TITLE_WORDS = {
    "gen": "general", "lt": "lieutenant", "col": "colonel", "maj": "major", "adm": "admiral",
    "sen": "senator", "rep": "representative", "gov": "governor", "capt": "captain", "sgt": "sergeant",
    "dr": "doctor", "prof": "professor", "brig": "brigadier", "pm": "minister", "dm": "minister",
    "fm": "minister", "amb": "ambassador", "supt": "superintendent", "insp": "inspector",
}

DETERMINERS = frozenset(
    """
    the a an one another two three four five six seven eight nine ten several some many most other
    these those this his her their its our both all any each no few dozens hundreds thousands
    """.split()
)
# Lower-case words that never stand inside a description between its determiner and head.
NOT_MODIFIERS = frozenset(
    """
    and or but of to in on at for with by from said says told was were is are be been has have had will
    would could should can may might that which who whom whose when where as than not also then there
    it he she they we i you him them us me into about after before over under while if so because just
    only even still yet what how why up out off per via against toward towards within without across
    through among between amid despite including like unlike near around behind beyond during except
    inside outside since until upon whether if do does did being having says told tells telling least
    that
    """.split()
)

# First names that one person goes by in two forms ("Tony Blinken" is Antony Blinken).
NICKNAMES = {
    "tony": "antony", "anthony": "antony", "joe": "joseph", "bill": "william", "will": "william",
    "bob": "robert", "rob": "robert", "bobby": "robert", "mike": "michael", "jim": "james", "jimmy": "james",
    "tom": "thomas", "dick": "richard", "rick": "richard", "dan": "daniel", "danny": "daniel",
    "dave": "david", "steve": "steven", "stephen": "steven", "chris": "christopher", "matt": "matthew",
    "pete": "peter", "ben": "benjamin", "bibi": "benjamin", "sam": "samuel", "andy": "andrew",
    "nick": "nicholas", "alex": "alexander", "ted": "edward", "ed": "edward", "jon": "jonathan",
    "kate": "katherine", "liz": "elizabeth", "beth": "elizabeth", "hillary": "hillary",
    "mohammed": "muhammad", "mohammad": "muhammad", "mohamed": "muhammad", "mohamad": "muhammad",
    "ahmad": "ahmed", "yousef": "yusuf", "youssef": "yusuf", "yousif": "yusuf", "abdullah": "abdallah",
    "mahmud": "mahmoud", "mostafa": "mustafa", "hussain": "hussein", "husayn": "hussein",
    "jake": "jacob", "josh": "joshua", "sergey": "sergei", "andrey": "andrei", "avichai": "avichay",
}
# Particles of Arabic, Hebrew and European names that transliterations write or drop at will.
NAME_PARTICLES = frozenset("al el bin ben ibn abu de da di van von der le la".split())  # compared after fold()

# Organisations often named without any word that says so.
KNOWN_ORGANISATIONS = frozenset(
    """
    Hamas Hezbollah Hizbollah Fatah Houthis Houthi Taliban Reuters Bloomberg Axios Politico Haaretz
    Interpol Europol NATO Mossad Amnesty Oxfam Unicef UNICEF UNRWA WHO OCHA ICRC ICJ ICC
    Pentagon Kremlin Knesset Congress Senate Parliament Cogat COGAT Shabak Kataib Likud Labour
    """.split()
) | {"Shin Bet"}  # a name of two words is matched whole
