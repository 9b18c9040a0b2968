"""Class: join a teacher's class and share kept runs, or teach one: the board, the sweep, moderation.

Nicknames and run names are shown only as text (tables, chart tooltips, `st.text`), never as
Markdown or HTML, so a nickname such as `[x](http://...)` stays the characters it is.
"""

from __future__ import annotations

import streamlit as st

from core.classroom import SETTINGS, ClassError, NotFound, Refused, TooManyAttempts, WrongKey
from core.classroom.sweep import finish_estimate
from core.concept_check.scoring import class_result, class_summary
from core.i18n import LANGUAGES
from core.qr import qr_png
from core.store import StoreError
from core.training.recipe_url import BATCH_SIZES, LEARNING_RATES, TRAIN_SIZES
from core.training.record import DONE
from ui import classroom, concept_check, experiments, workspace
from ui.state import translator
from ui.training_pool import training_pool
from ui.training_state import SETTING_KEYS

t = translator()
JOIN_PARAM = "join"  # a join link's query parameter: the class code, filled in for the learner
NEW_CLASS_KEY = "class.new"  # the class just created: its codes, shown once on this browser
COLOUR_KEY = "class.colour"
SETTING_KEY = "class.setting"
SWEEP_CHOICES = {"lr": LEARNING_RATES, "batch_size": BATCH_SIZES, "train_size": TRAIN_SIZES,
                 "epochs": list(range(1, 11)), "optimizer": ["sgd", "adam"]}
SWEEP_DEFAULTS = {"lr": [0.001, 0.01, 0.1, 0.5], "batch_size": [16, 64, 256],
                  "train_size": [1_000, 5_000, 20_000], "epochs": [1, 2, 3], "optimizer": ["sgd", "adam"]}


def refusal(err: ClassError | StoreError) -> str:
    """A class's refusal in the learner's words."""
    if isinstance(err, TooManyAttempts):
        return t("class.join.too_many")
    if isinstance(err, WrongKey):
        return t("class.wrong_key")
    if isinstance(err, NotFound):
        return t("class.join.wrong")
    if isinstance(err, Refused):
        return t(f"class.refused.{err.reason}", **getattr(err, "fields", {}))
    if isinstance(err, StoreError):
        key, fields = workspace.described(err)
        return t(key, **fields)
    return t("workspace.unavailable")


def show_value(setting: str, value: object) -> str:
    """A recipe value as the training page shows it."""
    if setting == "optimizer":
        return t(f"train.optimizer.{value}")
    if isinstance(value, float):
        return f"{value:g}"
    return f"{value:,}" if isinstance(value, int) else str(value)


# --- the board ---------------------------------------------------------------------------------------

def board(class_id: str, me: str | None, big: bool = False, key: str = "") -> list[dict]:
    """The class's shared runs: curves coloured by a recipe field, the sweep, and the table; returns
    the rows shown. The class is read again here: a share or withdrawal above has just changed it."""
    info = classroom.classes().info(class_id)
    if not info:
        st.info(t("class.projector.missing"))
        return []
    left, right = st.columns(2)
    sweep = info.sweep or {}
    colour_by = left.selectbox(t("class.board.colour"), classroom.COLOUR_FIELDS, key=f"{COLOUR_KEY}{key}",
                               format_func=lambda f: t(f"train.{f}"))
    default_setting = SETTINGS.index(sweep["setting"]) if sweep.get("setting") in SETTINGS else 0
    setting = right.selectbox(t("class.board.sweep_setting"), SETTINGS, index=default_setting,
                              key=f"{SETTING_KEY}{key}", format_func=lambda f: t(f"train.{f}"))
    curves, sweep_spec, rows = classroom.board_specs(class_id, info.version, t.lang, colour_by, setting, me,
                                                     big)
    if not rows:
        st.info(t("class.board.empty"))
        return rows
    st.caption(t("class.board.runs", count=len(rows), members=len({r["nickname"] for r in rows})))
    if info.challenge:
        st.markdown(f"**{t('class.challenge.header')}**")
        st.dataframe(classroom.standing_columns(classroom.board_of_version(class_id, info.version), t),
                     hide_index=True)
    st.vega_lite_chart(curves, width="stretch")  # each spec carries its description (its accessible name)
    st.vega_lite_chart(sweep_spec, width="stretch")
    st.dataframe({t("class.board.col.nickname"): [r["nickname"] for r in rows],
                  t("class.board.col.run"): [r["name"] for r in rows],
                  **{t(f"train.{f}"): [show_value(f, r["recipe"].get(f)) for r in rows] for f in SETTINGS},
                  t("class.board.col.final"): [round(r["final_acc"], 2) for r in rows],
                  t("class.board.col.seconds"): [round(r["seconds"], 1) for r in rows]},
                 hide_index=True)
    return rows


