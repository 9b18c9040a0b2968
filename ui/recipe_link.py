"""The training page's settings in the URL's query string, so a link hands a class a recipe."""

from __future__ import annotations

import streamlit as st

from core.i18n import Translator
from core.training import TrainConfig
from core.training.recipe_url import has_recipe, parse_recipe, recipe_query
from ui.training_state import LINK_READ_KEY, SETTING_KEYS


def settings_from_link(t: Translator) -> None:
    """On the session's first visit, a recipe in the URL sets the setting widgets; every bad
    value falls back to its default with a notice that names it."""
    if st.session_state.get(LINK_READ_KEY):
        return
    st.session_state[LINK_READ_KEY] = True
    params = st.query_params.to_dict()
    if not has_recipe(params):
        return
    config, bad = parse_recipe(params)
    for name, key in SETTING_KEYS.items():
        st.session_state[key] = getattr(config, name)
    for value in bad:
        default = f"{value.default:g}" if isinstance(value.default, float) else value.default
        st.warning(t("experiments.url.bad", name=value.name, value=value.value, default=default),
                   icon=":material/link_off:")


def settings_to_link(config: TrainConfig) -> None:
    """Write the recipe the widgets show into the URL (the language parameter stays)."""
    wanted = recipe_query(config)
    if any(st.query_params.get(name) != value for name, value in wanted.items()):
        st.query_params.update(wanted)
