"""Library maintenance: ``python -m mbcnav.library refresh-vectors``.

Re-embeds every passage of the bundled articles into ``data/passage_vectors.npz``
(run it after editing articles; ``tests/library`` checks the file is up to date).
"""

import sys

from mbcnav.library.rerank import VECTORS_FILE, refresh


def main(argv: list[str]) -> int:
    if argv != ["refresh-vectors"]:
        print("usage: python -m mbcnav.library refresh-vectors", file=sys.stderr)
        return 2
    count = refresh()
    print(f"Wrote vectors for {count} passages to {VECTORS_FILE}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
