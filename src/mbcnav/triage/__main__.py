"""Triage maintenance: ``python -m mbcnav.triage refresh-vectors``.

``refresh-vectors`` re-embeds the exemplars of the semantic red-flag net
(``data/semantic_flags.yaml``) into ``data/semantic_vectors.npz``; run it after editing the
exemplars (``tests/triage/test_semantic.py`` checks the file is up to date).
"""

import sys

from mbcnav.triage.semantic import VECTORS_FILE, refresh


def main(argv: list[str]) -> int:
    if argv != ["refresh-vectors"]:
        print("usage: python -m mbcnav.triage refresh-vectors", file=sys.stderr)
        return 2
    count = refresh()
    print(f"Wrote vectors for {count} red-flag exemplars to {VECTORS_FILE}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
