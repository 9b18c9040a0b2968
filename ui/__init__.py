"""Streamlit glue shared by the pages: language, cached data and models, friendly errors."""

from ui.navigation_mode import settle_navigation_mode

settle_navigation_mode()
