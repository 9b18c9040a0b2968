"""Tests of the sketch lesson: core/sketch/ and pages/sketch.py."""
