"""AppTest: the Network page — renders in ar/en/fr (RTL for Arabic), one selectable midpoint per
edge carrying its dyad, the `dyad=` filter (counts follow, other pages too, bogus values named),
and the fold toggle kept in the URL (`unfold=1`)."""

import json

import pytest

from corpus import network
from tests.test_app_helpers import (
    assert_no_raw_keys,
    expected_counts,
    filtered,
    index,
    run_page,
    shown_counts,
)


def _figure(at) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def _edge_keys(fig: dict) -> list[str]:
    return [d[1] for trace in fig["data"] for d in (trace.get("customdata") or []) if d[0] == "edge"]


def _expected_edges(params: dict[str, str], fold: bool = True):
    r = filtered(params)
    return network.edges(r.events, r.quotes, index().actor_state, fold)


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_network_renders_one_midpoint_per_edge(lang):
    params = {"lang": lang, "year": "2024-2025"}
    at = run_page("network", params)
    assert not at.exception
    assert_no_raw_keys(at)
    assert shown_counts(at) == expected_counts(params)
    edges = _expected_edges(params)
    assert sorted(_edge_keys(_figure(at))) == sorted(network.dyad_key(s, t) for s, t in
                                                     zip(edges["source"], edges["target"], strict=True))
    assert len(_figure(at)["layout"]["annotations"]) == len(edges)  # one arrow per edge
    assert (_figure(at)["layout"]["hoverlabel"]["align"] == "right") == (lang == "ar")


def test_dyad_filter_counts_follow_on_every_page():
    params = {"lang": "en", "dyad": "MLI~DZA"}
    edges = _expected_edges({}).set_index(["source", "target"])
    for page in ("network", "timeline", "quotes"):
        at = run_page(page, params)
        assert not at.exception
        shown = shown_counts(at)
        assert shown == expected_counts(params)
        assert (shown[0], shown[2]) == (edges.loc[("MLI", "DZA"), "events"], edges.loc[("MLI", "DZA"), "quotes"])
        assert at.multiselect(key="f_dyad").value == ["MLI~DZA"]
        assert at.query_params["dyad"] in ("MLI~DZA", ["MLI~DZA"])


def test_a_selected_dyad_is_ringed_among_all_the_edges():
    at = run_page("network", {"lang": "en", "year": "2024-2025", "dyad": "MLI~DZA"})
    assert not at.exception
    fig = _figure(at)
    assert sorted(_edge_keys(fig)) == sorted(network.dyad_key(s, t) for s, t in zip(
        *(_expected_edges({"year": "2024-2025"})[c] for c in ("source", "target")), strict=True))
    ringed = [d[1] for trace in fig["data"] if _is_edge_trace(trace)
              for d, width in zip(trace["customdata"], trace["marker"]["line"]["width"], strict=True) if width == 3]
    assert ringed == ["MLI~DZA"]


def _is_edge_trace(trace: dict) -> bool:
    """An edge-midpoint trace (its customdata name edges, its marker lines are per point)."""
    data = trace.get("customdata") or []
    return bool(data) and data[0][0] == "edge" and isinstance(trace["marker"]["line"]["width"], list)


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_bogus_dyad_is_named(lang):
    at = run_page("network", {"lang": lang, "dyad": "MLI~NOPE"})
    assert not at.exception
    assert any("MLI" in w.value and "NOPE" in w.value for w in at.warning)
    assert "dyad" not in at.query_params


def test_unfold_toggle_in_url():
    at = run_page("network", {"lang": "en", "unfold": "1"})
    assert not at.exception
    assert at.toggle(key="network_unfold").value is True
    unfolded = _expected_edges({}, fold=False)
    assert len(_edge_keys(_figure(at))) == len(unfolded)
    at.toggle(key="network_unfold").set_value(False).run()
    assert "unfold" not in at.query_params
    assert len(_edge_keys(_figure(at))) == len(_expected_edges({}))


def test_removing_the_dyad_in_the_sidebar_restores_the_view():
    at = run_page("network", {"lang": "en", "dyad": "MLI~DZA"})
    at.multiselect(key="f_dyad").set_value([]).run()
    assert not at.exception
    assert shown_counts(at) == expected_counts({})
    assert "dyad" not in at.query_params


def test_a_quote_with_no_event_draws_its_edge_and_the_speakers_other_quotes_count_for_them():
    """Unfiltered, Mali → terrorist groups exists only through a quote with no event (no quad
    class): it still has its selectable midpoint, in its own legend entry; Mali's node says
    how many of its quotes name no other side."""
    from components.i18n import t

    at = run_page("network", {"lang": "en"})
    assert not at.exception
    fig = _figure(at)
    assert sorted(_edge_keys(fig)) == sorted(network.dyad_key(s, g) for s, g in zip(
        *(_expected_edges({})[c] for c in ("source", "target")), strict=True))
    no_event = next(tr for tr in fig["data"] if tr.get("name") == t("network.no_event", "en"))
    assert ["edge", "MLI~TERRORIST-GROUPS"] in no_event["customdata"]
    nodes = fig["data"][-1]
    mali = nodes["hovertext"][[d[1] for d in nodes["customdata"]].index("MLI")]
    assert f"{t('network.alone', 'en')}: " in mali
    table = at.dataframe[0].value.set_index([t("network.col_source", "en"), t("network.col_target", "en")])
    name = index().corpus.actors["TERRORIST-GROUPS"].name("en")
    assert table.loc[("Mali", name), t("network.col_quad", "en")] == t("network.no_event", "en")


@pytest.mark.parametrize("value, named", [("yes", True), ("0", False), ("1", False)])
def test_a_bogus_unfold_value_in_the_link_is_named(value, named):
    from components.i18n import t

    at = run_page("network", {"lang": "en", "unfold": value})
    assert not at.exception
    warning = t("filters.ignored", "en", items=f"unfold\\={value}")
    assert (warning in [w.value for w in at.warning]) == named
    assert at.toggle(key="network_unfold").value == (value == "1")
