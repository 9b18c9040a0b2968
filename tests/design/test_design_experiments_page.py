"""The design page's "Why convolution?" section in AppTest: one press trains the four networks
(really, on a tiny budget) and shows the 2 x 2 table with parameter counts; "Why ReLU?" draws its
two charts."""

import pytest

from core.training import TrainConfig
from tests.apptest import assert_rendered, open_page
from ui import design_experiments


@pytest.fixture
def tiny_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(design_experiments, "CONVOLUTION_CONFIG",
                        TrainConfig(epochs=1, train_size=300, lr=0.05, seed=0))
    monkeypatch.setattr(design_experiments, "RELU_CONFIG",
                        TrainConfig(epochs=1, train_size=300, batch_size=16, lr=0.03, seed=0))
    monkeypatch.setattr(design_experiments, "TEST_SIZE", 300)


def test_pressing_why_convolution_shows_the_table(tiny_budget: None) -> None:
    lang = "zh"  # the English page renders in tests/design/test_design_page.py
    at = open_page("design", lang)
    assert_rendered(at, lang)
    tables = len(at.dataframe)
    at.button(key="design.conv.run").click().run()
    assert_rendered(at, lang)
    assert len(at.dataframe) == tables + 1
    table = at.dataframe[-1].value
    assert table.shape == (2, 4)
    assert list(table.iloc[:, 1]) == ["101,770", "44,426"]
    for cell in table.iloc[:, 2:].to_numpy().flatten():
        assert 0 <= float(cell.rstrip("%")) <= 100
    at.run()  # a rerun (any widget) keeps the result on show, from the cache
    assert len(at.dataframe) == tables + 1


def test_pressing_why_relu_draws_the_loss_and_the_gradients(tiny_budget: None) -> None:
    at = open_page("design", "en")
    at.button(key="design.relu.run").click().run()
    assert_rendered(at, "en")
    assert "times smaller than with ReLU" in at.info[-1].value
    specs = " ".join(chart.proto.spec for chart in at.get("vega_lite_chart"))
    assert "Training step (one batch)" in specs and "Weight layer (input side first)" in specs


def test_an_experiment_whose_worker_fails_says_so_and_can_run_again(tiny_budget: None,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from core.i18n import translate
    from tests import worker_jobs

    unseen = TrainConfig(epochs=1, train_size=300, batch_size=16, lr=0.03, seed=7)  # not cached yet
    monkeypatch.setattr(design_experiments, "RELU_CONFIG", unseen)
    monkeypatch.setattr(design_experiments, "experiment_job", worker_jobs.failing_experiment)
    at = open_page("design", "zh")
    at.button(key="design.relu.run").click().run()
    assert_rendered(at, "zh")
    said = translate("design.experiment.failed", "zh", state="failed")
    assert [box.value for box in at.error] == [said]
    monkeypatch.undo()  # the real experiment: the failure was not cached, so it runs now
    monkeypatch.setattr(design_experiments, "RELU_CONFIG", unseen)
    monkeypatch.setattr(design_experiments, "TEST_SIZE", 300)
    at.run()
    assert not at.error and "倍" in at.info[-1].value  # the explanation, with its gradient ratio
