"""corpus/network.py: quote targets, edges (folded and unfolded), the circle layout, edge
geometry, and the dyad filter — on synthetic frames and on the curated corpus."""

import math

import pandas as pd
import pytest

from corpus import network, plover
from corpus.models import Mention
from corpus.query import Filters, run_query
from corpus.urlstate import parse_filters
from tests.test_app_helpers import index

STATE = {"DZA": "DZA", "DZA-MFA": "DZA", "attaf": "DZA", "MLI": "MLI", "MLI-MFA": "MLI", "AQIM": "AQIM"}
MEMBERS = {"DZA": frozenset({"DZA", "DZA-MFA", "attaf"}), "MLI": frozenset({"MLI", "MLI-MFA"}),
           "DZA-MFA": frozenset({"DZA-MFA"}), "attaf": frozenset({"attaf"})}


def _events(rows):
    frame = pd.DataFrame(rows, columns=["actor1", "actor2", "event_type"])
    return frame.assign(quad=[plover.quad_of(t) for t in frame["event_type"]],
                        score=[plover.score_of(t) for t in frame["event_type"]])


def _quotes(rows):
    frame = pd.DataFrame(rows, columns=["speaker", "target", "event_type"])
    return frame.assign(quad=[plover.quad_of(t) if isinstance(t, str) else None for t in frame["event_type"]])


@pytest.mark.parametrize(("speaker", "a1", "a2", "target"), [
    ("MLI-MFA", "DZA", "MLI", "DZA"),        # Mali's ministry on an Algeria → Mali event
    ("attaf", "DZA-MFA", "MLI", "MLI"),      # Algeria's minister, his own side acted
    ("AQIM", "DZA", "MLI", None),            # a third party: no edge
    ("DZA", "DZA", "DZA-MFA", None),         # both sides one state
    ("DZA", "DZA", None, None),              # no actor2
    (None, "DZA", "MLI", None),              # no speaker
])
def test_quote_target(speaker, a1, a2, target):
    assert network.quote_target(speaker, a1, a2, lambda a: STATE.get(a, a)) == target


@pytest.mark.parametrize(("value", "pair"), [
    ("MLI~DZA", ("MLI", "DZA")), (" MLI ~ DZA ", ("MLI", "DZA")), ("MLI~MLI", None), ("MLI", None),
    ("A~B~C", None), ("~DZA", None),
])
def test_parse_dyad(value, pair):
    assert network.parse_dyad(value) == pair


def test_dyad_vocabulary_checks_both_sides():
    vocab = network.DyadVocabulary({"DZA", "MLI"})
    assert "MLI~DZA" in vocab and "DZA~MLI" in vocab
    assert "MLI~XXX" not in vocab and "MLI~MLI" not in vocab and 3 not in vocab


def test_edges_fold_members_into_states_and_count_per_direction():
    events = _events([("DZA-MFA", "MLI", "DISAPPROVE"), ("attaf", "MLI-MFA", "THREATEN"), ("DZA", "MLI", "AID"),
                      ("MLI", "DZA", "SANCTION"), ("DZA", "DZA-MFA", "CONSULT"), ("AQIM", None, "ASSAULT")])
    quotes = _quotes([("MLI-MFA", "DZA", "DISAPPROVE"), ("MLI", "attaf", "SANCTION"), ("AQIM", None, None)])
    edges = network.edges(events, quotes, STATE, fold=True).set_index(["source", "target"])
    assert sorted(edges.index) == [("DZA", "MLI"), ("MLI", "DZA")]
    dm, md = edges.loc[("DZA", "MLI")], edges.loc[("MLI", "DZA")]
    assert (dm["events"], dm["quotes"], dm["n_verbal_conflict"], dm["n_material_cooperation"]) == (3, 0, 2, 1)
    assert dm["quad"] == "verbal_conflict"
    expected = (plover.score_of("DISAPPROVE") + plover.score_of("THREATEN") + plover.score_of("AID")) / 3
    assert math.isclose(dm["score"], expected)
    assert (md["events"], md["quotes"], md["quad"]) == (1, 2, "verbal_conflict")
    assert md["score"] == plover.score_of("SANCTION")


def test_edges_unfolded_keep_each_actor():
    events = _events([("DZA-MFA", "MLI", "DISAPPROVE"), ("DZA", "MLI", "AID"), ("DZA", "DZA-MFA", "CONSULT")])
    edges = network.edges(events, _quotes([]), STATE, fold=False)
    assert set(zip(edges["source"], edges["target"], strict=True)) == {("DZA-MFA", "MLI"), ("DZA", "MLI"),
                                                                      ("DZA", "DZA-MFA")}


