"""Home: what a neural network is, and the learning path."""

import streamlit as st

from ui.state import translator

t = translator()
st.title(t("home.title"))
st.write(t("home.intro"))
