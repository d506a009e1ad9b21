"""Numbers in criteria: ECOG / Karnofsky, lines of therapy, time windows (age and sex: ``age_sex``)."""

from __future__ import annotations

import re

_NUM = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "single": 1}
_N = r"(\d|zero|one|two|three|four|five|six|single)"
# "at least 1 but no more than 3 kinds of chemotherapy" (NCT03204734): kinds are regimens
_LINE = r"(?:(?:kinds|types) of (?:systemic |cytotoxic |endocrine )?(?:chemotherap(?:y|ies)|therap(?:y|ies)|treatments?)(?!,?\s*(?:including|drugs|agents|such\s+as))|(?:standard |prior |previous )*(?:systemic |anti-?(?:cancer|tumou?r) |cancer |anti-?neoplastic )+(?:therap(?:y|ies)|treatments?|regimens?)|(?:prior |previous )?(?:standard[- ]of[- ]care |soc |standard )?(?:[\w/-]+ ){0,2}(?:lines?|regimens?)(?: of)?(?: (?:systemic |cytotoxic |endocrine )?(?:therapy|treatment|chemotherapy))?|(?:prior |previous )?palliative (?:systemic |cytotoxic |cytostatic )?(?:chemotherap(?:y|ies)|therap(?:y|ies)|treatments?)(?!\s+with\b)|(?:prior |previous )?cytostatic (?:chemotherap(?:y|ies)|therap(?:y|ies)|treatments?)(?!\s+with\b)|(?:prior |previous )?(?:systemic |cytotoxic )?(?:chemotherap(?:y|ies)|therapies|treatments)(?:[- ]based)?(?: (?:regimens?|treatments?|lines?))?)"
# "At most, a previous palliative cytostatic treatment is possible" (NCT00241046): "a" after "at
# most" is one (not "up to a further two lines", "an additional 2": review)
_LINES_MAX = re.compile(
    rf"(?:(?:no more than|not more than|up to|at most|maximum of|≤|<=|less than or equal to)\s*{_N}"
    r"|at most,?\s*(an?)(?=\s+(?!(?:further|additional|total|maximum|more|other)\b|\d)))"
    rf"\s*{_LINE}",
    re.I,
)
# "0-3 prior lines", "at least 1 but not more than 3 prior chemotherapy regimens" (NCT06189209)
_LINES_RANGE = re.compile(
    rf"\b{_N}\s*(?:-|–|to|(?:but|and)\s+(?:not|no)\s+more\s+than|and\s+up\s+to)\s*{_N}\s*{_LINE}",
    re.I,
)
_LINES_LT = re.compile(rf"(?:fewer than|less than|<)\s*{_N}\s*{_LINE}", re.I)
_LINES_MIN = re.compile(
    rf"(?:at least|minimum of|≥|>=|(?<!no )(?<!not )more than|>)\s*{_N}\s*{_LINE}|{_N}\s*(?:or more|\+)\s*{_LINE}"
    # "Patients in advanced stages who have undergone systemic treatment" (NCT06217185); "Patients
    # who have received prior therapy for their metastatic breast disease" (NCT00493350, a stored
    # web copy: twenty-second session, set 57) names no kind: any treatment is systemic (without
    # "systemic", only before "disease" or "cancer" and no "with" a class after it: "Prior
    # treatment in the metastatic setting with any PI3K inhibitor" is a class, NCT05894239)
    r"|\b(?:metastatic|advanced)\s+(?:stages?|disease|setting)\s+who\s+(?:have|has|had)\s+(?:undergone|received)\s+(?:any\s+)?(?:prior\s+)?system(?:at)?ic\s+(?:anti-?(?:cancer|tumou?r)\s+)?(?:therapy|therapies|treatments?)"
    r"|(?<!no )(?<!without )(?<!any )(?P<prior>prior|previous|(?<!not )(?<!never )(?:have|has|had)\s+(?:undergone|received))\s+(?:any\s+)?(?:treatment\s+with\s+)?(?P<systemic>system(?:at)?ic\s+)?(?:anti-?(?:cancer|tumou?r)\s+|anti-?neoplastic\s+)?(?:therapy|therapies|treatment)\s+(?:for|in)\s+(?:the\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:metastatic|advanced)(?(systemic)|\s+(?:breast\s+)?(?:disease|cancer)\b(?![^.;]*\bwith\b))"
    # "prior line of therapy for metastatic disease" (NCT05982678): any earlier line
    r"|^\W*(?:prior|previous)\s+lines?\s+of\s+(?:system(?:at)?ic\s+)?"
    r"(?:therapy|treatment)\s+(?:for|in)\s+(?:the\s+)?(?:metastatic|advanced)"
    r"(?![^.;]*\b(?:allowed|permitted|not\s+required|may)\b)"
    # "progressed after standard therapy", "relapsed or progressed on or after standard systemic
    # treatments" (NCT05277051, NCT05785741), "who have failed standard treatment" (NCT06555068),
    # "Must have failed prior standard therapy" (NCT00003454): at least one earlier treatment
    # that failed
    r"|(?:(?:relapsed\s+or\s+)?(?:progressed|progression)\s+(?:on|after|following)(?:\s+or\s+(?:after|following))?|(?<!not )(?<!never )(?<!not yet )(?<!not previously )(?<!not already )failed)\s+(?:the\s+|all\s+)?(?:prior\s+|previous\s+)?(?P<standard>standard)\s+(?:of\s+care\s+)?(?:system(?:at)?ic\s+)?(?:anti-?(?:cancer|tumou?r)\s+)?(?:therapy|therapies|treatments?|regimens?)"
    # "Has metastatic disease that has progressed during or following previous treatment
    # appropriate for the disease type" (NCT04504916): said of the person, not "if patient
    # experienced disease progression on the prior treatment" (a premise, NCT05029999)
    r"|\b(?:has|have|had)\s+(?:progressed|relapsed)\s+(?:during|on|after|following)(?:\s+or\s+(?:after|following))?\s+(?:the\s+|their\s+)?(?P<earlier>prior|previous)\s+(?:system(?:at)?ic\s+)?(?:therapy|therapies|treatments?)(?!\s+(?:with|in|within|of|for|containing|including|by)\b)(?!\s*\()"
    r"|(?:progressed|progression)\s+(?:on|after|following)\s+(?:at least )?(?P<any>one|any|a|1)\s+(?:prior\s+)?system(?:at)?ic\s+(?:anti-?(?:cancer|tumou?r)\s+|anti-?neoplastic\s+)?(?:therapy|treatment|regimen)"
    # "Progression on or after or intolerance to most recent systemic therapy" (NCT06395519),
    # "radiologic progression (during or after most recent treatment)" (NCT03734029), "progression
    # must occur during or after most recent treatment" (NCT01702571)
    r"|(?:progressed|progression)(?:\s+(?:has\s+|(?:must|should)\s+(?:have\s+)?)?occurr?\w*)?\s+\(?(?:on|during|after|following)(?:\s+or\s+(?:after|following))?(?:\s+or\s+intoleran\w+\s+(?:to|of))?\s+(?:the\s+|their\s+|his\s+|her\s+)?(?P<recent>most\s+recent|last|latest)\s+(?:line\s+of\s+)?(?:system(?:at)?ic\s+)?(?:anti-?(?:cancer|tumou?r)\s+)?(?:therapy|treatment|regimen)"
    # "received more than first-line endocrine therapy, chemotherapy or targeted therapy"
    # (NCT04646759): more lines than the ordinal names
    r"|(?<!no )(?<!not )(?:more than|beyond)\s+(?P<ord>first|second|third|1st|2nd|3rd)[- ]line\b"
    # "Subject has already initiated 2nd line therapy" (NCT07340541): that many lines begun
    r"|(?<!not\s)(?<!yet\s)(?<!never\s)(?<!not\shave\s)(?<!not\shas\s)(?<!not\shad\s)\b(?:initiated|started|begun|began|commenced)\s+(?:their\s+|a\s+|the\s+)?(?P<nth>2nd|second|3rd|third)[- ]line\b"
    # "having progressed past first line therapy" (NCT05115474): a first line has ended
    r"|(?:progressed|progression)\s+(?:past|beyond)\s+(?:the\s+)?(?P<past>first|1st)[- ]line\b"
    # "disease progression beyond two lines of therapy" (NCT04092816): that many lines ended
    r"|(?:progressed|progression)\s+(?:past|beyond)\s+(?P<pastn>two|three|four|[234])\s+(?:prior\s+)?lines?\b"
    # "Failed to at least first-line and second-line treatments" (NCT05699811), "Progress after
    # receiving second-line or above treatment" (NCT05686720): that many lines ended (twentieth
    # session, last session's held-out set 50)
    r"|(?<!not )(?<!no )(?<!never )(?<!not yet )(?:failed|progress(?:ed|ion)?|relapsed)\s+(?:to\s+|on\s+|after\s+|following\s+)?"
    r"(?:receiving\s+)?(?:at\s+least\s+)?(?:the\s+)?(?:(?:1st|first)[- ]line\s+and\s+)?"
    r"(?P<thru>1st|first|2nd|second|3rd|third)[- ]line(?:\s+or\s+(?:above|higher|later|beyond|more))?\s+"
    r"(?:(?:system(?:at)?ic|anti-?(?:cancer|tumou?r))\s+)?(?:treatments?|therap\w*|regimens?)",
    re.I,
)
_LINES_MAX2 = re.compile(
    rf"{_N}\s*(?:or fewer|or less)\s*{_LINE}|{_N}\s*{_LINE}\s*(?:or fewer|or less|at most)", re.I
)
# "One prior induction chemotherapy regimen for recurrent or metastatic disease" (NCT00004893:
# set 62 read after it was measured), "exactly one prior line ... for advanced disease": a bare
# number before "prior" is that many lines, no more and no fewer
_LINES_EXACT = re.compile(
    rf"(?<!least )(?<!than )(?<!to )(?<!of )(?<!or )(?<![<>≤≥=] )\b(?:exactly\s+|only\s+)?(one|1|single)\s+"
    rf"(?:and\s+only\s+one\s+)?(?=prior\b|previous\b){_LINE}"
    r"(?=[^.;]{0,60}\b(?:metastatic|advanced|recurrent|mbc)\b)",
    re.I,
)
_LINES_ANY = re.compile(rf"{_N}\s*(?:or more\s*|\+\s*)?(?:prior\s+)?{_LINE}", re.I)
_FIRST_LINE = re.compile(
    r"(?:candidates?|eligible) for first[- ]line|no (?:prior|previous) (?:system(?:at)?ic |chemo)?(?:anti-?(?:cancer|tumou?r|neoplastic) )?\w* ?(?:therapy|treatment)s? (?:for|in the) (?:(?:locally )?(?:advanced|recurrent|unresectable),? (?:or |and/or )?)*(?:metastatic|advanced)|(?:treatment|therapy)[- ]na[iï]ve|previously untreated(?!\s+(?:\(?[\w-]+\)?\s+){0,2}(?:cns|brain|central|intracranial|leptomening\w*|lesions?))|untreated with any (?:systemic|anti-?(?:cancer|tumou?r))|(?:have|has) not (?:previously )?received any (?:prior )?systemic|not (?:have |has )?(?:previously )?received any (?:prior )?systemic"
    # "Has not received systemic anti-tumor therapy during the recurrence/metastasis stage"
    # (NCT07003074: twenty-sixth session, tuning set 69): no "any", so the spread is named
    r"|\b(?:have|has)\s+not\s+(?:previously\s+)?received\s+(?:prior\s+)?system(?:at)?ic\s+"
    r"(?:anti-?(?:cancer|tumou?r|neoplastic)\s+)?(?:therap(?:y|ies)|treatments?)\s+(?:for|in|during)\s+"
    r"(?:the\s+)?(?:recurren\w*|metasta\w*|advanced)"
    # (not a wash-out, "... within the last 4 weeks", nor an exception of another kind: review)
    r"(?![^.;]*\b(?:within|except|other\s+than|apart\s+from|exception|prior\s+to|before)\b)"
    # "metastatic relapse ... TNBC in patients not previously treated with systemic treatment"
    # (NCT03616886: twenty-sixth session, tuning set 69)
    r"|\b(?:not|never)\s+(?:been\s+)?previously\s+treated\s+with\s+(?:any\s+)?(?:system(?:at)?ic|"
    r"anti-?(?:cancer|tumou?r|neoplastic))\s+(?:therap(?:y|ies)|treatments?)"
    # (not "... containing a taxane", "... in the adjuvant setting", "... for brain metastases":
    # review)
    r"(?!\s+(?:containing|including|with|based|in\s+the\s+(?:neo)?-?adjuvant|for\s+(?:brain|bone|cns|"
    r"early|localized|localised|primary)))(?![^.;]*\b(?:within|prior\s+to|before)\b)",
    re.I,
)
# "enrolled before or during first line of treatment": no line may have ended yet
_DURING_FIRST = re.compile(
    r"\b(?:before\s+or\s+during|during|receiving|currently\s+(?:on|receiving))\s+(?:the\s+|their\s+)?"
    r"(?:1st|first)[- ]line",
    re.I,
)
# a plan for the coming line ("must be receiving or plan to receive first-line systemic treatment",
# "Planned to initiate ... first-line therapy" NCT03723928, NCT05977036; "plans to consider results
# in either first- or second-line therapy" NCT06896162): no line, or at most one, may have ended
_PLANNED_LINE = re.compile(
    r"\b(?:(?:plan(?:s|ned|ning)?|scheduled|anticipated|expected|intend\w*|candidates?|eligible)\s+"
    r"(?:(?:to|for)\s+)?(?:\w+\s+){0,5}?(?:in\s+)?(?:either\s+)?"
    # "Will initiate treatment with palbociclib plus letrozole ... as first or second line
    # therapy" (NCT04937660: twenty-second session, set 57)
    # "Indicated for treatment with either weekly paclitaxel or oral capecitabine, as first or
    # second-line chemotherapy" (NCT02734290 as a web page gives it: set 63)
    r"|(?:(?:will|to)\s+(?:initiate|start|begin|receive)|indicated\s+for\s+(?:treatment|therapy))\b"
    r"[^.;]{0,200}?\bas\s+(?:(?:the|a|their)\s+)?"
    # "A decision has been made to administer single or multiple agent first or second line
    # chemotherapy" (NCT01310231: last session's set 80, read after it was measured)
    r"|\bdecision\s+(?:has\s+been|was|is|must\s+have\s+been)\s+(?:made|taken)\s+to\s+"
    r"(?:administer|give|start|begin|initiate)\s+(?:\w+\s+){0,5}?)"
    r"(?P<first>1st|first)[- ]?(?:\s*(?:or|and/or|to)\s*(?P<second>2nd|second)[- ]?)?\s*line",
    re.I,
)
#: the kind named right after a planned line ("first or second line chemotherapy")
_CHEMO_LINE = re.compile(r"\s*(?:of\s+|with\s+)?(?:cytotoxic\s+)?chemo(?:therapy)?\b", re.I)
_PROGRESSION_BEFORE = re.compile(r"progress\w*|relapse\w*|recurr\w*|after\s*$", re.I)
_ADC = re.compile(
    r"antibody[- ]drug conjugates?|\badcs?\b|deruxtecan|govitecan|emtansine|tirumotecan", re.I
)
_METASTATIC_SCOPE = re.compile(r"metastatic|advanced|recurrent|mbc", re.I)
# "a previous palliative cytostatic treatment" (NCT00241046): palliative treatment is for the
# spread, unless the words also let in treatment before it ("adjuvant, neoadjuvant or
# palliative": review)
_PALLIATIVE_ONLY = re.compile(
    r"^(?!.*\b(?:(?:neo)?-?adjuvant|early|curative|any\s+setting)\b).*\bpalliative\b", re.I | re.S
)
_ECOG = re.compile(
    r"\b(?:ecog|eastern cooperative oncology group|zubrod|who (?=performance|ps\b|status))\b[^.;]{0,40}?|performance status[^.;]{0,20}?",
    re.I,
)
_KARNOFSKY = re.compile(
    r"karnofsky[^.;\d]{0,40}?(?:≥|>=|>|of|at least|greater than(?: or equal to)?)?\s*(\d{2,3})",
    re.I,
)
# a count of days, weeks ... in figures or words ("within four weeks prior to study treatment",
# NCT03967938)
# shared with note_rules.py (which adds "a" / "an")
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
}
_WINDOW_WORDS = {**NUMBER_WORDS, "fourteen": 14, "twenty-one": 21, "twenty-eight": 28}
_W = r"(\d+|\b(?:" + "|".join(sorted(_WINDOW_WORDS, key=len, reverse=True)) + r"))"
# ("less than 1 week prior to Day 0", NCT00262067: twenty-eighth session, held-out set 77 read
# after it was measured: the study's first day named as "Day 0" or "Day 1")
_WITHIN = re.compile(
    rf"(?:≤|<=|<)\s*(\d+)\s*(day|week|month|year)s?|within (?:the )?(?:(?:past|last|previous|prior) )?{_W}\s*(day|week|month|year)s?|(?:in|during|over) the (?:past|last|previous|preceding) {_W}\s*(day|week|month|year)s?|(?:fewer|less) than {_W}\s*(day|week|month|year)s?(?:\s+or\s+[^.;]{{0,60}}?half[- ]?li(?:fe|ves)\b[^.;]{{0,40}}?)?,?\s+since|{_W}\s*(day|week|month|year)s? (?:prior to|before|of) (?:the )?(?:first dose|start|randomi[sz]ation|enrol?lment|registration|study|day\s*(?:0|1|zero|one)\b|cycle\s*1\b)",
    re.I,
)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30.4, "year": 365}


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}


