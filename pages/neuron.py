"""One neuron learns: gradient descent on y = w*x + b, step by step, then on several points."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core import neuron, predictions
from core.neuron import line_fit
from core.neuron import line_fit_charts as fit_charts
from ui import neuron as views
from ui import prediction
from ui.chart_cache import vega_lite_spec
from ui.state import reduced_motion, translator

# The tutorial's example. Widgets read their start values from session_state (never `value=`
# as well), so the "try" buttons below can set the learning rate.
DEFAULTS = {
    "neuron.x": 1.0, "neuron.target": 2.0, "neuron.w0": 0.5, "neuron.b0": 0.1, "neuron.lr": 0.1,
    "neuron.steps": 20, "neuron.log_loss": False, "neuron.fit_lr": 0.1, "neuron.fit_passes": 20,
}
RUN_KEY = "neuron.run_key"  # the settings of the run shown: another run starts from its first step
LAST_FRAME_KEY = "neuron.last_frame"  # for the player's callbacks, which run before the page

t = translator()


def lr_label(value: float) -> str:
    return f"{value:g}"


def start_values() -> None:
    """The tutorial's example on a first visit, and the player at its first frame."""
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)
    st.session_state.setdefault(views.FRAME_KEY, 0)
    st.session_state.setdefault(views.PLAYING_KEY, False)


# --- the sample, the start and the learning rate ------------------------------------------------

def try_behaviour(behaviour: str) -> None:
    st.session_state["neuron.lr"] = neuron.example_learning_rate(st.session_state["neuron.x"], behaviour)


def the_setup() -> tuple[float, float, float, float, float, int]:
    """The sample, the starting weights, the learning rate and its limit; (x, target, w0, b0, lr, steps)."""
    st.subheader(t("neuron.setup"))
    col_x, col_t, col_w, col_b = st.columns(4)
    x = col_x.slider(t("neuron.x"), -3.0, 3.0, step=0.1, key="neuron.x", persist_state="session")
    y_target = col_t.slider(t("neuron.target"), -5.0, 5.0, step=0.1, key="neuron.target",
                            persist_state="session")
    w0 = col_w.slider(t("neuron.w0"), -5.0, 5.0, step=0.1, key="neuron.w0", persist_state="session")
    b0 = col_b.slider(t("neuron.b0"), -5.0, 5.0, step=0.1, key="neuron.b0", persist_state="session")
    col_lr, col_steps = st.columns([3, 1])
    lr = col_lr.select_slider(t("neuron.lr"), options=neuron.LEARNING_RATES, format_func=lr_label,
                              key="neuron.lr", persist_state="session", help=t("neuron.lr_help"))
    steps = col_steps.slider(t("neuron.steps"), 1, 60, key="neuron.steps", persist_state="session")
    return x, y_target, w0, b0, lr, steps


def the_rule(x: float, lr: float, inside_expander: bool) -> None:
    """The learning rate's limit 2/(x² + 1), the "try" buttons and why the limit is what it is (its
    own expander, or a plain block when this is drawn inside one: expanders do not nest)."""
    limit = neuron.lr_limit(x)
    st.markdown(t("neuron.limit", x=f"{x:g}", limit=f"{limit:.4g}", lr=lr_label(lr),
                  ratio=f"{lr / limit:.3g}"))
    try_row = st.container(horizontal=True, vertical_alignment="center")
    try_row.markdown(t("neuron.try"), width="content")
    for behaviour in neuron.REGIME_EXAMPLES:
        try_row.button(t(f"neuron.try.{behaviour}"), key=f"neuron.try_{behaviour}", on_click=try_behaviour,
                       args=(behaviour,))
    why = st.container() if inside_expander else st.expander(t("neuron.why_limit.title"))
    with why:
        if inside_expander:
            st.markdown(f"**{t('neuron.why_limit.title')}**")
        st.markdown(t("neuron.why_limit.intro"))
        st.latex(r"e_{\mathrm{new}} = \bigl(1 - \eta\,(x^2 + 1)\bigr)\,e")
        st.markdown(t("neuron.why_limit.body"))


def predict_first(values: dict) -> None:
    """Before Play: the learner guesses what this learning rate does, and how many steps it takes."""
    regime_column, steps_column = st.columns(2)
    with regime_column:
        prediction.ask(predictions.NEURON_REGIME, values, t)
    with steps_column:
        prediction.ask(predictions.NEURON_STEPS, values, t)


# --- the run, and the lesson it teaches ---------------------------------------------------------

