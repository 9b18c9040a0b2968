"""Backpropagation: a 2-2-1 network's backward pass by hand, then LeNet's, layer by layer."""
