"""Within-article resolution: short forms, bare titles and kinship phrases to the named entity.

The name of an entity is its fullest form in the article (حفتر -> خليفة حفتر); a bare title
("الجنرال الأميركي") goes to the named person whose title and affiliation fit it, else it is left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import compress
from operator import not_

from services.detector.actors import GENERIC_HEADS, ActorMention, demonym_country, is_definite, visit_noun
from services.detector.resources import lexicon
from services.detector.words import Word, clitic_readings, per_word
from shared.arabic import normalize
from shared.schemas import ParticipantKind

# Given names too common to identify a person on their own (محمد، عبد …).
_COMMON_GIVEN = 300


@dataclass(slots=True)
class Entity:
    """One participant of the article, with every form it takes."""

    key: str
    kind: ParticipantKind
    name: str
    tokens: tuple[str, ...]
    title: str | None = None
    title_words: tuple[str, ...] = ()
    head: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    first_word: int = 0
    anchor: str | None = None  # entity key of the person this one is a relative of


@per_word  # a name's key: the same few per article, and across articles
def _tokens(key: str) -> tuple[str, ...]:
    """The name's words without the article; ابن is بن ("ابن سلمان" names محمد بن سلمان)."""
    return tuple("بن" if t == "ابن" else t[2:] if t.startswith("ال") and len(t) > 3 else t for t in key.split())


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return any(big[k : k + n] == small for k in range(len(big) - n + 1))


_ROYAL_HEADS = frozenset({"امير", "شيخ", "ملك", "سلطان"})


def _fits_short(entity: Entity, short: tuple[str, ...]) -> bool:
    """A one-word form names the entity when it is its family name or a distinctive word of it."""
    if len(short) != 1 or len(entity.tokens) < 2:
        return _contains(entity.tokens, short)
    word = short[0]
    if word == entity.tokens[-1]:
        return True
    return bool(word in entity.tokens and lexicon().given_names.get(word, 0) < _COMMON_GIVEN and len(word) > 2)


def resolve(mentions: list[ActorMention], words: list[Word], body: str) -> dict[str, Entity]:
    """Fill ``mention.entity`` for every mention that names a participant; returns the entities."""
    lex = lexicon()
    entities: dict[str, Entity] = {}
    persons = [m for m in mentions if m.kind == ParticipantKind.person and m.key and not m.kin]
    # longest names first, so short forms find their full form wherever it occurs
    for m in sorted(persons, key=lambda m: (-len(m.key.split()), m.first)):
        toks = _tokens(m.key)
        target = next((e for e in entities.values() if e.kind == ParticipantKind.person and _fits_short(e, toks)), None)
        if target is None and len(toks) == 1 and m.head in _ROYAL_HEADS:
            # "الأمير محمد" after "الأمير محمد بن سلمان": a prince or sheikh is named by his given name alone
            same_given = [e for e in entities.values() if e.kind == ParticipantKind.person and e.tokens[:1] == toks]
            target = same_given[0] if len(same_given) == 1 else None
        if target is None:
            target = Entity(f"p:{m.key}", ParticipantKind.person, m.name, toks, first_word=m.first)
            entities[target.key] = target
        elif m.name not in target.aliases and m.name != target.name:
            target.aliases.append(m.name)
        m.entity = target.key
        if m.title and (target.title is None or len(m.title) > len(target.title)):
            target.title, target.title_words, target.head = m.title, m.title_words, m.head
        target.affiliation = target.affiliation or m.affiliation
        target.first_word = min(target.first_word, m.first)
    by_first = {m.first: m for m in mentions}
    for m in persons:
        if m.kin_anchor is not None and m.kin_anchor in by_first and by_first[m.kin_anchor].entity:
            entities[m.entity].anchor = by_first[m.kin_anchor].entity
    # "نجل حفتر": the relative of the named person, when the article introduced one
    for m in mentions:
        if m.kind == ParticipantKind.person and m.kin and m.key:
            toks = _tokens(m.key)
            if m.head in ("ابن", "بن"):
                # "ابن سلمان" after "محمد بن سلمان": the short form of a name with بن, not a son of سلمان
                named = [
                    e
                    for e in entities.values()
                    if e.kind == ParticipantKind.person and _contains(e.tokens, ("بن", *toks))
                ]
                if len(named) == 1:
                    m.entity = named[0].key
                    continue
            anchor = next(
                (e for e in entities.values() if e.kind == ParticipantKind.person and _fits_short(e, toks)), None
            )
            relative = next((e for e in entities.values() if anchor is not None and e.anchor == anchor.key), None)
            if relative is not None:
                m.entity = relative.key
    # bare titles: the named person with the same kind of title and the same affiliation
    named = [e for e in entities.values() if e.kind == ParticipantKind.person]
    for m in mentions:
        if m.kind != ParticipantKind.person or m.key or not m.head or m.dual:
            continue
        scored = [(_title_fit(m, e, lex.rank_group), e) for e in named]
        fitting = [e for score, e in scored if score > 0]
        best, best_score = None, 0.0
        for score, e in scored:
            nearer = best is not None and abs(e.first_word - m.first) < abs(best.first_word - m.first)
            if score > best_score or (score == best_score and score > 0 and nearer):
                best, best_score = e, score
        same_office = [e for e in fitting if e.head == m.head]  # "الملك" beside a king and a president
        if best_score < 2 and len(fitting) > 1 and len(same_office) == 1:
            fitting, best = same_office, same_office[0]
        unique = len(fitting) == 1 and (m.affiliation is None or fitting[0].affiliation == m.affiliation)
        if best is not None and (best_score >= 2 or unique):
            m.entity = best.key  # a clear fit, or the only person the title can describe
    # organisations and countries: one entity per normalised name
    for m in mentions:
        if m.kind == ParticipantKind.person:
            continue
        prefix = "o" if m.kind == ParticipantKind.organization else "c"
        key = f"{prefix}:{m.key}"
        if key not in entities:
            name = m.name
            capital_of = lex.country_by_capital.get(normalize(name)) if m.kind == ParticipantKind.country else None
            if m.locative and capital_of is not None and m.first > 0 and visit_noun(words[m.first - 1].norm):
                name = capital_of.name  # زيارة الرباط: a place; should the country take part, it is المغرب
            entities[key] = Entity(key, m.kind, name, _tokens(m.key), affiliation=m.affiliation, first_word=m.first)
            if name != m.name:
                entities[key].aliases.append(m.name)
        else:
            entity = entities[key]
            is_capital = lex.country_by_capital.get  # the country's own name beats its capital (أنقرة -> تركيا)
            if (
                m.kind == ParticipantKind.country
                and is_capital(normalize(entity.name))
                and not is_capital(normalize(m.name))
            ):
                entity.aliases.append(entity.name)
                entity.name = m.name
            elif m.name != entity.name and m.name not in entity.aliases:
                entity.aliases.append(m.name)
        m.entity = key
    _add_short_form_mentions(mentions, words, entities)
    # dual titles last, once every short form is placed: "الزعيمان" are the two leaders named just before
    pairs = [m for m in mentions if m.kind == ParticipantKind.person and m.dual and not m.key and m.head]
    for m in pairs:
        mentions.extend(_resolve_pair(m, mentions, words, entities, lex.rank_group))
    mentions.sort(key=lambda m: m.first)
    return entities


