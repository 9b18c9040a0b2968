"""The dataset page in both languages: browse a digit, look up an index, reshuffle a batch."""

import pytest

from core.data import load_mnist
from core.i18n import LANGUAGES, translate
from tests.apptest import assert_rendered, open_page


def sample_captions(at) -> list[str]:
    """Captions of the random sample of one digit: its image indices, "#1,234"."""
    return [c for image in at.image for c in image.captions if c.startswith("#")]


def batch_labels(at) -> list[str]:
    """The labels under the shuffled batch's images: the last eight image rows."""
    rows = [image for image in at.image if all(len(c) == 1 for c in image.captions)]
    return [c for image in rows[-8:] for c in image.captions]


def shows_lookup(at, lang: str, **fields) -> bool:
    """Whether the page names the looked-up image as `fields` (index, split, label) say."""
    return translate("dataset.lookup.label", lang, **fields) in [m.value for m in at.markdown]


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_dataset_page_in_both_languages(lang: str) -> None:
    at = open_page("dataset", lang)
    assert_rendered(at, lang)
    assert at.title[0].value == translate("dataset.title", lang)
    assert [m.value for m in at.metric] == ["0.1307", "0.3081"]  # computed from the pixels
    assert not at.error

    # browse: 16 distinct zeros; a new sample replaces them; another digit
    first = sample_captions(at)
    assert len(first) == len(set(first)) == 16
    at.button(key="dataset.resample").click().run()
    second = sample_captions(at)
    assert len(second) == 16 and second != first
    at.segmented_control(key="dataset.digit").set_value(7).run()
    sevens = [int(c[1:].replace(",", "")) for c in sample_captions(at)]
    labels = load_mnist(True)[1]
    assert all(labels[i] == 7 for i in sevens)

    # look up index 7 (a 3), then a bad index keeps it and says why
    train = translate("dataset.split.train_in_text", lang)
    at.text_input(key="dataset.index").set_value("7").run()
    assert shows_lookup(at, lang, index=7, split=train, label=3)
    at.text_input(key="dataset.index").set_value("60000").run()
    assert_rendered(at, lang)
    assert [e.value for e in at.error] == [
        translate("dataset.lookup.bad_index", lang, text="60000", split=train, last=59_999, shown=7)
    ]
    assert shows_lookup(at, lang, index=7, split=train, label=3)
    at.text_input(key="dataset.index").set_value("seven").run()
    assert len(at.error) == 1 and "seven" in at.error[0].value

    # the test split: index 0 is a 7
    at.text_input(key="dataset.index").set_value("0").run()
    at.radio(key="dataset.split").set_value("test").run()
    test = translate("dataset.split.test_in_text", lang)
    assert not at.error
    assert shows_lookup(at, lang, index=0, split=test, label=7)

    # the shuffled batch: 64 labels, a new batch on request
    batch = batch_labels(at)
    assert len(batch) == 64
    at.button(key="dataset.reshuffle").click().run()
    assert_rendered(at, lang)
    assert len(batch_labels(at)) == 64 and batch_labels(at) != batch

    # switching the language keeps the split, the index and the digit
    other = next(code for code in LANGUAGES if code != lang)
    at.session_state["lang"] = other
    at.run()
    assert_rendered(at, other)
    assert at.title[0].value == translate("dataset.title", other)
    assert shows_lookup(at, other, index=0, split=translate("dataset.split.test_in_text", other), label=7)
    assert at.segmented_control(key="dataset.digit").value == 7
