import copy

import httpx
import respx

from mbcnav.trials.client import BASE_URL, CtgovClient
from mbcnav.trials.store import JsonStore
from mbcnav.trials.sync import sync


@respx.mock
def test_sync_is_incremental_by_last_update(tmp_path, v2_full, v2_subset):
    newer = copy.deepcopy(v2_full)
    newer["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = "2026-01-02"
    # the field-projected record has no last-update date: it is refreshed on every sync
    pages = [[v2_full, v2_subset], [newer, v2_subset], [newer]]
    seen_filters, id_requests = [], []

    def answer(request):
        if request.url.params.get("filter.ids"):  # the held trials' newer records: none here
            id_requests.append(request.url.params["filter.ids"])
            return httpx.Response(200, json={"studies": []})
        seen_filters.append(request.url.params.get("filter.advanced"))
        return httpx.Response(200, json={"studies": pages[len(seen_filters) - 1]})

    respx.get(f"{BASE_URL}/studies").mock(side_effect=answer)
    path = tmp_path / "trials.json"
    store = JsonStore.open(path, create=True)
    client = CtgovClient(sleep=lambda s: None)
    ticks = []
    first = sync(store, client, progress=ticks.append)
    assert first == {"fetched": 2, "added": 2, "updated": 0, "unchanged": 0}
    assert len(ticks) == 2
    again = JsonStore.open(path)
    assert {t.nct_id for t in again.trials()} == {"NCT03377387", "NCT02576665"}
    assert again.parse("NCT03377387")["criteria"]
    second = sync(again, client)
    assert second == {"fetched": 2, "added": 0, "updated": 2, "unchanged": 0}
    third = sync(JsonStore.open(path), client)
    assert third == {"fetched": 1, "added": 0, "updated": 0, "unchanged": 1}
    assert seen_filters[0] is None
    assert seen_filters[1] == "AREA[LastUpdatePostDate]RANGE[2023-04-18,MAX]"
    assert seen_filters[2] == "AREA[LastUpdatePostDate]RANGE[2026-01-02,MAX]"
    assert JsonStore.open(path).get("NCT03377387").last_update == "2026-01-02"
    assert id_requests == ["NCT02576665,NCT03377387"] * 2, "held trials asked for from sync 2"
    assert (
        JsonStore.open(path).data["as_of"] == "2026-01-02" and JsonStore.open(path).data["synced"]
    )


def test_missing_store_is_one_sentence(tmp_path):
    import pytest

    from mbcnav.trials.errors import TrialsError

    with pytest.raises(TrialsError, match="does not exist"):
        JsonStore.open(tmp_path / "none.json")
