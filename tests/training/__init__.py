"""Tests of the training lesson: core/training/ and pages/train.py."""
