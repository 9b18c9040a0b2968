"""The dataset lesson: MNIST's figures, samples, statistics and their charts."""