def the_lesson(run: neuron.Descent, x: float, lr: float, steps: int) -> None:
    """What this learning rate does (crawl, converge, oscillate, diverge), and where a blow-up stopped."""
    limit = neuron.lr_limit(x)
    behaviour = neuron.regime(x, lr)
    fields = {"lr": lr_label(lr), "limit": f"{limit:.4g}", "f": f"{neuron.error_factor(x, lr):.3g}",
              "pct": f"{100 * (1 - abs(neuron.error_factor(x, lr))):.0f}"}
    {"crawl": st.info, "converge": st.success, "oscillate": st.warning, "edge": st.warning,
     "diverge": st.error}[behaviour](t(f"neuron.regime.{behaviour}", **fields))
    if run.diverged:
        last = run.records[-1]
        st.error(t("neuron.stopped", step=last.step, total=steps, bound=f"{neuron.DIVERGENCE_BOUND:,.0f}",
                   w=f"{last.w_next:.3g}", b=f"{last.b_next:.3g}", limit=f"{limit:.4g}"))


# --- the player ---------------------------------------------------------------------------------

def on_play() -> None:
    if st.session_state[views.FRAME_KEY] >= st.session_state[LAST_FRAME_KEY]:
        st.session_state[views.FRAME_KEY] = 0  # at the end, Play starts again
    st.session_state[views.PLAYING_KEY] = True


def on_pause() -> None:
    st.session_state[views.PLAYING_KEY] = False


def on_step() -> None:
    st.session_state[views.PLAYING_KEY] = False
    st.session_state[views.FRAME_KEY] = min(st.session_state[views.FRAME_KEY] + 1,
                                            st.session_state[LAST_FRAME_KEY])


def on_back() -> None:
    st.session_state[views.FRAME_KEY] = max(st.session_state[views.FRAME_KEY] - 1, 0)


def on_reset() -> None:
    st.session_state[views.PLAYING_KEY] = False
    st.session_state[views.FRAME_KEY] = 0


def follow_the_run(run: neuron.Descent, run_key: tuple) -> None:
    """A new run (any setting changed) starts from its first step; the frame stays within the run."""
    if st.session_state.get(RUN_KEY) != run_key:
        st.session_state[RUN_KEY] = run_key
        st.session_state[views.FRAME_KEY] = 0
        st.session_state[views.PLAYING_KEY] = False
    last_frame = len(run.records) - 1
    st.session_state[views.FRAME_KEY] = min(st.session_state[views.FRAME_KEY], last_frame)
    st.session_state[LAST_FRAME_KEY] = last_frame


def the_player(run: neuron.Descent, run_key: tuple, x: float, y_target: float,
               lr: float) -> tuple[views.Slots, views.Views, bool]:
    """Play / Pause (or Back under reduced motion), Step, Reset, and the frame shown;
    returns (slots, prepared views, playing) for the animation at the page's end."""
    st.subheader(t("neuron.watch"))
    still = reduced_motion()  # the sidebar's "Reduce motion": step buttons instead of Play and Pause
    if still:
        st.session_state[views.PLAYING_KEY] = False
    playing = st.session_state[views.PLAYING_KEY]
    frame = st.session_state[views.FRAME_KEY]
    last_frame = st.session_state[LAST_FRAME_KEY]
    *player, toggle_column = st.columns([1, 1, 1, 1, 2], vertical_alignment="center")
    player = iter(player)  # the buttons fill the columns from the left
    if still:
        next(player).button(t("neuron.back"), key="neuron.back", icon=":material/skip_previous:",
                            on_click=on_back, disabled=frame == 0, width="stretch")
    else:
        next(player).button(t("neuron.play"), key="neuron.play", icon=":material/play_arrow:",
                            on_click=on_play, disabled=playing, type="primary", width="stretch")
        next(player).button(t("neuron.pause"), key="neuron.pause", icon=":material/pause:",
                            on_click=on_pause, disabled=not playing, width="stretch")
    next(player).button(t("neuron.step"), key="neuron.step", icon=":material/skip_next:", on_click=on_step,
                        disabled=frame >= last_frame, width="stretch",
                        type="primary" if still else "secondary")
    next(player).button(t("neuron.reset"), key="neuron.reset", icon=":material/replay:", on_click=on_reset,
                        width="stretch")
    log_scale = toggle_column.toggle(t("neuron.log_loss"), key="neuron.log_loss", persist_state="session")
    if still:
        st.caption(t("neuron.still"))

    prepared = views.remembered("neuron.views", (run_key, log_scale, t.lang),
                                lambda: views.prepare_views(run, x, y_target, lr, log_scale, t))
    slots = views.make_slots(t)
    views.draw_frame(slots, prepared, frame, t)
    st.caption(t("neuron.map_caption"))
    return slots, prepared, playing


# --- the table of steps -------------------------------------------------------------------------

def the_table(run: neuron.Descent, asked: dict) -> None:
    """Every step's numbers, and the same as CSV (its losses answer the steps question: kept closed
    while that waits for a guess)."""
    st.subheader(t("neuron.table"))
    with prediction.giveaway(predictions.NEURON_STEPS, asked, t):
        steps_table(run)


