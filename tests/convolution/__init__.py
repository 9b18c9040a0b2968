"""Tests of the convolution lesson: core/convolution/ and pages/convolution.py."""
