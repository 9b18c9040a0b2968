"""Tests of the model lesson: core/model/ and pages/model.py."""