def test_quote_only_edge_takes_its_quotes_score_and_quad():
    edges = network.edges(_events([]), _quotes([("MLI", "DZA", "REJECT"), ("MLI", "DZA", "REJECT")]), STATE)
    row = edges.iloc[0]
    assert (row["source"], row["target"], row["events"], row["quotes"]) == ("MLI", "DZA", 0, 2)
    assert row["score"] == plover.score_of("REJECT") and row["quad"] == "verbal_conflict"


def test_no_edges_gives_empty_frames():
    edges = network.edges(_events([("DZA", None, "AID")]), _quotes([]), STATE)
    assert edges.empty and list(edges.columns) == network.EDGE_COLUMNS
    assert network.nodes(edges).empty


def test_algeria_and_mali_are_hubs_inside_the_others_circle():
    edges = network.edges(_events([("FRA", "MLI", "AID"), ("AQIM", "FRA", "ASSAULT"), ("AQIM", "FRA", "ASSAULT"),
                                   ("DZA", "MLI", "AID"), ("NER", "MLI", "AID")]), _quotes([]), STATE)
    nodes = network.nodes(edges)
    assert list(nodes["id"]) == ["DZA", "MLI", "FRA", "AQIM", "NER"]  # hubs, then by weight and id
    assert list(nodes["weight"]) == [1, 3, 3, 2, 1]
    assert nodes[["x", "y"]].iloc[:2].values.tolist() == [[-network.HUB_X, 0.0], [network.HUB_X, 0.0]]
    assert nodes[["x", "y"]].iloc[2].tolist() == [0.0, 1.0]  # the circle starts at the top
    assert all(math.isclose(math.hypot(x, y), 1.0, abs_tol=1e-5) for x, y in zip(nodes["x"][2:], nodes["y"][2:], strict=True))
    assert network.nodes(edges).equals(nodes)  # deterministic


def test_a_single_hub_sits_at_the_centre():
    nodes = network.nodes(network.edges(_events([("FRA", "MLI", "AID")]), _quotes([]), STATE))
    assert nodes.set_index("id").loc["MLI", ["x", "y"]].tolist() == [0.0, 0.0]


def test_edge_geometry_separates_the_two_directions():
    edges = network.edges(_events([("DZA", "MLI", "AID"), ("MLI", "DZA", "SANCTION")]), _quotes([]), STATE)
    geo = network.edge_geometry(network.nodes(edges), edges)
    there, back = geo.iloc[0], geo.iloc[1]
    assert (there["mx"], there["my"]) != (back["mx"], back["my"])
    assert math.isclose(there["mx"] + back["mx"], 0.0, abs_tol=1e-9)  # symmetric about the chord


def test_dyad_mask_directed_with_members():
    first = pd.Series(["DZA-MFA", "MLI", "attaf", "DZA"])
    second = pd.Series(["MLI-MFA", "DZA", "MLI", "AQIM"])
    assert network.dyad_mask(first, second, ["DZA~MLI"], MEMBERS).tolist() == [True, False, True, False]
    assert network.dyad_mask(first, second, ["DZA~MLI", "MLI~DZA"], MEMBERS).tolist() == [True, True, True, False]
    assert network.dyad_mask(first, second, ["attaf~MLI"], MEMBERS).tolist() == [False, False, True, False]


def test_curated_edge_counts_equal_the_dyad_filter():
    """Every folded edge of the curated corpus: filtering to its dyad gives exactly its events
    (counted once per event) and its quotes."""
    idx = index()
    everything = run_query(idx, Filters())
    edges = network.edges(everything.events, everything.quotes, idx.actor_state)
    assert len(edges) >= 5
    for row in edges.itertuples(index=False):
        result = run_query(idx, Filters(dyads=(network.dyad_key(row.source, row.target),)))
        assert (len(result.events), len(result.quotes)) == (row.events, row.quotes), (row.source, row.target)


def test_curated_mali_to_algeria_has_events_and_quotes():
    idx = index()
    result = run_query(idx, Filters(dyads=("MLI~DZA",)))
    assert len(result.events) and len(result.quotes)
    assert all(idx.state_of(a) == "MLI" for a in result.events["actor1"])
    assert all(idx.state_of(a) == "DZA" for a in result.events["actor2"])
    assert all(idx.state_of(s) == "MLI" and idx.state_of(t) == "DZA"
               for s, t in zip(result.quotes["speaker"], result.quotes["target"], strict=True))