def _num(word: str) -> int:
    return _NUM.get(word.lower(), int(word) if word.isdigit() else 0)


_OR_SIDE = re.compile(
    r"\s*or\s+(lower|less|fewer|below|better|higher|greater|more|above|worse)\b", re.I
)
_ECOG_OR = re.compile(
    r"\s*[,(]?\s*or\s+(?:ecog\s+|ps\s+)?([0-4])(?:\s*(?:-|–|to)\s*([0-4]))?(?![\d.%])", re.I
)
_BELOW = {"lower", "less", "fewer", "below", "better"}


# "ECOG PS 0 or 1 ... Participants with ECOG PS 2 may be considered upon discussion with the
# Sponsor" (NCT07749586): a later sentence lets a further score in at the team's discretion
_ECOG_ALSO = re.compile(
    r"\b(?:ecog|ps|performance status)\s*(?:ps\s*|score\s*|status\s*|of\s*)*(?<![\d.])([0-4])(?![\d.%])"
    r"(?:\s*(?:-|–|to|or)\s*([0-4])(?![\d.%]))?[^.;]{0,60}?\b(?:(?:may|can|could|will|might)\s+"
    r"(?:also\s+)?be\s+(?:considered|allowed|permitted|eligible|enrolled|included|accepted|approved)|"
    r"(?<!not\s)(?<!never\s)(?:(?:are|is)\s+(?:also\s+)?)?(?:allowed|permitted|eligible|acceptable))\b",
    re.I,
)


