"""Build a large synthetic news corpus for the benchmark (JSON Lines: id, outlet, published,
title, text), from sentence templates filled with places of the packaged gazetteer, actors of
the packaged actor dictionary, numbers, dates and varied sentence shapes.  Every article is
distinct (ids, outlets, dates and wording vary, so near-duplicate linking does not collapse
the corpus).  Nothing of a real corpus is used; the output is written outside the repository.

    python bench/make_corpus.py 20000 -o out/bench/synthetic_20000.jsonl [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[1] / "src" / "frontlines" / "data"
OUTLETS = ["Wire Desk", "Levant Monitor", "Euphrates Post", "Orontes Daily", "Northern Herald", "Desert Observer",
           "Coastal Times", "Capital Bulletin", "Frontline Review", "Valley Gazette", "Border Report",
           "Evening Dispatch"]
SOURCES = ["a monitoring group said", "local activists reported", "state media said",
           "a military source told reporters", "residents said", "according to a war monitor",
           "the group said in a statement", "witnesses said"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen", "dozens of"]

EVENTS = [
    "{A} shelled {P} on {D}, killing {N} civilians, {S}.",
    "{A} fighters seized {P} after heavy clashes with {B} on {D}.",
    "Air strikes hit {P} in {G} province on {D}, {S}, and {K} people were killed.",
    "{A} took control of {P} from {B} early on {D}.",
    "Clashes between {A} and {B} broke out near {P} on {D}, {S}.",
    "A car bomb exploded in {P} on {D}, killing {K} people and wounding {W}.",
    "{A} said it had repelled an attack by {B} on its positions around {P}.",
    "At least {K} fighters were killed in fighting for {P}, {S}.",
    "{B} withdrew from {P} on {D} after a week-long siege by {A}.",
    "Rockets fired by {A} landed in {P}, wounding {W} residents, {S}.",
    "{A} could reach {P} within days if the offensive continues, analysts said.",
    "{A} denied reports that it had shelled {P} on {D}.",
    "An improvised explosive device killed {K} soldiers on the road between {P} and {Q} on {D}.",
    "{A} launched an offensive toward {P} in the {G} countryside on {D}.",
    "Helicopters dropped barrel bombs on {P} on {D}, {S}; {K} people died.",
    "{N} members of {B} were captured near {P} on {D}, {S}.",
]
FILLER = [
    "The area has changed hands several times since {Y}.",
    "Aid agencies said {W} families had fled toward {Q} in recent weeks.",
    "Prices of bread and fuel in {G} have risen sharply this month.",
    "The road linking {P} and {Q} remains closed to civilian traffic.",
    "Talks on a local truce in {G} stalled on {D}, officials said.",
    "Schools in {Q} reopened after a pause of {K} days.",
    "The United Nations called for access to besieged districts of {G} province.",
    "Electricity returned to parts of {Q} for the first time since {M}.",
    "Local councils in {G} appealed for medical supplies.",
    "Journalists were not able to verify the reports independently.",
]
TITLES = ["Fighting flares near {P}", "{A} advances in {G}", "Dozens killed in {G} strikes", "Battle for {P} continues",
          "Civilians flee {P} as clashes spread", "{B} loses ground near {Q}", "Bombardment of {P} resumes"]


def places(limit: int = 3000) -> list[tuple[str, str]]:
    """(name, governorate) of the most populous Syrian settlements of the packaged gazetteer."""
    conn = sqlite3.connect(f"file:{DATA / 'gazetteer.sqlite'}?mode=ro", uri=True)
    rows = conn.execute("SELECT name, admin1 FROM places WHERE country = 'SY' AND admin1 IS NOT NULL "
                        "AND feature IN ('settlement', 'city') ORDER BY population IS NULL, population DESC, name "
                        "LIMIT ?", (limit,)).fetchall()
    conn.close()
    return [(n, a) for n, a in rows if n.isascii() and "'" not in n[:1]]


def actors() -> list[str]:
    """A few names of each armed actor of the packaged actor dictionary."""
    data = yaml.safe_load((DATA / "actors.yaml").read_text(encoding="utf-8"))
    names = []
    for actor in data.get("actors", []):
        aliases = [a for a in actor.get("aliases") or [] if len(a) > 3 and not a.isupper()]
        names.extend(aliases[:3])
    return names or ["the army", "rebels"]


def article(i: int, rng: random.Random, towns: list[tuple[str, str]], names: list[str]) -> dict[str, str]:
    day = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(0, 7 * 365))
    outlet = rng.choice(OUTLETS)

    def fill(template: str) -> str:
        (p, g), (q, _) = rng.choice(towns), rng.choice(towns)
        a, b = rng.sample(names, 2)
        when = rng.choice([rng.choice(WEEKDAYS), f"{MONTHS[day.month - 1]} {max(1, day.day - rng.randrange(0, 3))}",
                           "Sunday night", "the previous day", "the weekend"])
        return template.format(A=a, B=b, P=p, Q=q, G=g, D=when, S=rng.choice(SOURCES), N=rng.choice(NUMBERS),
                               K=rng.randrange(2, 90), W=rng.randrange(3, 400), Y=rng.randrange(2011, day.year + 1),
                               M=MONTHS[rng.randrange(12)])

    sentences = [fill(t) for t in rng.sample(EVENTS, rng.randrange(3, 7))]
    sentences += [fill(t) for t in rng.sample(FILLER, rng.randrange(1, 4))]
    sentences = [s[0].upper() + s[1:] for s in sentences]
    rng.shuffle(sentences)
    cuts = sorted(rng.sample(range(1, len(sentences)), min(len(sentences) - 1, rng.randrange(1, 4))))
    paragraphs = [" ".join(sentences[a:b]) for a, b in zip([0, *cuts], [*cuts, len(sentences)], strict=True)]
    town = rng.choice(towns)[0]
    dateline = f"{town.upper()}, {MONTHS[day.month - 1]} {day.day} ({outlet}) - "
    return {"id": f"synthetic-{i:06d}", "outlet": outlet, "published": day.isoformat(),
            "title": fill(rng.choice(TITLES)), "text": dateline + "\n\n".join(paragraphs)}


def build(n: int, path: Path, seed: int = 7) -> Path:
    rng = random.Random(seed)
    towns, names = places(), actors()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps(article(i, rng, towns, names), ensure_ascii=False) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    build(args.n, args.output, args.seed)


if __name__ == "__main__":
    main()
