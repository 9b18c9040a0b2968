"""The home page's charts, each built once per server for each distinct input."""

from core.home import network_diagram
from ui.chart_cache import cached_chart

network_chart = cached_chart(network_diagram.network_chart)