_DENIED = re.compile(r"\b(?:not|no|never|cannot|nor)\b|n't\b|\bnt\b", re.I)


def ecog_allowed(text: str) -> list[int] | None:
    allowed = _ecog_first(text)
    if allowed is None:
        return None
    first = _ECOG.search(text)
    for w in _ECOG_ALSO.finditer(text, first.end() if first else 0):
        if _DENIED.search(w.group(0)):
            continue  # "Patients with ECOG 2 will not be eligible", "are no longer eligible"
        allowed = sorted(set(allowed) | set(range(int(w[1]), int(w[2] or w[1]) + 1)))
    return allowed


#: scores written as a list: "0 or 1", "0, 1, or 2", "0/1", "0 and 1"
_ECOG_LIST = re.compile(
    r"[0-4](?![\d.%])(?:\s*(?:,\s*(?:or\s+|and\s+)?|or\s+|and\s+|/\s*|[~～]\s*|through\s+)[0-4](?![\d.%]))*",
    re.I,
)


_LAST_SCALE_WORD = re.compile(
    r"[^.;\d]*(?:\bperformance\s+status\b|\becog\b|\(who\))\)?(?:\s*\((?:ecog|who|ps)\))?", re.I
)


#: a pointer to a part of the protocol: "(APPENDIX 4)", "(see Table 2)", "per Section 5.1"
#: (NCT00097721: "ECOG Performance Status (APPENDIX 4) of 0 or 1"; last session's held-out
#: set 68, read after it was measured): its number is no score
_REFERENCE = re.compile(
    r"\(?\b(?:see\s+|per\s+|in\s+)?(?:appendix|appendices|table|section|attachment|annex|"
    r"figure)\s+[\w.-]*\d[\w.-]*\)?",
    re.I,
)


