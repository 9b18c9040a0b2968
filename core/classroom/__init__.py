"""The class layer: a teacher's class that learners join by code, share runs to, and see on one board.

Stored in the workspace store (core.store: tables classes, members, shares, join_attempts). Plain Python:
no Streamlit here.
"""

from core.classroom.challenge import Standing, breaches, standings
from core.classroom.classes import Classes
from core.classroom.errors import ClassError, NotFound, Refused, TooManyAttempts, WrongKey
from core.classroom.records import Board, BoardRun, ClassInfo, Member, NewClass, SharedRun
from core.classroom.sweep import SETTINGS

__all__ = [
    "SETTINGS",
    "Board",
    "BoardRun",
    "ClassError",
    "ClassInfo",
    "Classes",
    "Member",
    "NewClass",
    "NotFound",
    "Refused",
    "SharedRun",
    "Standing",
    "TooManyAttempts",
    "WrongKey",
    "breaches",
    "standings",
]