def steps_table(run: neuron.Descent) -> None:
    table = pd.DataFrame(
        [(r.step, r.w, r.b, r.y, r.loss, r.grad_w, r.grad_b, r.w_next, r.b_next) for r in run.records],
        columns=[t("neuron.col.step"), "w", "b", "y", t("neuron.col.loss"), "dL/dw", "dL/db",
                 t("neuron.col.w_next"), t("neuron.col.b_next")],
    )
    st.dataframe(table, hide_index=True, height=min(36 * (len(table) + 1), 400))
    st.download_button(t("neuron.download"), table.to_csv(index=False).encode("utf-8"),
                       file_name="neuron_steps.csv", mime="text/csv", key="neuron.csv",
                       icon=":material/download:", on_click="ignore")


# --- several points: full batch versus stochastic -----------------------------------------------

def several_points() -> None:
    """A line fitted to noisy points by full-batch and by stochastic descent, side by side."""
    st.header(t("neuron.fit.title"))
    st.write(t("neuron.fit.intro"))
    xs, ys = line_fit.noisy_points()
    best = line_fit.least_squares(xs, ys)
    batch_limit = line_fit.batch_lr_limit(xs)
    col_fit_lr, col_passes = st.columns([3, 1])
    fit_lr = col_fit_lr.select_slider(t("neuron.lr"), options=neuron.LEARNING_RATES, format_func=lr_label,
                                      key="neuron.fit_lr", persist_state="session")
    passes = col_passes.slider(t("neuron.fit.passes"), 1, 60, key="neuron.fit_passes",
                               persist_state="session")
    st.markdown(t("neuron.fit.limit", limit=f"{batch_limit:.3g}", n=len(xs)))
    paths = {
        t("neuron.fit.batch"): line_fit.batch_descent(xs, ys, 0.0, 0.0, fit_lr, passes),
        t("neuron.fit.stochastic"): line_fit.stochastic_descent(xs, ys, 0.0, 0.0, fit_lr, passes),
    }
    if any(path.diverged for path in paths.values()):
        st.error(t("neuron.fit.diverged", lr=lr_label(fit_lr), limit=f"{batch_limit:.3g}"))
        return
    ws, bs, surface = line_fit.mean_loss_surface(
        xs, ys, *neuron.path_bounds_of(
            [w for p in paths.values() for w in p.w] + [best[0]],
            [b for p in paths.values() for b in p.b] + [best[1]]))

    def fit_specs() -> list[dict]:
        final_lines = {name: (p.w[-1], p.b[-1]) for name, p in paths.items()}
        return [vega_lite_spec(chart) for chart in (
            fit_charts.fitted_lines(xs, ys, final_lines, x_title="x", y_title="y"),
            fit_charts.fit_map(ws, bs, surface, paths, best, w_title="w", b_title="b",
                               loss_title=t("neuron.chart.loss")),
            fit_charts.fit_losses(paths, pass_title=t("neuron.fit.passes"),
                                  loss_title=t("neuron.chart.mean_loss")),
        )]

    charts = views.remembered("neuron.fit_charts", (fit_lr, passes, t.lang), fit_specs)
    titles = ("view_lines", "view_map", "view_loss")
    alts = (t("neuron.fit.lines_alt", n=len(xs), passes=passes), t("neuron.fit.map_alt"),
            t("neuron.fit.loss_alt", passes=passes))
    for column, title, chart, alt in zip(st.columns(3), titles, charts, alts, strict=True):
        column.markdown(t(f"neuron.fit.{title}"))
        column.vega_lite_chart(chart, width="content", alt=alt)
    batch, stochastic = paths.values()
    st.markdown(t("neuron.fit.result", batch_updates=len(batch.w) - 1, sgd_updates=len(stochastic.w) - 1,
                  batch_loss=f"{batch.loss[-1]:.4g}", sgd_loss=f"{stochastic.loss[-1]:.4g}",
                  best_loss=f"{line_fit.mean_loss(xs, ys, *best):.4g}"))


# --- the page ------------------------------------------------------------------------------------

st.title(t("neuron.title"))
st.write(t("neuron.intro"))
start_values()
x, y_target, w0, b0, lr, steps = the_setup()
asked = {"x": x, "target": y_target, "w0": w0, "b0": b0, "lr": lr, "steps": steps}
predict_first(asked)
run = neuron.run_descent(x, y_target, w0, b0, lr, steps)
with prediction.giveaway(predictions.NEURON_REGIME, asked, t):  # the rule and the box say what it does
    the_rule(x, lr, inside_expander=prediction.waiting(predictions.NEURON_REGIME, asked))
    the_lesson(run, x, lr, steps)
run_key = (x, y_target, w0, b0, lr, steps)
follow_the_run(run, run_key)
slots, prepared, playing = the_player(run, run_key, x, y_target, lr)
the_table(run, asked)
several_points()
st.info(t("neuron.fit.bridge"))
st.page_link("pages/backprop.py", label=t("neuron.backprop_link"), icon=":material/undo:")
if playing:  # last, so everything above is on the page while the frames run
    views.play(slots, prepared, t)
