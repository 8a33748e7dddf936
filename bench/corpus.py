"""A synthetic news corpus for benchmarks: short articles from templates, many different names.

Why synthetic: the benchmark must run from a fresh clone, offline, at any size, and give the
same bytes for the same seed. The texts look like wire-service briefs (people with titles and
employers, meetings, visits, quotes, pronouns, appositions) so every kgbuild stage has work to do.
Names are drawn from a Zipf-like pool: a few people, companies and places recur across many
articles (so resolution merges), most appear rarely (so the graph keeps growing with the corpus).

    python bench/corpus.py --size 1000 --out out/bench/corpus-1000
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

FIRST_F = """Amelia Sofia Hannah Leila Chiara Ingrid Mei Aisha Lucia Priya Elena Marta Nadia Olga Ines Camille
Freya Yuki Zara Beatriz Katarina Noor Ana Helena Ruth Esther Greta Lena Maya Sara Irene Clara Julia Alice Rosa
Fatima Amara Keiko Daniela Paula Teresa Monique Ewa Agnieszka Silvia Laura Carmen Joanna Linnea Astrid""".split()
FIRST_M = """Oliver Lucas Mateo Omar Kenji Tomasz Henrik Rafael Arjun Pierre Diego Stefan Yusuf Marco Pavel
Anders Tariq Jonas Felipe Hiroshi Samuel Daniel Viktor Emil Karim Luca Nikolai Andres Kwame Ibrahim Matthias
Rohan Jakub Martin Simon Thomas Hugo Leon Bruno Carlos Ahmed Dmitri Sergio Paulo Mikael Erik Goran Milan""".split()
LAST = """Abara Lindqvist Moreau Castellano Nakamura Okafor Brennan Kowalski Haddad Petrov Fischer Novak Rossi
Tanaka Mendes Adeyemi Varga Larsen Duarte Sato Kaplan Hoffmann Ortega Baptiste Iversen Morales Horvath Suzuki
Mensah Galloway Delgado Bergström Costa Anand Whitfield Romero Kozak Eriksen Marchetti Oyelaran Pereira Sandoval
Vasquez Lambert Dubois Holm Albrecht Kamara Nilsen Quintero Rahman Ferreira Voss Bianchi Mahlangu Takahashi
Jovanovic Strand Ilunga Castro Hughes Caldwell Mbeki Ruiz Kovacs Lund Aguilar Brandt Sorensen Fontaine Obi
Weiss Halvorsen Santoro Markovic Ncube Reyes Ahlberg Villanueva Ferraro Nyberg Olsen Pajari Rautio Gallo
Barros Lucero Hakimi Sandberg Esposito Yilmaz Demir Aydin Kaya Celik Sahin Arslan Dogan Nowak Wozniak Dabrowski
Lewandowski Zielinski Szymanski Wojcik Kaminski Kowalczyk Jankowski Mazur Krawczyk Piotrowski Grabowski Pawlak
Michalski Ahmadi Karimi Hosseini Rezaei Moradi Chen Wang Li Zhang Liu Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu
Guo He Lin Luo Gao Zheng Liang Xie Tang Han Cao Deng Feng Zeng Peng Cai Pan Tian Dong Yuan Jiang Kim Park
Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong Jeon Ko Moon Yang Son Bae Baek
Huo Okonkwo Eze Nwosu Adebayo Balogun Chukwu Mwangi Otieno Kariuki Wanjiru Odhiambo Banda Phiri Tembo Mutua""".split()
ORG_STEM = """Northwind Bluestone Meridian Harbor Cobalt Silverline Redwood Granite Aurora Summit Evergreen
Atlas Beacon Crescent Falcon Horizon Ironbridge Keystone Lighthouse Maple Oakridge Pinnacle Quantum Riverside
Sterling Trident Unity Vanguard Westfield Zenith Alder Birchwood Cedar Delta Ember Fjord Glacier Helix Indigo
Juniper Kestrel Lumen Monarch Nimbus Orion Polaris Quarry Ridgeway Solstice Tundra Umber Vertex Willow""".split()
ORG_KIND = ["Energy", "Bank", "Motors", "Pharmaceuticals", "Airlines", "Telecom", "Holdings", "Group",
            "Capital", "Logistics", "Systems", "Foods", "Mining", "Media", "Insurance", "Steel"]
INSTITUTIONS = ["Ministry of Finance", "Ministry of Defence", "Central Bank", "Supreme Court", "Senate",
                "National Assembly", "Ministry of Health", "Electoral Commission", "Chamber of Commerce"]
CITIES = """Lisbon Oslo Nairobi Lagos Toronto Seoul Osaka Lyon Porto Krakow Gdansk Izmir Mumbai Pune Accra
Dakar Lima Quito Bogota Santiago Montreal Vancouver Helsinki Tampere Aarhus Gothenburg Bergen Rotterdam
Antwerp Ghent Leipzig Dresden Munich Hamburg Milan Turin Naples Seville Valencia Bilbao Marseille Toulouse
Geneva Zurich Vienna Graz Prague Brno Budapest Zagreb Belgrade Sofia Athens Thessaloniki Cairo Tunis Casablanca
Durban Kampala Kigali Addis Hanoi Manila Jakarta Surabaya Perth Adelaide Auckland Wellington Denver Austin
Boston Chicago Seattle Atlanta Houston Phoenix Detroit Portland""".split()
COUNTRIES = """France Germany Italy Spain Portugal Norway Sweden Finland Denmark Poland Kenya Nigeria Ghana
Canada Mexico Brazil Chile Peru Colombia Japan India Indonesia Vietnam Turkey Egypt Morocco Greece Austria
Hungary Croatia Serbia Bulgaria Australia Argentina Belgium Netherlands Ireland Senegal Tanzania Uganda""".split()
PERSON_TITLES = ["chief executive", "finance minister", "chairman", "spokesperson", "foreign minister",
                 "governor", "mayor", "senator", "chief economist", "defence minister", "president",
                 "managing director", "founder", "health minister", "ambassador"]
TOPICS = ["a new trade agreement", "rising energy prices", "the merger talks", "a cross-border pipeline",
          "the budget proposal", "tariffs on steel imports", "a vaccine supply deal", "the port expansion",
          "interest rates", "a joint research programme", "the election timetable", "water rights",
          "the airline's restructuring", "a digital tax", "fishing quotas", "a ceasefire proposal"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week", "this month",
        "over the weekend", "late on Sunday", "earlier this year"]


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    female: bool

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def he(self) -> str:
        return "She" if self.female else "He"

    @property
    def his(self) -> str:
        return "her" if self.female else "his"


class ZipfPool:
    """Draw items so that the k-th item is chosen with weight 1/(k+1)^s: a long tail of rare names."""

    def __init__(self, items: list, s: float = 1.05):
        self.items = items
        self.cumulative = list(itertools.accumulate(1.0 / (k + 1) ** s for k in range(len(items))))

    def draw(self, rng: random.Random):
        x = rng.random() * self.cumulative[-1]
        return self.items[bisect.bisect_left(self.cumulative, x)]

    def sample(self, rng: random.Random, k: int) -> list:
        out: list = []
        while len(out) < k:
            item = self.draw(rng)
            if item not in out:
                out.append(item)
        return out


class NewsGenerator:
    """Deterministic article generator: the same seed gives the same corpus, byte for byte."""

    def __init__(self, seed: int = 8, people: int = 20000, companies: int = 600):
        rng = random.Random(seed)
        names = {(f, l, f in FIRST_F) for f in FIRST_F + FIRST_M for l in LAST}
        ordered = sorted(names)
        rng.shuffle(ordered)
        self.people = ZipfPool([Person(f, l, fem) for f, l, fem in ordered[:people]], s=0.9)
        orgs = sorted({f"{s} {k}" for s in ORG_STEM for k in ORG_KIND})
        rng.shuffle(orgs)
        self.orgs = ZipfPool(orgs[:companies] + INSTITUTIONS)
        cities = list(CITIES)
        rng.shuffle(cities)
        self.cities = ZipfPool(cities, s=0.8)
        countries = list(COUNTRIES)
        rng.shuffle(countries)
        self.countries = ZipfPool(countries, s=0.8)
        self.seed = seed

    def article(self, number: int) -> str:
        """Article ``number`` depends only on (seed, number): any slice of the corpus is reproducible."""
        rng = random.Random(f"{self.seed}:{number}")
        a, b, c = self.people.sample(rng, 3)
        org1, org2 = self.orgs.sample(rng, 2)
        city = self.cities.draw(rng)
        country1, country2 = self.countries.sample(rng, 2)
        t1, t2, t3 = rng.sample(PERSON_TITLES, 3)
        topic, topic2 = rng.sample(TOPICS, 2)
        day, day2 = rng.sample(DAYS, 2)
        sentences = [
            rng.choice([
                f"{a.full}, the {t1} of {org1}, met {b.full} in {city} {day} to discuss {topic}.",
                f"{t1.capitalize()} {a.full} of {org1} held talks with {b.full} in {city} {day} about {topic}.",
                f"{a.full} of {org1} and {b.full} met in {city} {day}, where they discussed {topic}.",
            ]),
            rng.choice([
                f"{b.full} is the {t2} of {org2}, which is based in {country1}.",
                f"{b.full}, who works for {org2}, said the meeting was constructive.",
                f"{org2}, where {b.full} serves as {t2}, has offices in {country1} and {country2}.",
            ]),
            rng.choice([
                f"{a.he} told reporters that {a.his} company would invest in {country2}.",
                f"{a.he} said {org1} had reportedly agreed to buy a stake in {org2}.",
                f"According to {a.full}, the two sides did not sign an agreement {day2}.",
            ]),
            rng.choice([
                f"{c.full}, an analyst at {self.orgs.draw(rng)}, criticized the plan.",
                f"{c.full} later visited {country1}, where {c.he.lower()} spoke with officials about {topic2}.",
                f"The {t3} {c.full} praised {a.full} for the proposal.",
            ]),
            rng.choice([
                f"Talks between {country1} and {country2} are expected to continue next month in {self.cities.draw(rng)}.",
                f"{org1} shares rose after the announcement, while {org2} declined to comment.",
                f"{b.full} said {b.his} team would travel to {country2} {day2}.",
            ]),
            rng.choice([
                f"Officials in {city} said {topic2} remained the main obstacle.",
                f"{a.full} was born in {self.countries.draw(rng)} and joined {org1} ten years ago.",
                f"Critics in {country1} accused {org1} of ignoring {topic2}.",
            ]),
        ]
        headline = f"{a.last} and {b.last} discuss {topic} in {city}"
        return headline + "\n\n" + " ".join(sentences) + "\n"

    def documents(self, size: int) -> Iterator[tuple[str, str]]:
        for i in range(size):
            yield f"news-{i:06d}", self.article(i)


def write_corpus(out_dir: str | Path, size: int, seed: int = 8) -> Path:
    """Write ``size`` .txt files into ``out_dir``; reuse the folder when it already holds this corpus."""
    out = Path(out_dir)
    stamp = out / ".corpus.json"
    wanted = {"size": size, "seed": seed, "generator": 1}
    if stamp.is_file() and json.loads(stamp.read_text()) == wanted:
        return out
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for doc_id, text in NewsGenerator(seed).documents(size):
        (out / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    stamp.write_text(json.dumps(wanted))
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    print(write_corpus(args.out, args.size, args.seed))


if __name__ == "__main__":
    main()
