"""Tests of the design lesson: core/design/ and pages/design.py."""
