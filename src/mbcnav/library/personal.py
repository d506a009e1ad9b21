"""What the library uses from a person's record: subtype, sites and current drugs.

``Profile`` is read from a Patient (``profile_of``); ``fit`` scores an article for the
person (tagged for their subtype or sites: preferred; tagged only for other subtypes:
demoted); ``with_my_drugs`` and ``my_drug_facts`` answer "side effects of my treatment?"
from the drugs the person takes now, and ``named_drug_facts`` the same for drugs a
question names. Split out of ``answer.py`` (issue 15) to keep files small.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from mbcnav.library.articles import Article
from mbcnav.library.shapes import focus_named

MATCH_BOOST = 1.25  # passage tagged for the person's subtype or one of their sites
MISMATCH_DAMP = 0.8  # passage tagged only for subtypes the person does not have
MY_TREATMENT = re.compile(
    r"\bmy (current )?(treatments?|drugs?|medicines?|medications?|meds|pills?|chemo|therapy|regimen)\b"
    r"|\bthe (drugs?|medicines?|pills?) i(?:'m| am)? (take|taking|on)\b",
    re.I,
)

# Tag words that fit each subtype from mbcnav.patient.derive.subtype (compared lower-case, no spaces).
SUBTYPE_TAGS = {
    "HR+/HER2-": {
        "hr+/her2-",
        "hr+",
        "hr-positive",
        "hormonereceptor-positive",
        "er+",
        "her2-",
        "her2-negative",
        "luminal",
    },
    "HR+/HER2+": {
        "hr+/her2+",
        "hr+",
        "hr-positive",
        "hormonereceptor-positive",
        "er+",
        "her2+",
        "her2-positive",
    },
    "HR-/HER2+": {"hr-/her2+", "her2+", "her2-positive"},
    "triple-negative": {
        "triple-negative",
        "tnbc",
        "triplenegative",
        "her2-",
        "her2-negative",
        "hr-",
    },
}
HER2_TAGS = {
    "low": {"her2-low", "her2low"},
    "ultralow": {"her2-ultralow", "her2ultralow", "her2-low"},
}


@dataclass(frozen=True)
class Profile:
    """What the library uses from a person's record to choose passages."""

    subtype: str = "unknown"
    her2_category: str = "unknown"
    sites: tuple[str, ...] = ()
    drugs: tuple[str, ...] = ()  # generic names of the drugs the person is taking now

    def tag_words(self) -> set[str]:
        return SUBTYPE_TAGS.get(self.subtype, set()) | HER2_TAGS.get(self.her2_category, set())


def profile_of(patient) -> Profile:
    """A Profile from a mbcnav.patient Patient (or a Profile passed through)."""
    if patient is None or isinstance(patient, Profile):
        return patient or Profile()
    from mbcnav.patient import derive

    return Profile(
        subtype=derive.subtype(patient),
        her2_category=derive.her2_category(patient),
        sites=tuple(derive.sites(patient)),
        drugs=tuple(d.name for d in derive.ongoing_drugs(patient, date.today())),
    )


def with_my_drugs(asked: str, profile: Profile) -> str:
    """ "Side effects of my treatment?" from a signed-in person: name their current drugs.

    Only when the question says "my treatment / my drugs / my medicine ..." and names
    no drug itself; the drugs come from the person's record (treatments ongoing today).
    """
    if not profile.drugs or not MY_TREATMENT.search(asked) or focus_named(asked):
        return asked
    return f"{asked} ({', '.join(profile.drugs)})"


FACT_KINDS = (  # what a "my treatment" question asks -> the medicines guide facts that answer it
    (
        re.compile(r"\binteract|\bwith (other|my) (drugs?|medicines?)|grapefruit|supplement", re.I),
        ("interactions",),
    ),
    (
        re.compile(
            r"\bhow (is|are)\b.{0,40}\bgiven\b|\bhow (do|should) i take|\bdoses?\b|\bschedule", re.I
        ),
        ("given",),
    ),
    (
        re.compile(r"\bhow does|\bhow do (they|my)|\bwhat (is|are|does) my\b.*\b(do|work)", re.I),
        ("what",),
    ),
    (re.compile(r"\bapproved|\bwho (is|are) .* for\b", re.I), ("approved",)),
)
SIDE_EFFECT_FACTS = ("common", "serious", "report")
SIDE_EFFECT_WORDS = re.compile(r"side[ -]?effects?|reactions?|toxicit|\bsafe\b|\brisks?\b", re.I)


def named_drug_facts(asked: str, named: tuple[tuple[str, str], ...]) -> tuple:
    """For a question that names up to three drugs and asks about their side effects, how
    they are given, how they work, who they are for or what they interact with: each
    drug's fitting medicines guide facts (``()`` for any other question)."""
    if not named or len(named) > 3:
        return ()
    if not (SIDE_EFFECT_WORDS.search(asked) or any(p.search(asked) for p, _ in FACT_KINDS)):
        return ()
    return my_drug_facts(asked, tuple(name for name, _ in named))


def my_drug_facts(asked: str, drugs: tuple[str, ...]) -> tuple[tuple[str, str, tuple], ...]:
    """For a question about "my treatment", each current drug's guide facts that answer it
    (side effects and what to report unless the question asks how it is given, how it
    works, who it is for or what it interacts with)."""
    from mbcnav.library.medicines import medicine_for

    keys = next((k for pattern, k in FACT_KINDS if pattern.search(asked)), SIDE_EFFECT_FACTS)
    out = []
    for name in drugs:
        found = medicine_for(name)
        if found is not None:
            out.append((found.name, found.url, tuple(f for f in found.facts if f.key in keys)))
    return tuple(out)


def _squash(tag: str) -> str:
    return tag.lower().replace(" ", "")


def fit(article: Article, profile: Profile) -> float:
    """Score factor for an article given a person: >1 fits them, <1 is for someone else."""
    subtypes = {_squash(t) for t in article.tags.get("subtypes", ())} - {"all", "any"}
    sites = {t.lower() for t in article.tags.get("sites", ())}
    mine = {_squash(t) for t in profile.tag_words()}
    if (subtypes & mine) or (sites & set(profile.sites)):
        return MATCH_BOOST
    if subtypes and profile.subtype != "unknown":
        return MISMATCH_DAMP
    return 1.0
