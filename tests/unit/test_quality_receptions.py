"""Who receives hosts: the subject of استقبل/يستقبل/استقبلت hosts the visit, its object visits.

Invented sentences: the host with a long title far from the visit trigger, a subject before the verb
("وكان فلان قد استقبل نظيره"), the guest with a long title and "والوفد المرافق له".
"""

from __future__ import annotations

from detector_helpers import one


def roles(body: str) -> dict[str, str]:
    return {p.name: p.role.value for p in one(body, "visit").participants}


def test_host_with_a_long_title_far_from_the_visit_trigger_hosts() -> None:
    found = roles(
        "استقبل رئيس الوزراء الإثيوبي آبي أحمد، صباح اليوم في القصر الوطني بأديس أبابا، رئيس مجلس السيادة "
        "الانتقالي السوداني القائد العام للقوات المسلحة الفريق أول ركن عبد الفتاح البرهان والوفد المرافق له، "
        "الذي يزور إثيوبيا في زيارة رسمية تستغرق يومين."
    )
    assert found["آبي أحمد"] == "host" and found["عبد الفتاح البرهان"] == "visitor"


def test_subject_before_the_verb_hosts() -> None:
    found = roles("وكان الرئيس الجزائري عبد المجيد تبون قد استقبل نظيره التونسي قيس سعيد الذي يزور الجزائر.")
    assert found == {"عبد المجيد تبون": "host", "قيس سعيد": "visitor"}


def test_subject_before_a_present_tense_verb_hosts() -> None:
    found = roles("وكان وزير الدفاع الأردني يوسف العيسوي قد استقبل الوزير العباسي الذي يزور عمان.")
    assert found == {"يوسف العيسوي": "host", "العباسي": "visitor"}


def test_guest_of_an_unnamed_host_is_not_the_host() -> None:
    for verb in ("استقبل", "يستقبل"):
        found = roles(f"{verb} وزير الدفاع الأردني نظيره العراقي ثابت العباسي الذي يزور عمان حاليا.")
        assert found == {"ثابت العباسي": "visitor"}


def test_feminine_verb_with_a_far_guest() -> None:
    found = roles(
        "استقبلت رئيسة الوزراء الإيطالية جورجيا ميلوني، مساء أمس في قصر كيجي بالعاصمة روما، رئيس المجلس "
        "الرئاسي الليبي محمد المنفي والوفد المرافق له، الذي يزور إيطاليا حاليا على رأس وفد رفيع المستوى."
    )
    assert found["محمد المنفي"] == "visitor"
    hosts = [n for n, r in found.items() if r == "host"]
    assert len(hosts) == 1 and hosts[0].endswith("ميلوني")


def test_counterpart_object_visits() -> None:
    found = roles(
        "استقبل الرئيس الموريتاني محمد ولد الشيخ الغزواني نظيره السنغالي باسيرو ديوماي فاي الذي يزور نواكشوط."
    )
    assert found == {"محمد ولد الشيخ الغزواني": "host", "باسيرو ديوماي فاي": "visitor"}


def test_whoever_is_at_the_welcome_of_a_guest_hosts_and_the_guest_visits() -> None:
    """'وكان فلان في استقبال علان لدى وصوله': the subject before في استقبال hosts, the genitive after it visits."""
    found = roles(
        "وكان وزير الدفاع التونسي عماد مميش في استقبال رئيس أركان الجيش الجزائري الفريق أول السعيد شنقريحة "
        "لدى وصوله إلى تونس."
    )
    assert found == {"عماد مميش": "host", "السعيد شنقريحة": "visitor"}
    found = roles(
        "وصل وزير الخارجية الأردني أيمن الصفدي إلى دمشق اليوم. وكان وزير الخارجية السوري أسعد حسن الشيباني "
        "في استقبال الصفدي لدى وصوله إلى مطار دمشق الدولي."
    )
    assert found == {"أيمن الصفدي": "visitor", "أسعد حسن الشيباني": "host"}


def test_the_welcome_after_the_arrival_still_names_the_host_after_it() -> None:
    found = roles("وصل الرئيس الجزائري عبد المجيد تبون إلى تونس، وكان في استقباله الرئيس قيس سعيد.")
    assert found == {"عبد المجيد تبون": "visitor", "قيس سعيد": "host"}
