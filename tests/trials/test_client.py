import httpx
import pytest
import respx

from mbcnav.trials.client import BASE_URL, CtgovClient, geo_filter
from mbcnav.trials.errors import TrialsError
from mbcnav.trials.record import from_v2


def client(**kw):
    sleeps = []
    c = CtgovClient(sleep=sleeps.append, **kw)
    return c, sleeps


@respx.mock
def test_one_study_by_nct_id(v2_full):
    route = respx.get(f"{BASE_URL}/studies/NCT03377387").mock(
        return_value=httpx.Response(200, json=v2_full)
    )
    c, _ = client()
    study = c.study("nct03377387")
    assert route.called
    assert from_v2(study).title.startswith("Capecitabine 7/7")


@respx.mock
def test_search_pages_with_page_token(v2_full, v2_subset):
    def answer(request):
        params = request.url.params
        assert params["query.cond"] == "breast cancer"
        assert params["filter.overallStatus"] == "RECRUITING"
        assert params["filter.geo"] == "distance(41.8971,-87.6223,50mi)"
        assert params["pageSize"] == "1"
        if "pageToken" not in params:
            return httpx.Response(200, json={"studies": [v2_full], "nextPageToken": "tok2"})
        assert params["pageToken"] == "tok2"
        return httpx.Response(200, json={"studies": [v2_subset]})

    route = respx.get(f"{BASE_URL}/studies").mock(side_effect=answer)
    c, sleeps = client()
    found = list(
        c.search(
            cond="breast cancer",
            status=["recruiting"],
            geo=geo_filter(41.8971, -87.6223, 50),
            page_size=1,
        )
    )
    assert [from_v2(s).nct_id for s in found] == ["NCT03377387", "NCT02576665"]
    assert route.call_count == 2
    assert sleeps and 0 < sleeps[0] <= 1.0  # polite: waited before the second request


@respx.mock
def test_429_is_retried_with_backoff(v2_full):
    route = respx.get(f"{BASE_URL}/studies/NCT03377387").mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "3"}),
            httpx.Response(200, json=v2_full),
        ]
    )
    c, sleeps = client(min_interval=0)
    assert (
        c.study("NCT03377387")["protocolSection"]["identificationModule"]["nctId"] == "NCT03377387"
    )
    assert route.call_count == 2
    assert 3.0 in sleeps


@respx.mock
def test_5xx_gives_up_after_retries():
    respx.get(f"{BASE_URL}/studies/NCT03377387").mock(return_value=httpx.Response(503))
    c, sleeps = client(min_interval=0, retries=2)
    with pytest.raises(TrialsError, match="503"):
        c.study("NCT03377387")
    assert len(sleeps) == 2


@respx.mock
def test_offline_is_one_clear_sentence():
    respx.get(f"{BASE_URL}/studies/NCT03377387").mock(side_effect=httpx.ConnectError("no route"))
    c, _ = client()
    with pytest.raises(TrialsError) as err:
        c.study("NCT03377387")
    assert str(err.value).startswith("Cannot reach ClinicalTrials.gov")
    assert "\n" not in str(err.value)


def test_bad_nct_id_is_refused_before_any_request():
    c, _ = client()
    with pytest.raises(TrialsError, match="NCT id 'NCT123'"):
        c.study("NCT123")


@respx.mock
def test_missing_study_404():
    respx.get(f"{BASE_URL}/studies/NCT00000000").mock(return_value=httpx.Response(404))
    c, _ = client()
    with pytest.raises(TrialsError, match="no study"):
        c.study("NCT00000000")