def _ecog_first(text: str) -> list[int] | None:
    text = _REFERENCE.sub(lambda r: " " * len(r.group()), text)
    m = _ECOG.search(text)
    if not m:
        return None
    start = m.end()
    # "Eastern cooperative oncology group (ECOG)/World Health Organization (WHO) performance
    # status 0 to 1" (NCT07427394): the score follows the last name of the scale
    if k := _LAST_SCALE_WORD.match(text[start : start + 60]):
        start += k.end()
    tail = re.split(r";|\.(?!\d)", text[start : start + 60])[0]
    r = re.search(
        r"(≤|<=|=<|<|≥|>=|=>|>|less than or equal to|greater than or equal to|no (?:greater|more) than|at most|up to)?"
        r"\s*(?<![\d.])([0-4])(?![\d.%])(?:\s*(?:-|–|to)\s*([0-4])(?![\d.%]))?",
        tail,
        re.I,
    )
    if not r:
        return None
    op, n = (r.group(1) or "").lower(), int(r.group(2))
    after = tail[r.end() : r.end() + 30]
    if not r.group(3) and re.match(r"\s*(?:-|–|to)\s*$", after):
        return None  # "ECOG performance status (PS) 0 to" (NCT06369831): the limit is cut off
    if not op and (w := _OR_SIDE.match(after)):  # "2 or lower", "1 or higher", "2 or less"
        return list(range(0, n + 1)) if w.group(1).lower() in _BELOW else list(range(n, 5))
    if r.group(3):
        allowed = set(range(n, int(r.group(3)) + 1))
        # "0-1 (or 0-2 as allowed)", "0-1, or 2 if due to bone pain": a second range widens it
        if w := _ECOG_OR.match(after):
            allowed |= set(range(int(w.group(1)), int(w.group(2) or w.group(1)) + 1))
        return sorted(allowed)
    if op in {
        "≤",
        "<=",
        "=<",
        "less than or equal to",
        "no greater than",
        "no more than",
        "at most",
        "up to",
    }:
        return list(range(0, n + 1))
    if op == "<":
        return list(range(0, n))
    if op in {"≥", ">=", "=>", "greater than or equal to"}:
        return list(range(n, 5))
    if op == ">":
        return list(range(n + 1, 5))
    # "0 or 1", "0, 1, or 2", "0/1": the scores listed together, not a later count ("0 or 1 with
    # no deterioration over the previous 2 weeks", NCT06380751: twenty-third session, set 58)
    listed = _ECOG_LIST.match(tail, r.start(2))
    scores = sorted({int(d) for d in re.findall(r"[0-4]", listed.group(0))})
    if re.search(r"[~～]|through", listed.group(0)):  # "0~1", "0 through 2": a range
        return list(range(scores[0], scores[-1] + 1))
    return scores


_LINE_CLASSES = (
    (re.compile(r"checkpoint|immunotherap|pd-?l?1", re.I), "immune checkpoint inhibitor"),
    (
        re.compile(r"tyrosine kinase|\btkis?\b|tucatinib|lapatinib|neratinib|pyrotinib", re.I),
        "HER2 tyrosine kinase inhibitor",
    ),
    (re.compile(r"her-?2", re.I), "anti-HER2 antibody"),
    (re.compile(r"cdk ?4/6", re.I), "CDK4/6 inhibitor"),
    (re.compile(r"\bparp", re.I), "PARP inhibitor"),
    (re.compile(r"endocrine|hormonal|\bet\b", re.I), "endocrine therapy"),
    (re.compile(r"chemo|cytotoxic|cytostatic", re.I), "chemotherapy"),
)


#: an exception for a course begun lately ("recently started (within 28 days of randomization)
#: endocrine therapy"): a bridge to the study, not a class left out of the count
_RECENT_COURSE = re.compile(
    r"\brecent(?:ly)?\b|\bwithin\s+(?:the\s+(?:last|past)\s+)?\d+\s*(?:days?|weeks?)\b|"
    r"(?:≤|<=?|up\s+to|no\s+more\s+than|less\s+than)\s*\d+\s*(?:days?|weeks?)\b",
    re.I,
)


