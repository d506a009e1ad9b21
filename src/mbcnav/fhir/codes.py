"""The FHIR code table (``data/codes.yaml``): loading, validation and look-ups.

Every code the export writes and the import recognises comes from that one file.
Loading checks the structure, that every entry names a declared source, and the
check digits of LOINC (mod 10) and SNOMED CT (Verhoeff) codes, so a typo in the
table fails loudly with the file, the entry and the field named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from .errors import FhirError

WHERE = "fhir/data/codes.yaml"
SOURCE_FIELDS = ("publisher", "title", "url", "read")
ALLOWED_URLS = (
    "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-",
    "http://hl7.org/fhir/StructureDefinition/",
)
TOP_FIELDS = ("as_of", "sources", "systems", "profiles", "extensions", "local", "codes", "maps")


@dataclass(frozen=True)
class Code:
    key: str  # "group.name", e.g. "snomed.met_bone"
    system: str  # canonical URI
    code: str
    display: str
    source: str  # id in the table's sources

    def coding(self) -> dict:
        return {"system": self.system, "code": self.code, "display": self.display}

    def concept(self, text: str | None = None) -> dict:
        out: dict[str, Any] = {"coding": [self.coding()]}
        if text:
            out["text"] = text
        return out


@dataclass(frozen=True)
class CodeTable:
    as_of: str
    sources: dict[str, dict]
    systems: dict[str, str]
    profiles: dict[str, str]
    extensions: dict[str, str]
    local_base: str
    codes: dict[str, Code]
    maps: dict[str, dict[str, Code]]
    by_code: dict[tuple[str, str], Code]

    def get(self, key: str) -> Code:
        return self.codes[key]

    def find(self, system: str | None, code: str | None) -> Code | None:
        return self.by_code.get((system or "", str(code or "")))

    def profile(self, key: str) -> str:
        return self.profiles[key]

    def ext(self, key: str) -> str:
        return self.extensions[key]

    def local(self, name: str) -> str:
        """URL of one of our own extensions or code systems."""
        return f"{self.local_base}{name}"

    def mapped(self, name: str, word: str | None) -> Code | None:
        return self.maps[name].get(word) if word is not None else None

    def reverse(self, name: str, system: str | None, code: str | None) -> str | None:
        """The patient-file word a code stands for in map ``name`` (first match)."""
        for word, c in self.maps[name].items():
            if c.system == system and c.code == str(code):
                return word
        return None


def _fail(entry: str, message: str) -> FhirError:
    return FhirError(f"{WHERE}: {entry}: {message}")


# ------------------------------------------------------------------ check digits
def loinc_check_ok(code: str) -> bool:
    """LOINC mod-10 check digit (not used for LA answer codes, which have their own)."""
    m = re.fullmatch(r"(\d{1,7})-(\d)", code)
    if not m:
        return False
    digits = m.group(1)
    from_right = digits[::-1]
    odd = "".join(from_right[i] for i in range(0, len(digits), 2))[::-1]
    even = "".join(from_right[i] for i in range(1, len(digits), 2))[::-1]
    joined = even + str(int(odd) * 2)
    total = sum(int(ch) for ch in joined)
    return (10 - total % 10) % 10 == int(m.group(2))


_VERHOEFF_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
_VERHOEFF_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0),
    (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5),
    (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)


def snomed_check_ok(code: str) -> bool:
    """SNOMED CT identifier: 6-18 digits, Verhoeff check digit, concept partition (00 or 10)."""
    if not re.fullmatch(r"\d{6,18}", code) or code[-3:-1] not in ("00", "10"):
        return False
    c = 0
    for i, ch in enumerate(reversed(code)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[i % 8][int(ch)]]
    return c == 0


def _check_code(entry: str, system_name: str, code: str) -> None:
    if system_name == "loinc":
        ok = bool(re.fullmatch(r"LA\d{3,6}-\d", code)) or loinc_check_ok(code)
    elif system_name == "snomed":
        ok = snomed_check_ok(code)
    elif system_name == "rxnorm":
        ok = bool(re.fullmatch(r"\d{1,8}", code))
    elif system_name == "hgnc":
        ok = bool(re.fullmatch(r"HGNC:\d{1,6}", code))
    else:
        ok = bool(code)
    if not ok:
        raise _fail(
            entry,
            f"field 'code' {code!r} is not a valid {system_name} code (format or check digit).",
        )


# ------------------------------------------------------------------------ loading
def build(raw: Any) -> CodeTable:
    """Validate the parsed YAML and build the table (used by ``load`` and the tests)."""
    if not isinstance(raw, dict):
        raise _fail("file", "must be a mapping with " + ", ".join(TOP_FIELDS) + ".")
    for key in TOP_FIELDS:
        if key not in raw:
            raise _fail(key, "is missing.")
    sources = raw["sources"]
    for sid, src in sources.items():
        for f in SOURCE_FIELDS:
            if not isinstance(src, dict) or not src.get(f):
                raise _fail(f"sources.{sid}", f"field {f!r} is missing.")
    systems = {str(k): str(v) for k, v in raw["systems"].items()}

    def urls(section: str) -> dict[str, str]:
        out = {}
        for key, e in raw[section].items():
            entry = f"{section}.{key}"
            for f in ("url", "display", "source"):
                if not isinstance(e, dict) or not e.get(f):
                    raise _fail(entry, f"field {f!r} is missing.")
            if e["source"] not in sources:
                raise _fail(entry, f"field 'source' names unknown source {e['source']!r}.")
            if not str(e["url"]).startswith(ALLOWED_URLS):
                raise _fail(
                    entry,
                    f"field 'url' {e['url']!r} is not an mCODE or FHIR core StructureDefinition URL.",
                )
            out[key] = str(e["url"])
        return out

    local = raw["local"]
    if not isinstance(local, dict) or not str(local.get("base", "")).endswith("/"):
        raise _fail("local", "field 'base' must be a URL ending in '/'.")
    if local.get("source") not in sources:
        raise _fail("local", "field 'source' names an unknown source.")

    codes: dict[str, Code] = {}
    by_code: dict[tuple[str, str], Code] = {}
    for group, entries in raw["codes"].items():
        for name, e in entries.items():
            entry = f"codes.{group}.{name}"
            for f in ("system", "code", "display", "source"):
                if not isinstance(e, dict) or e.get(f) in (None, ""):
                    raise _fail(entry, f"field {f!r} is missing.")
            if e["system"] not in systems:
                raise _fail(entry, f"field 'system' names unknown system {e['system']!r}.")
            if e["source"] not in sources:
                raise _fail(entry, f"field 'source' names unknown source {e['source']!r}.")
            code = str(e["code"])
            _check_code(entry, e["system"], code)
            c = Code(f"{group}.{name}", systems[e["system"]], code, str(e["display"]), e["source"])
            if (c.system, c.code) in by_code:
                raise _fail(
                    entry,
                    f"field 'code' {code!r} is already listed as {by_code[(c.system, c.code)].key}.",
                )
            codes[c.key] = c
            by_code[(c.system, c.code)] = c

    maps: dict[str, dict[str, Code]] = {}
    for name, table in raw["maps"].items():
        maps[name] = {}
        for word, key in table.items():
            if key not in codes:
                raise _fail(f"maps.{name}.{word}", f"names unknown code {key!r}.")
            maps[name][str(word)] = codes[key]
    return CodeTable(
        as_of=str(raw["as_of"]),
        sources=sources,
        systems=systems,
        profiles=urls("profiles"),
        extensions=urls("extensions"),
        local_base=str(local["base"]),
        codes=codes,
        maps=maps,
        by_code=by_code,
    )


@cache
def table() -> CodeTable:
    text = resources.files("mbcnav.fhir").joinpath("data/codes.yaml").read_text(encoding="utf-8")
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise _fail("file", f"is not valid YAML ({err.__class__.__name__}).") from None
    return build(raw)