# --- the learner -------------------------------------------------------------------------------------

def join_form() -> None:
    """Join a class by its code (a join link fills it in) with a nickname."""
    st.subheader(t("class.join.header"))
    code = st.query_params.get(JOIN_PARAM, "")
    with st.form("class.join", border=False):
        typed = st.text_input(t("class.join.code"), value=code, max_chars=16, key="class.join_code",
                              help=t("class.join.code_help"))
        nickname = st.text_input(t("class.join.nickname"), max_chars=24, key="class.nickname",
                                 help=t("class.join.nickname_help"))
        if not st.form_submit_button(t("class.join.button"), key="class.join_button", type="primary"):
            return
    try:
        member = classroom.classes().join(typed, workspace.workspace(), nickname,
                                          address=workspace.client_address())
    except (ClassError, StoreError) as err:  # a store's refusal too (unreachable, too many new workspaces)
        st.error(refusal(err))
        return
    if member is None:
        st.error(t("class.join.wrong"))
        return
    st.query_params.pop(JOIN_PARAM, None)
    st.success(t("class.join.done", nickname=classroom.plain(member.nickname)))


def sweep_run(member, info) -> None:
    """The value the teacher's sweep gave this learner, and a button that sets the training page to it."""
    sweep = info.sweep
    if not sweep or member.sweep_value is None:
        return
    budget = sweep.get("budget", {})
    images, epochs = budget.get("train_size", 5_000), budget.get("epochs", 1)
    st.markdown(t("class.sweep.yours", setting=t(f"train.{sweep['setting']}"),
                  value=show_value(sweep["setting"], member.sweep_value), images=images, epochs=epochs))
    if st.button(t("class.sweep.train"), key=f"class.sweep.{member.class_id}",
                 icon=":material/model_training:"):
        st.session_state[SETTING_KEYS["train_size"]] = images
        st.session_state[SETTING_KEYS["epochs"]] = epochs
        st.session_state[SETTING_KEYS[sweep["setting"]]] = member.sweep_value
        st.session_state["train.link_read"] = True  # the page's address must not reset the sweep's recipe
        st.switch_page("pages/train.py")


def challenge_run(member, info) -> None:
    """The class's challenge in words, and a button that sets the training page to its limits."""
    challenge = info.challenge
    if not challenge:
        return
    st.markdown(f"**{t('class.challenge.header')}**")
    st.markdown(classroom.challenge_rules(challenge, t))
    if st.button(t("class.challenge.train"), key=f"class.challenge.{member.class_id}",
                 icon=":material/emoji_events:", help=t("class.challenge.train_help")):
        images, epochs = challenge.get("max_train_size"), challenge.get("max_epochs")
        if images is not None:
            st.session_state[SETTING_KEYS["train_size"]] = min(images, st.session_state.get(
                SETTING_KEYS["train_size"], images))
        if epochs is not None:
            st.session_state[SETTING_KEYS["epochs"]] = min(epochs, st.session_state.get(
                SETTING_KEYS["epochs"], epochs))
        st.session_state[SETTING_KEYS["holdout"]] = True
        st.session_state["train.link_read"] = True  # the page's address must not reset the challenge's recipe
        st.switch_page("pages/train.py")


