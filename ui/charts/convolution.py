"""The convolution page's charts, each built once per server for each distinct input."""

from core.convolution import charts
from ui.chart_cache import cached_chart

number_grid = cached_chart(charts.number_grid)
filter_stages = cached_chart(charts.filter_stages)
filter_rows = cached_chart(charts.filter_rows)
map_gallery = cached_chart(charts.map_gallery)
weights_chart = cached_chart(charts.weights_chart)
loss_chart = cached_chart(charts.loss_chart)
