"""Text of the design and sketch pages' prompts (predict first, then see)."""

# why a turn fools the network, said after either angle (the shipped one trained on digits turned up to 20°)
NOT_TURNED = ("A convolution's filters do not turn with the digit: the network reads a turned digit only "
              "about as far as its training showed it turned ones.")
NOT_TURNED_ZH = "卷积核不会跟着数字一起转：网络训练时见过转到多大角度的数字，大致也就只能认出转到那么大的。"

TEXT: dict[str, tuple[str, str]] = {
    # --- design: which network loses more when the pixels are shuffled? -------------------------
    "predict.design_shuffle.question": (
        "Before the experiment below: every image's 784 pixels are moved by one fixed shuffle, then "
        "a fully connected network (the MLP) and the convolutional LeNet are each trained and tested "
        "on the original and on the shuffled digits. Which one loses more test accuracy to the "
        "shuffle?",
        "先猜再看下面的实验：把每张图片的 784 个像素按同一种固定方式打乱，再分别用原图和打乱后的图片"
        "训练并测试一个全连接网络（多层感知机）和卷积网络 LeNet。打乱像素之后，哪个网络的测试准确率"
        "掉得更多？",
    ),
    "predict.design_shuffle.option.lenet": ("LeNet, the convolutional one", "卷积网络 LeNet"),
    "predict.design_shuffle.option.mlp": ("the fully connected MLP", "全连接的多层感知机"),
    "predict.design_shuffle.option.same": ("both about the same", "两个差不多"),
    "predict.design_shuffle.caption.lenet": (
        "its small filters look at neighbouring pixels together", "它的小卷积核一次只看相邻的一小块像素",
    ),
    "predict.design_shuffle.caption.mlp": (
        "it connects every pixel to every neuron of its first layer", "它把每个像素都连到第一层的每个神经元",
    ),
    "predict.design_shuffle.caption.same": (
        "within two points of each other: the shuffle scrambles the digit for both",
        "相差不到两个百分点：打乱像素对两个网络来说都一样是把数字搅乱了",
    ),
    "predict.design_shuffle.explain.lenet": (
        "The shuffle took LeNet from {lenet_original}% to {lenet_shuffled}% ({lenet_change} points) and "
        "the MLP from {mlp_original}% to {mlp_shuffled}% ({mlp_change} points). LeNet's filters read "
        "small patches of neighbouring pixels, and the shuffle scatters every neighbourhood; the MLP "
        "never used who was next to whom, so for it the shuffle is only a new order of its inputs.",
        "打乱像素后，LeNet 从 {lenet_original}% 变成 {lenet_shuffled}%（{lenet_change} 个百分点），"
        "多层感知机从 {mlp_original}% 变成 {mlp_shuffled}%（{mlp_change} 个百分点）。LeNet 的卷积核看的是"
        "一小块相邻的像素，而打乱把每一块邻居都拆散了；多层感知机从来没用过“谁挨着谁”，对它来说，"
        "打乱只不过是把输入换了个顺序。",
    ),
    "predict.design_shuffle.explain.mlp": (
        "The shuffle took the MLP from {mlp_original}% to {mlp_shuffled}% ({mlp_change} points) and LeNet "
        "from {lenet_original}% to {lenet_shuffled}% ({lenet_change} points). This time the MLP lost "
        "more, which the shuffle itself cannot explain: the MLP never used who was next to whom. At a "
        "small budget a few points come and go with the starting weights and the order of the images.",
        "打乱像素后，多层感知机从 {mlp_original}% 变成 {mlp_shuffled}%（{mlp_change} 个百分点），LeNet 从 "
        "{lenet_original}% 变成 {lenet_shuffled}%（{lenet_change} 个百分点）。这次反而是多层感知机掉得更多，"
        "而这不能怪打乱本身：多层感知机从来没用过“谁挨着谁”。训练量很小时，起始权重和图片的顺序"
        "就能让准确率上下差几个百分点。",
    ),
    "predict.design_shuffle.explain.same": (
        "The shuffle took LeNet from {lenet_original}% to {lenet_shuffled}% ({lenet_change} points) and "
        "the MLP from {mlp_original}% to {mlp_shuffled}% ({mlp_change} points): within {band} points of "
        "each other. The MLP never used who was next to whom, so the shuffle costs it nothing; LeNet "
        "can only lose what its filters had learned from neighbouring pixels, and here that was "
        "little.",
        "打乱像素后，LeNet 从 {lenet_original}% 变成 {lenet_shuffled}%（{lenet_change} 个百分点），"
        "多层感知机从 {mlp_original}% 变成 {mlp_shuffled}%（{mlp_change} 个百分点），两者相差不到 {band} "
        "个百分点。多层感知机从来没用过“谁挨着谁”，打乱对它毫无影响；LeNet 只会失去它的卷积核从相邻"
        "像素里学到的东西，而这一次它学到的本来就不多。",
    ),
    # --- design: which layer's gradient is smallest with the sigmoid? ---------------------------
    "predict.design_gradient.question": (
        "Before the experiment below: a deep network of {layers} weight layers, with the sigmoid after "
        "each of its {hidden} hidden layers, learns by plain SGD. Which layer's gradient will be the "
        "smallest, on average?",
        "先猜再看下面的实验：一个有 {layers} 个权重层的深层网络，{hidden} 个隐藏层后面都接 sigmoid，"
        "用普通的 SGD 训练。平均来看，哪一层的梯度最小？",
    ),
    "predict.design_gradient.option.first": ("the first layer", "第一层"),
    "predict.design_gradient.option.middle": ("a middle layer", "中间的某一层"),
    "predict.design_gradient.option.last": ("the last layer", "最后一层"),
    "predict.design_gradient.caption.first": ("next to the input pixels", "紧挨着输入的像素"),
    "predict.design_gradient.caption.middle": ("one of the layers in between", "夹在中间的那几层之一"),
    "predict.design_gradient.caption.last": ("next to the output and the loss", "紧挨着输出和损失"),
    "predict.design_gradient.explain": (
        "With the sigmoid, the first layer's gradient averaged {first} and the last layer's {last}: "
        "{shrink} times smaller at the input end. On the way back the gradient is multiplied by each "
        "sigmoid's slope, at most 0.25, and {hidden} of them lie between the loss and the first layer. "
        "With ReLU the first layer's gradient was {ratio} times bigger.",
        "用 sigmoid 时，第一层的梯度平均为 {first}，最后一层为 {last}：越靠近输入，梯度小了 {shrink} 倍。"
        "反向传播时，梯度每经过一个 sigmoid 都要乘上它的斜率（最大只有 0.25），而损失和第一层之间隔着 "
        "{hidden} 个 sigmoid。换成 ReLU，第一层的梯度大了 {ratio} 倍。",
    ),
    "predict.design_gradient.explain_other": (
        "With the sigmoid, the smallest average gradient was {smallest}'s, {smallest_size}; the first "
        "layer's was {first}, the last layer's {last}. Usually the first layer's is the smallest: on "
        "the way back the gradient is multiplied by each sigmoid's slope, at most 0.25, and {hidden} "
        "of them lie between the loss and the first layer. With ReLU the first layer's gradient was "
        "{ratio} times bigger.",
        "用 sigmoid 时，平均梯度最小的是 {smallest}，为 {smallest_size}；第一层为 {first}，最后一层为 "
        "{last}。通常最小的是第一层：反向传播时，梯度每经过一个 sigmoid 都要乘上它的斜率（最大只有 "
        "0.25），而损失和第一层之间隔着 {hidden} 个 sigmoid。换成 ReLU，第一层的梯度大了 {ratio} 倍。",
    ),
    # --- sketch: at what rotation will the model first misread your digit? ----------------------
    "predict.sketch_rotation.question": (
        "Before you turn it: how many degrees, either way, until the model first reads your {digit} "
        "as another digit? The slider below turns it up to {reach}°; guess more if you think it holds "
        "longer, and 180 (half a turn) if you think no turn can fool it.",
        "转动之前先猜：把你的 {digit} 往任一方向转多少度，模型会第一次把它认成别的数字？下面的滑块"
        "最多转 {reach}°；如果你觉得它能撑得更久，就猜更大的角度；如果你觉得怎么转都骗不了它，就填 "
        "180（转半圈）。",
    ),
    "predict.sketch_rotation.explain.within": (
        "Turned {angle}°, it reads your {digit} as a {read_as}: set the rotation slider to {slider} and "
        "see. Up to {before}° either way it still read {digit}; at {angle}° its confidence in {digit} is "
        "down to {confidence}. " + NOT_TURNED,
        "转 {angle}° 时，模型把你的 {digit} 认成了 {read_as}：把旋转滑块拨到 {slider} 就能看到。往任一"
        "方向转到 {before}° 为止，它都还认得是 {digit}；到 {angle}° 时，它认为是 {digit} 的把握只剩 "
        "{confidence}。" + NOT_TURNED_ZH,
    ),
    "predict.sketch_rotation.explain.beyond": (
        "Up to the slider's {reach}°, either way, it still reads your {digit}: turn it and see. Turned "
        "further by the same code, it first reads a {read_as} at {angle}° ({slider}° as the slider counts), "
        "where its confidence in {digit} is down to {confidence}. " + NOT_TURNED,
        "在滑块能转到的 {reach}° 以内，无论往哪边转，它都还认得是 {digit}：转转看就知道。用同样的代码"
        "再往下转，它在转到 {angle}° 时（在滑块上记作 {slider}°）第一次认成了 {read_as}，"
        "这时它认为是 {digit} 的把握只剩 {confidence}。" + NOT_TURNED_ZH,
    ),
    "predict.sketch_rotation.explain.never": (
        "No turn fools it: at every degree up to half a turn either way, the model still reads {digit}. "
        "A digit that looks much the same turned, as a round 0 does, keeps its reading; try a 7 or a 4.",
        "怎么转都骗不了它：往任一方向转，直到转半圈，模型每一度都还认得是 {digit}。像圆圆的 0 这样转了"
        "也差不多的数字，总能被认出来；试试 7 或 4。",
    ),
    "predict.sketch_rotation.hidden": (
        "The chart of every angle appears once you have guessed, or pressed “Just show me”.",
        "猜完（或者按下“直接告诉我”）之后，这里会画出每个角度下的把握。",
    ),
}
