"""The app's pages in learning order, then the learner's own, with their navigation icons; titles are
`nav.<stem>`."""

from pathlib import Path

PAGES_DIR = Path(__file__).resolve().parent.parent / "pages"

PAGES = [
    ("home", ":material/school:"),
    # the concept check: form A before the lessons, form B after; listed first, since form A comes first
    ("check", ":material/quiz:"),
    ("dataset", ":material/grid_view:"),
    ("neuron", ":material/linear_scale:"),
    ("convolution", ":material/filter_center_focus:"),
    ("backprop", ":material/undo:"),
    ("model", ":material/account_tree:"),
    ("design", ":material/architecture:"),
    ("train", ":material/model_training:"),
    ("experiments", ":material/science:"),
    ("sketch", ":material/draw:"),
]
# after the lessons: the learner's own work and what the app keeps of it (not on the learning path)
WORK_PAGES = [
    ("classroom", ":material/groups:"),
    ("board", ":material/co_present:"),
    ("workspace", ":material/folder_shared:"),
    ("privacy", ":material/policy:"),
]