def _singular(head: str) -> str:
    """الرئيسين -> رييس, نائبا -> نايب: the office a dual title names twice."""
    head = head.removeprefix("ال")
    for ending in ("ين", "ان", "ا"):
        if head.endswith(ending) and len(head) - len(ending) >= 3:
            return head[: -len(ending)]
    return head


def _resolve_pair(
    m: ActorMention,
    mentions: list[ActorMention],
    words: list[Word],
    entities: dict[str, Entity],
    rank_group: dict[str, int],
) -> list[ActorMention]:
    """ "الرئيسين الأمريكي والروسي"، "بين الزعيمين": a dual title names the two persons it fits.

    Sets ``m.entity`` to the first and returns a copy of ``m`` for the second (none when unsure).
    """
    countries = []
    lex = lexicon()
    for w in words[m.first : m.last + 3]:
        if w.index > m.last and not has_conjunction_text(w.norm):
            break
        # "الرئيسين الأمريكي والروسي"، "وزيرا خارجية مصر والسعودية": by demonym or by the country's name
        country = demonym_country(w, lex) or next(
            (lex.country_by_name[rest] for _, rest in w.readings if rest in lex.country_by_name), None
        )
        if country is not None and country.name not in countries:
            countries.append(country.name)
    persons = [e for e in entities.values() if e.kind == ParticipantKind.person]
    office = rank_group.get(_singular(m.head or ""), -1)
    chosen: list[Entity | None]
    if len(countries) >= 2:
        # "الرئيسين الروسي والتركي": the Russian president, not the Russian minister who speaks of the summit
        holders = [e for e in persons if _holds(e, office, rank_group)]
        chosen = [next((e for e in holders if e.affiliation == c), None) for c in countries[:2]]
        # "القمة المرتقبة بين الرئيسين الروسي والتركي" with neither named: the two countries take part
        chosen = [
            e if e is not None else _country_entity(c, m, entities) for e, c in zip(chosen, countries[:2], strict=True)
        ]
    else:
        last_seen: dict[str, int] = {}
        for other in mentions:
            if other.entity.startswith("p:") and other.first < m.first:
                last_seen[other.entity] = max(other.first, last_seen.get(other.entity, -1))
        fitting = [e for e in persons if e.key in last_seen and _holds(e, office, rank_group)]
        if len(fitting) < 2 and office >= 0:
            # "الزعيمان" after a president and a sheikh: the two persons named last, whatever their offices
            fitting = [e for e in persons if e.key in last_seen]
        fitting.sort(key=lambda e: -last_seen[e.key])
        chosen = list(fitting[:2]) if len(fitting) >= 2 else [None]
    if len(chosen) < 2 or chosen[0] is None or chosen[1] is None:
        return []
    twin = ActorMention(**{f: getattr(m, f) for f in m.__dataclass_fields__})
    for mention, entity in ((m, chosen[0]), (twin, chosen[1])):
        mention.entity = entity.key
        mention.kind = entity.kind
    return [twin]


