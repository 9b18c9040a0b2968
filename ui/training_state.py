"""The training page's keys in `st.session_state`, in one place: the page, the experiments page
(a branch hands the training page its run and its recipe) and the recipe link use them."""

from __future__ import annotations

from core.training import RECIPE_FIELDS

SESSION_KEY = "train.session"  # the TrainingSession
REQUEST_KEY = "train.request"  # the button pressed ("start", "stop", "resume"), acted on once
UPLOAD_KEY = "train.upload"
UPLOADED_KEY = "train.uploaded_id"  # the upload already applied, so a rerun does not apply it again
CELL_KEY = "train.cell"  # the picked confusion cell, a (true, said) pair
MATRIX_KEY = "train.matrix"  # the confusion chart's selection
TUTORIAL_KEY = "train.tutorial"  # draw the tutorial's published curve beside ours
SECONDS_KEY = "train.seconds_axis"  # draw the curves against seconds of training instead of epochs
LINK_READ_KEY = "train.link_read"  # a link's recipe is applied once per session, on the first visit
SETTING_KEYS = {name: f"train.{name}" for name in RECIPE_FIELDS}  # TrainConfig field -> its widget's key
