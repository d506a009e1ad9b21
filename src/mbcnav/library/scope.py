"""Whether a question is about what the library covers (``data/scope.yaml``).

Used only when no passage answers a question confidently: an in-scope question then
gets "not sure, here are the nearest articles"; an out-of-scope one gets "not in this
library" with where to look instead.

Two signals decide it. The words (``covers``): breast cancer, an MBC topic word or a cancer
drug. The evidence (``by_evidence``), for questions that name none of them ("respite care for
caregivers", "is bone only disease slower"): how well the library's passages match the
question: the best dense (sentence-vector) similarity of any passage to the question must
be high (it is near a passage in meaning), and so must the BM25 score of the best passage
times that similarity (its words are there too). Each alone lets off-topic questions
through (a bike tire or car insurance question matches library words; a heartburn question
is near the side-effects passages in meaning). The thresholds ``evidence_similarity`` and
``evidence_min`` in ``data/scope.yaml`` were calibrated on tuning questions
(docs/benchmarks.md). A question that names another cancer is never in scope by evidence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mbcnav.library.drugs_named import DrugReadings, names_drug
from mbcnav.library.emergency_signs import emergency_sign  # noqa: F401 (public here too)
from mbcnav.library.other_cancers import OtherCancerReadings
from mbcnav.library.other_people import OtherPeopleReadings, others_beside_own
from mbcnav.library.other_subjects import OtherSubjectReadings
from mbcnav.library.scope_data import SCOPE_FILE, ScopeData  # noqa: F401 (public here too)
from mbcnav.library.vocabulary import analyse, synonyms

ELSEWHERE = (
    "The library has no passage that answers this question: it only covers metastatic breast "
    "cancer. For other health questions, ask your care team, or try Cancer.Net (www.cancer.net) or the "
    "National Cancer Institute's Cancer Information Service at 1-800-4-CANCER (1-800-422-6237)."
)


#: the person's own diagnosis named without the word cancer ("Three months since the diagnosis
#: and I'm angry all the time ...": tuning set 74), not one of something named after it ("the
#: diagnosis of dementia")
_OWN_DIAGNOSIS = re.compile(
    r" (?:since|at|after) (?:the |my )?diagnosis (?!of |with )|"
    r" my diagnosis (?!of |with |is |was )",
)
#: A stage written in the TNM system's letters ("T2 N1 M1", "pT1c N0 M0", "T4b,N2,M1"): what a
#: pathology report or a discharge letter says of a cancer's size, nodes and spread (NCI
#: Dictionary of Cancer Terms, "TNM staging system"; session 33, set 70, tuning)
_TNM = re.compile(
    r"\b[cpy]?t(?:[0-4][a-d]?|is|x)\s*,?\s*n(?:[0-3][a-c]?|x)\s*,?\s*m(?:[01]|x)\b", re.I
)


class Scope(
    OtherCancerReadings, OtherSubjectReadings, OtherPeopleReadings, DrugReadings, ScopeData
):
    """Whether a question is in the library's scope: the scope file's words (``ScopeData``) read
    with the drug, other people's, other cancer and other subject readings of the modules above."""

    def covers(self, question: str) -> bool:
        """Whether the question names breast cancer, an MBC topic word or a cancer drug.

        A lay phrase of two content words or more from the synonyms file ("bone pills", "water on
        the lungs") counts through what it stands for ("bone-modifying drug", "pleural
        effusion"): such a phrase is specific, while a single lay word ("head", "tired")
        stands for a topic word only in the library's context.
        """
        said = synonyms().correct(question)
        padded = f" {said} "
        if self._names_breast(padded) or _TNM.search(said):
            return True
        if self._has(padded, self.other):
            # another cancer named: in scope only beside a drug given only for breast cancer ("Is
            # Ibrance safe if I had radiation for thyroid cancer before?"); someone else's cancer
            # ("letrozole for my mom's ovarian cancer") is turned away before (owns_other_cancer);
            # or when it is someone else's and the writer asks of their own drug ("my neighbour had
            # xeloda for bowel cancer ... will that happen to me?": session 36 review)
            return self._breast_only_drug(padded) or others_beside_own(padded)
        # a plural names its topic too ("infusions", "appointments")
        singular = " ".join(w[:-1] for w in said.split() if len(w) > 4 and w.endswith("s"))
        if self._has(f"{padded}{singular} ", self.topic) or names_drug(padded):
            return True
        if _OWN_DIAGNOSIS.search(padded):
            return True
        meant = {
            extra
            for phrase, extra, _ in synonyms().expansions(question)
            if len(analyse(phrase)) >= 2
        }
        return any(
            self._has(f" {m} ", self.breast + self.topic) or names_drug(f" {m} ") for m in meant
        )

    def by_evidence(self, question: str, best_score: float, similarity: float) -> bool:
        """Whether the passages match the question well enough to call it in scope.

        ``best_score``: the BM25 score (times coverage) of the best passage; ``similarity``:
        the best cosine similarity of a passage to the question (dense vectors). Their
        similarity must reach ``evidence_similarity`` and their product ``evidence_min``; a
        question naming another cancer never counts.
        """
        if similarity < self.evidence_similarity or best_score <= 0:
            return False
        if self.names_other_cancer(question):
            return False
        return best_score * similarity >= self.evidence_min


@lru_cache(maxsize=1)
def scope() -> Scope:
    return Scope()
