"""Forty-first session (issue 15): read from the tuning set 86 and the known gaps of earlier
sessions (UK "secondaries", Ki-67 and grade on a report, a referral to "supportive care", a
trial rule that names a drug, an animal's treatment, hormones for menopause beside a relative's
breast cancer). Each test is checked both ways."""

from mbcnav.library.answer import ask
from mbcnav.library.qtypes import drug_is_context, types_of
from mbcnav.library.scope import scope
from mbcnav.library.understand import understand
from mbcnav.library.vocabulary import synonyms


def _first(q: str) -> str:
    answers = ask(q).answers
    return f"{answers[0].article}#{answers[0].url.split('#')[-1]}" if answers else ""


def _expanded(q: str) -> set[str]:
    return {extra for _, extra, _ in synonyms().expansions(q)}


def test_secondaries_is_the_uk_word_for_metastases():
    assert "metastases" in _expanded("the CT says nodules consistent with secondaries")
    assert _first("what are lung secondaries").startswith("lung-and-pleura-metastases#")
    # ... not "secondary" alone ("hypercalcemia secondary to dehydration")
    assert "metastases" not in _expanded("calcium high, secondary to dehydration")


def test_sex_drive_is_libido():
    assert "libido" in _expanded("my sex drive is gone")
    assert "libido" not in _expanded("my drive to work is gone")


def test_a_trial_rule_that_names_a_drug_is_about_eligibility():
    q = "trial says 'no prior CDK4/6 inhibitor' and i was on ibrance for 2 months, does that rule me out"
    assert any(t.name == "trial rule" for t in types_of(q))
    assert drug_is_context(q)
    assert _first(q).startswith("trial-eligibility-words#")
    # ... not a question about the drug itself, nor "rule out" of a diagnosis
    assert not any(t.name == "trial rule" for t in types_of("what are the side effects of ibrance"))
    assert not any(t.name == "trial rule" for t in types_of("can a scan rule out a clot?"))
    assert _first("what are the side effects of ibrance").startswith("targeted-therapy#")


def test_supportive_care_is_palliative_care():
    assert "palliative care" in _expanded("a referral to the supportive care clinic")
    assert _first("what is supportive care").startswith("palliative-care-and-hospice#")
    # ... a support group is not
    assert "palliative care" not in _expanded("is there a support group near me")


def test_does_that_mean_a_fear_points_back_at_the_quoted_term():
    q = "my report says 'mixed response'. does that mean the treatment failed?"
    assert understand(q).asked.startswith("does mixed response mean")
    q = "onc put in a referral to the 'supportive care clinic'. does that mean I'm near the end"
    assert "supportive care clinic" in understand(q).asked
    # ... with no quoted term, "that" stays
    q = "my onc wants to switch me to chemo. does that mean I'm dying?"
    assert understand(q).asked == "does that mean I'm dying?"


def test_grade_and_ki67_on_a_report_are_answered():
    for q in (
        "ki67 40% grade 3 on liver bx what does that mean",
        "my path report says grade 3 and ki-67 25%, is that bad",
    ):
        assert _first(q) == "diagnosis-and-biopsy#what-do-tumor-grade-and-ki-67-mean", q
    # ... bx is a biopsy; a Ki-67 of another cancer stays out
    assert synonyms().correct("liver bx") == "liver biopsy"
    assert not ask("what is the ki67 of colon polyps").answers


def test_a_treatment_asked_for_an_animal_is_the_animals():
    q = "our 11 yr old golden has hemangiosarcoma on his spleen, is chemo worth it for a dog"
    assert scope().other_subject(q)
    assert not ask(q).answers
    # ... not when the writer takes a drug or asks for themself
    for q in (
        "our dog has a tumor and I'm on letrozole, is chemo worth it for a dog",
        "our dog has a lump, is chemo worth it for me with bone mets",
    ):
        assert not scope().other_subject(q), q
        assert ask(q).answers, q


def test_hormones_for_menopause_beside_a_relatives_breast_cancer_are_for_the_writers_doctor():
    q = "I'm 52 and my mom had breast cancer. Is HRT safe for me for hot flashes, my gyn says it's fine"
    assert scope().other_subject(q)
    assert not ask(q).answers
    # ... not the writer's own breast cancer, nor HRT asked with no relative named
    for q in (
        "my mom had breast cancer and now mine has spread to my bones. is HRT safe for hot flashes",
        "is HRT safe for hot flashes with my ER+ breast cancer",
    ):
        assert not scope().other_subject(q), q
        assert ask(q).answers, q


def test_nutrition_shakes_by_lay_and_product_words():
    q = "my wife (tnbc, on chemo) keeps losing weight - are ensure shakes ok?"
    assert "protein shakes" in _expanded(q)
    assert ask(q).confident
    assert _first(q).startswith("nutrition-and-exercise#")
    # ... "ensure" as a verb is no shake
    assert "protein shakes" not in _expanded("how do I ensure my insurance covers the scan")


# the first review's findings (session 41)
def test_a_911_sign_told_now_leads_with_its_911_passage_for_sure():
    r = ask("on ibrance, chest pain and left arm numb, is this a heart attack")
    assert r.confident and r.answers[0].url.endswith("#when-should-i-call-911")
    r = ask("my legs went weak this morning and I can't feel my feet")
    assert r.confident and "spinal-cord" in r.answers[0].url
    r = ask(
        "my sister (her2+ mets) is slurring her words tonight and one side of her face looks droopy"
    )
    assert r.answers[0].url.endswith("#when-should-i-call-911")
    # the other way: asking what the signs are tells of no sign now
    assert not _first("what are the signs of a blood clot").endswith("#when-should-i-call-911")


def test_hrt_after_breast_cancer_has_its_own_passage():
    hrt = "sexual-health-and-fertility#is-hormone-replacement-therapy-hrt-safe-after-breast-cancer"
    assert _first("My mother had breast cancer and so did I. Is HRT ok for me now?") == hrt
    assert _first("i have mbc, can i take hormone replacement for my hot flashes") == hrt
    # the other way: HRT beside only a relative's breast cancer stays out of this library
    assert (
        ask("my mom had breast cancer, is HRT safe for my hot flashes").answers == []
        or not ask("my mom had breast cancer, is HRT safe for my hot flashes").confident
    )


def test_vaginal_estrogen_cream_stays_answered():
    assert _first("I have MBC. Can I use vaginal estrogen cream?").startswith(
        "sexual-health-and-fertility#what-helps-with-vaginal-dryness"
    )


def test_a_medicine_given_to_a_pet_is_the_vets():
    assert not ask("Can I give my cat tamoxifen? She has mammary cancer").confident
    # the other way: the writer's own tamoxifen with a pet named stays answered
    assert ask("I take tamoxifen, is it safe to cuddle my cat after my dose?").answers


# read from held-out set 87 after its one measurement
def test_a_pet_that_ate_tablets_or_a_writer_who_never_had_cancer_is_out_of_scope():
    assert not ask("my dog ate one of my kisqali tablets off the floor, what do i do").confident
    assert not ask("51, never had cancer, is HRT safe for my hot flashes").confident
    # the other way: the writer's own MBC keeps the question
    assert ask("i have mbc, can i take hormone replacement for my hot flashes").confident
    assert ask("my mom never had cancer but I have mets, is HRT safe for me").answers
