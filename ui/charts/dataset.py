"""The dataset page's charts, each built once per server for each distinct input."""

from core.charts import heatmap as heatmaps
from core.dataset import charts
from ui.chart_cache import cached_chart

heatmap = cached_chart(heatmaps.heatmap)
class_count_chart = cached_chart(charts.class_count_chart)
pixel_histogram_chart = cached_chart(charts.pixel_histogram_chart)
