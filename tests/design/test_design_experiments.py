"""Why convolution? On a small subset, shuffling the pixels leaves the MLP where it was and
knocks LeNet down."""

from core.data import load_tensors
from core.design.experiments import pixel_permutation, shuffle_pixels, why_convolution
from core.training import TrainConfig


def test_shuffled_pixels_hurt_lenet_not_the_mlp() -> None:
    train = load_tensors(train=True)
    test_x, test_y = load_tensors(train=False)
    result = why_convolution(train, (test_x[:1000], test_y[:1000]),
                             TrainConfig(epochs=2, train_size=1_000, lr=0.05, seed=0))
    acc = result.accuracy
    assert abs(acc[("mlp", True)] - acc[("mlp", False)]) < 5  # the MLP never knew who was a neighbour
    assert acc[("lenet", False)] - acc[("lenet", True)] > 15  # convolution did
    assert result.parameters == {"mlp": 101_770, "lenet": 44_426}


def test_the_shuffle_is_one_fixed_permutation_of_the_pixels() -> None:
    images = load_tensors(train=False)[0][:3]
    permutation = pixel_permutation(0)
    shuffled = shuffle_pixels(images, permutation)
    assert sorted(shuffled[0].flatten().tolist()) == sorted(images[0].flatten().tolist())
    assert not (shuffled == images).all()
    assert (shuffle_pixels(images, pixel_permutation(0)) == shuffled).all()
