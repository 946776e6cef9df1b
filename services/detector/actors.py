"""Actor mentions: persons (from title cues and the name lexicon), organisations, countries.

Works sentence by sentence on :class:`Word` objects. A person mention keeps its title apart from its
name; bare titles ("الجنرال الأميركي") and short forms ("حفتر") are resolved later (coref.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from itertools import compress
from operator import attrgetter

from services.detector.resources import Country, Lexicon, lexicon
from services.detector.words import Word, clitic_readings, per_word
from shared.arabic import normalize
from shared.schemas import ParticipantKind

_QUOTES = frozenset("\"'“”«»‘’`")
_NO_QUOTES = str.maketrans("", "", '"“”«»')
_NAME_LINKS = frozenset(
    ["بن", "بنت", "ابن", "ابو", "عبد", "ال", "ولد", "ابي", "ام", "بك", "دي", "دو", "فان", "فون", "لو", "لا"]
)
_WEEKDAYS_AND_MONTHS = frozenset(
    normalize(w)
    for w in [
        "الأحد",
        "الاثنين",
        "الإثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "إبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
        "كانون",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين",
        "جانفي",
        "فيفري",
        "أفريل",
        "ماي",
        "جوان",
        "جويلية",
        "أوت",
        "صباح",
        "مساء",
        "زوال",  # زوال اليوم: this noon (Maghreb)
        "عشية",  # عشية اليوم: this evening (Maghreb)
        "اليوم",
        "أمس",
        "غدا",
    ]
)
_NORM = attrgetter("norm")
_INDEX = attrgetter("index")
_FOREIGN_SURNAME_ENDINGS = ("كوف", "توف", "نوف", "روف", "سكي", "فيتش", "ينكو", "شفيلي", "برغ")
# "سفير … لدى بلادنا فلان": the host country named by a pronoun or a definite noun
_HOST_COUNTRY = frozenset({"بلادنا", "بلدنا", "البلاد", "الدوله", "المملكه", "بلاده", "بلادها"})
_FOREIGN_PARTICLES = frozenset({"دا", "دي", "دو", "فان", "فون", "لو", "لا", "ديل", "دوس", "دل"})
_DEPUTY_HEADS = frozenset(normalize(w) for w in ["نائب", "مساعد", "وكيل"])
GENERIC_HEADS = frozenset({normalize("مسؤول")})
"""Heads that fit any office: a bare "المسؤول الروسي" is the Russian official named before, whatever his post."""
# Masdars that hold an event (أردوغان عقد قمة، … إجراء محادثات): before a trigger they end a name.
_HOLDING_WORDS = frozenset(normalize(w) for w in ["عقد", "إجراء", "تنظيم", "إقامة", "بحث"])
_COUNTERPARTS = frozenset({"نظيرتها", "نظيره", "نظيرها", "نظيرته", "نظيراتها", "نظرائه", "نظرائها"})
MAX_NAME_WORDS = 8  # محمد بن سلمان بن عبدالعزيز آل سعود: seven
# Definite time words that follow a name without belonging to it (اللجنة المشتركة الشهر المقبل).
_TIME_WORDS = frozenset(
    normalize(w)
    for w in ["الشهر", "الأسبوع", "العام", "اليوم", "الليلة", "الجاري", "المقبل", "القادم", "الماضي", "المنصرم"]
)
# Regnal ordinals stay inside a name (محمد السادس، عبد الله الثاني) though they are frequent words.
_DHU = frozenset({"ذي", "ذو"})
_MOVEMENT_HEADS = frozenset({"حركه", "حزب", "جماعه", "تيار", "جبهه"})
_REGNAL = frozenset(
    normalize(w)
    for w in ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"]
)
# A preposition with a pronoun after و + verb: "وجدد له الدعوة"، "ووجه إليه دعوة"
_PRONOUN_PHRASES = frozenset(
    {"له", "لها", "لهم", "لهما", "اليه", "اليها", "اليهم", "عليه", "عليها", "معه", "معها", "به", "بها", "عنه"}
)
# What follows a name that a speech verb introduces: "وأكد أردوغان أن"، "وقال تبون،"
_AFTER_SPEAKER = frozenset({"ان", "انه", "انها", "علي", "في", "خلال", "امام", "لدي"})
_HONORIFICS = frozenset(normalize(w) for w in ["السيد", "السيدة", "الدكتور", "الدكتورة", "المهندس", "الشيخ", "الأستاذ"])
_DUAL_STEMS = frozenset({"جيش", "بلد", "قوت", "دولت", "جانب", "بحريت"})
# How often a definite word must be attested as a family name to end a title and start a name
# (الرئيس السيسي) rather than continue it (رئيس أركان الحرب).
SURNAME_AFTER_TITLE = 5
_WELL_ATTESTED_NAME = 5  # attestations (given + family) that make a name of a word that is also a common noun
MAX_TITLE_WORDS = 12


@dataclass(slots=True)
class ActorMention:
    """One mention of a participant candidate in a sentence."""

    kind: ParticipantKind
    sentence: int
    first: int  # word index where the mention (title included) starts
    last: int  # word index of its last word
    name_first: int = -1  # word span of the name itself (persons, orgs, countries)
    name_last: int = -1
    name: str = ""  # original text of the name, clitics stripped
    key: str = ""  # normalised name
    title: str | None = None
    title_words: tuple[str, ...] = ()
    head: str | None = None  # normalised title head (رييس، وزير، فريق …)
    affiliation: str | None = None
    locative: bool = False  # a country/capital after في/إلى/من: a place, not a party
    kin: bool = False  # "نجل حفتر": names the anchor, refers to the anchor's relative
    kin_anchor: int | None = None  # first word of the person this one is a relative of (فلان ونجله صدام)
    dual: bool = False
    entity: str = ""  # filled by coreference
    aliases: list[str] = field(default_factory=list)


# Endings of a feminine plural with a possessive pronoun (تحياته، مباحثاتها، علاقاتهم): no unlisted name ends so.
_PLURAL_POSSESSED = ("اته", "اتها", "اتهم", "اتهما", "اتنا")
_REGNAL = frozenset(
    normalize(w)
    for w in ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر", "عشر"]
)
# Function words spelled with ى (normalised to ي): never a name, whatever the name lexicon says of علي.
_MAQSURA_FUNCTION_WORDS = frozenset({"علي", "الي", "حتي", "لدي", "متي", "سوي", "اني"})
_SPOKESMEN = frozenset({"ناطق", "ناطقه", "متحدث", "متحدثه"})
# Offices of a province or a city: in construct, the next word is the place they govern (محافظ عدن).
_LOCAL_OFFICES = frozenset({"محافظ", "والي", "حاكم"})
# Heads of a region's name inside a title, followed by the region's own name (إقليم كردستان، ولاية كاليفورنيا).
_REGION_HEADS = frozenset({"اقليم", "ولايه", "محافظه", "مقاطعه", "اماره"})


def _common_or_office(rest: str, lex: Lexicon) -> bool:
    """A function or frequent word, or the head of a title, an organisation or a kinship: no part of a name."""
    return (
        rest in lex.stopwords
        or rest in lex.frequent_words
        or rest in lex.title_heads
        or rest in lex.org_heads
        or rest in lex.kin_heads
    )


def _rest_forms(word: Word) -> list[str]:
    return [rest for _, rest in word.readings]


def _undefinite(rest: str) -> str:
    return rest[2:] if rest.startswith("ال") and len(rest) > 3 else rest


def strip_proclitic_text(word: Word, prefix: str) -> tuple[int, str]:
    """(start offset, text) of ``word`` without its first ``len(prefix)`` normalised letters."""
    if not prefix:
        return word.start, word.text
    seen = 0
    for i, ch in enumerate(word.text):
        if normalize(ch):
            seen += 1
            if seen == len(prefix):
                return word.start + i + 1, word.text[i + 1 :]
    return word.start, word.text


def is_definite(word: Word) -> bool:
    """The word itself (no conjunction or preposition) carries the article."""
    return word.norm.startswith("ال") and len(word.norm) > 3


def al_initial_given_name(word: Word) -> bool:
    """A given name that merely starts with ال (الكسندر، اليكسي), not a definite noun."""
    return _al_initial_given(word.norm)


@per_word
def _al_initial_given(norm: str) -> bool:
    given = lexicon().given_names.get(norm, 0)
    return norm.startswith("ال") and len(norm) > 3 and given >= 3 and given > lexicon().surnames.get(norm, 0)


def has_prefixed_article(word: Word) -> bool:
    """A preposition or conjunction glued to a definite word (بالتعاون، والجيش، للقوات)."""
    return _prefixed_article(word.norm)


@per_word
def _prefixed_article(norm: str) -> bool:
    return any(pre and rest.startswith("ال") for pre, rest in clitic_readings(norm))


@per_word
def _lam_definite(norm: str) -> bool:
    """ل glued to a definite word (للتعاون، لشؤون الـ…): a reading ل + ال…."""
    return any(pre == "ل" and rest.startswith("ال") for pre, rest in clitic_readings(norm))


@per_word
def _definite_reading(norm: str) -> bool:
    """Some reading of the word (with or without its clitics) carries the article."""
    return any(rest.startswith("ال") for _, rest in clitic_readings(norm))


@per_word
def _office_word(norm: str) -> bool:
    """Some reading of the word is a title head or a title complement (an office's own word)."""
    lex = lexicon()
    return any(rest in lex.title_complements or rest in lex.title_heads for _, rest in clitic_readings(norm))


def has_conjunction(word: Word) -> bool:
    """A conjunction و/ف glued to the word (ووزير، وقال), not a word that starts with و (وزير، وليد، وفد)."""
    return _conjunction(word.norm)


@per_word
def _conjunction(norm: str) -> bool:
    # only و: ف-initial names are common (فومين، فيصل، فلاديمير) and ف+name is rare in news
    readings = clitic_readings(norm)
    if len(norm) <= 3 or norm[0] != "و" or len(readings) < 2 or readings[1][0] != "و":
        return False
    lex = lexicon()
    whole_word = (
        norm in lex.title_heads
        or norm in lex.title_complements
        or norm in lex.org_heads
        or norm in lex.given_names
        or lex.surnames.get(norm, 0) >= 2
    )
    return not whole_word


def demonym_country(word: Word, lex: Lexicon) -> Country | None:
    """The country of a demonym adjective (التركي، الأميركية، روسية)."""
    return _demonym_of(word.norm)


@per_word
def _demonym_of(norm: str) -> Country | None:
    """Memoised per word form (the lexicon is one object per process)."""
    lex = lexicon()
    for rest in (r for _, r in clitic_readings(norm)):
        base = _undefinite(rest)
        for form in (
            base,
            base[:-1] if base.endswith("ه") else base,
            base[:-2] if base.endswith("ين") else base,
            base[:-2] if base.endswith("ان") else base,
        ):
            country = lex.country_by_demonym.get(form)
            if country is not None:
                return country
    return None


@per_word
def _org_start(norm: str) -> tuple[str, str] | None:
    """(proclitics, rest) of the first reading of a word form that names or heads an organisation."""
    lex = lexicon()
    for pre, rest in clitic_readings(norm):
        if _org_reading(rest, lex):
            return pre, rest
    return None


def _org_reading(rest: str, lex: Lexicon) -> bool:
    return rest in lex.org_names or _undefinite(rest) in lex.org_heads or rest in lex.org_heads


def _head_reading(rest: str, lex: Lexicon) -> bool:
    """A reading that makes its word a title or kinship head (one of the cases of :func:`_heads_of`)."""
    base = _undefinite(rest)
    return (
        base == "ولي"
        or rest in lex.title_heads
        or rest in lex.kin_heads
        or (rest.startswith("ال") and (base in lex.title_heads or base in lex.definite_only_heads))
    )


# What may start at a word (bit flags of :func:`_may_start`): each scanner visits only its own positions.
_TITLE = 1
_GIVEN = 2
_DUAL = 4
_ORG = 8
_PLACE = 16


@per_word
def _may_start(norm: str) -> int:
    """Which mentions a word form can start (a title, a lexicon name, a dual force, an organisation, a place).

    One pass over the readings (every word of every article asks), with the reading tests of
    :func:`_heads_of` and :func:`_org_start`, which run only where a title or organisation may start.
    """
    lex = lexicon()
    readings = clitic_readings(norm)
    base = _undefinite(readings[-1][1])
    dual = base.endswith(("ين", "ان")) and (base[:-2] in lex.org_heads or base[:-2] in _DUAL_STEMS)
    given = lex.given_names.get(norm, 0) >= 5 or (
        len(readings) > 1 and readings[1][0] == "و" and lex.given_names.get(readings[1][1], 0) >= 5
    )  # ومحمد، وعبد: a given name after the conjunction may open a second, untitled name
    flags = (_GIVEN if given else 0) | (_DUAL if dual else 0)
    for _, rest in readings:
        if _head_reading(rest, lex) or rest in _RULERS:
            flags |= _TITLE
        if _org_reading(rest, lex):
            flags |= _ORG
        if rest in lex.place_first_words:  # a country or capital name may start here
            flags |= _PLACE
    return flags


_DAY_NOUNS = frozenset(normalize(w) for w in ["يوم", "يومي", "يومين", "أيام"])
_GOVERNED_PREPOSITIONS = frozenset(normalize(w) for w in ["إلى", "على", "في", "من", "عن", "مع"])


@per_word
def _lexical_stop(norm: str) -> bool:
    """A function word, a weekday or month, or a number: never part of a name."""
    return norm in lexicon().stopwords or norm in _WEEKDAYS_AND_MONTHS or norm in _COMPANION_WORDS or norm.isdigit()


# Verbal nouns that name a force by its mission (قوات حفظ السلام، وحدات مكافحة الإرهاب، قوات الدعم).
_FORCE_MISSIONS = frozenset(
    normalize(w)
    for w in [
        "حفظ", "مكافحة", "حماية", "دعم", "تأمين", "إنفاذ", "مراقبة",
        "حرس", "خفر", "تدخل", "رد", "انتشار", "إسناد",
    ]
)
# Words that open the phrase of a traveller's companions ("مصحوبا بوفد"، "يرافقه وزير"): never a name's.
_COMPANION_WORDS = frozenset(
    normalize(w)
    for w in [
        "مصحوبا", "مصحوبة", "مصحوبين", "مصحوبًا", "برفقة", "بصحبة",
        "رفقة", "يرافقه", "يرافقها", "ترافقه", "ترافقها",
    ]
)


@cache
def _two_word_demonym_firsts() -> frozenset[str]:
    return frozenset(key.split(" ")[0] for key in lexicon().country_by_demonym if " " in key)


# Ruler titles that are also given names: a title only when definite, or when a country follows (أمير قطر).
_RULERS = frozenset({"امير", "ملك", "سلطان", "خادم"})
_STATE_NOUNS = frozenset({"دوله", "مملكه", "سلطنه", "اماره"})


def _title_head(words: list[Word], i: int, lex: Lexicon) -> str | None:
    """Normalised head if a person title (or a kinship word) starts at word ``i``."""
    heads = _heads_of(words[i].norm)
    if heads is None:
        return _ruler_of_country(words, i, lex)
    crown, head = heads
    if head == "والي" and "إ" in words[i].text:
        return None  # وإلى: "and to", spelled with its hamza, not the governor
    if crown and i + 1 < len(words) and words[i + 1].norm in ("العهد", "عهد"):  # ولي عهد أبوظبي
        return "ولي"
    if crown and i + 2 < len(words) and words[i + 1].norm == "ولي" and words[i + 2].norm == "العهد":
        return "ولي"  # ولي ولي العهد: the deputy crown prince
    return head


def _ruler_of_country(words: list[Word], i: int, lex: Lexicon) -> str | None:
    """ "أمير قطر"، "أمير دولة الكويت"، "ملك البحرين": the ruler's title, not the given name أمير."""
    rest = words[i].readings[-1][1]
    if rest not in _RULERS or i + 1 >= len(words) or words[i + 1].breaks_before:
        return None
    if rest == "خادم":  # خادم الحرمين الشريفين: the Saudi king's title, not the given name خادم
        return "ملك" if words[i + 1].norm == "الحرمين" else None
    k = i + 2 if words[i + 1].norm in _STATE_NOUNS and i + 2 < len(words) else i + 1
    return rest if words[k].norm in lex.country_by_name else None


@per_word
def _heads_of(norm: str) -> tuple[bool, str | None] | None:
    """(a reading is ولي before any head, the title head) of a word form; None when it can head nothing."""
    lex = lexicon()
    for _, rest in clitic_readings(norm):
        if not _head_reading(rest, lex):
            continue
        base = _undefinite(rest)
        if base == "ولي":
            return True, _plain_head(clitic_readings(norm), lex, after=rest)
        if rest in lex.title_heads or rest in lex.kin_heads:
            return False, rest
        if rest.startswith("ال") and (base in lex.title_heads or base in lex.definite_only_heads):
            return False, base
    return None


def _accusative_common(norm: str) -> bool:
    """A frequent noun with the accusative tanween alif (اتفاقا، بيانا، اتصالا)."""
    return len(norm) >= 4 and norm.endswith("ا") and norm[:-1] in lexicon().frequent_words


def _inflected_common(norm: str) -> bool:
    """A frequent word with a feminine ending or adverbial tanween (دعوة، لاحقا، مجددا) ends a name even
    before a function word: family names the lexicon lacks rarely look like these."""
    return norm.endswith(("ه", "ا")) and len(norm) >= 4


def _verb_with_object(rest: str, lex: Lexicon) -> bool:
    for suffix in ("ه", "ها", "هم", "هما"):
        if rest.endswith(suffix) and len(rest) - len(suffix) >= 2:
            stem = rest[: -len(suffix)]
            forms = (stem, stem[:-1] + "ي", "ي" + stem[1:] if stem.startswith("ا") else stem)  # دعا/دعي، أبلغ/يبلغ
            if any(form in lex.frequent_words for form in forms):
                return True
    return False


def _plain_head(readings: tuple[tuple[str, str], ...], lex: Lexicon, after: str) -> str | None:
    """The head a ولي-reading word has when ولي is not followed by العهد (readings after ``after``)."""
    seen = False
    for _, rest in readings:
        if not seen:
            seen = rest == after
            if not seen:
                continue
        base = _undefinite(rest)
        if rest in lex.title_heads or rest in lex.kin_heads:
            return rest
        if rest.startswith("ال") and (base in lex.title_heads or base in lex.definite_only_heads):
            return base
    return None


_WITH = frozenset({"مع", "ومع"})
_HEADED_BY = frozenset(normalize(w) for w in ["برئاسة", "يترأسه", "يترأسها", "يرأسه", "يرأسها", "ويرأسه", "ويرأسها"])
_WAS = frozenset({"كان", "وكان", "كانت", "وكانت"})


class _SentenceScanner:
    """Finds the actor mentions of one sentence."""

    def __init__(
        self,
        words: list[Word],
        lex: Lexicon,
        known_triggers: set[int],
        article_names: frozenset[str] = frozenset(),
        maqsura_marked: bool = False,
    ) -> None:
        self.words = words
        self.lex = lex
        self.article_names = article_names  # words the article uses alone as a name (وأكد أردوغان)
        self.maqsura_marked = maqsura_marked  # the article writes على with ى, so علي is the name
        self.triggers = known_triggers  # word indices covered by triggers
        self.mentions: list[ActorMention] = []
        self.used: set[int] = set()
        self._after_title = False
        self.second_names: list[int] = []  # where a second name starts inside one read after a title
        self._country_cache: dict[int, tuple[Country, int, str] | None] = {}
        self._starts = list(map(_may_start, map(_NORM, words)))
        self._flagged = [(i, flags) for i, flags in enumerate(self._starts) if flags]  # most words start nothing

    def _positions(self, kind: int) -> list[int]:
        """Word indices where a mention of ``kind`` may start (all others are skipped without a test)."""
        return [i for i, flags in self._flagged if flags & kind]

    # ---- word tests
    def _stop(self, word: Word) -> bool:
        if self.maqsura_marked and word.norm == "علي" and word.text.endswith("ي"):
            return False  # علي (ya) is the given name where the text spells the preposition على
        if word.norm == "صباح" and self._given_follows(word):
            return False  # الشيخ صباح خالد الحمد الصباح: the given name, not "morning"
        return (
            _lexical_stop(word.norm)
            or word.index in self.triggers
            or (
                word.text.endswith("ى")
                and len(word.norm) <= 4
                and not self._after_name_link(word)
                and (
                    word.norm in _MAQSURA_FUNCTION_WORDS
                    or self.lex.given_names.get(word.norm, 0) < SURNAME_AFTER_TITLE
                )
            )  # على، إلى، لدى, not يحيى، موسى، عيسى
        )

    def _given_follows(self, word: Word) -> bool:
        k = word.index - self.words[0].index + 1
        if k >= len(self.words) or self.words[k].breaks_before:
            return False
        nxt = self.words[k].norm
        return self.lex.given_names.get(nxt, 0) >= SURNAME_AFTER_TITLE and nxt not in _WEEKDAYS_AND_MONTHS

    def _after_name_link(self, word: Word) -> bool:
        """ "حمد بن عيسى"، "ابن موسى"، "حنن ولد سيدى": after بن or ولد a short word in ى is a father's name, not على
        or إلى."""
        k = word.index - self.words[0].index
        return k > 0 and self.words[k - 1].norm in ("بن", "ابن", "بنت", "ولد")  # (ولد: "son of", Mauritania)

    def _country_at(self, i: int) -> tuple[Country, int, str] | None:
        """(country, last word index, prefix) of a country or capital name starting at word ``i``."""
        if not self._starts[i] & _PLACE:  # most words start no place name: answered without the cache
            return None
        if i in self._country_cache:
            return self._country_cache[i]
        found = None
        words, lex = self.words, self.lex
        # names run over up to 3 words, none after a break: the spans to try, longest first, with their tails
        tails = [""]
        while len(tails) < 3 and i + len(tails) < len(words) and not words[i + len(tails)].breaks_before:
            tails.append(f"{tails[-1]} {words[i + len(tails)].norm}")
        for pre, rest in words[i].readings:
            if rest not in lex.place_first_words:
                continue
            for span in range(len(tails), 0, -1):
                text = rest + tails[span - 1]
                country = lex.country_by_name.get(text) or lex.country_by_capital.get(text)
                capital_of = lex.country_by_capital.get(text)
                if country is not None and capital_of is not None and capital_of is not country:
                    country = self._ambiguous_capital(text, country, capital_of)
                if country is not None:
                    found = (country, i + span - 1, pre)
                    break
            if found:
                break
        self._country_cache[i] = found
        return found

    def _ambiguous_capital(self, text: str, named: Country, capital_of: Country) -> Country:
        """ "عمان": Oman, or Amman for Jordan. The capital's country when the sentence names it or its
        demonym (الأردن، الأردني) and not the other (سلطنة عمان، العماني، مسقط); else the country of that name."""
        seen: set[str] = set()
        for k, word in enumerate(self.words):
            for _, rest in word.readings:
                if rest == text:
                    if k > 0 and self.words[k - 1].norm in _STATE_NOUNS:
                        seen.add(named.name)  # سلطنة عمان
                    continue
                country = self.lex.country_by_name.get(rest) or self.lex.country_by_capital.get(rest)
                if country is not None:
                    seen.add(country.name)
            country = _demonym_of(word.norm)
            if country is not None:
                seen.add(country.name)
        return capital_of if capital_of.name in seen and named.name not in seen else named

    def _surname_like(self, word: Word) -> bool:
        """A definite word that is a family name (السيسي، الدبيبة) rather than an adjective."""
        lex = self.lex
        if not is_definite(word) or word.norm in lex.stopwords or self._stop(word):
            return False
        base = _undefinite(word.norm)
        if demonym_country(word, lex) or base in lex.title_complements or base in lex.org_heads:
            return False
        if word.norm in lex.military_words or base in lex.title_heads or base in lex.definite_only_heads:
            return False
        if word.norm in lex.adjectives or base in lex.place_nouns:
            return False
        return lex.surnames.get(word.norm, 0) >= SURNAME_AFTER_TITLE

    def _object_follows(self, word: Word) -> bool:
        """Is the next word a noun with a pronoun suffix (دعوته، ترحيبه), the object of a verb?"""
        k = word.index - self.words[0].index + 1
        if k >= len(self.words) or self.words[k].breaks_before:
            return False
        return self._possessed_noun(self.words[k])

    def _known_name(self, word: Word) -> bool:
        """Attested at least twice as a name (single attestations include stray common words)."""
        return self.lex.given_names.get(word.norm, 0) + self.lex.surnames.get(word.norm, 0) >= 2

    def _name_word(self, word: Word, first: bool, after_link: bool = False, name_len: int = 0) -> bool:
        lex = self.lex
        if after_link and word.norm in _WEEKDAYS_AND_MONTHS:
            return True  # لويجي دي مايو: after a particle, a month's name is a family name
        if self._stop(word) or len(word.norm) < 2:
            return False
        if after_link and not has_conjunction(word):
            return not has_prefixed_article(word) or is_definite(word)  # عبد الملك، أبو الغيط
        if word.norm in _NAME_LINKS and not first:
            return True
        if first and word.norm in _DHU:
            return self._dhu_name(word)  # ذي يزن، ذو الفقار: "of" before a given name is part of it
        if word.norm in lex.kin_heads or word.norm in lex.adjectives or word.norm in _COUNTERPARTS:
            return False  # (نظيره after a name is the next person's title)
        local = word.index - self.words[0].index
        if (
            not first
            and (word.norm in lex.place_nouns or _undefinite(word.norm) in lex.place_nouns)
            and local + 1 < len(self.words)
            and not self.words[local + 1].breaks_before
        ):
            return False  # "عباس عراقجي مقام السيدة رقية"، "بزشكيان المدينة المنورة": a place's noun opens what follows
        head = _title_head(self.words, local, lex)
        if head == "ولي" and word.norm.endswith("ولي"):
            return False  # ولي عهد أبوظبي after a name: the title begins
        if head is not None:
            nxt = self.words[local + 1] if local + 1 < len(self.words) else None
            governs = (
                nxt is not None
                and not nxt.breaks_before
                and (is_definite(nxt) or has_prefixed_article(nxt) or _office_word(nxt.norm))
            )
            given_name = (
                first
                and self._after_title
                and lex.given_names.get(word.norm, 0) >= SURNAME_AFTER_TITLE
                and nxt is not None
                and not nxt.breaks_before
                and is_definite(nxt)
                and nxt.norm not in lex.frequent_words
                and _undefinite(nxt.norm) not in lex.title_complements
            )  # وزير الصحة أمين التهراوي: a given name that is also an office word
            if given_name:
                return True
            closing_surname = (
                not first
                and is_definite(word)
                and lex.surnames.get(word.norm, 0) >= SURNAME_AFTER_TITLE
                and self._closed_after(local + 1)
            )  # حسين الأمين.: an office word that closes a name is its family name
            if (_definite_reading(word.norm) or governs) and not closing_surname:
                return False  # a title (الرئيس، بوزير الدفاع), not لامين in علي لامين زين
        if word.norm in lex.org_heads or _undefinite(word.norm) in lex.org_heads:  # the word itself, no clitics
            return False
        if _proclitic_org(word.norm):
            return False  # … رئيس الأركان بوفد عسكري: "with a delegation", not a name
        if self._country_at(word.index - self.words[0].index) is not None and not self._country_given_name(word, first):
            return False
        if demonym_country(word, lex) is not None and word.norm not in lex.surnames:
            return False
        if has_prefixed_article(word) and not self._known_name(word):
            return False  # (فاليري، كالين: listed names that only read as ف/ك + the article)
        if word.norm.endswith(_PLURAL_POSSESSED) and not self._known_name(word):
            return False  # "حمله سلطان عمان تحياته": a plural noun with its pronoun, not a name
        if not first and _common_form(word.norm) and (word.norm in lex.group_heads or not self._known_name(word)):
            return False  # حسن شيخ محمود هاتفيا، وليام روتو تطورات، … قادة فصائل: an adverb, a plural, a group
        if not first and _accusative_common(word.norm) and not self._known_name(word):
            return False  # "فاليري غيراسيموف اتفاقا": an indefinite object (اتفاقا، بيانا، اتصالا) ends the name
        if not first and self._governing_form(local) and not self._known_name(word):
            return False  # "زيارة علوي تهدف إلى"، "ظريف يومي الأحد": a verb before its preposition, days before a day
        if not first and _future_verb(word) and not self._known_name(word):
            return False  # محمد السادس سيجري مباحثات: a future verb ends the name
        if not first and self._possessed_noun(word):
            return False  # هانا تيتيه عزمها: a frequent noun with a pronoun suffix ends the name
        if self._purpose_noun(word):
            return False  # … الناظوري لبحث الأوضاع، بوزيرة الدفاع لبحث: ل/ب + a frequent word is no name
        if not first and word.norm in lex.definite_only_heads and self._governs_common(local):
            return False  # تميم بن حمد آل ثاني أمير البلاد: an office in construct, not a name
        if is_definite(word):
            if self._surname_like(word) or (not first and word.norm in lex.surnames):
                return True
            if not first and lex.surnames.get(word.norm, 0) >= SURNAME_AFTER_TITLE and self._closed_after(local + 1):
                return True
            if not first and word.norm in _REGNAL and name_len <= 3:
                return True  # عبد الله الثاني
            if first and self._after_title and al_initial_given_name(word):
                return True
            previous = self.words[local - 1] if local > 0 else None
            single_given = name_len == 1 and previous is not None and previous.norm in lex.given_names
            return not first and single_given and self._plain_definite(word)  # فيصل المجفل
        if first and word.norm.endswith("ات") and not self._known_name(word):
            return False
        if first and self._after_title and len(word.norm) == 3 and not self._known_name(word) and self._object_follows(
            word
        ):
            return False  # "أمير الكويت جدد دعوته": a short unlisted word before a possessed noun is a verb
        if first and word.norm.startswith("و") and self._pronoun_phrase_follows(local):
            return False  # وجدد له الدعوة، وأكد له: a verb, not وليام
        if first and self._after_title and has_conjunction(word) and self._unknown_rest(word):
            return True  # الرئيس الكيني وليام روتو: a name that begins with و
        # a frequent word (عقد، استعداد) ends a name unless punctuation or a function word closes it
        # right after (… رجب طيب أردوغان،)
        if (
            word.norm in lex.frequent_words
            and not self._known_name(word)
            and word.norm not in self.article_names
            and (
                (first and not self._rare_words_follow(local) and not self._family_name_closes(local))
                or (
                    not first
                    and (
                        not self._name_closed_after(local + 1)
                        or _inflected_common(word.norm)
                        or word.norm in _HOLDING_WORDS
                    )
                )
            )
        ):
            return False
        if has_conjunction(word) and not self._known_name(word):
            return not first and name_len == 1 and self._wa_family_name(word, local)
        return True

    def _country_given_name(self, word: Word, first: bool) -> bool:
        """ "رئيسة الوزراء جورجيا ميلوني"، "صوفيا ...": a country or capital name that the lexicon also
        knows as a given name opens a name after a title when a family name follows it."""
        lex = self.lex
        if not first or not self._after_title or has_prefixed_article(word) or len(word.readings) > 1:
            return False
        if lex.given_names.get(word.norm, 0) < 3:
            return False
        local = word.index - self.words[0].index
        nxt = self.words[local + 1] if local + 1 < len(self.words) else None
        return (
            nxt is not None
            and not nxt.breaks_before
            and not is_definite(nxt)
            and not self._stop(nxt)
            and not has_conjunction(nxt)
            and nxt.norm not in lex.frequent_words
            and demonym_country(nxt, lex) is None
            and self._country_at(local + 1) is None
            and _title_head(self.words, local + 1, lex) is None
        )

    def _dhu_name(self, word: Word) -> bool:
        local = word.index - self.words[0].index
        nxt = self.words[local + 1] if local + 1 < len(self.words) else None
        return (
            nxt is not None
            and not nxt.breaks_before
            and not has_conjunction(nxt)
            and self.lex.given_names.get(nxt.norm, 0) >= SURNAME_AFTER_TITLE
            and nxt.norm not in self.lex.frequent_words
        )

    def _wa_family_name(self, word: Word, local: int) -> bool:
        """الحسن واتارا: after a lone given name, a و-word whose rest is no word, verb or name the lexicons
        know (اتارا, not اتفقا، تباحثا) is the family name."""
        lex = self.lex
        foreign = word.norm.endswith(_FOREIGN_SURNAME_ENDINGS)  # ويتكوف، وولكوف: a family name whatever the given
        if local == 0 or not self._unknown_rest(word):
            return False
        if lex.given_names.get(self.words[local - 1].norm, 0) < 5 and not foreign:
            return False
        rest = word.readings[1][1]
        forms = (rest[:-1], rest[:-2]) if rest.endswith("وا") else (rest[:-1],) if rest.endswith("ا") else ()
        return (
            len(rest) >= 3
            and not any(f in lex.frequent_words for f in forms)
            and (self._closed_after(local + 1) or self._boundary_after(local + 1))
        )

    def _pronoun_phrase_follows(self, local: int) -> bool:
        nxt = self.words[local + 1] if local + 1 < len(self.words) else None
        return nxt is not None and not nxt.breaks_before and nxt.norm in _PRONOUN_PHRASES

    def _possessed_noun(self, word: Word) -> bool:
        """A noun with a pronoun suffix (عزمها، استعداده، رغبتهم) that the name lexicon does not know."""
        norm = word.norm
        lex = self.lex
        attested = lex.given_names.get(norm, 0) + lex.surnames.get(norm, 0)
        if attested >= 2 and not norm.endswith("ه"):
            return False
        if norm.endswith(("ها", "هما", "هم")) and len(norm) >= 5:
            return True  # names rarely end in a feminine, dual or plural pronoun
        stem = norm[:-1]
        if norm.endswith("ه") and len(stem) >= 3:
            stems = (stem, stem[:-1] + "ه") if stem.endswith("ت") else (stem,)  # رغبته -> رغبه
            # "ماكرون دعمه": a frequent noun with "his" beats a name seen a few times (دعمه twice; نبيه, سيده often)
            return attested < _WELL_ATTESTED_NAME and any(s in lex.frequent_words for s in stems)
        return False

    def _purpose_noun(self, word: Word) -> bool:
        if len(word.readings) < 2:
            return False
        pre, rest = word.readings[-1]
        # (a function word after the letter is no purpose: بولا تينوبو is a name, not ب + ولا)
        lex = self.lex
        common = pre in ("ل", "ب") and len(rest) >= 3 and rest in lex.frequent_words and rest not in lex.stopwords
        if not common or not self._known_name(word):
            return common
        # a listed name (بدور) all the same when a country or a definite noun follows it in construct:
        # "أشادت الوزيرة بدور موريتانيا" (ب + دور, "the role of")
        k = word.index - self.words[0].index + 1
        return k < len(self.words) and not self.words[k].breaks_before and (
            self._country_at(k) is not None or self._governs_common(k - 1)
        )

    def _governs_common(self, local: int) -> bool:
        """A definite common word (not a family name) follows without a break: the word before governs it."""
        if local + 1 >= len(self.words):
            return False
        nxt = self.words[local + 1]
        return (
            not nxt.breaks_before
            and is_definite(nxt)
            and nxt.norm in self.lex.frequent_words
            and self.lex.surnames.get(nxt.norm, 0) < SURNAME_AFTER_TITLE
        )

    def _unknown_rest(self, word: Word) -> bool:
        """Without its و the word is nothing the lexicons know (ليام), so the و belongs to a name."""
        lex = self.lex
        rest = word.readings[1][1]
        return not (
            _common_or_office(rest, lex)
            or rest in lex.given_names
            or rest in lex.surnames
            or rest.startswith("ال")
            or _heads_of(rest) is not None
            or demonym_country(word, lex) is not None
            or _verb_with_object(rest, lex)  # ودعاه، وأبلغه: a verb with its object pronoun
        )

    def _plain_definite(self, word: Word) -> bool:
        """A definite family name the lexicon lacks (فيصل المجفل): not an adjective, office or place word."""
        lex = self.lex
        base = _undefinite(word.norm)
        return not (
            word.norm in lex.adjectives
            or word.norm in lex.military_words
            or base in lex.title_complements
            or base in lex.org_heads
            or base in lex.title_heads
            or base in lex.definite_only_heads
            or base in lex.place_nouns
            or demonym_country(word, lex) is not None
            or lex.country_by_name.get(word.norm) is not None
            or lex.country_by_capital.get(word.norm) is not None
            or word.norm.endswith(("يه", "ات", "ين", "ون"))
        )

    def _plausible_single(self, word: Word, following: Word | None) -> bool:
        """A one-word name the lexicon does not know must not look like a verb or a construct noun."""
        if self._known_name(word):
            return True
        norm = word.norm
        if norm.startswith(("ي", "سي", "ست", "سن")) or norm.endswith(("ت", "ا", "وا", "ون", "ين")):
            return False
        # عمل البعثة: a noun in construct, not a name
        return not (
            following is not None
            and not following.breaks_before
            and is_definite(following)
            and not self._stop(following)
            and following.norm not in self.lex.surnames
        )

    # ---- parsers
    def _parse_title(self, i: int) -> tuple[int, str] | None:
        """(last word index, head) of a title starting at ``i``."""
        words, lex = self.words, self.lex
        head = _title_head(words, i, lex)
        if head is None:
            return None
        j = i + (1 if head == "ولي" else 0)
        in_paren = False
        while j + 1 < len(words) and j + 1 - i < MAX_TITLE_WORDS:
            nxt = words[j + 1]
            if "(" in nxt.gap:
                in_paren = True
            if in_paren:
                j += 1
                if ")" in (words[j + 1].gap if j + 1 < len(words) else ")"):
                    in_paren = False
                continue
            honorific = nxt.comma_before and nxt.norm in _HONORIFICS  # رئيس الجمهورية، السيد فلان
            if nxt.breaks_before and "-" not in nxt.gap and not set(nxt.gap.strip()) <= {")"} and not honorific:
                break
            if nxt.norm == "باسم" and words[j].readings[-1][1].removeprefix("ال") in _SPOKESMEN:
                j += 1  # الناطق باسم الحكومة: "in the name of", not the given name باسم
                continue
            located = nxt.readings[-1][0] == "ب" and self._country_at(j + 1) is not None  # سفير … بتونس
            if located and j + 2 < len(words) and not words[j + 2].breaks_before:
                j += 1
                continue
            if self._coordinated_office(nxt):
                j += 1  # وزير الشؤون الخارجية والتعاون الإفريقي، وزير الخارجية والمغتربين
                continue
            if self._stop(nxt) or has_conjunction(nxt):
                if (
                    nxt.norm in ("في", "لدي", "الي")
                    and j + 3 < len(words)
                    and not words[j + 2].breaks_before
                    and words[j + 2].index not in self.triggers  # "وجد الرئيس النيجيري في استقباله الملك"
                    and (
                        "(" in words[j + 3].gap
                        or (not words[j + 3].breaks_before and _title_head(words, j + 3, lex) is not None)
                    )
                ):
                    j += 2  # نائب قائد القيادة … في أفريقيا (أفريكوم) الفريق …
                    continue
                posted = self._post_country_end(j + 2) if nxt.norm in ("في", "لدي", "الي") else None
                if posted is not None:
                    j = posted  # السفير … لدى سوريا فلان، وزير الدفاع في الولايات المتحدة الأميركية فلان
                    continue
                break
            if j == i and self._second_office_holder(head, words[i], j + 1):
                break  # "يلتقي الأمير الرئيس الأمريكي": the emir meets the president, two persons
            if j > i and self._another_nationality(i, j):
                break  # "العاهل الأردني الرئيس الفرنسي": two titles of two countries, two persons
            rest = nxt.readings[-1][1]
            prefixed_def = _lam_definite(nxt.norm)
            if is_definite(nxt):
                if self._surname_like(nxt):
                    break
                after = words[j + 2] if j + 2 < len(words) else None
                if (
                    al_initial_given_name(nxt)
                    and after is not None
                    and not after.breaks_before
                    and not is_definite(after)
                    and not self._stop(after)
                ):
                    break  # الجنرال ألكسندر فومين
                j += 1
                continue
            if prefixed_def or "-" in nxt.gap:
                j += 1
                continue
            if (
                j == i
                and head in _LOCAL_OFFICES
                and any(rest == head for _, rest in words[i].readings)  # (والي itself, not و + الي)
                and nxt.norm not in _REGION_HEADS  # محافظ محافظة نينوى: the region's own name follows
            ):
                j += 1  # محافظ عدن، والي سنار: the office's place, whatever place it is
                continue
            if j == i and head in _DEPUTY_HEADS and (rest in lex.title_heads or rest in lex.definite_only_heads):
                j += 1  # نائب أمير منطقة الرياض، مساعد وزير الخارجية: the deputy of an office, not a given name أمير
                continue
            if self._second_office(head, i, j):
                break  # "في استقبال المبعوث الأممي محافظ عدن فلان": the guest's bare title, then the host's
            if _undefinite(rest) in lex.title_complements or nxt.norm in lex.title_complements:
                j += 1
                continue
            if nxt.norm in _REGION_HEADS and j + 2 < len(words) and not words[j + 2].breaks_before:
                j += 2  # رئيس حكومة إقليم كردستان فلان، حاكم ولاية كاليفورنيا فلان: the region names the office
                continue
            if nxt.norm in lex.org_heads and not is_definite(words[j]) and j + 2 < len(words):
                j += 1  # وكيل وزارة الخارجية: an office of an organisation (a definite word closes the chain)
                continue
            country = self._country_at(j + 1)
            if country is not None and not country[2] and not (j > i and is_definite(words[j])):
                # وزير دفاع النيجر، زعيم كوريا الشمالية (after a definite word, رئيسة الوزراء الإيطالية جورجيا
                # ميلوني, no construct goes on: the country's name is the person's given name)
                j = country[1]
                continue
            break
        return j, head

    def _another_nationality(self, i: int, j: int) -> bool:
        """Does a definite office with a demonym start at ``j + 1``, after a title of ``i..j`` that has a demonym
        of another country, or none at all (then the demonym's office is a second person's)?"""
        words, lex = self.words, self.lex
        if j + 2 >= len(words) or not is_definite(words[j + 1]) or _title_head(words, j + 1, lex) is None:
            return False
        if j > i and not is_definite(words[j]):
            return False  # "مدير مكتب الرئيس اليمني": a word in construct, the office after it is its genitive
        theirs = demonym_country(words[j + 2], lex)
        if theirs is None or words[j + 2].breaks_before:
            return False
        mine = {demonym_country(w, lex) for w in words[i : j + 1]} - {None}
        if not mine:  # "وزير الخارجية السفير الروسي": a whole office, then a foreign office of its own
            return j > i and _title_head(words, j + 1, lex) not in lex.definite_only_heads
        return theirs not in mine

    def _other_rank(self, person: ActorMention, head: str, title: Word) -> bool:
        """Is a definite bare title right after a titled name (no comma) of another rank than the name's own
        title? Then it is a second person, the object: "التقى الأمير محمد بن سلمان العاهل الأردني" (a prince meets
        a king), "استقبل رئيس حكومة الإقليم فلان الوزير الألماني"; an office in construct after a prince's name is
        his (الأمير خالد بن سلمان وزير الدفاع), and so is a title of his own rank (الملك … العاهل الأردني)."""
        groups = self.lex.rank_group
        if title.comma_before or person.head is None or not is_definite(title):
            return False
        mine, theirs = groups.get(person.head), groups.get(head)
        return mine is not None and theirs is not None and mine != theirs

    def _post_country_end(self, k: int) -> int | None:
        """The last word of the country of a post (في/لدى/إلى + country, its demonym adjective too) when a name
        follows it: "لدى سوريا فلان"، "في الولايات المتحدة الأميركية جيمس ماتيس" (not إلى إسلام آباد)."""
        words, lex = self.words, self.lex
        if k >= len(words) or words[k].breaks_before:
            return None
        place = self._country_at(k)
        end = place[1] if place is not None else (k if words[k].norm in _HOST_COUNTRY else None)
        if end is None:
            return None
        if end + 1 < len(words) and not words[end + 1].breaks_before and demonym_country(words[end + 1], lex):
            end += 1  # الولايات المتحدة الأميركية
        if end + 1 >= len(words) or words[end + 1].breaks_before:
            return None
        self._after_title = True
        try:
            return end if self._name_word(words[end + 1], True) else None
        finally:
            self._after_title = False

    def _second_office(self, head: str, i: int, j: int) -> bool:
        """Does an office in construct (محافظ عدن، وزير الخارجية) start at ``j + 1``, after the bare definite
        title of another office at ``i..j`` (المبعوث الأممي، الرئيس)? Then the two titles are two persons.

        A double office reads in construct from its first word (نائب رئيس الوزراء وزير الخارجية، ولي العهد
        رئيس مجلس الوزراء); a rank or an honorific (الفريق أول ركن، الأمير) may stand before an office.
        """
        if head in self.lex.definite_only_heads:
            return False
        if not all(w.readings[-1][1].startswith("ال") for w in self.words[i : j + 1]):
            return False
        return self._office_in_construct(j + 1)

    def _office_in_construct(self, k: int) -> bool:
        """An indefinite office title at ``k`` in construct with the next word (محافظ عدن، وزير الخارجية),
        unless the word is more often a given name than a family name (أمين)."""
        words, lex = self.words, self.lex
        word = words[k]
        if word.readings[-1][1].startswith("ال") or k + 1 >= len(words) or words[k + 1].breaks_before:
            return False
        office = _title_head(words, k, lex)
        return (
            office is not None
            and office not in lex.definite_only_heads
            and office not in lex.kin_heads
            and not (
                lex.given_names.get(word.norm, 0) >= SURNAME_AFTER_TITLE
                and lex.given_names[word.norm] > lex.surnames.get(word.norm, 0)
            )
        )

    def _second_office_holder(self, head: str, title: Word, k: int) -> bool:
        """Does a head of state's title at ``k`` follow the bare definite title ``title`` of another office?

        A rank or an honorific may stand before an office in one title (الفريق أول رئيس …, العاهل … الملك), but
        a president's or king's title right after a bare one of another office (يلتقي الأمير الرئيس، الملك
        الرئيس) is a second person: subject and object.
        """
        if not is_definite(title):
            return False
        groups = self.lex.rank_group
        office = _title_head(self.words, k, self.lex)
        return (
            office is not None
            and office != head
            and head != "عاهل"  # العاهل الملك: one king
            and is_definite(self.words[k])
            and groups.get(office, -2) == groups.get("رييس", -1)
        )

    def _coordinated_office(self, word: Word) -> bool:
        """و + a definite domain word that continues an office's name (والتعاون، والمغتربين), not a new actor."""
        lex = self.lex
        if word.breaks_before or len(word.readings) < 2 or word.readings[1][0] != "و":
            return False
        rest = word.readings[1][1]
        if not rest.startswith("ال") or len(rest) <= 4:
            return False
        base = rest[2:]
        return not (
            base in lex.title_heads
            or base in lex.definite_only_heads
            or base in lex.org_heads
            or base in lex.kin_heads
            or rest in lex.org_names
            or demonym_country(word, lex) is not None
            or rest in lex.surnames
            or rest in lex.given_names
        )

    def _parse_name(self, k: int, allow_gap: bool) -> int:
        """Last word index of a name starting at ``k``, or ``k - 1`` when none starts there."""
        words = self.words
        if k >= len(words) or k in self.used:
            return k - 1
        first = words[k]
        commas = first.gap.count(",") + first.gap.count("،")
        if first.breaks_before and not (allow_gap and commas == 1 and not any(ch in first.gap for ch in ".:;()\n")):
            return k - 1
        if self._office_in_construct(k):
            return k - 1  # "المبعوث الأممي محافظ عدن فلان": a second title, not a name
        self._after_title = True
        try:
            starts = self._name_word(first, True)
        finally:
            self._after_title = False
        if not starts:
            return k - 1
        whole = self._extend_name(k)
        end = self._before_second_name(k, whole)
        if end < whole:
            self.second_names.append(end + 1)  # scan_verb_persons reads the second name
        closed = end + 1 >= len(words) or words[end + 1].breaks_before
        if commas and not self._known_name(first) and not closed:
            return k - 1  # "…، تناولت تعزيز": after a comma, an unlisted name must be closed by punctuation
        if end == k and end == whole:
            following = words[k + 1] if k + 1 < len(words) else None
            if not self._plausible_single(first, following):
                return k - 1
        return end

    def _before_second_name(self, k: int, end: int) -> int:
        """Where a second, untitled person's name starts inside what reads as one name after a title:
        "الرئيس السيسي محمد بن سلمان"، "الرئيس عبد المجيد تبون محمد المنفي"، "بوتين خليفة حفتر".

        A given name (listed more as given than as family name, or عبد + a definite word) followed by at least
        one more name word starts a second name when the first name already reads complete: a lone family
        name (definite, or listed only as a family name) before it, or two or more words in a name of four or
        more. Names with foreign particles (لولا دا سيلفا) are left whole. Returns the first name's last word.
        """
        words, lex = self.words, self.lex
        if end - k < 2:
            return end
        norms = [w.norm for w in words[k : end + 1]]
        if any(n in _FOREIGN_PARTICLES for n in norms):
            return end
        plain = [n for n in norms if n not in _NAME_LINKS]
        for p in range(k + 1, end):
            w, before = words[p], words[p - 1]
            if before.norm in _NAME_LINKS or (w.norm in _NAME_LINKS and w.norm != "عبد"):
                continue
            given = lex.given_names.get(w.norm, 0)
            starts = (w.norm == "عبد" and self._theophoric(p)) or (
                given >= SURNAME_AFTER_TITLE and given > lex.surnames.get(w.norm, 0) and not is_definite(w)
            )
            if not starts:
                continue
            lone_family = p == k + 1 and (
                is_definite(words[k])
                or (lex.given_names.get(words[k].norm, 0) < 2 and lex.surnames.get(words[k].norm, 0) >= 1)
            )
            if lone_family or (p - k >= 2 and len(plain) >= 4):
                return p - 1
        return end

    def _extend_name(self, k: int) -> int:
        words = self.words
        end = k
        while end + 1 < len(words) and end + 1 - k < MAX_NAME_WORDS and end + 1 not in self.used:
            nxt = words[end + 1]
            if end > k and words[end].norm in _REGNAL and nxt.norm != "عشر" and nxt.norm not in _NAME_LINKS:
                break  # "محمد السادس مأدبة": a regnal number closes the name (الرابع عشر، الثاني بن الحسين go on)
            if nxt.gap.strip() == "-" and len(nxt.norm) >= 2 and not nxt.gap.startswith(" "):
                end += 1  # مون جيه-إن
                continue
            if nxt.gap.strip():
                break
            if not self._name_word(nxt, False, after_link=words[end].norm in _NAME_LINKS, name_len=end - k + 1):
                break
            if self._to_another_name(nxt):
                break  # "دعوة الرئيس أوباما لمرسي": ل + another person's name
            end += 1
        while end > k and words[end].norm in _NAME_LINKS:
            end -= 1
        return end

    def _to_another_name(self, word: Word) -> bool:
        """A word that is ل/ب + a listed given or family name and is not itself a listed name (لمرسي، بأردوغان)."""
        lex = self.lex
        if self._known_name(word) or len(word.readings) < 2:
            return False
        return any(
            pre[-1:] in ("ل", "ب") and (lex.given_names.get(rest, 0) >= 3 or lex.surnames.get(rest, 0) >= 3)
            for pre, rest in word.readings[1:]
        )

    def _further_portfolio(self, title_end: int) -> int:
        """ "وزير الخارجية والتعاون الأفريقي ومغاربة العالم، ناصر بوريطة": a conjoined phrase that no known given
        name opens, with a name after the comma that ends it, is one more portfolio of the title."""
        words, k = self.words, title_end + 1
        if k >= len(words) or words[k].breaks_before or not has_conjunction(words[k]):
            return title_end
        if words[k].readings[-1][1] in self.lex.given_names:
            return title_end  # "الرئيس ووليد …": a name of its own
        j = k
        while j + 1 < len(words) and not words[j + 1].breaks_before and j - k < 3:
            j += 1
        if j + 1 >= len(words) or not words[j + 1].comma_before or self._parse_name(j + 1, allow_gap=True) <= j:
            return title_end
        return j

    def _name_text(self, k: int, end: int) -> tuple[str, str]:
        words = self.words
        start, _ = strip_proclitic_text(words[k], "")
        text = self.body_slice(start, words[end].end)
        return text, " ".join(normalize(text).split())

    def body_slice(self, start: int, end: int) -> str:
        raise NotImplementedError

    def _affiliation(self, first: int, last: int) -> str | None:
        words = self.words
        pair_firsts = _two_word_demonym_firsts()
        for k in range(first, last):  # two-word demonyms: الكوري الشمالي
            head = _undefinite(words[k].norm)
            if (head[:-1] if head.endswith("ه") else head) not in pair_firsts:
                continue  # the pair's first word (its ه dropped, as below) starts no two-word demonym
            pair = f"{head} {_undefinite(words[k + 1].norm)}"
            for form in (pair, pair[:-1] if pair.endswith("ه") else pair):
                if form.replace("ه ", " ") in self.lex.country_by_demonym:
                    return self.lex.country_by_demonym[form.replace("ه ", " ")].name
        for w in self.words[first : last + 1]:
            country = demonym_country(w, self.lex)
            if country is not None:
                return country.name
        for k in range(first, last + 1):
            found = self._country_at(k)
            if found is not None:
                return found[0].name
        return None

    def scan_persons(self) -> None:
        words, lex = self.words, self.lex
        i = 0
        for start in self._positions(_TITLE):
            if start < i or start in self.used:
                continue
            i = start
            parsed = self._parse_title(i)
            if parsed is None:
                i += 1
                continue
            if i > 0 and not words[i].breaks_before and words[i - 1].readings[-1][1] in lex.place_nouns:
                i = parsed[0] + 1  # مطار الملك خالد: a place's name, not a person
                continue
            if i > 0 and not words[i].breaks_before and words[i - 1].norm in ("عبد", "ابو", "ابي"):
                i += 1  # عبد الملك، أبو الأمير: part of a name
                continue
            title_end, head = parsed
            if head in lex.group_heads and not (
                head in GENERIC_HEADS and is_definite(words[i]) and self._affiliation(i, title_end)
            ):  # (but "المسؤول الروسي" is one official, named before: a bare title to resolve)
                i = title_end + 1
                continue
            kin = head in lex.kin_heads
            title_end = self._further_portfolio(title_end)
            name_end = self._parse_name(title_end + 1, allow_gap=True)
            # keep the article, drop conjunction/preposition: والرئيس -> الرئيس, بوزير -> وزير
            title_prefix = next(
                (pre for pre, rest in words[i].readings if rest in (head, "ال" + head) or _undefinite(rest) == head), ""
            )
            t_start, _ = strip_proclitic_text(words[i], title_prefix)
            title_text = " ".join(self.body_slice(t_start, words[title_end].end).translate(_NO_QUOTES).split())
            title_words = tuple(w.norm for w in words[i : title_end + 1])
            affiliation = self._affiliation(i, title_end)
            if name_end <= title_end:
                # a bare title: an apposition to the person just before, or a mention to resolve later
                previous = self.mentions[-1] if self.mentions else None
                if (
                    previous is not None
                    and previous.kind == ParticipantKind.person
                    and previous.last == i - 1
                    and previous.key
                    and not title_prefix.lstrip("وف")  # "… آل سعود، لسلطان عمان": to another person
                    and not self._other_rank(previous, head, words[i])
                ):
                    if previous.title is None or len(title_words) > len(previous.title_words):
                        previous.title, previous.title_words, previous.head = title_text, title_words, head
                    previous.affiliation = previous.affiliation or affiliation
                    previous.last = title_end
                elif not kin:
                    self.mentions.append(
                        ActorMention(
                            ParticipantKind.person,
                            words[i].sentence,
                            i,
                            title_end,
                            title=title_text,
                            title_words=title_words,
                            head=head,
                            affiliation=affiliation,
                            dual=head in lex.dual_heads,
                        )
                    )
                self.used.update(range(i, title_end + 1))
                i = title_end + 1
                continue
            name, key = self._name_text(title_end + 1, name_end)
            previous = self.mentions[-1] if self.mentions else None
            if (
                previous is not None
                and previous.kind == ParticipantKind.person
                and not previous.key
                and previous.last == i - 1
                and words[i].comma_before
                and previous.title is not None
            ):
                # "العاهل الأردني، الملك عبدالله الثاني": the bare title before the comma is the same person's
                self.mentions.pop()
                title_text = f"{previous.title}، {title_text}"
                title_words = previous.title_words + title_words
                affiliation = affiliation or previous.affiliation
            mention = ActorMention(
                ParticipantKind.person,
                words[i].sentence,
                i,
                name_end,
                title_end + 1,
                name_end,
                name,
                key,
                title=title_text if not kin else None,
                title_words=title_words,
                head=head,
                affiliation=affiliation,
                kin=kin,
                dual=head in lex.dual_heads,
            )
            if kin and head.endswith(("ه", "ها")):
                # فلان ونجله صدام: the name is the relative's own; the anchor is the person before
                anchor = next((m for m in reversed(self.mentions) if m.kind == ParticipantKind.person and m.key), None)
                mention.kin = False
                mention.kin_anchor = anchor.first if anchor is not None else None
            self.mentions.append(mention)
            self.used.update(range(i, name_end + 1))
            i = name_end + 1
            # coordinated names under a dual or plural title: نائبا الوزير فلان وفلان
            while mention.dual and i < len(words) and has_conjunction(words[i]):
                k = i
                end = self._parse_coordinated(k)
                if end < k:
                    break
                start, _text = strip_proclitic_text(words[k], words[k].readings[1][0])
                name = self.body_slice(start, words[end].end)
                self.mentions.append(
                    ActorMention(
                        ParticipantKind.person,
                        words[k].sentence,
                        k,
                        end,
                        k,
                        end,
                        name,
                        " ".join(normalize(name).split()),
                        title=title_text,
                        title_words=title_words,
                        head=head,
                        affiliation=affiliation,
                    )
                )
                self.used.update(range(k, end + 1))
                i = end + 1

    def _parse_coordinated(self, k: int) -> int:
        words = self.words
        first = words[k]
        if first.breaks_before:
            return k - 1
        stripped = first.readings[1][1]
        if stripped in self.lex.stopwords or _title_head(words, k, self.lex) or stripped.startswith("ال"):
            return k - 1
        return self._extend_name(k)

    def scan_lexicon_persons(self) -> None:
        """Names without a title: a known given name followed by family names (ماريو دراغي رئيس …)."""
        words, lex = self.words, self.lex
        i = 0
        for start in self._positions(_GIVEN):  # given_names >= 5
            if start < i:
                continue
            i = start
            if i in self.used:
                i += 1
                continue
            w = words[i]
            conj = _conjunction(w.norm)  # "… وعبد الله الثاني"، "ورجب طيب أردوغان": a second name after و
            norm = w.readings[1][1] if conj else w.norm
            abd = norm == "عبد" and self._theophoric(i)  # عبد الفتاح البرهان: عبد + a definite divine name
            if (
                (norm in lex.common_words and not self._after_demonym(i) and not self._given_name_follows(i))
                or (norm in _NAME_LINKS and not abd)
                or (is_definite(w) and not al_initial_given_name(w))  # إلهام، إلياس: given names, not ال + noun
                or self._adjective_after_noun(i)
                or w.readings[-1][1] in lex.place_nouns  # بحر العرب، وادي رم: a sea, a valley, not بحر the man
                # مطار هواري بومدين: a site named after a person
                or (i > 0 and not w.breaks_before and words[i - 1].readings[-1][1] in lex.place_nouns)
                or not (self._conjoined_given(w) if conj else self._name_word(w, True) or al_initial_given_name(w))
            ):
                i += 1
                continue
            end = i
            while end + 1 < len(words) and end + 1 - i < MAX_NAME_WORDS and end + 1 not in self.used:
                nxt = words[end + 1]
                if nxt.gap.strip():
                    break
                linked = (norm if end == i else words[end].norm) in _NAME_LINKS
                known = (
                    nxt.norm in _NAME_LINKS
                    or linked
                    or lex.surnames.get(nxt.norm, 0) >= 3
                    or lex.given_names.get(nxt.norm, 0) >= 5
                )
                if (
                    not known
                    and self._name_word(nxt, False)
                    and (
                        self._boundary_after(end + 2)
                        or has_conjunction(words[end + 2])  # إلهام علييف وفلاديمير بوتين
                        or (end > i and is_definite(nxt) and lex.surnames.get(nxt.norm, 0))  # عبد الحميد الدبيبة
                    )
                    and (
                        (not is_definite(nxt) and self._plausible_single(nxt, None))
                        or (end > i and self._plausible_last(nxt))
                    )
                ):
                    end += 1  # an unlisted family name closed by punctuation, a title or a function word
                    break
                if (
                    not known
                    and end + 2 < len(words)
                    and not words[end + 2].gap.strip()
                    and lex.surnames.get(words[end + 2].norm, 0) >= 3
                    and self._name_word(nxt, False)
                    and not is_definite(nxt)
                    and self._plausible_single(nxt, None)
                    and self._name_word(words[end + 2], False)
                ):
                    end += 1  # محمد شياع السوداني: an unlisted middle name before a known family name
                    continue
                if not known or not self._name_word(nxt, False, linked):
                    break
                end += 1
            while end > i and words[end].norm in _NAME_LINKS:
                end -= 1
            if end == i:
                i += 1
                continue
            first = i
            if i > 0 and i - 1 not in self.used and not w.breaks_before and words[i - 1].norm in _DHU:
                first = i - 1  # ذي يزن العليمي: ذي opens the given name
            if conj:
                start_at, _ = strip_proclitic_text(w, "و")
                name = self.body_slice(start_at, words[end].end)
                key = " ".join(normalize(name).split())
            else:
                name, key = self._name_text(first, end)
            self.mentions.append(ActorMention(ParticipantKind.person, w.sentence, first, end, first, end, name, key))
            self.used.add(first)
            self.used.update(range(i, end + 1))
            i = end + 1

    def scan_verb_persons(self) -> None:
        """Untitled names the lexicon does not know, right after an event word or after a person and و:
        "التقت كامالا هاريس بالرئيس …"، "استقبل خليفة حفتر في …"، "التقى إلهام علييف وفلاديمير بوتين".

        Two to four words that are no frequent, function, office, organisation or place word, closed by
        punctuation, a function word, a title, an event word or و.
        """
        words, used = self.words, self.used
        n = len(words)
        after_verbs = [k + 1 for k in compress(range(n - 1), map(self.triggers.__contains__, map(_INDEX, words)))]
        if after_verbs:  # "وفد … برئاسة كريستالينا غورغييفا": who heads the delegation, named bare
            after_verbs += [k + 1 for k in range(n - 1) if words[k].norm in _HEADED_BY]
        after_persons = [m.last + 1 for m in self.mentions if m.key and m.last + 1 < n]
        if not after_verbs and not after_persons:
            return
        # "أجرى اتصالا هاتفيا مع دونالد ترامب رئيس الولايات المتحدة": the other side after مع, when its title
        # follows (or it opens with a known given name)
        after_with = {k + 1 for k in range(n - 1) if words[k].norm in _WITH} if after_verbs else set()
        for k in range(1, n - 1):  # "وكان أندرسون قد زار طرابلس": one unknown word between كان and قد is its subject
            if (
                words[k - 1].norm in _WAS
                and words[k + 1].norm == "قد"
                and k not in used
                and not words[k].breaks_before
                and not words[k + 1].breaks_before
                and self._bare_name_word(words[k], False)
                and words[k].norm not in self.lex.given_names
            ):
                self._add_bare_person(k, k, conj=False)
        for k in sorted({*after_verbs, *after_persons, *after_with}):
            if k >= n or k in used or (words[k].breaks_before and k not in self.second_names):
                continue
            conj = has_conjunction(words[k])
            with_only = k in after_with and k not in after_verbs
            if not conj and k not in after_verbs and k not in self.second_names and not with_only:
                continue
            end = self._bare_name(k, conj=conj)
            if with_only and not conj and end >= k and not (
                # an apposition's title is indefinite (ترامب رئيس …); "قدوم الرئيس" governs a definite one
                (end + 1 < n and _title_head(words, end + 1, self.lex) is not None and not is_definite(words[end + 1]))
                or self.lex.given_names.get(words[k].norm, 0) >= 5
            ):
                continue
            while end >= k:
                self._add_bare_person(k, end, conj=conj)
                k = end + 1  # … وفلاديمير بوتين: a second name after و
                if k >= len(words) or k in self.used or words[k].breaks_before or not has_conjunction(words[k]):
                    break
                conj = True
                end = self._bare_name(k, conj=True)

    def _add_bare_person(self, k: int, end: int, conj: bool) -> None:
        words = self.words
        if conj:
            start_at, _ = strip_proclitic_text(words[k], "و")
            name = self.body_slice(start_at, words[end].end)
            key = " ".join(normalize(name).split())
        else:
            name, key = self._name_text(k, end)
        self.mentions.append(ActorMention(ParticipantKind.person, words[k].sentence, k, end, k, end, name, key))
        self.used.update(range(k, end + 1))

    def _bare_name(self, k: int, conj: bool) -> int:
        """Last word index of an untitled unlisted name of 2-4 words at ``k`` (``k - 1`` when none)."""
        words = self.words
        end = k - 1
        while end + 1 < len(words) and end + 1 - k < 4 and end + 1 not in self.used:
            nxt = words[end + 1]
            if end >= k and nxt.gap.strip():
                break
            if not self._bare_name_word(nxt, conj and end < k):
                break
            end += 1
        if end - k < 1:
            return k - 1
        after = end + 1
        closed = (
            after >= len(words)
            or self._boundary_after(after)
            or words[after].index in self.triggers
            or has_conjunction(words[after])
        )
        return end if closed else k - 1

    def _bare_name_word(self, word: Word, conj: bool) -> bool:
        lex = self.lex
        if conj:
            if not has_conjunction(word):
                return False
            norm = word.readings[1][1]
        else:
            if len(word.readings) > 1 and not self._known_name(word):
                rest = word.readings[-1][1]
                if rest in lex.frequent_words or rest in lex.org_heads or rest in lex.title_heads:
                    return False  # بالرئيس، لبحث، وقال: a clitic on a word, not a name
            norm = word.norm
        frequent = norm in lex.frequent_words and lex.given_names.get(norm, 0) < SURNAME_AFTER_TITLE
        if len(norm) < 3 or frequent or norm in lex.stopwords or norm.startswith("ال"):
            return False
        if self._stop(word) or is_definite(word) or has_prefixed_article(word):
            return False
        verb_or_adjective = norm.endswith(("ات", "وا", "ت", "يه")) or norm.startswith(("ي", "سي", "ست"))
        if verb_or_adjective and not self._known_name(word):
            return False  # جمعت، ثلاثية، يبحث: a verb or an adjective, not an unlisted name
        stem = norm[:-1]
        if norm.endswith("ا") and (stem.endswith("ي") or stem in lex.frequent_words or "ال" + stem in lex.adjectives):
            return False  # أمنيا، بحريا، مشتركا: an indefinite accusative adjective
        local = word.index - self.words[0].index
        return not (
            _title_head(self.words, local, lex) is not None
            or _org_start(word.norm) is not None
            or self._country_at(local) is not None
            or demonym_country(word, lex) is not None
            or norm in lex.kin_heads
            or norm in lex.adjectives
            or norm in lex.place_nouns
            or norm in _NAME_LINKS
        )

    def _adjective_after_noun(self, i: int) -> bool:
        """ "تمرين عسكري مشترك"، "لقاء عربي": an adjective that is also a given name, qualifying the noun before it."""
        words, lex = self.words, self.lex
        if i == 0 or words[i].breaks_before or _lexical_stop(words[i - 1].norm):
            return False  # after a noun (an event noun, a trigger, included), not after في، مع، و
        norm = words[i].norm
        definite = "ال" + norm
        return (
            definite in lex.adjectives
            or norm in lex.military_words
            or (norm.endswith("ي") and definite in lex.frequent_words)  # a nisba adjective: الإسلامي، الأولي
        )

    def _plausible_last(self, word: Word) -> bool:
        """After two name words (عبد المجيد، رجب طيب), an unlisted word closed by a boundary ends the name
        unless it looks like a verb or a common noun: تبون، البرهان (a family name the lexicon lacks or
        barely knows), not يبحثون or التعاون."""
        norm = word.norm
        if norm in _REGNAL:
            return True  # عبد الله الثاني
        if norm in self.lex.frequent_words or norm.startswith(("ي", "سي", "ست", "سن")):
            return False
        if is_definite(word):
            return self.lex.surnames.get(norm, 0) >= 1 or self._plain_definite(word)
        return not norm.endswith(("ت", "ا", "وا"))

    def _theophoric(self, i: int) -> bool:
        """عبد before a definite word that is no function or office word (عبد الفتاح، عبد الله، عبد المجيد)."""
        words = self.words
        if i + 1 >= len(words) or words[i + 1].breaks_before:
            return False
        nxt = words[i + 1]
        return is_definite(nxt) and not self._stop(nxt) and _undefinite(nxt.norm) not in self.lex.title_heads

    def _conjoined_given(self, word: Word) -> bool:
        """After its و, the word is a given name that is no function, office or place word."""
        lex = self.lex
        rest = word.readings[1][1]
        return not (
            _common_or_office(rest, lex)
            or rest in lex.adjectives
            or rest in lex.country_by_name
            or rest in lex.country_by_capital
            or demonym_country(word, lex) is not None
        )

    def _given_name_follows(self, i: int) -> bool:
        """ "رجب طيب أردوغان": a common word that is a given name (رجب، سعيد) starts a name when another
        given name that is no common word follows it and a third name word closes the chain."""
        words, lex = self.words, self.lex
        if i + 2 >= len(words) or words[i + 1].breaks_before or words[i + 2].breaks_before:
            return False
        nxt, third = words[i + 1], words[i + 2]
        return (
            lex.given_names.get(nxt.norm, 0) >= SURNAME_AFTER_TITLE
            and nxt.norm not in lex.common_words
            and nxt.norm not in lex.frequent_words
            and not is_definite(nxt)
            and not has_prefixed_article(nxt)
            and not self._stop(third)
            and not has_prefixed_article(third)
        )

    def _after_demonym(self, i: int) -> bool:
        """ "والتركي رجب طيب أردوغان": right after a demonym, a common word that is a given name starts a name."""
        words = self.words
        return i > 0 and not words[i].breaks_before and demonym_country(words[i - 1], self.lex) is not None

    def _family_name_closes(self, local: int) -> bool:
        """ "المبعوث الأمريكي توم براك إلى": after a title, a frequent word opens a name when a listed family
        name that is no frequent word follows it and closes the name."""
        words, lex = self.words, self.lex
        if not self._after_title or local + 1 >= len(words):
            return False
        nxt = words[local + 1]
        return (
            not nxt.breaks_before
            and not is_definite(nxt)
            and not self._stop(nxt)
            and lex.surnames.get(nxt.norm, 0) >= SURNAME_AFTER_TITLE
            and nxt.norm not in lex.frequent_words
            and self._name_closed_after(local + 2)
        )

    def _rare_words_follow(self, local: int) -> bool:
        """Two more name-like words that are not frequent follow (شي جين بينغ), so a name starts here."""
        words, lex = self.words, self.lex
        following = words[local + 1 : local + 3]
        return (
            len(following) == 2
            and all(not w.breaks_before and not is_definite(w) and not self._stop(w) for w in following)
            and following[-1].norm not in lex.frequent_words
        )

    def _closed_after(self, k: int) -> bool:
        """Punctuation, the end, or a function word follows (not merely another content word)."""
        words = self.words
        if k >= len(words) or words[k].breaks_before:
            return True
        return words[k].norm in self.lex.stopwords or words[k].norm in _WEEKDAYS_AND_MONTHS

    def _governing_form(self, local: int) -> bool:
        """Does the frequent word at ``local`` govern the next one: a present-tense verb of three root letters
        before its preposition or an event word (تهدف إلى، يعتزم زيارة), or يوم/يومي before a weekday?"""
        word = self.words[local]
        if local + 1 >= len(self.words) or self.words[local + 1].breaks_before:
            return False
        nxt = self.words[local + 1].norm
        if word.norm in _DAY_NOUNS:
            return nxt in _WEEKDAYS_AND_MONTHS
        return (
            len(word.norm) == 4
            and word.norm[0] in "يت"
            and word.norm in self.lex.frequent_words
            and (nxt in _GOVERNED_PREPOSITIONS or self.words[local + 1].index in self.triggers)
        )  # (… يعتزم زيارة: the verb of the event that follows)

    def _name_closed_after(self, k: int) -> bool:
        """What may follow the last word of a name: punctuation or a function word, and also an event
        trigger or a title that opens the next phrase (رجب طيب أردوغان رئيس الوزراء، … أردوغان مباحثات)."""
        if self._closed_after(k):
            return True
        if self.words[k - 1].readings[-1][1] in self.lex.place_nouns:
            return False  # شهد مطار الملك خالد: a site before a title, not a family name
        nxt = self.words[k]
        if has_conjunction(nxt) and self.lex.given_names.get(nxt.readings[1][1], 0) >= SURNAME_AFTER_TITLE:
            return True  # ماكي سال ومحمد بازوم: a second name follows
        return nxt.index in self.triggers or _title_head(self.words, k, self.lex) is not None

    def _boundary_after(self, k: int) -> bool:
        words = self.words
        if k >= len(words) or words[k].breaks_before:
            return True
        return self._stop(words[k]) or _title_head(words, k, self.lex) is not None

    def scan_organisations(self) -> None:
        words, lex = self.words, self.lex
        i = 0
        for start in self._positions(_ORG):
            if start < i or start in self.used:
                continue
            i = start
            w = words[i]
            found = _org_start(w.norm)
            if found is None:
                i += 1
                continue
            pre, rest = found
            if (
                pre.endswith("ب")
                and _undefinite(rest) in ("رياسه", "قياده")
                and i + 1 < len(words)
                and not words[i + 1].breaks_before
                and _title_head(words, i + 1, lex) is not None
            ):
                i += 1  # برئاسة السيناتور فلان: "headed by" before a person, not an organisation
                continue
            j = i
            modifiers = 0
            while j + 1 < len(words) and j + 1 - i < 9 and j + 1 not in self.used:
                nxt = words[j + 1]
                if nxt.breaks_before and "-" not in nxt.gap:
                    break
                if has_conjunction(nxt) and self._joined_complement(i, j):
                    j += 1  # مجلس السلم والأمن، وزارة الدفاع والطيران: two complements of one head
                    modifiers += 1
                    continue
                if self._stop(nxt) or (has_conjunction(nxt) and not is_definite(nxt)) or nxt.norm in _TIME_WORDS:
                    break  # … اللجنة المشتركة الشهر المقبل: a time phrase ends the name
                if has_conjunction(nxt):
                    # والتهريب inside a name joined by و is rare; stop at coordination
                    break
                if lex.country_by_capital.get(nxt.norm) is not None or nxt.norm == "العاصمه":
                    break  # … حكومة النظام العاصمة الأردنية: the place the verb takes, not the body's name
                if is_definite(nxt) or _lam_definite(nxt.norm):  # (the bare word's reading has no ل)
                    j += 1
                    modifiers += 1
                    continue
                if demonym_country(nxt, lex) is not None or nxt.norm in lex.org_names:
                    j += 1
                    modifiers += 1
                    continue
                if self._indefinite_nisba(nxt):
                    j += 1  # وفد عسكري روسي، وفد أمني: an indefinite organisation with its adjective
                    modifiers += 1
                    continue
                if (nxt.norm in lex.title_complements or nxt.norm in lex.org_heads) and not has_prefixed_article(nxt):
                    j += 1  # بعثة حلف الناتو (but لقوات الشرق starts another organisation)
                    continue
                if self._country_at(j + 1) is not None and not any(p for p, _ in nxt.readings[1:2]):
                    j += 1
                    modifiers += 1
                    continue
                if (
                    j == i
                    and nxt.norm in _FORCE_MISSIONS
                    and not pre
                    and j + 2 < len(words)
                    and not words[j + 2].breaks_before
                    and is_definite(words[j + 2])
                ):
                    j += 1  # قوات حفظ السلام، قوات مكافحة الإرهاب: a force named by its mission
                    continue
                if j == i and self._movement_name(rest, nxt):
                    j += 1  # حركة حماس، حزب تقدم، جماعة أنصار: a movement named by a bare proper noun
                    modifiers += 1
                    continue
                break
            if modifiers == 0 and rest not in lex.org_names:
                i += 1
                continue
            start, _ = strip_proclitic_text(w, pre)
            name = self.body_slice(start, words[j].end).strip(" \"'“”«»")
            plain = w.norm[len(pre) - 1 :]
            if pre.endswith("ل") and rest.startswith("ال") and plain.startswith("لل"):
                # the article's alef drops after ل: للقوات -> القوات, للجنة -> اللجنة
                name = ("ا" if rest == "ال" + plain[2:] else "ال") + name
            key = " ".join(normalize(name).split())
            head = _undefinite(rest)
            self.mentions.append(
                ActorMention(
                    ParticipantKind.organization,
                    w.sentence,
                    i,
                    j,
                    i,
                    j,
                    name,
                    key,
                    head=head,
                    affiliation=self._affiliation(i, j),
                    locative=head in lex.non_participant_org_heads
                    or (
                        i > 0 and not w.breaks_before and words[i - 1].readings[-1][1] in lex.place_nouns
                    ),  # بمقر رئاسة الجمهورية: a place
                )
            )
            self.used.update(range(i, j + 1))
            j = self._coordinated_demonyms(i, j, start, head)
            j = self._counterpart_force(i, j, start, head)
            i = j + 1

    def _indefinite_nisba(self, word: Word) -> bool:
        """An indefinite relational adjective of a listed kind (عسكري، أمني، اقتصادي), no clitics."""
        norm = word.norm
        return (
            len(word.readings) == 1
            and norm.endswith("ي")
            and ("ال" + norm in self.lex.adjectives or norm in self.lex.military_words)
        )

    def _movement_name(self, rest: str, nxt: Word) -> bool:
        """After an indefinite movement head (حركة، حزب، جماعة، تيار، جبهة), a bare word that is no
        adjective, verb, title, organisation or place names the movement (حركة حماس، حركة طالبان)."""
        lex = self.lex
        norm = nxt.norm
        return (
            rest in _MOVEMENT_HEADS
            and len(norm) >= 3
            and not has_conjunction(nxt)
            and not has_prefixed_article(nxt)
            and not self._stop(nxt)
            and norm not in lex.adjectives
            and not norm.endswith(("يه", "ي", "ه", "ات", "ين", "ون", "ا"))
            and not (norm.startswith(("ي", "ت", "ن")) and norm in lex.frequent_words)
            and _title_head(self.words, nxt.index - self.words[0].index, lex) is None
            and _org_start(norm) is None
            and demonym_country(nxt, lex) is None
            and self._country_at(nxt.index - self.words[0].index) is None
            and lex.country_by_capital.get(norm) is None
        )

    def _coordinated_demonyms(self, i: int, j: int, start: int, head: str) -> int:
        """القوات البحرية السعودية والباكستانية: each demonym joined by و after the organisation's own demonym
        is the same organisation of another country. Returns the last word used."""
        words, lex = self.words, self.lex
        if j == i or demonym_country(words[j], lex) is None or not is_definite(words[j]):
            return j
        stem = self.body_slice(start, words[j - 1].end)
        k = j + 1
        while k < len(words) and k not in self.used and not words[k].breaks_before and has_conjunction(words[k]):
            rest = words[k].readings[1][1]
            country = demonym_country(words[k], lex)
            if country is None or not rest.startswith("ال") or country == demonym_country(words[j], lex):
                break
            _, d_text = strip_proclitic_text(words[k], "و")
            name = f"{stem} {d_text}".strip(" \"'“”«»")
            self.mentions.append(
                ActorMention(
                    ParticipantKind.organization,
                    words[k].sentence,
                    k,
                    k,
                    k,
                    k,
                    name,
                    " ".join(normalize(name).split()),
                    head=head,
                    affiliation=country.name,
                )
            )
            self.used.add(k)
            j = k
            k += 1
        return j

    def _counterpart_force(self, i: int, j: int, start: int, head: str) -> int:
        """ "القوات المسلحة المصرية ونظيرتها السودانية": the counterpart of an organisation named by a demonym is
        the same organisation of that country. Returns the last word used."""
        words, lex = self.words, self.lex
        k = j + 1
        if k + 1 >= len(words) or words[k].breaks_before or words[k + 1].breaks_before:
            return j
        if len(words[k].readings) < 2 or words[k].readings[1] != ("و", words[k].norm[1:]):
            return j
        if words[k].readings[1][1] not in _COUNTERPARTS:
            return j
        country = demonym_country(words[k + 1], lex)
        if country is None or country == demonym_country(words[j], lex):
            return j
        stem_end = j - 1 if j > i and demonym_country(words[j], lex) is not None else j
        _, d_text = strip_proclitic_text(words[k + 1], "")
        name = f"{self.body_slice(start, words[stem_end].end)} {d_text}".strip(" \"'“”«»")
        self.mentions = [m for m in self.mentions if not (m.first == k and not m.key)]  # the bare title
        self.mentions.append(
            ActorMention(
                ParticipantKind.organization,
                words[k].sentence,
                k,
                k + 1,
                k,
                k + 1,
                name,
                " ".join(normalize(name).split()),
                head=head,
                affiliation=country.name,
            )
        )
        self.used.update((k, k + 1))
        return k + 1

    def _joined_complement(self, i: int, j: int) -> bool:
        """The head's single definite complement is followed by و + another definite noun that starts no
        organisation, country, demonym or title (مجلس السلم والأمن، وزارة الدفاع والطيران)."""
        words, lex = self.words, self.lex
        if j != i + 1 or j + 1 >= len(words):
            return False
        prev, nxt = words[j], words[j + 1]
        if not is_definite(prev) or demonym_country(prev, lex) is not None or self._country_at(j) is not None:
            return False
        if len(nxt.readings) < 2 or nxt.readings[1][0] != "و":
            return False
        rest = nxt.readings[1][1]
        if not rest.startswith("ال") or len(rest) < 5:
            return False
        base = _undefinite(rest)
        return not (
            base in lex.org_heads
            or rest in lex.org_heads
            or base in lex.title_heads
            or base in lex.place_nouns
            or demonym_country(nxt, lex) is not None
            or self._country_at(j + 1) is not None
            or lex.country_by_capital.get(rest) is not None
            or rest in lex.stopwords
            or rest in _TIME_WORDS
        )

    def scan_dual_forces(self) -> None:
        """ "الجيشين المصري والسعودي": two armies named by their demonyms are their two countries."""
        words, lex = self.words, self.lex
        for i in self._positions(_DUAL):
            if i == len(words) - 1 or i in self.used:
                continue
            k = i + 1
            found: list[tuple[int, Country]] = []
            while k < len(words) and not words[k].breaks_before:
                country = demonym_country(words[k], lex)
                if country is None:
                    break
                found.append((k, country))
                k += 1
            if len(found) < 2:
                continue
            for k, country in found:
                _start, _ = strip_proclitic_text(words[k], words[k].readings[1][0] if has_conjunction(words[k]) else "")
                self.mentions.append(
                    ActorMention(
                        ParticipantKind.country,
                        words[k].sentence,
                        k,
                        k,
                        k,
                        k,
                        country.name,
                        country.name,
                        affiliation=country.name,
                    )
                )
            self.used.update(range(i, k))

    def scan_countries(self) -> None:
        words = self.words
        i = 0
        for start in self._positions(_PLACE):
            if start < i or start in self.used:
                continue
            i = start
            found = self._country_at(i)
            if found is None:
                i += 1
                continue
            country, last, pre = found
            start, _ = strip_proclitic_text(words[i], pre)
            name = self.body_slice(start, words[last].end)
            previous = self.mentions[-1] if self.mentions else None
            listed = (
                pre == "و"
                and previous is not None
                and previous.kind == ParticipantKind.country
                and previous.locative
                and previous.last == i - 1
                and not words[i].breaks_before
            )  # كلا من القاهرة وعمان، إلى الرياض والدوحة: the places listed after a place are places too
            self.mentions.append(
                ActorMention(
                    ParticipantKind.country,
                    words[i].sentence,
                    i,
                    last,
                    i,
                    last,
                    name,
                    country.name,
                    affiliation=country.name,
                    locative=listed or _located(words, i, pre) or _dateline(words, i, last),
                )
            )
            self.used.update(range(i, last + 1))
            i = last + 1


_LOCATIVE_WORDS = frozenset(
    normalize(w)
    for w in [
        "في",
        "إلى",
        "الى",
        "من",
        "نحو",
        "داخل",
        "خارج",
        "عبر",
        "مدينة",
        "العاصمة",
        "بمدينة",
        "بالعاصمة",
        "لدى",
        "مع",
        "بين",
        "و",
        "عن",
        "حدود",
        "قرب",
        "قبالة",
        "شمال",
        "جنوب",
        "شرق",
        "غرب",
        "وسط",
        "شمالي",
        "جنوبي",
        "شرقي",
        "غربي",
        "ضواحي",
        "أنحاء",
    ]
)
_STATE_WORDS = frozenset(
    normalize(w) for w in ["جمهورية", "دولة", "مملكة", "سلطنة", "إمارة", "الجمهورية", "الدولة", "المملكة"]
)


@per_word
def _common_form(norm: str) -> bool:
    """A group noun (قادة), or (when the name lexicon does not know the word) an indefinite accusative nisba
    (هاتفيا، رسميا) or a feminine plural (تطورات، زيارات): not the last word of a name.

    A feminine plural is a derived noun (م، ت، ا: مستجدات، تطورات، اتصالات) or the plural of a frequent word
    (زيارات، قرارات); any other word in ات is a foreign family name (غرينبلات).
    """
    lex = lexicon()
    if norm in lex.group_heads:
        return True
    if len(norm) < 5:
        return False
    if norm.endswith("يا"):
        return True
    if not norm.endswith("ات"):
        return False
    stem = norm[:-2]
    return norm[0] in "متا" or not {norm, stem, stem + "ه"}.isdisjoint(lex.frequent_words)


@per_word
def _proclitic_org(norm: str) -> bool:
    """ب/ل + an organisation head (بوفد، لوفد، بقوات)."""
    readings = clitic_readings(norm)
    return len(readings) > 1 and readings[-1][0] in ("ب", "ل") and readings[-1][1] in lexicon().org_heads


def _future_verb(word: Word) -> bool:
    """A future or present verb form (سيجري، ستبحث، يستقبل) glued after a name, not a foreign family name that
    begins alike (سيرديوكوف، ستولتنبرغ: endings no Arabic verb has)."""
    norm = word.readings[1][1] if len(word.readings) > 1 and word.readings[1][0] == "و" else word.norm
    return len(norm) >= 5 and norm.startswith(("سي", "ست", "سن")) and not norm.endswith(_FOREIGN_SURNAME_ENDINGS)



def article_name_words(words: list[Word], lex: Lexicon) -> frozenset[str]:
    """Words the article uses alone as a name right after a speech verb ("وأكد أردوغان أن").

    Such a word is a name even when it is frequent in general text, so it does not end a name elsewhere.
    """
    found = set()
    norms = [w.norm for w in words]
    counts: Counter[str] | None = None  # counted on first need
    for k in compress(range(1, len(norms)), map(speech_verb, norms[:-1])):  # words right after a speech verb
        verb = words[k - 1]
        word = words[k]
        nxt = words[k + 1] if k + 1 < len(words) else None
        if word.breaks_before or word.sentence != verb.sentence or is_definite(word) or word.norm in lex.stopwords:
            continue
        closed = nxt is None or nxt.breaks_before or nxt.sentence != word.sentence or nxt.norm in _AFTER_SPEAKER
        if not closed:  # "وأكد أردوغان دعم …": a name all the same when the article uses it elsewhere too
            counts = counts if counts is not None else Counter(norms)
            if counts[word.norm] < 2:
                continue
        found.add(word.norm)
    return frozenset(found)


@per_word
def speech_verb(norm: str) -> bool:
    """The word, or one of its clitic readings, is a speech verb (قال، وأكد)."""
    speech = lexicon().speech_verbs
    return any(rest in speech for _, rest in clitic_readings(norm))


def _dateline(words: list[Word], i: int, last: int) -> bool:
    """ "تونس -"، "الخرطوم (رويترز) -": the place a wire item was filed from opens its first sentence."""
    if i != 0:
        return False
    after = words[last + 1].gap if last + 1 < len(words) else ""
    return "-" in after or "(" in after or "/" in after or "–" in after


_PLACE_PREPOSITIONS = frozenset("بلك")


@per_word
def visit_noun(norm: str) -> bool:
    """زيارة، لزيارة، بزيارة، الزيارة (not زيارته: its pronoun is the visitor, the next word may be anything)."""
    return any(rest in ("زياره", "الزياره") for _, rest in clitic_readings(norm))


_TOPIC_NOUNS = frozenset(
    normalize(w)
    for w in ["الأزمة", "الوضع", "الأوضاع", "الحرب", "الصراع", "النزاع", "التطورات", "الأحداث", "القتال", "السلام"]
)


def _topic_list(words: list[Word], i: int) -> bool:
    """و + a country after "<crisis noun> في <country>" (not after وزارتا الدفاع في موريتانيا)."""
    by_name = lexicon().country_by_name
    for n in (1, 2, 3):
        k = i - n  # the في before a country of n words
        if k < 2 or any(w.breaks_before for w in words[k : i + 1]):
            return False
        if words[k - 1].norm == "في" and " ".join(w.norm for w in words[k:i]) in by_name:
            return words[k - 2].readings[-1][1] in _TOPIC_NOUNS
    return False


def _dual_body_in(words: list[Word], i: int) -> bool:
    """في <country> after a dual organisation and its complement (وزارتا الدفاع في، قيادتي الجيش في)."""
    if i < 3 or words[i].breaks_before or words[i - 1].norm != "في" or words[i - 1].breaks_before:
        return False
    heads = lexicon().org_heads
    for k in (i - 2, i - 3):
        if k >= 0 and any(r.endswith(("تا", "تي")) and r[:-2] + "ه" in heads for _, r in words[k].readings):
            return all(not w.breaks_before for w in words[k + 1 : i])
    return False


def _located(words: list[Word], i: int, prefix: str) -> bool:
    """A name governed by a place preposition (في موسكو، إلى القاهرة، لمصر) names a place, not a party."""
    while i > 0 and not words[i].breaks_before and words[i - 1].readings[-1][1] in _STATE_WORDS:
        i -= 1  # إلى جمهورية مصر
        prefix = words[i].readings[-1][0]
    if not _PLACE_PREPOSITIONS.isdisjoint(prefix):
        return True
    if (
        i > 1
        and words[i - 1].norm == "من"
        and not words[i - 1].breaks_before
        and _undefinite(words[i - 2].readings[-1][1]) in lexicon().org_heads
    ):
        return False  # "قوات من السعودية"، "وفد من مصر": where the force comes from, a party
    if i > 0 and not words[i].breaks_before and words[i - 1].readings[-1][1] in lexicon().place_nouns:
        return True  # مطار الخرطوم، ميناء طرابلس: a site named after the town
    if i > 0 and not words[i].breaks_before and visit_noun(words[i - 1].norm):
        return True  # ودعاه إلى زيارة الرباط: the place visited, not a visitor
    if _dual_body_in(words, i):
        return False  # وزارتا الدفاع في موريتانيا والسنغال: the countries the two ministries belong to
    if prefix == "و" and _topic_list(words, i):
        return True  # الأزمة في السودان وجنوب السودان: the second country is a topic too
    return i > 0 and not words[i].breaks_before and words[i - 1].norm in _LOCATIVE_WORDS


class _BodyScanner(_SentenceScanner):
    def __init__(
        self,
        body: str,
        words: list[Word],
        lex: Lexicon,
        trigger_words: set[int],
        article_names: frozenset[str],
        maqsura_marked: bool,
    ) -> None:
        super().__init__(words, lex, trigger_words, article_names, maqsura_marked)
        self.body = body

    def body_slice(self, start: int, end: int) -> str:
        text = self.body[start:end]
        if "#" in text or "_" in text:  # "حيدر #العبادي": a name tagged in a social-media post
            return " ".join(text.replace("#", " ").replace("_", " ").split())
        return text


def sentence_actors(
    body: str,
    words: list[Word],
    trigger_words: set[int],
    article_names: frozenset[str] = frozenset(),
    maqsura_marked: bool = False,
) -> list[ActorMention]:
    """Actor mentions of one sentence's words (word indices relative to ``words``).

    ``article_names``: words the article uses alone as names; ``maqsura_marked``: the article spells
    the preposition على with ى (so علي with ya is the given name).
    """
    scanner = _BodyScanner(body, words, lexicon(), trigger_words, article_names, maqsura_marked)
    scanner.scan_persons()
    scanner.scan_lexicon_persons()
    scanner.scan_verb_persons()
    scanner.scan_dual_forces()
    scanner.scan_organisations()
    scanner.scan_countries()
    offset = words[0].index if words else 0
    for mention in scanner.mentions:
        mention.first += offset
        mention.last += offset
        if mention.kin_anchor is not None:
            mention.kin_anchor += offset
        if mention.name_first >= 0:
            mention.name_first += offset
            mention.name_last += offset
    scanner.mentions.sort(key=lambda m: m.first)
    return scanner.mentions