def check_share(member) -> None:
    """Send the learner's concept-check result (per idea, right out of asked; no answers, no name) to the
    class, for the teacher's before → after of the whole class."""
    result = class_result(concept_check.kept())
    if not result:
        return
    if st.button(t("class.check.share"), key=f"class.check.{member.class_id}", icon=":material/quiz:",
                 help=t("class.check.share_help")):
        try:
            classroom.classes().share_check(member.class_id, workspace.workspace(), result)
        except (ClassError, StoreError) as err:
            st.error(refusal(err))
        else:
            st.success(t("class.check.shared"))


def share_controls(member) -> None:
    """Share a kept run, and withdraw a shared one."""
    st.markdown(f"**{t('class.share.header')}**")
    store = experiments.run_store()
    done = [run for run in store.runs if run.status == DONE and run.curves.epochs]
    if not done:
        st.caption(t("class.share.none"))
        return
    label = {run.id: experiments.run_label(run, t) for run in done}
    chosen = st.selectbox(t("class.share.pick"), list(label), format_func=label.get,
                          key=f"class.share_pick.{member.class_id}", index=len(done) - 1)
    if st.button(t("class.share.button"), key=f"class.share.{member.class_id}", icon=":material/share:"):
        run = store.get(chosen)
        family = classroom.family_of(run, store.get)
        try:
            classroom.classes().share(member.class_id, workspace.workspace(),
                                      classroom.shared_run(run, experiments.run_name(run, t), family))
        except (ClassError, StoreError) as err:
            st.error(refusal(err))
        else:
            st.success(t("class.share.done"))


def my_shares(member, rows: list[dict]) -> None:
    """The learner's own shared runs, each with a withdraw button."""
    mine = [row for row in rows if row["mine"]]
    if not mine:
        return
    st.markdown(f"**{t('class.share.mine')}**")
    for row in mine:
        name, button = st.columns([4, 1], vertical_alignment="center")
        name.text(f"{row['name']} · {row['final_acc']:.2f}%")
        if button.button(t("class.share.withdraw"), key=f"class.withdraw.{row['share_id']}"):
            try:
                classroom.classes().withdraw(member.class_id, workspace.workspace(), row["share_id"])
            except (ClassError, StoreError) as err:
                st.error(refusal(err))
            st.rerun()


def learner() -> None:
    """Join, then for each class: the sweep value, sharing, the board."""
    join_form()
    kept = classroom.classes()
    for member in kept.memberships(workspace.workspace()):
        info = kept.info(member.class_id)
        if info is None:
            continue
        st.divider()
        st.subheader(t("class.member.header", name=classroom.plain(info.name)))
        st.caption(t("class.member.you"))
        st.text(member.nickname)
        sweep_run(member, info)
        challenge_run(member, info)
        share_controls(member)
        check_share(member)
        st.button(t("class.board.refresh"), key=f"class.refresh.{member.class_id}", icon=":material/refresh:")
        rows = board(member.class_id, member.member_id, key=f".{member.class_id}")
        my_shares(member, rows)


# --- the teacher -------------------------------------------------------------------------------------

def create_form() -> None:
    """Create a class: a name, a language, the server's creation code when it asks for one."""
    st.subheader(t("class.create.header"))
    with st.form("class.create", border=False):
        name = st.text_input(t("class.create.name"), max_chars=60, key="class.create_name")
        language = st.segmented_control(t("class.create.language"), list(LANGUAGES), default=t.lang,
                                        format_func=LANGUAGES.get, key="class.create_language")
        code = st.text_input(t("class.create.code"), type="password", key="class.create_code")
        if not st.form_submit_button(t("class.create.button"), key="class.create_button", type="primary"):
            return
    ws = workspace.workspace()
    try:
        made = classroom.classes().create(ws, name or t("nav.classroom"), language or t.lang, code or None)
    except (ClassError, StoreError) as err:  # a store's refusal too (unreachable, too many new workspaces)
        st.error(refusal(err))
        return
    classroom.keep_teacher_key(ws, made.class_id, made.teacher_key, made.join_code)
    st.session_state[NEW_CLASS_KEY] = (made.class_id, made.join_code, made.recovery_code)


