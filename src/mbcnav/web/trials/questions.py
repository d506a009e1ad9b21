"""Questions to ask the care team about one trial (they go to the visit guide).

Each question kind has a fixed number, so the visit guide's rule ``trial:{nct}:{number}``
stays the same when the page is shown again. Wording paraphrases NCI's advice on questions
to ask about a clinical trial (cancer.gov, public domain, read 2026-11-21).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

SOURCE = {
    "publisher": "National Cancer Institute",
    "title": "Questions to Ask Your Doctor about Treatment Clinical Trials",
    "url": "https://www.cancer.gov/research/participate/clinical-trials/questions",
    "read": "2026-11-21",
}


@dataclass
class TrialQuestion:
    number: int
    text: str
    why: str


def _short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def trial_questions(
    trial, result: dict | None, settle: list[dict], nearest: dict | None
) -> list[TrialQuestion]:
    """The questions for one trial; ``result`` is the engine's match (None without a record)."""
    nct, title = trial.nct_id, _short(trial.title, 90)
    out = []
    if result is not None:
        fit = {"likely": _("likely"), "possible": _("possible"), "unlikely": _("unlikely")}[
            result["fit"]
        ]
        why = _(
            "From your record the fit looks %(fit)s. Only the study team can decide who can join."
        ) % {"fit": fit}
    else:
        why = _("Only the study team can decide who can join.")
    out.append(
        TrialQuestion(
            1,
            _("Could I be a candidate for the trial %(nct)s (%(title)s)?")
            % {"nct": nct, "title": title},
            why,
        )
    )
    open_points = [s["what"] for s in settle if not s["routine"]]
    if open_points:
        listed = "; ".join(open_points[:4])
        out.append(
            TrialQuestion(
                2,
                _("Which tests or facts would settle the open points for %(nct)s: %(list)s?")
                % {"nct": nct, "list": listed},
                _("Some of this trial's rules could not be checked from your record."),
            )
        )
    not_met = [c for c in (result or {}).get("criteria", []) if c["verdict"] == "not met"]
    if not_met:
        c = not_met[0]
        out.append(
            TrialQuestion(
                3,
                _(
                    "My record suggests I may not meet this rule of %(nct)s: “%(rule)s”. Is that right for me?"
                )
                % {"nct": nct, "rule": _short(c["text"])},
                c["why"],
            )
        )
    out.append(
        TrialQuestion(
            4,
            _(
                "How does the treatment in %(nct)s compare with the options I have outside the trial?"
            )
            % {"nct": nct},
            _("A trial is one option among others; your team can weigh it with you."),
        )
    )
    if nearest:
        where = _(
            "The nearest open site we know of is %(facility)s, about %(miles)s miles away."
        ) % {"facility": nearest["facility"] or nearest["city"], "miles": f"{nearest['miles']:g}"}
    else:
        where = _("Trials often need extra visits and tests at the study site.")
    out.append(
        TrialQuestion(
            5,
            _(
                "How often would I need to go to the study site for %(nct)s, and is help with travel available?"
            )
            % {"nct": nct},
            where,
        )
    )
    out.append(
        TrialQuestion(
            6,
            _("What would joining %(nct)s cost me, and what would my insurance cover?")
            % {"nct": nct},
            _("Many US health plans pay for routine care during a trial; ask what applies to you."),
        )
    )
    return out
