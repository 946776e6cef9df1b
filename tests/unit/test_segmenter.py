"""Builtin segmenter: offsets, sentences, clutter, clitics that leave names whole."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from services.geolocator.evaluation import DATA
from services.segmenter.clitics import split_clitics
from services.segmenter.logic import segment
from services.segmenter.sentences import MAX_SENTENCE_CHARS, is_clutter, split_sentences
from shared.arabic import normalize
from shared.schemas import Article


def _split(word: str) -> tuple[list[str], str, list[str]]:
    return split_clitics(normalize(word), word)


def test_offsets_point_into_the_body_for_every_token_and_sentence() -> None:
    for line in (DATA / "dev_articles.jsonl").open(encoding="utf-8"):
        article = Article.model_validate(json.loads(line))
        seg = segment(article)
        body = article.body
        assert all(body[s.start:s.end] == s.text for s in seg.sentences)
        assert all(body[t.start:t.end] == t.text for t in seg.token_rows())
        assert all(seg.sentences[t.sentence].start <= t.start < seg.sentences[t.sentence].end for t in seg.token_rows())


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوية ًٌٍَُِّـ.،؟!\n\"«»()-0123456789", min_size=1, max_size=200))
def test_offsets_hold_on_any_text(text: str) -> None:
    if not text.strip():
        return
    seg = segment(Article(id="x", body=text))
    assert all(text[s.start:s.end] == s.text for s in seg.sentences)
    assert all(text[t.start:t.end] == t.text and t.stem for t in seg.token_rows())


def test_sentences_keep_quotes_numbers_and_abbreviations() -> None:
    text = "قال د. أحمد إن النمو بلغ 5.9 % هذا العام. وأضاف: “سنلتقي غداً.” ثم غادر؟ نقلت وكالة أ.ش.أ الخبر"
    assert [s.text for s in split_sentences(text)] == [
        "قال د. أحمد إن النمو بلغ 5.9 % هذا العام.", "وأضاف: “سنلتقي غداً.”", "ثم غادر؟", "نقلت وكالة أ.ش.أ الخبر",
    ]


def test_years_end_sentences_and_list_numbers_do_not() -> None:
    text = "وقعت الاتفاقية عام 2024م. وقال الوزير إنها مهمة.\n1. تدريب القوات المشتركة.\n2. تبادل الخبرات."
    assert [s.text for s in split_sentences(text)] == [
        "وقعت الاتفاقية عام 2024م.", "وقال الوزير إنها مهمة.", "1. تدريب القوات المشتركة.", "2. تبادل الخبرات.",
    ]


def test_clutter_lines_are_not_sentences_and_do_not_glue() -> None:
    text = "اترك تعليقاً\nشارك على فيسبوك تويتر واتساب\nالتقى الوزير نظيره في القاهرة\nSource link\nالمصدر: RT"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["التقى الوزير نظيره في القاهرة"]
    assert is_clutter("الإثنين ١١ أبريل ٢٠٢٢ - ٠٦:٠٢ بتوقيت غرينتش") and is_clutter("الرئيسية | أخبار | رياضة")
    assert not is_clutter("وصل الرئيس إلى القاهرة.")
    for line in ("المصدر: وكالة الانباء العراقية", "رئيس مجلسي الإدارة والتحرير", "العالم _ افريقيا", "تصوير: أحمد"):
        assert is_clutter(line), line
    assert not is_clutter("اتصل الرئيس بنظيره المصري")


def test_names_stay_whole() -> None:
    for name in ("سرت", "كامل", "بغداد", "بنغازي", "لبنان", "كردستان", "وهران"):
        assert _split(name) == ([], normalize(name), []), name


def test_proclitics_split_off() -> None:
    assert _split("بليبيا") == (["ب"], "ليبيا", [])
    assert _split("لطرابلس") == (["ل"], "طرابلس", [])
    assert _split("والقاهرة") == (["و", "ال"], "قاهره", [])
    assert _split("للقوات") == (["ل", "ال"], "قوات", [])
    assert _split("وسيلتقي") == (["و", "س"], "يلتقي", [])
    assert _split("وسرت") == (["و"], "سرت", [])


def test_known_words_decide_ambiguous_splits() -> None:
    assert _split("وزارة") == ([], "وزاره", [])  # not و + زارة
    assert _split("وقال") == (["و"], "قال", [])
    assert _split("بوزير") == (["ب"], "وزير", [])
    assert _split("للقوات") == (["ل", "ال"], "قوات", [])
    assert _split("لليبيا") == (["ل"], "ليبيا", [])
    for foreign_name in ("بوتين", "بلينكن", "لافروف"):  # not ب + وتين, ل + افروف
        assert _split(foreign_name)[0] == [], foreign_name


def test_pronoun_suffixes_split_but_not_root_letters_or_ta_marbuta() -> None:
    assert _split("زيارته") == ([], "زيارت", ["ه"])
    assert _split("وزيارتها") == (["و"], "زيارت", ["ها"])
    assert _split("بلادهم") == ([], "بلاد", ["هم"])
    assert _split("مدينة") == ([], "مدينه", [])
    assert _split("تفاهم") == ([], "تفاهم", [])
    assert _split("اتجاه") == ([], "اتجاه", [])


def test_tatweel_lam_is_a_bare_proclitic() -> None:
    seg = segment(Article(id="x", body="وأوضحت المصادر لـ”النهار” أن اللقاء تم."))
    lam = next(t for t in seg.token_rows() if t.text == "لـ")
    assert lam.prefixes == ("ل",)


def test_a_run_with_no_stop_is_cut_at_spaces_into_bounded_sentences_losing_no_word() -> None:
    text = "التقى الرئيس بالوزير في القاهرة " * 200 + "ثم غادر. وصل الوفد."
    sentences = split_sentences(text)
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start : s.end] == s.text and text[s.start] != " " for s in sentences)
    assert " ".join(s.text for s in sentences).split() == text.split()
    assert sentences[-1].text == "وصل الوفد."


def test_a_run_with_no_space_is_cut_at_the_limit() -> None:
    text = "ب" * (2 * MAX_SENTENCE_CHARS + 5)
    assert [(s.start, s.end) for s in split_sentences(text)] == [
        (0, MAX_SENTENCE_CHARS), (MAX_SENTENCE_CHARS, 2 * MAX_SENTENCE_CHARS), (2 * MAX_SENTENCE_CHARS, len(text)),
    ]
