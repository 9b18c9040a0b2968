"""Tests of the learner's own digits: core/handwriting/ and the sketch page's collection."""
