"""The backpropagation page's charts, each built once per server for each distinct input."""

from core.backprop import charts
from ui.chart_cache import cached_chart

computation_graph = cached_chart(charts.computation_graph)
gradient_bars = cached_chart(charts.gradient_bars)
map_row = cached_chart(charts.map_row)
window_view = cached_chart(charts.window_view)
running_sum = cached_chart(charts.running_sum)
layer_sizes = cached_chart(charts.layer_sizes)
