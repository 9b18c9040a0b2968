"""Tests of the home lesson: core/home/ and pages/home.py."""