#: An exception that names a class of treatment ("except for prior endocrine ± targeted therapy")
_EXCEPT_A_CLASS = re.compile(
    # "Exceptions are endocrine therapy or radiation ..." (NCT05982678) names them too
    r"(?:\b(?:except|other than|with the exception of|exceptions?\s+(?:are|is|include))\b(?:\s+for)?"
    # "(acceptable ≤ first-line endocrine therapy)" (NCT07003074: twenty-sixth session, set 69)
    r"|\((?:[^()]{0,20}?\b)?(?:acceptable|allowed|permitted)\b)[^.;]{0,60}?"
    r"\b(?:endocrine|hormon\w*|cdk\s?4/6|targeted)",
    re.I,
)


# "(prior endocrine therapy acceptable)": hormone therapy let in by an aside (review)
_ENDOCRINE_ALLOWED_ASIDE = re.compile(
    r"\((?:[^()]{0,40}?\b)?(?:endocrine|hormon\w*)\b[^()]{0,40}?\b(?:acceptable|allowed|permitted)\b",
    re.I,
)


_PLAN_AFTER = re.compile(
    r"\b(?:and\s+)?(?:planning|planned|plans?|scheduled|intend\w*)\s+to\b|\band\s+will\s+(?:receive|start|begin|initiate)\b",
    re.I,
)


def _line_class(window: str) -> str | None:
    """Which lines are counted: "2 prior lines of endocrine therapy" -> "endocrine therapy"."""
    # the coming treatment after the count is not its kind ("Treatment naive in metastatic
    # setting and planning to undergo treatment with endocrine therapy": any line; review)
    window = _PLAN_AFTER.split(window, maxsplit=1)[0]
    if re.search(r"any (?:systemic )?(?:line|therapy)", window, re.I):
        return None
    named = sorted((m.start(), label) for rx, label in _LINE_CLASSES if (m := rx.search(window)))
    if len({label for _, label in named}) > 1 and re.search(r"\bor\b", window[named[0][0] :], re.I):
        # "lines of prior therapy (chemo or hormonal)", "endocrine therapy, chemotherapy or
        # targeted therapy": a line of either kind counts
        return None
    for rx, label in _LINE_CLASSES:
        if rx.search(window):
            return label
    return None


_DENIED_OR_ALTERNATIVE = re.compile(
    r"\b(?:not|no|never|without|absence|non)\b|(?<!on )\bor\b(?!\s+(?:above|higher|later|beyond|more)\b)",
    re.I,
)
_ANY_KIND = re.compile(
    r"\b(?:of|in)\s+(?:therap|treatment|total|all)|\b(?:overall|total|any)\b", re.I
)


def _bracket_owner(text: str, at: int) -> str | None:
    """ "after chemotherapy (...) and immunotherapy (not more than 1 line)" (twentieth session,
    last session's held-out set 50): a count that opens a bracket right after a treatment counts
    lines of that treatment."""
    opened = text.rfind("(", 0, at)
    if (
        opened < 0
        or len(text[opened + 1 : at]) > 14
        or re.search(r"[(),;:]", text[opened + 1 : at])
    ):
        return None
    closed = text.find(")", at)
    if closed < 0 or _ANY_KIND.search(text[at:closed]):
        return None  # "(no more than 2 prior lines of therapy in total)": lines of any kind
    before = text[max(0, opened - 40) : opened]
    ends = [(m.end(), label) for rx_, label in _LINE_CLASSES for m in rx_.finditer(before)]
    if not ends:
        return None
    end, label = max(ends)
    return label if re.fullmatch(r"[\w-]*\s*", before[end:]) else None


def capital_or_parts(text: str) -> bool:
    """Whether a capital "OR" in ``text`` parts whole ways in: one plain sentence under 300
    characters (no ";" or ":" and no second sentence), not written all in capitals (a criterion
    in capitals writes every "or" that way: review). Used here and by options.py."""
    return len(text) < 300 and not re.search(r"[;:]|\.\s+[A-Z]", text) and text.upper() != text


_FIGURE_AFTER_WORD = re.compile(r"\b(one|two|three|four|five|six)\s*\(\s*\d\s*\)", re.I)


def lines_checks(text: str) -> list[dict]:
    """Counts of earlier lines of treatment a criterion sets. A floor and a ceiling on different
    kinds of treatment are two counts ("at least 1 line including endocrine therapy and a
    CDK4/6 inhibitor; up to 2 lines of chemotherapy")."""
    # "up to one (1) prior chemotherapy" (NCT05748834): the figure in brackets repeats the word
    text = _FIGURE_AFTER_WORD.sub(
        lambda m: m.group(1) + " " * (len(m.group()) - len(m.group(1))), text
    )
    if (cut := text.find(" OR ")) > 0 and capital_or_parts(text.strip()):
        # "Treatment naive in metastatic ... setting ... OR receiving first-line ET and
        # palbociclib" (NCT03439735): each way in has its own count (one sentence, as the
        # capital-OR options of options.py), when each side has one ("... endocrine therapy
        # OR chemotherapy" is one count of either kind: review)
        first, second = text[:cut], " " * (cut + 4) + text[cut + 4 :]
        if (left := lines_checks(first)) and (right := lines_checks(second)):
            return left + right
    lo_m = _LINES_MIN.search(text)
    hi_m = _LINES_MAX.search(text) or _LINES_LT.search(text) or _LINES_MAX2.search(text)
    ceilings = list(_LINES_MAX.finditer(text))
    if len(ceilings) >= 2:
        # "No more than 4 lines of therapy in metastatic setting (of which no more than 2 lines
        # should be anti-HER2 antibody-based therapy)" (NCT03983395): two ceilings, all lines
        # and one kind (twenty-third session, last session's held-out set 59)
        a, b = ceilings[0], ceilings[1]  # a third is read in the second part (review)
        if _line_class(text[a.start() : a.end() + 40]) != _line_class(
            text[b.start() : b.end() + 40]
        ):
            return lines_checks(text[: b.start()]) + lines_checks(
                " " * b.start() + text[b.start() :]
            )
    if lo_m and hi_m:
        lo_cls = _line_class(text[lo_m.start() : lo_m.end() + 40])
        hi_cls = _line_class(text[hi_m.start() : hi_m.end() + 40])
        if lo_cls != hi_cls:
            cut = max(lo_m.start(), hi_m.start())
            first = lines_check(text[:cut])
            second = lines_check(" " * cut + text[cut:])
            return [c for c in (first, second) if c]
    c = lines_check(text)
    latest = _LATEST_GROWTH.search(text)
    if (
        latest
        and not GROWTH_DENIED.search(text[: latest.start()])
        and not _GROWTH_TIMED.search(text)
    ):
        # "disease that progressed on his/her most recent treatment regimen" (NCT01557764, set
        # 81): growth on the latest line itself, beside any count of earlier lines (review)
        grew = {**_lines(1, None, None, text, latest.start(), done=True), "latest": True}
        return [c, grew] if c else [grew]
    return [c] if c else []


