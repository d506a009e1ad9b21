"""Library maintenance: ``python -m mbcnav.library refresh-vectors | build-index``.

``refresh-vectors`` re-embeds every passage of the bundled articles into
``data/passage_vectors.npz`` (run it after editing articles; ``tests/library`` checks the
file is up to date). ``build-index`` saves the search index to the cache folder
(see ``prebuilt.py``) so the first question of a new process is fast.
"""

import sys

from mbcnav.library.rerank import VECTORS_FILE, refresh


def main(argv: list[str]) -> int:
    if argv == ["build-index"]:
        from mbcnav.library import prebuilt
        from mbcnav.library.articles import ARTICLES_DIR
        from mbcnav.library.index import get_index

        get_index()
        print(
            f"Library index saved to {prebuilt.path_for(str(ARTICLES_DIR.resolve()))}.",
            file=sys.stderr,
        )
        return 0
    if argv != ["refresh-vectors"]:
        print("usage: python -m mbcnav.library refresh-vectors | build-index", file=sys.stderr)
        return 2
    count = refresh()
    print(f"Wrote vectors for {count} passages to {VECTORS_FILE}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
