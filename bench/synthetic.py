"""A synthetic briefing project of N articles, from our own sentence templates (no benchmark text).

Each article is a Markdown file with front matter: a lead, reported facts, two to four direct quotes
by named speakers (introduced with their role, then by surname or pronoun), a relative date, and
sometimes an open question. People, outlets and places come from small fixed pools, so speakers,
topics and outlets recur across articles as they would over a year of one story. The same N and
seed always give the same files.

    python bench/synthetic.py 1000 /tmp/corpus     # writes /tmp/corpus/content/…
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

FIRST = ("Amira", "Daniel", "Leila", "Tomas", "Nadia", "Oren", "Sofia", "Karim", "Hannah", "Yusuf",
         "Elena", "Marcus", "Rania", "Pieter", "Mei", "Jonas", "Farah", "Idris", "Clara", "Samir")
LAST = ("Haddad", "Brenner", "Okafor", "Lindqvist", "Mansour", "Katz", "Moreau", "Rahimi", "Novak", "Sato",
        "Adeyemi", "Costa", "Farouk", "Weiss", "Kowalski", "Nasser", "Ibarra", "Demir", "Holm", "Vance")
ROLES = ("the foreign minister", "a senior defence official", "the UN humanitarian coordinator",
         "the mayor of Harbour Town", "a spokesperson for the aid agency", "the national security adviser",
         "an army spokesperson", "the head of the reconstruction fund", "a senior negotiator",
         "the health ministry's director")
OUTLETS = ("Coastal Wire", "North Shore Times", "The Harbour Ledger", "Meridian News", "Daily Courier",
           "Global Dispatch", "The Evening Post", "Channel Nine", "Frontline Report", "The Observer Desk",
           "Capital Review", "Regional Monitor")
DATES = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "over the weekend",
         "yesterday", "last week", "earlier this month")

SUBJECTS = ("officials", "aid agencies", "mediators", "engineers", "negotiators", "residents", "doctors",
            "council members", "police commanders", "relief workers", "diplomats", "local leaders",
            "water engineers", "teachers", "port authorities", "health workers", "farmers", "traders",
            "human rights monitors", "observers", "lawyers", "journalists", "clerics", "volunteers", "students",
            "fishermen", "shopkeepers", "nurses", "surveyors", "architects", "bankers", "contractors", "drivers",
            "economists", "landlords", "planners", "pharmacists", "pilots", "priests")
VERBS = ("discussed", "warned about", "reported on", "criticised", "welcomed", "questioned", "rejected",
         "drafted", "inspected", "demanded changes to", "debated", "documented", "praised", "mapped",
         "surveyed", "protested against", "negotiated over", "outlined", "postponed", "reviewed", "costed",
         "audited", "endorsed", "opposed", "filmed", "photographed", "tendered for", "insured", "blocked",
         "accelerated", "simplified", "appealed against", "celebrated", "mourned", "analysed")
ACTIONS = ("repair", "reopening", "rebuilding", "closure", "funding", "inspection", "protection", "handover",
           "evacuation", "expansion", "clearing", "supply", "policing", "staffing", "demining", "mapping",
           "renovation", "relocation", "sale", "lease", "privatisation", "electrification", "cleaning",
           "fencing", "lighting", "paving", "insulation", "rewiring", "valuation", "survey")
FACILITIES = ("bridge", "clinic", "pipeline", "crossing", "school", "market", "power station", "water plant",
              "harbour", "checkpoint", "bakery", "camp", "hospital", "road", "warehouse", "courthouse", "library",
              "stadium", "mosque", "church", "orchard", "quarry", "sewer", "depot", "garage", "mill", "dairy",
              "cannery", "ferry", "tunnel", "airstrip", "cemetery")
ADJECTIVES = ("promised", "delayed", "disputed", "long-awaited", "partial", "emergency", "temporary", "costly",
              "controversial", "limited", "joint", "urgent", "phased", "revised", "informal", "overdue", "secret",
              "hasty", "cautious", "modest", "ambitious", "unfunded", "private", "public", "seasonal", "northern",
              "southern", "eastern", "western", "symbolic")
REASONS = ("after a night of heavy shelling", "as the winter rains began", "despite objections from the cabinet",
           "under pressure from donors", "ahead of a summit in the capital", "amid reports of looting",
           "following a breakdown in talks", "as prices in the markets doubled", "after a court ruling",
           "while a ceasefire held", "as hospitals ran short of fuel", "before the holiday")
LINKS = ("after", "before", "during", "despite", "following", "ahead of")
EVENTS = ("talks", "summit", "floods", "protests", "strike", "elections", "raid", "conference", "blockade",
          "agreement", "ruling", "audit", "strikes", "ceasefire", "inquiry", "hearing")
SYLLABLES = ("ka", "ren", "dal", "mo", "sha", "tir", "bel", "qa", "nu", "vor", "el", "zan", "fa", "lo",
             "mir", "tes", "ha", "rud", "ja", "kel", "ora", "pin", "sul", "wen", "gar", "ith", "bo", "dun")
LEADS = (
    "{Subject} in {place} {date} {verb} {obj}, {reason}.",
    "{Date}, {subject} in {place} {verb} {obj}, {reason}.",
)
FACTS = (
    "{Subject} {verb} {obj} in {place}, {reason}.",
    "In {place}, {subject} {verb} {obj}.",
    "{Subject} from {place} {verb} {obj}, and the {name} Committee {verb2} {obj2}.",
    "About {n} {subject} {verb} {obj}, {reason}.",
    "The {name} Foundation {verb} {obj}; {subject} in {place} {verb2} {obj2}.",
    "{Reason}, {subject} {verb} {obj}.",
    "{Obj} in {place} would cost {n} million dollars, according to the {name} Institute.",
)
QUOTES = (
    "We will not accept a plan that leaves {place} without protection",
    "The humanitarian situation in {place} is getting worse every day",
    "Nobody has a credible plan for the day after the fighting stops",
    "Rebuilding {place} will take years, and it has to start now",
    "Our priority is to bring every hostage home",
    "There is no military solution to this conflict",
    "We need a ceasefire that holds, not another pause",
    "The crossings at {place} must stay open around the clock",
    "{Obj} cannot wait for the politicians",
    "We have asked for {obj} for months and heard nothing",
    "The people of {place} deserve to be heard",
    "Without {obj}, nothing else will work",
)
ATTRIBUTIONS = (
    "“{q},” {name}, {role}, said {date}.",
    "“{q},” said {name}, {role}.",
    "{name}, {role}, told reporters: “{q}.”",
    "According to {name}, {role}, “{q}.”",
)
FOLLOW_UPS = (
    "“{q},” {surname} added.",
    "“{q},” {pronoun} said.",
    "{surname} warned: “{q}.”",
)
QUESTIONS = (
    "It remains unclear whether {obj} in {place} has the support of the cabinet.",
    "Who will pay for {obj} in {place} is still an open question.",
    "Will {obj} go ahead in {place} before the winter?",
)


def made_up(rng: random.Random) -> str:
    """A made-up proper name of two or three syllables: "Keltirren"."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randrange(2, 4))).title()


