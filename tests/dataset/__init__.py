"""Tests of the dataset lesson: core/dataset/ and pages/dataset.py."""