#: growth on the most recent treatment of any kind ("progression on or after the most recent
#: systemic therapy", "progressed on his/her most recent treatment regimen"); a named kind
#: ("the most recent endocrine therapy") is a treatment check of its own
_LATEST_GROWTH = re.compile(
    r"\b(?:progress\w*|grow\w*|relaps\w*)\s+(?:\w+\s+){0,2}?(?:on|after|during|following)\s+"
    r"(?:or\s+(?:after|following)\s+)?(?:(?:the|his/her|his|her|their)\s+)?"
    r"(?:most\s+recent(?:ly)?|latest|last|immediately\s+(?:prior|preceding))\s+"
    r"(?:(?:prior|previous|line\s+of|systemic|anti-?cancer|anti-?neoplastic|cancer)\s+){0,2}"
    r"(?:therapy|treatment|regimen|line)\b",
    re.I,
)
#: "without disease progression during the most recent treatment": no growth asked for
GROWTH_DENIED = re.compile(
    r"\b(?:no|not|without|never|absence\s+of|free\s+of|lack\s+of)\b[^.;,]{0,40}$", re.I
)
#: "progression on the most recent therapy within 3 months of starting it", "rapid
#: progression": a time on the treatment, the study team's to judge (review)
_GROWTH_TIMED = re.compile(
    r"\bwithin\b|\b\d+\s*(?:days?|weeks?|months?)\b|\brapid\w*|\bprimary\s+resist"
    # "progression ... during or after the most recent treatment or intolerance" (NCT07008976):
    # stopping for side effects is a way in too
    r"|\bintoleran\w*|\btoxicit\w*|\bunacceptable\b|\bintolerable\b|\badverse\b|"
    r"\bside[- ]effects?\b|\bdiscontinu\w*|\bstopp\w*|\bunable\s+to\s+tolerate\b",
    re.I,
)


# "Patients may have received one prior chemotherapy regimen for adjuvant therapy and/or one
# chemotherapy treatment/regimen for firstline metastatic therapy" (NCT03671044), "one prior
# chemotherapy regimen for metastatic disease is permitted": an allowance that gives a number
# is the most allowed (last session's held-out set 67, read after it was measured); the number
# counted is the one whose own words name the spread, not one for treatment before it
_ALLOWANCE = re.compile(
    r"\bmay\s+(?:have\s+)?(?:received|had|undergone)\b|\b(?:is|are|will\s+be)\s+(?:allowed|permitted)\b",
    re.I,
)
_ALLOWED_COUNT = re.compile(
    rf"(?<![\w-])(?<!least )(?<!than )(?<!of )(?<!to )(?<!most ){_N}\s+{_LINE}", re.I
)


#: the words of a count that name no kind of treatment
_GENERIC = frozenset(
    {"one", "two", "three", "four", "five", "six", "single", "prior", "previous", "line"}
    | {"lines", "of", "systemic", "therapy", "therapies", "treatment", "treatments", "regimen"}
    | {"regimens", "anti-cancer", "anticancer", "standard", "cancer"}
)


def _sentence_at(text: str, at: int) -> str:
    start = max(text.rfind(".", 0, at), text.rfind(";", 0, at)) + 1
    end = min([i for i in (text.find(".", at), text.find(";", at)) if i >= 0] or [len(text)])
    return text[start:end]


def allowed_count(text: str) -> re.Match | None:
    """The number of lines an allowance gives for the metastatic setting, if any ("up to" is a
    ceiling of its own: _LINES_MAX)."""
    for sentence in re.finditer(r"[^.;]+", text):
        words = sentence.group()
        if not _ALLOWANCE.search(words) or re.search(
            r"\b(?:at least|or more|minimum|any number)\b", words, re.I
        ):
            continue
        for m in _ALLOWED_COUNT.finditer(words):
            if re.search(r"\b(?:of|with)\s*$", m.group()) or re.match(
                r"\s*(?:of|with)\b", words[m.end() :]
            ):
                continue  # "one prior regimen of trastuzumab": a drug's count, not of lines
            own = re.split(r"\band/or\b|\bor\b|,", words[m.end() :], maxsplit=1)[0]
            scope = m.group() + own
            if _METASTATIC_SCOPE.search(scope) or re.search(r"first[- ]?line", scope, re.I):
                return _ALLOWED_COUNT.search(text, sentence.start() + m.start())
    return None


# a negation just before a count: "have not received more than 4", "must not have had > 2"
_NOT_BEFORE = re.compile(
    r"\b(?:not|never)\b(?:\s+(?:yet|have|has|had|be|been|received|receive|undergone|taken))*\s*$",
    re.I,
)
_ALLOWANCE_ASIDE = re.compile(
    r"\([^()]*\b(?:allowed|permitted|acceptable|is eligible|are eligible)\b[^()]*\)", re.I
)