def codes(class_id: str, join_code: str | None, recovery_code: str | None) -> None:
    """The join code in large type, the join and projector links, and the recovery code once."""
    base = (st.context.url or "").split("?")[0].rsplit("/", 1)[0]
    if join_code:
        st.metric(t("class.teach.join_code"), f"{join_code[:4]}-{join_code[4:]}")
        st.caption(t("class.teach.join_link"))
        link = f"{base}/classroom?{JOIN_PARAM}={join_code}"
        st.code(link, language=None)
        st.image(qr_png(link), width=220, alt=t("class.teach.qr_alt"))
    st.caption(t("class.teach.board_link"))
    st.code(f"{base}/board?class={class_id}", language=None)
    if recovery_code:
        st.success(t("class.create.done"))
        st.metric(t("class.teach.recovery"), recovery_code)


def sweep_form(key: str, class_id: str) -> None:
    """Set a sweep: a setting and its values; each learner who joins gets the next one."""
    with st.expander(t("class.teach.sweep")):
        setting = st.selectbox(t("class.teach.sweep_setting"), SETTINGS,
                               key=f"class.sweep_setting.{class_id}", format_func=lambda f: t(f"train.{f}"))
        values = st.multiselect(t("class.teach.sweep_values"), SWEEP_CHOICES[setting],
                                default=SWEEP_DEFAULTS[setting], format_func=lambda v: show_value(setting, v),
                                key=f"class.sweep_values.{class_id}.{setting}")
        budget = {"train_size": 5_000, "epochs": 1}
        workers = training_pool().size
        info = classroom.classes().info(class_id)
        planned = {"setting": setting, "values": list(values), "budget": budget}
        estimate = finish_estimate(info.sweep or planned, classroom.shared_times(class_id, info.version),
                                   info.members, workers)
        if info.sweep:
            basis = t("class.teach.sweep_measured" if estimate["measured"] else "class.teach.sweep_assumed")
            st.info(t("class.teach.sweep_progress", basis=basis, workers=workers, **estimate))
        st.caption(t("class.teach.sweep_budget", images=budget["train_size"], epochs=budget["epochs"],
                     workers=workers, runs=max(info.members, len(values)),
                     minutes=finish_estimate(planned, [], info.members, workers)["minutes"]))
        if st.button(t("class.teach.sweep_button"), key=f"class.sweep_start.{class_id}", disabled=not values):
            try:
                classroom.classes().set_sweep(key, class_id, setting, list(values), budget)
            except (ClassError, StoreError) as err:
                st.error(refusal(err))
            else:
                st.success(t("class.teach.sweep_set"))


def challenge_form(key: str, class_id: str, info) -> None:
    """Set the challenge: the most training images and epochs a ranked run (and its family) may use."""
    with st.expander(t("class.teach.challenge")):
        current = info.challenge or {"max_train_size": 1_000, "max_epochs": 3}
        no_limit = t("class.challenge.no_limit")
        images = st.selectbox(t("class.teach.challenge_images"), [None, *TRAIN_SIZES],
                              index=([None, *TRAIN_SIZES]).index(current.get("max_train_size")),
                              format_func=lambda n: no_limit if n is None else f"{n:,}",
                              key=f"class.challenge_images.{class_id}")
        epoch_choices = [None, *range(1, 11)]
        epochs = st.selectbox(t("class.teach.challenge_epochs"), epoch_choices,
                              index=epoch_choices.index(current.get("max_epochs")),
                              format_func=lambda n: no_limit if n is None else str(n),
                              key=f"class.challenge_epochs.{class_id}")
        rules = {"max_train_size": images, "max_epochs": epochs}
        st.caption(classroom.challenge_rules(rules, t))
        left, right = st.columns(2)
        try:
            if left.button(t("class.teach.challenge_button"), key=f"class.challenge_set.{class_id}",
                           type="primary"):
                classroom.classes().set_challenge(key, class_id, rules)
                st.success(t("class.teach.challenge_set"))
            if info.challenge and right.button(t("class.teach.challenge_off"),
                                               key=f"class.challenge_off.{class_id}"):
                classroom.classes().set_challenge(key, class_id, None)
                st.rerun()
        except (ClassError, StoreError) as err:
            st.error(refusal(err))


