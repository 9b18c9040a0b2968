"""Streamlit glue shared by the pages: language, cached data and models, friendly errors."""
