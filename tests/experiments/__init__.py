"""Tests of the experiment bench: core/experiments/ and pages/experiments.py."""