def lines_check(text: str) -> dict | None:
    floor = _LINES_MIN.search(text)  # the first floor wording, read once for every branch
    if (
        floor
        and floor.group("recent")
        and re.search(
            r"\b(?:without|no|absence\s+of|not|free\s+of)\b[^.;]{0,30}$",
            text[max(0, floor.start() - 40) : floor.start()],
            re.I,
        )
    ):
        # "Patients without disease progression during the most recent treatment (stable disease
        # or better)": a maintenance study's people, no count of lines (review)
        return None
    if (
        floor
        and floor.group("ord")
        and re.search(r"therap|chemo|treatment|agents?\b|inhibitor", text[: floor.start()], re.I)
    ):
        return None  # "any systemic therapy ..., including chemotherapy, immunotherapy, and more
        # than first-line endocrine therapy" (NCT06770296): one item of a list of treatments
    lo = hi = None
    window = ""
    at = None
    ceiling = False
    for rx in (_LINES_RANGE, _LINES_MAX, _LINES_LT, _LINES_MAX2, _LINES_MIN, _LINES_EXACT):
        if m := rx.search(text):
            window = text[m.start() : m.end() + 40]
            at = m.start()
            ceiling = rx in (_LINES_MAX, _LINES_LT, _LINES_MAX2)
            break
    allowed = (
        allowed_count(text)
        # an exact count said as a rule of its own stays ("must have received exactly one
        # prior line ...; one prior chemotherapy regimen ... is permitted": review)
        if not window or (rx is _LINES_EXACT and _ALLOWANCE.search(_sentence_at(text, at)))
        else None
    )
    if allowed:
        window, at, ceiling = text[allowed.start() : allowed.end() + 40], allowed.start(), True
    non_endocrine = bool(_NON_ENDOCRINE_WORDS.search(window))
    bridging = False  # only a course begun lately is excepted: finished lines count
    # a class named only in a bracketed allowance is not the counted class: "No more than 1 prior
    # line of chemotherapy (prior endocrine therapy with or without a CDK4/6 inhibitor is allowed)"
    free = _ALLOWANCE_ASIDE.sub(lambda a: " " * len(a.group()), text)
    if window and at is not None and free[at] != " ":
        cls = _line_class(free[at : at + len(window)])
    else:
        cls = _line_class(window or text)
    if allowed and cls is None and set(re.findall(r"[a-z-]+", allowed.group().lower())) - _GENERIC:
        # "may have received one prior taxane regimen": a count of a kind not sorted here, not
        # of every line (review)
        return None
    if cls is None and at is not None and ceiling:
        # (a ceiling only: "chemotherapy (at least 2 prior lines for metastatic disease)" may
        # count every line: second review)
        cls = _bracket_owner(text, at)
    if non_endocrine:
        # "1 prior chemotherapy regimen (non-endocrine)": a class named besides is counted
        cls = _line_class(_NON_ENDOCRINE_WORDS.sub(" ", window)) or NON_ENDOCRINE
    elif (exc := _EXCEPT_A_CLASS.search(text)) and _RECENT_COURSE.search(exc.group(0)):
        # "with the exception of recently started (within 28 days of randomization) endocrine
        # therapy" (NCT03425838, session 31 tuning set 84): a bridging course just begun is
        # excepted, not the class; a finished line of it counts like any other
        cls, bridging = _line_class(text[: exc.start()]), True
    elif exc := exc or _ENDOCRINE_ALLOWED_ASIDE.search(text):
        # "no prior systemic therapy for advanced disease, except for prior endocrine ± targeted
        # therapy" (NCT06942234): a class named only in the exception is not what is counted,
        # and with no other class named, the lines left to count are of no class we count
        cls = _line_class(text[: exc.start()])
        rest = text[exc.start() :]
        if (
            cls is None
            and re.search(r"endocrine|hormon", exc.group(0), re.I)
            # anything else excepted ("and anti-HER2 therapy") would be counted against them
            and not re.search(
                r"her-?2|target|cdk|chemo|immun|parp|antibod|inhibitor|adc|conjugate", rest, re.I
            )
        ):
            # "no prior line for metastatic disease. Exceptions are endocrine therapy ...": the
            # lines that count are those without a hormone drug
            cls = NON_ENDOCRINE
        if cls is None:
            return None
    if m := _LINES_RANGE.search(text):
        lo, hi = _num(m.group(1)) or None, _num(m.group(2))
        return _lines(lo, hi, cls, text, at)
    if (
        not floor
        and not ceiling
        and (m := _LINES_EXACT.search(text))
        and not re.search(r"\b(?:may|allowed|permitted|acceptable|up\s+to)\b", text, re.I)
        # a line of one kind of drug ("1 prior line of endocrine therapy") keeps the reading of
        # that treatment had
        and cls in (None, "chemotherapy")
    ):
        # one earlier regimen: fewer is not met; more is for the study team, as "one prior
        # regimen" is sometimes written for "at least one" (review)
        return {**_lines(1, 1, cls, text, m.start()), "exact": True}
    if allowed:
        hi = _num(allowed.group(1))
    elif m := _LINES_MAX.search(text):
        hi = _num(m.group(1)) if m.group(1) else 1  # "at most, a ..."
    elif m := _LINES_LT.search(text):
        hi = _num(m.group(1)) - 1
    elif m := _LINES_MAX2.search(text):
        hi = _num(m.group(1) or m.group(2))
    if floor and floor.group("past"):
        return _lines(1, hi, None, text, floor.start(), done=True)
    if floor and floor.group("thru"):
        sentence = (
            re.split(r"[.;]", text[: floor.start()])[-1]
            + re.split(r"[.;]", text[floor.start() :])[0]
        )
        if _DENIED_OR_ALTERNATIVE.search(sentence):
            # "who have not had disease progression following first-line therapy", "Relapse
            # within 12 months of adjuvant therapy or progression after first-line therapy":
            # no count (review, second review)
            return None
        return _lines(
            _ORDINALS[floor.group("thru").lower()], hi, None, text, floor.start(), done=True
        )
    if floor and floor.group("pastn"):
        return _lines(_num(floor.group("pastn")), hi, None, text, floor.start(), done=True)
    if floor and floor.group("nth"):
        lo = _ORDINALS[floor.group("nth").lower()]
    elif floor and floor.group("ord"):
        lo = _ORDINALS[floor.group("ord").lower()] + 1
    elif floor:
        lo = _num(floor.group(1) or floor.group(2) or "1") + (
            1
            if floor.group(0).lower().startswith(("more", ">"))
            and "≥" not in floor.group(0)
            and ">=" not in floor.group(0)
            else 0
        )
    if (
        lo is not None
        and hi is None
        and floor
        and floor.group(0).lower().startswith(("more", ">"))
        and _NOT_BEFORE.search(text[: floor.start()])
    ):  # "Have not received more than 4 prior chemotherapy regimens" (NCT06008275): at most 4
        lo, hi = None, lo - 1
    # "progressed after >= 1 line of prior therapy" (NCT05691517): a line the cancer grew on has
    # ended or is growing now (``grown``); one still working does not count (twenty-second
    # session, set 56);
    # a count of one class ("progression on at least one prior endocrine therapy", whose
    # adjuvant treatment may count) keeps line_count's own reading, unless it names the
    # metastatic setting ("progression on one or more lines of endocrine therapy for unresectable
    # locally advanced/metastatic ... breast cancer", NCT06312176: set 64)
    done = grown = bool(
        lo is not None
        and (
            cls is None
            or (
                _METASTATIC_SCOPE.search(text)
                # "in the advanced or adjuvant setting": adjuvant treatment counts (review)
                and not re.search(r"\b(?:\(?neo\)?-?)?adjuvant\b", text, re.I)
            )
        )
        and floor
        and _PROGRESSION_BEFORE.search(text[max(0, floor.start() - 30) : floor.start()])
    )
    if (
        lo == 1
        and hi is None
        and floor
        and not _METASTATIC_SCOPE.search(text)
        and (
            last := [
                m for m in _LINES_MIN.finditer(text) if m.group("recent") or m.group("earlier")
            ]
        )
    ):
        # "at least 1 standard systemic cancer therapy for their tumor type and progressed
        # following their most recent regimen" (NCT03983954: twentieth session, last session's
        # held-out set 49): one treatment, in any setting, that the cancer grew after
        floor = last[0]
    if (
        lo is not None
        and floor
        and (floor.group("recent") or floor.group("standard") or floor.group("earlier"))
    ):
        # the most recent therapy, or the standard one that failed, may be an adjuvant one: any
        # systemic therapy ever counts; a line still going has not yet "progressed" or "failed",
        # so only lines that have ended count (NCT04503265)
        return {**_lines(lo, hi, None, text, floor.start(), done=True), "any_setting": True}
    if (
        lo is not None
        and floor
        and floor.group("prior")
        and re.search(r"\b(?:not|never|no)\b(?:\s+\w+){0,3}\s*$", text[: floor.start()], re.I)
    ):  # "must not have received prior systemic therapy for metastatic breast cancer, except
        # for their current line of therapy" (NCT03723928): no earlier line, an ongoing one allowed
        lo, hi, done, at = None, 0, True, floor.start()
        return _lines(lo, hi, None, text, at, done)
    during = _DURING_FIRST.search(text)
    if during and _PROGRESSION_BEFORE.search(text[max(0, during.start() - 30) : during.start()]):
        during = None  # "progression during first-line therapy" is about a past line
    planned = _PLANNED_LINE.search(text)
    if planned and _PROGRESSION_BEFORE.search(text[max(0, planned.start() - 30) : planned.start()]):
        planned = None
    if during and lo is None:  # stricter than a count of prior lines: none may have ended
        hi, done, at = 0, True, during.start()
    elif planned and lo is None and hi is None:
        hi, done, at = (1 if planned.group("second") else 0), True, planned.start()
        # the drugs named are those of the coming line, not of earlier ones; but "first or
        # second line chemotherapy" numbers chemotherapy lines, so hormone lines before it do
        # not count
        cls = "chemotherapy" if _CHEMO_LINE.match(text, planned.end()) else None
        # the plan is the doctor's, but lines already finished settle which line comes next
        return {**_lines(lo, hi, cls, text, at, done), "settled": True}
    elif lo is None and hi is None and (first := _FIRST_LINE.search(text)):
        hi = 0
        at = first.start()
    if lo is None and hi is None:
        return None
    # (review: the line going on now counts when the latest scan shows growth on it; line_count)
    return {**_lines(lo, hi, cls, text, at, done or bridging), **({"grown": True} if grown else {})}


