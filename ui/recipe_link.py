"""The training page's settings in the URL's query string, so a link hands a class a recipe."""

from __future__ import annotations

import streamlit as st

from core.i18n import Translator
from core.training import TrainConfig
from core.training.recipe_url import has_recipe, parse_recipe, recipe_query

LINK_READ_KEY = "train.link_read"  # the link's recipe is applied once per session, on the first visit


def settings_from_link(settings: dict[str, str], t: Translator) -> None:
    """On the session's first visit, a recipe in the URL sets the setting widgets (`key -> field`);
    every bad value falls back to its default with a notice that names it."""
    if st.session_state.get(LINK_READ_KEY):
        return
    st.session_state[LINK_READ_KEY] = True
    params = st.query_params.to_dict()
    if not has_recipe(params):
        return
    config, bad = parse_recipe(params)
    for key, field in settings.items():
        st.session_state[key] = getattr(config, field)
    for value in bad:
        default = f"{value.default:g}" if isinstance(value.default, float) else value.default
        st.warning(t("experiments.url.bad", name=value.name, value=value.value, default=default),
                   icon=":material/link_off:")


def settings_to_link(config: TrainConfig) -> None:
    """Write the recipe the widgets show into the URL (the language parameter stays)."""
    wanted = recipe_query(config)
    if any(st.query_params.get(name) != value for name, value in wanted.items()):
        st.query_params.update(wanted)