NAMES = tuple(made_up(random.Random(f"name-{i}")) for i in range(4000))  # towns, bodies, facilities


def proper(rng: random.Random) -> str:
    """Any name from the pool: bodies, facilities and events mentioned once or twice."""
    return rng.choice(NAMES)


def town(rng: random.Random) -> str:
    """A town from the pool, the first ones far more often: a story's few places recur (Zipf)."""
    return NAMES[int(len(NAMES) ** rng.random()) - 1]


def noun_phrase(rng: random.Random, pools: dict[str, tuple[str, ...]]) -> str:
    """ "the delayed repair of the Tirqa bridge" """
    adjective, action, facility = (rng.choice(pools[k]) for k in ("adjectives", "actions", "facilities"))
    return f"the {adjective} {action} of the {proper(rng)} {facility}"


def focus(rng: random.Random) -> dict[str, tuple[str, ...]]:
    """The few subjects, verbs and objects one article is about: articles differ as real ones do."""
    pools = {"subjects": SUBJECTS, "verbs": VERBS, "actions": ACTIONS, "facilities": FACILITIES,
             "adjectives": ADJECTIVES, "reasons": REASONS, "events": EVENTS, "quotes": QUOTES}
    chosen = {key: tuple(rng.sample(pool, 4)) for key, pool in pools.items()}
    chosen["facts"] = tuple(rng.sample(FACTS, 3))
    return chosen


PEOPLE = 120
WOMEN = {"Amira", "Leila", "Nadia", "Sofia", "Hannah", "Elena", "Rania", "Mei", "Farah", "Clara"}


