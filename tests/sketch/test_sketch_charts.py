"""The sketch page's pictures: feature-map tiles with square pixels, and its probability bars."""

import numpy as np
from matplotlib import colormaps

from core.sketch import charts


def test_map_tiles_enlarge_each_map_with_square_pixels_on_one_colour_scale():
    maps = np.array([[[0.0, 2.0], [2.0, 0.0]], [[1.0, 1.0], [1.0, 1.0]]])
    picture = charts.map_tiles(maps, columns=2, cell=4, gap=2)
    assert picture.shape == (4, 4 + 2 + 4, 3) and picture.dtype == np.uint8
    magma = (np.array(colormaps["magma"]([0.0, 0.5, 1.0]))[:, :3] * 255).astype(np.uint8)
    assert (picture[:2, :2] == magma[0]).all() and (picture[:2, 2:4] == magma[2]).all()
    assert np.abs(picture[:, 6:].astype(int) - magma[1]).max() <= 1  # half the peak: mid-scale
    assert (picture[:, 4:6] == 255).all()  # the gap is white


def test_probability_bars_highlight_the_top_digit_with_a_level_title():
    probabilities = np.full(10, 0.05)
    probabilities[3] = 0.55
    spec = charts.probability_bars(probabilities, "digit", "概率").to_dict()
    colours = {row["digit"]: row["colour"] for row in next(iter(spec["datasets"].values()))}
    assert colours["3"] != colours["4"] and len(set(colours.values())) == 2
    assert spec["config"]["axisY"]["titleAngle"] == 0
