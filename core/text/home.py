"""Text of the home page."""

TEXT = {
    "home.title": ("How a neural network learns", "神经网络是如何学习的"),
    "home.intro": (
        "Watch one neuron learn, slide a filter over a digit, train a real network on MNIST, "
        "then draw a digit for it to read.",
        "看一个神经元如何学习，把卷积核滑过一个数字，在 MNIST 上训练一个真正的网络，"
        "再亲手写一个数字让它来认。",
    ),
}
