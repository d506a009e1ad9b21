"""Writes the unseen-bundle set for bench/fhir_import.py --fidelity (run once; output committed).

Each bundle imitates a kind of public data the importer had not seen: Synthea-style
patients with many unrelated conditions, trial-matching services' test patients, HL7 mCODE
IG examples (imitated, not copied), long histories, non-breast cancers (colon, lung,
uterine) and slightly invalid resources. The expected facts are written by hand in
dev/gold.yaml and held/gold.yaml, not produced by the importer. Written before the
importer was changed or run on them.

    uv run python bench/data/fhir_unseen/make_bundles.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from bundles_dev import DEV  # noqa: E402
from bundles_held import HELD  # noqa: E402


def write(name, data):
    path = HERE / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    made = {**{f"dev/{k}": v for k, v in DEV.items()}, **{f"held/{k}": v for k, v in HELD.items()}}
    for name, build in made.items():
        write(f"{name}.json", build())
    print(f"{len(made)} bundles written")