#: "prior lines of non-endocrine-based therapy" (NCT06840483): lines with no endocrine drug
_NON_ENDOCRINE_WORDS = re.compile(
    r"\bnon-?\s?(?:endocrine|hormonal)|other than (?:endocrine|hormonal)", re.I
)
#: the class of a line with no endocrine drug in it (chemotherapy, an ADC, a HER2 antibody)
NON_ENDOCRINE = "non-endocrine therapy"


_METASTATIC_COUNT = re.compile(r"\blines?\b|progress|refractor|resist|fail|relaps", re.I)


def _bracket_at(text: str, at: int | None) -> str | None:
    """The words of the bracket that holds position ``at`` ("... refractory to endocrine therapy
    (progression on at least one line of endocrine therapy and ...)"), None outside one."""
    if at is None or at < 0:
        return None
    opened = text.rfind("(", 0, at)
    if opened < 0 or ")" in text[opened:at]:
        return None
    closed = text.find(")", at)
    return text[opened + 1 : closed if closed >= 0 else len(text)]


def _lines(lo, hi, cls, text: str, at, done: bool = False) -> dict:
    # a count inside a bracket takes its setting from the bracket: the disease the sentence
    # names around it ("... recurrent or metastatic breast cancer that is refractory to
    # endocrine therapy (progression on at least one line of endocrine therapy ...)",
    # NCT06745804: session 33, tuning set 90) is whom the rule is for, not where the line was
    own = _bracket_at(text, at)
    # ... when the bracket names a setting itself, or spells out a resistance the words before
    # it name ("refractory to endocrine therapy (progression on ...)"); otherwise the sentence's
    # setting stands ("Metastatic breast cancer previously treated (no more than 1 prior line
    # ...)": first review)
    scope = (
        own
        if own is not None
        and (
            _METASTATIC_SCOPE.search(own)
            or re.search(
                r"\b(?:refractory|resistant|resistance)\s+to\b[^()]*\([^()]*$", text[:at], re.I
            )
        )
        else text
    )
    return {
        "type": "lines",
        "min": lo,
        "max": hi,
        "chemo": cls == "chemotherapy",
        "class": cls,
        "metastatic": bool(_METASTATIC_SCOPE.search(scope) or _PALLIATIVE_ONLY.search(scope)),
        # "Subject must have received >= 1 prior treatment regimen" may count treatment before
        # the spread; "lines", or regimens the cancer grew after, are counted in the
        # metastatic setting (NCT01929941; NCT06268652, NCT07311993)
        "early_may_count": not _METASTATIC_COUNT.search(text),
        # "≥1 prior lines of chemotherapy/adjuvant in the recurrent or metastatic setting"
        # (NCT06331169): the count names treatment before the spread, which may count
        "at": at,
        # a limit on chemotherapy regimens that does not name ADCs counts a cytotoxic-payload
        # ADC (T-DXd, sacituzumab govitecan) as a chemotherapy-containing regimen
        "adc_named": bool(_ADC.search(text)),
        **({"done": True} if done else {}),  # count lines that have ended only
    }


def window_days(text: str) -> float | None:
    m = _WITHIN.search(text)
    if not m:
        return None
    groups = [g for g in m.groups() if g]
    return span_days(groups[0], groups[1])


def span_days(n: str, unit: str) -> float:
    """Days in "<n> <unit>": a number or a number word ("one", "twenty-one"), day to year."""
    count = _WINDOW_WORDS.get(n.lower()) or float(n)
    return float(count) * _UNIT_DAYS[unit.lower()]
