"""The model page's charts, each built once per server for each distinct input."""

from core.model import charts
from ui.chart_cache import cached_chart

feature_maps = cached_chart(charts.feature_maps)
activation_bars = cached_chart(charts.activation_bars)
probability_bars = cached_chart(charts.probability_bars)
