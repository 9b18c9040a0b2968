"""The training page's charts, each built once per server for each distinct input (a finished
run's filters and confusion matrix are redrawn on every rerun of the page)."""

from core.model import charts as model_charts
from core.training import charts
from ui.chart_cache import cached_chart

filter_history = cached_chart(charts.filter_history)
confusion_chart = cached_chart(charts.confusion_chart)
probability_bars = cached_chart(model_charts.probability_bars)
