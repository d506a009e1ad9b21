"""The saved index: named by a hash of its inputs, reused, rebuilt when damaged, optional."""

import pickle

from mbcnav.library import prebuilt
from mbcnav.library.articles import read_library
from mbcnav.library.index import Index
from mbcnav.library.vocabulary import synonyms


def _build(folder):
    return lambda: Index(read_library(folder), synonyms())


def test_saved_index_is_reused_and_answers_the_same(write_article, tmp_path, monkeypatch):
    monkeypatch.setenv("MBCNAV_CACHE_DIR", str(tmp_path / "cache"))
    write_article("a", title="Lymphedema care", heading="Swelling", body="Arm swelling help.")
    folder = str(tmp_path / "articles")
    first = prebuilt.load_or_build(folder, _build(folder))
    path = prebuilt.path_for(folder)
    assert path.exists() and oct(path.parent.stat().st_mode & 0o777) == "0o700"
    again = prebuilt.load_or_build(folder, lambda: (_ for _ in ()).throw(AssertionError("rebuilt")))
    assert [h.section.anchor for h in again.search("lymphedema", rerank=False)] == [
        h.section.anchor for h in first.search("lymphedema", rerank=False)
    ]


def test_changing_an_article_changes_the_name(write_article, tmp_path):
    write_article("a", title="Lymphedema care", heading="Swelling", body="Arm swelling help.")
    folder = str(tmp_path / "articles")
    before = prebuilt.key(folder)
    write_article("a", title="Lymphedema care", heading="Swelling", body="Leg swelling help.")
    assert prebuilt.key(folder) != before


def test_a_damaged_file_is_rebuilt(write_article, tmp_path, monkeypatch):
    monkeypatch.setenv("MBCNAV_CACHE_DIR", str(tmp_path / "cache"))
    write_article("a", title="Lymphedema care", heading="Swelling", body="Arm swelling help.")
    folder = str(tmp_path / "articles")
    path = prebuilt.path_for(folder)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    index = prebuilt.load_or_build(folder, _build(folder))
    assert index.search("lymphedema", rerank=False)
    assert isinstance(pickle.loads(path.read_bytes()), Index)


def test_cache_can_be_turned_off(write_article, tmp_path, monkeypatch):
    monkeypatch.setenv("MBCNAV_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("MBCNAV_LIBRARY_CACHE", "off")
    write_article("a", title="Lymphedema care", heading="Swelling", body="Arm swelling help.")
    folder = str(tmp_path / "articles")
    prebuilt.load_or_build(folder, _build(folder))
    assert not (tmp_path / "cache").exists()