def test_dyad_url_round_trip_and_warning():
    idx = index()
    from components.filters import vocabulary
    filters, warnings = parse_filters({"dyad": ["MLI~DZA,XX~DZA,MLI~MLI"]}, vocabulary(idx))
    assert filters.dyads == ("MLI~DZA",)
    assert [w.value for w in warnings] == ["XX~DZA", "MLI~MLI"]


def test_dyad_vocabulary_lists_the_ordered_pairs():
    vocab = network.DyadVocabulary(["DZA", "MLI", "NER"])
    assert len(vocab) == 6 and len(set(vocab)) == 6 and all(pair in vocab for pair in vocab)


@pytest.mark.parametrize("fold", [True, False])
def test_coded_edges_of_kept_rows_equal_edges_of_the_filtered_frames(fold):
    """The page's path (codes of the whole index, taken at the filtered rows' positions) gives
    the same edges as computing them from the filtered frames."""
    idx = index()
    result = run_query(idx, Filters(year_min=2024, year_max=2025))
    events = network.code_events(idx.events, idx.actor_state, fold)
    quotes = network.code_quotes(idx.quotes, idx.actor_state, fold)
    taken = network.coded_edges(events, result.events.index.to_numpy(), quotes, result.quotes.index.to_numpy())
    direct = network.edges(result.events, result.quotes, idx.actor_state, fold)
    assert len(direct) and taken.equals(direct)


def _mention(start, end, ref, kind="actor"):
    return Mention("a1", start, end, "x" * (end - start), kind, ref)


@pytest.mark.parametrize(("speaker", "mentions", "target"), [
    ("MLI-MFA", [_mention(12, 20, "DZA")], "DZA"),                               # names Algeria
    ("attaf", [_mention(30, 35, "MLI"), _mention(12, 18, "MLI-MFA")], "MLI-MFA"),  # one side: the first named
    ("attaf", [_mention(12, 18, "DZA")], None),                                  # his own side only
    ("attaf", [_mention(12, 18, "MLI"), _mention(20, 24, "AQIM")], None),        # two other sides: unreadable
    ("attaf", [_mention(2, 8, "MLI")], None),                                    # before the quote
    ("attaf", [_mention(45, 60, "MLI")], None),                                  # runs past its end
    ("attaf", [_mention(12, 18, "kidal", "place")], None),                       # a place is not an actor
    (None, [_mention(12, 18, "MLI")], None),                                     # no speaker
])
def test_said_about_reads_the_one_other_side_a_quote_names(speaker, mentions, target):
    assert network.said_about(speaker, mentions, 10, 50, lambda a: STATE.get(a, a)) == target


def test_a_curated_quote_with_no_event_speaks_about_the_actor_it_names():
    """q-004-09: Mali's president, in no event, on the threats of terrorist groups — an edge
    Mali → terrorist groups; q-004-08, where he names only Mali, has no target."""
    idx = index()
    quotes = idx.quotes.set_index("id")
    assert quotes.loc[["q-004-09", "q-004-08"], "event_id"].isna().all()
    assert quotes.loc["q-004-09", "target"] == "TERRORIST-GROUPS"
    assert pd.isna(quotes.loc["q-004-08", "target"])
    result = run_query(idx, Filters(dyads=("MLI~TERRORIST-GROUPS",)))
    assert list(result.quotes["id"]) == ["q-004-09"] and result.events.empty
    everything = run_query(idx, Filters())
    edges = network.edges(everything.events, everything.quotes, idx.actor_state).set_index(["source", "target"])
    assert edges.loc[("MLI", "TERRORIST-GROUPS"), ["events", "quotes"]].tolist() == [0, 1]


def test_quotes_with_no_target_count_for_their_speaker_only():
    quotes = _quotes([("MLI-MFA", "DZA", "DISAPPROVE"), ("MLI", None, None), ("AQIM", None, None), ("attaf", None, None)])
    coded = network.code_quotes(quotes, STATE, fold=True)
    assert network.untargeted(coded) == {"MLI": 1, "AQIM": 1, "DZA": 1}
    assert network.untargeted(coded, [0, 2]) == {"AQIM": 1}
    edges = network.coded_edges(network.code_events(_events([]), STATE, True), None, coded, None)
    assert edges[["source", "target", "quotes"]].values.tolist() == [["MLI", "DZA", 1]]
    nodes = network.nodes(edges, spoken=network.untargeted(coded)).set_index("id")
    assert nodes.loc[["MLI", "DZA", "AQIM"], "weight"].tolist() == [2, 2, 1]
    assert nodes.loc[["MLI", "DZA", "AQIM"], "alone"].tolist() == [1, 1, 1]
