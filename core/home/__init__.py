"""The home page's lesson: one artificial neuron, and the network diagram."""
