"""The home page: its layer diagram, the try-it neuron, and the page in both languages."""

import math

import pytest

from core.home.artificial_neuron import neuron_output, relu, sigmoid, weighted_sum
from core.home.network_diagram import GAP, Layer, edge_frame, network_chart, node_frame
from core.i18n import LANGUAGES, translate
from tests.apptest import assert_rendered, open_page
from ui.navigation import PAGES

MNIST_NET = [
    Layer("in", ("x1", "x2", GAP, "x784")),
    Layer("hidden", ("h1", "h2", "h3")),
    Layer("out", tuple(str(d) for d in range(10))),
]


def test_nodes_are_centred_columns_one_per_layer():
    nodes = node_frame(MNIST_NET)
    assert len(nodes) == 4 + 3 + 10
    for column, layer in enumerate(MNIST_NET):
        ys = nodes.loc[nodes["layer"] == column, "y"]
        assert ys.mean() == pytest.approx(0.0)  # centred on y = 0
        assert (nodes.loc[nodes["layer"] == column, "x"] == column).all()
        assert len(ys) == len(layer.labels)


def test_every_node_joins_every_node_of_the_next_layer_except_gaps():
    edges = edge_frame(node_frame(MNIST_NET), seed=1)
    assert len(edges) == 3 * 3 + 3 * 10  # the gap "⋮" has no edges
    assert GAP not in set(edges["source"]) | set(edges["target"])
    assert ((edges["x2"] - edges["x"]) == 1).all()
    assert edge_frame(node_frame(MNIST_NET), seed=1)["weight"].equals(edges["weight"])  # seeded


def test_given_weights_are_drawn_in_order():
    one_neuron = [Layer("inputs", ("x1", "x2", "x3")), Layer("neuron", ("a",))]
    edges = edge_frame(node_frame(one_neuron), weights=[0.9, -0.4, 0.6])
    assert edges["source"].tolist() == ["x1", "x2", "x3"]
    assert edges["weight"].tolist() == [0.9, -0.4, 0.6]
    with pytest.raises(ValueError):
        edge_frame(node_frame(one_neuron), weights=[1.0])


def test_chart_builds_a_valid_spec():
    spec = network_chart(MNIST_NET, weight_title="w").to_dict()
    assert len(spec["layer"]) == 4  # edges, circles, labels, layer names
    assert spec["autosize"]["type"] == "pad"


def test_neuron_weighted_sum_and_activations():
    assert weighted_sum([0.5, 0.8, 0.2], [0.9, -0.4, 0.6], 0.1) == pytest.approx(0.35)
    assert relu(-1.2) == 0.0 and relu(0.7) == pytest.approx(0.7)
    assert sigmoid(0.0) == pytest.approx(0.5)
    z, a = neuron_output([1.0, 2.0], [0.5, -1.0], 0.25, "sigmoid")
    assert z == pytest.approx(-1.25)
    assert a == pytest.approx(1 / (1 + math.exp(1.25)))


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_home_page_in_both_languages(lang: str) -> None:
    at = open_page("home", lang)
    assert_rendered(at, lang)
    assert at.title[0].value == translate("home.title", lang)
    headers = [h.value for h in at.header]
    assert translate("home.training.header", lang) in headers
    assert [m.value for m in at.metric] == ["0.350", "0.350"]  # z and ReLU(z) for the default weights
    # the learning path links every other page, in order
    links = at.get("page_link")
    expected = [s for s, _ in PAGES if s != "home"]  # the lessons; the learner's own pages are not on it
    assert [link.proto.label for link in links] == [translate(f"nav.{s}", lang) for s in expected]

    # a negative sum: ReLU silences it, the sigmoid squashes it below one half
    at.slider(key="home.w1").set_value(-2.0).run()
    assert_rendered(at, lang)
    assert [m.value for m in at.metric] == ["-1.100", "0.000"]
    at.radio(key="home.activation").set_value("sigmoid").run()
    assert [m.value for m in at.metric] == ["-1.100", f"{1 / (1 + math.exp(1.1)):.3f}"]
