"""A concept check: two parallel forms of ten questions, taken before and after the lessons."""

from core.concept_check.questions import FORM_IDS, FORMS, IDEAS, QUESTIONS, Misconception, Question  # noqa: F401
from core.concept_check.scoring import (  # noqa: F401
    CLASS_MINIMUM,
    KEPT_KEY,
    ClassSummary,
    IdeaChange,
    IdeaSummary,
    Score,
    before_after,
    class_result,
    class_summary,
    grade,
    readable_kept,
)