def _holds(person: Entity, office: int, rank_group: dict[str, int]) -> bool:
    """Does the person's title name an office of the group ``office`` (any office when it is -1)?"""
    heads = (person.head or "", *person.title_words)
    return office < 0 or any(rank_group.get(h.removeprefix("ال"), -2) == office for h in heads)


def _country_entity(country: str, m: ActorMention, entities: dict[str, Entity]) -> Entity:
    """The country entity a demonym of an unresolved dual title stands for (created when new)."""
    key = f"c:{country}"
    if key not in entities:
        entities[key] = Entity(key, ParticipantKind.country, country, (normalize(country),), first_word=m.first)
    entity = entities[key]
    if entity.name != country:  # الكرملين، أنقرة: the country's own name is the fullest form
        entity.aliases.append(entity.name)
        entity.name = country
    return entity


def has_conjunction_text(norm: str) -> bool:
    return norm.startswith("و") and len(norm) > 3


def _title_fit(m: ActorMention, e: Entity, rank_group: dict[str, int]) -> float:
    """How well the bare title of ``m`` describes the person ``e`` (0: not at all)."""
    if not e.head or not m.head:
        return 0.0
    heads = {e.head, *(t[2:] if t.startswith("ال") else t for t in e.title_words)}
    group = rank_group.get(m.head, -1)
    # نظيره الأمريكي، المسؤول الروسي: any office, the affiliation decides
    counterpart = m.head.startswith("نظير") or m.head in GENERIC_HEADS
    same_head = counterpart or m.head in heads or any(rank_group.get(h, -2) == group for h in heads)
    if not same_head:
        return 0.0
    score = 1.0
    if m.affiliation and e.affiliation:
        if m.affiliation != e.affiliation:
            return 0.0
        score += 1.5
    shared = set(m.title_words[1:]) & set(e.title_words[1:])
    score += len(shared)
    if m.head == e.head:
        score += 0.5  # "الرئيس اليمني" is the president, not "مدير مكتب الرئيس اليمني"
    return score


def _add_short_form_mentions(mentions: list[ActorMention], words: list[Word], entities: dict[str, Entity]) -> None:
    """Words outside any mention that are the family name of a known person (بلينكن، السيسي)."""
    covered = {k for m in mentions for k in range(m.first, m.last + 1)}
    lex = lexicon()
    # family name -> person first, then other distinctive words of the name (not common given names)
    index: dict[str, Entity] = {}
    persons = [e for e in entities.values() if e.kind == ParticipantKind.person and len(e.tokens) >= 2]
    for e in persons:
        for token in e.tokens:
            if lex.given_names.get(token, 0) < _COMMON_GIVEN and token not in lex.common_words:
                index.setdefault(token, e)
    for e in persons:
        index[e.tokens[-1]] = e
    indexed = frozenset(index)
    norms = [w.norm for w in words]
    # only words one of whose readings is indexed can be a short form (one set test each, most words fail it)
    hits = map(not_, map(indexed.isdisjoint, map(_short_form_key_words, norms)))
    for k in list(compress(range(len(norms)), hits)):
        w = words[k]
        if w.index in covered:
            continue
        for key, rest in _short_form_keys(w.norm):
            target = index.get(key)
            if target is not None:
                mentions.append(
                    ActorMention(
                        ParticipantKind.person,
                        w.sentence,
                        w.index,
                        w.index,
                        w.index,
                        w.index,
                        name=w.text,
                        key=normalize(rest),
                        entity=target.key,
                    )
                )
                break
    mentions.sort(key=lambda m: m.first)


@per_word
def _short_form_keys(norm: str) -> tuple[tuple[str, str], ...]:
    """(index key, reading) of each clitic reading a short form may take, up to the first stopword reading."""
    return tuple(_short_form_readings(norm))


@per_word
def _short_form_key_words(norm: str) -> tuple[str, ...]:
    """The keys of :func:`_short_form_keys` (asked of every word: computed without that memo)."""
    return tuple(key for key, _ in _short_form_readings(norm))


def _short_form_readings(norm: str) -> Iterator[tuple[str, str]]:
    if len(norm) < 3:
        return
    stopwords = lexicon().stopwords
    for _, rest in clitic_readings(norm):
        if rest in stopwords:
            break
        yield (rest[2:] if is_definite_text(rest) else rest), rest


def is_definite_text(norm: str) -> bool:
    return norm.startswith("ال") and len(norm) > 3


__all__ = ["Entity", "is_definite", "resolve"]