def moderation(key: str, class_id: str) -> None:
    """Hide runs, rename or hide learners, lock, end, download."""
    kept = classroom.classes()
    everything = kept.board(class_id, include_hidden=True)
    st.markdown(f"**{t('class.teach.moderate')}**")
    for row in everything.runs:
        name, hide = st.columns([4, 1], vertical_alignment="center")
        name.text(f"{row.nickname} · {row.run.name} · {row.run.final_acc:.2f}%")
        hidden = hide.toggle(t("class.board.col.hidden"), value=row.run_hidden,
                             key=f"class.hide.{row.share_id}")
        if hidden != row.run_hidden:
            kept.hide_run(key, class_id, row.share_id, hidden)
            st.rerun()
    members = {row.member_id: (row.nickname, row.member_hidden) for row in everything.runs}
    if members:
        with st.expander(t("class.teach.members")):
            for member_id, (nickname, member_hidden) in members.items():
                label = t("class.teach.rename", nickname=classroom.plain(nickname))  # a label is Markdown
                name, hide_all = st.columns([3, 2], vertical_alignment="bottom")
                renamed = name.text_input(label, value=nickname, max_chars=24,
                                          key=f"class.rename.{member_id}")
                if renamed.strip() and renamed != nickname:
                    kept.rename_member(key, class_id, member_id, renamed)
                    st.rerun()
                hidden = hide_all.toggle(t("class.teach.hide_member"), value=member_hidden,
                                         key=f"class.hide_member.{member_id}")
                if hidden != member_hidden:
                    kept.hide_member(key, class_id, member_id, hidden)
                    st.rerun()
    left, right = st.columns(2)
    locked = left.toggle(t("class.teach.lock"), value=everything.info.locked, key=f"class.lock.{class_id}")
    if locked != everything.info.locked:
        kept.lock(key, class_id, locked)
        st.rerun()
    right.download_button(t("class.teach.csv"), kept.csv(key, class_id), file_name="class_runs.csv",
                          mime="text/csv", key=f"class.csv.{class_id}", on_click="ignore")
    if st.button(t("class.teach.end"), key=f"class.end.{class_id}", icon=":material/stop_circle:"):
        kept.end(key, class_id)
        st.rerun()


def recover_form() -> None:
    """Bring the teacher's controls to this browser with the printed recovery code."""
    with st.expander(t("class.teach.recover")):
        code = st.text_input(t("class.teach.recovery"), key="class.recovery_code", max_chars=24)
        if st.button(t("class.teach.recover_button"), key="class.recover"):
            found = classroom.classes().recover(code)
            if found is None:
                st.error(t("class.teach.recover_wrong"))
            else:
                classroom.keep_teacher_key(workspace.workspace(), *found)
                st.success(t("class.teach.recovered"))


def teacher() -> None:
    """Create a class; for each class taught from this browser: its codes, sweep, board and moderation."""
    create_form()
    recover_form()
    new = st.session_state.get(NEW_CLASS_KEY)
    ws = workspace.workspace()
    kept = classroom.classes()
    for class_id, (key, join_code) in classroom.teacher_keys(ws).items():
        info = kept.info(class_id)
        if info is None or not kept.is_teacher(key, class_id):
            continue
        st.divider()
        st.subheader(t("class.teach.header", name=classroom.plain(info.name)))
        if info.ended:
            st.info(t("class.teach.ended"))
            continue
        fresh = new is not None and new[0] == class_id
        codes(class_id, join_code, new[2] if fresh else None)
        sweep_form(key, class_id)
        challenge_form(key, class_id, info)
        moderation(key, class_id)
        board(class_id, None, key=f".teach.{class_id}")
        concept_check.draw_class_summary(class_summary(kept.check_results(key, class_id)), t)


# --- the page ------------------------------------------------------------------------------------------

st.title(t("classroom.title"))
st.write(t("class.intro"))
if classroom.classes() is None:
    st.info(t("class.needs_saving"))
else:
    learner_tab, teacher_tab = st.tabs([t("class.learner_tab"), t("class.teacher_tab")])
    try:
        with learner_tab:
            learner()
        with teacher_tab:
            teacher()
    except (ClassError, StoreError) as err:  # a store's refusal too (unreachable, too many new workspaces)
        st.error(refusal(err))
