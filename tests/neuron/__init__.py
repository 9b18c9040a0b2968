"""Tests of the neuron lesson: core/neuron/ and pages/neuron.py."""