def name(i: int) -> tuple[str, str]:
    """The first name and surname of person i (distinct for 0 <= i < PEOPLE)."""
    return FIRST[i % len(FIRST)], LAST[(i // len(FIRST) + i * 7) % len(LAST)]


def person(rng: random.Random) -> tuple[str, str, str, str]:
    """A speaker from the fixed pool: full name, surname, pronoun and role (stable per name)."""
    i = rng.randrange(PEOPLE)
    first, last = name(i)
    pronoun = "she" if first in WOMEN else "he"
    return f"{first} {last}", last, pronoun, ROLES[i % len(ROLES)]


def article(n: int, rng: random.Random, start: dt.date) -> tuple[str, str]:
    """The slug and Markdown text of synthetic article n."""
    towns = [town(rng) for _ in range(3)]
    published = start + dt.timedelta(days=n * 365 // 3000 + rng.randrange(3))
    date = rng.choice(DATES)
    pools = focus(rng)

    def fill(template: str) -> str:
        subject, obj = rng.choice(pools["subjects"]), noun_phrase(rng, pools)
        if rng.random() < 0.6:
            subject = f"{subject} from {proper(rng)}"
        reason = rng.choice(pools["reasons"])
        if rng.random() < 0.6:
            reason = f"{rng.choice(LINKS)} the {proper(rng)} {rng.choice(pools['events'])}"
        verbs = pools["verbs"]
        return template.format(
            Subject=subject.capitalize(), subject=subject, verb=rng.choice(verbs), verb2=rng.choice(verbs),
            obj=obj, Obj=obj.capitalize(), obj2=noun_phrase(rng, pools), reason=reason, Reason=reason.capitalize(),
            place=rng.choice(towns), name=proper(rng), n=rng.randrange(2, 900), date=date, Date=date.capitalize(),
        )

    lead = fill(rng.choice(LEADS))
    paragraphs = [lead]
    for _ in range(rng.randrange(4, 7)):
        paragraphs.append(" ".join(fill(f) for f in rng.sample(pools["facts"], rng.randrange(2, 4))))
        if rng.random() < 0.7:
            name, surname, pronoun, role = person(rng)
            q1, q2 = (fill(q) for q in rng.sample(pools["quotes"], 2))
            said = rng.choice(ATTRIBUTIONS).format(q=q1, name=name, role=role, date=date)
            follow = rng.choice(FOLLOW_UPS).format(q=q2, surname=surname, pronoun=pronoun)
            paragraphs.append(f"{said} {follow}")
    if rng.random() < 0.4:
        paragraphs.append(fill(rng.choice(QUESTIONS)))
    title = f"{towns[0]}: " + lead.split(",")[0].rstrip(".").replace(date + " ", "")
    slug = f"{published.isoformat()}-{n:05d}-{towns[0].lower()}"
    front = (
        f"---\ntitle: \"{title}\"\noutlet: {rng.choice(OUTLETS)}\npublished: {published.isoformat()}\n"
        f"authors: [Staff {n % 17}]\n---\n\n"
    )
    return slug, front + "\n\n".join(paragraphs) + "\n"


BRIEFING_YML = """\
title: Synthetic briefing
description: A synthetic corpus for measuring the generator at scale.
topic: The harbour conflict
{search}settings:
  key_points: 4
topics:
  - name: Ceasefire
    keywords: [ceasefire, pause, talks, hostage]
  - name: Humanitarian
    keywords: [aid, food, medicine, convoys, hospitals, humanitarian]
  - name: Governance
    keywords: [governance, elections, transition, day after]
  - name: Security
    keywords: [security, army, police, shelling, offensive, military]
  - name: Reconstruction
    keywords: [reconstruction, rebuilding, infrastructure, housing]
"""


def write_project(root: Path, n: int, *, seed: int = 2024, search: str | None = None, start: int = 0) -> list[Path]:
    """Write a project of articles start..n-1 under root (briefing.yml, people.yml, articles); return the article files."""
    content = root / "content"
    (content / "articles").mkdir(parents=True, exist_ok=True)
    (content / "briefing.yml").write_text(BRIEFING_YML.format(search=f"search: {search}\n" if search else ""), "utf-8")
    people = ["people:"]
    for i in range(0, PEOPLE, 6):  # a few canonical entries, as an editor would keep
        first, last = name(i)
        people += [f"  - name: {first} {last}", f"    role: {ROLES[i % len(ROLES)]}"]
    (content / "people.yml").write_text("\n".join(people) + "\n", "utf-8")
    return [write_article(root, i, seed=seed) for i in range(start, n)]


def write_article(root: Path, n: int, *, seed: int = 2024) -> Path:
    """Write synthetic article n (the same text for the same n and seed); return its path."""
    slug, text = article(n, random.Random(f"{seed}-{n}"), dt.date(2024, 1, 1))
    path = root / "content" / "articles" / f"{slug}.md"
    path.write_text(text, "utf-8")
    return path


if __name__ == "__main__":
    count, folder = int(sys.argv[1]), Path(sys.argv[2])
    print(f"{len(write_project(folder, count))} articles written under {folder / 'content'}")
