"""The experiments page's charts, each built once per server for each distinct input."""

from core.experiments import charts as experiment_charts
from core.model import charts as model_charts
from core.training import charts as training_charts
from ui.chart_cache import cached_chart

overlay_chart = cached_chart(experiment_charts.overlay_chart)
confusion_chart = cached_chart(training_charts.confusion_chart)
probability_bars = cached_chart(model_charts.probability_bars)
