"""Text of the backpropagation page."""

TEXT = {
    "backprop.title": ("Backpropagation, every number", "反向传播：每一个数字"),
    "backprop.intro": (
        "The neuron page worked out one neuron's gradients by hand. A real network has layers, and "
        "the gradient travels back through them one at a time by the **chain rule**: each node "
        "multiplies the gradient flowing in by its own small *local derivative* and passes the "
        "product on. That is all `loss.backward()` does.",
        "“一个神经元”页面手算了单个神经元的梯度。真正的网络有很多层，梯度要按**链式法则**一层一层往回传："
        "每个节点把传进来的梯度乘上自己的*局部导数*，再把乘积继续往回传。`loss.backward()` 做的就是这件事。",
    ),
    "backprop.neuron_link": ("Back to one neuron", "回到一个神经元"),
    "home.path.backprop": (
        "Follow the gradient back through a tiny network number by number, then through LeNet "
        "layer by layer.",
        "在一个很小的网络里逐个数字地追踪梯度如何往回传，再在 LeNet 里一层一层地看。",
    ),
    # --- part 1 -------------------------------------------------------------------------------
    "backprop.small.header": ("1. A network small enough to see every number",
                              "1. 一个小到能看清每个数字的网络"),
    "backprop.small.explain": (
        "Two inputs, two hidden neurons, one output, and one training example with target $t$. The "
        "loss is the neuron page's, half the squared error. Nine parameters: set them below, or keep "
        "the defaults.",
        "两个输入、两个隐藏神经元、一个输出，只用一个目标值为 $t$ 的训练样本。"
        "损失和神经元页面一样，是平方误差的一半。"
        "一共九个参数：可以在下面设置，也可以保留默认值。",
    ),
    "backprop.small.activation": ("Hidden activation", "隐藏层激活函数"),
    "backprop.fn.relu": ("ReLU", "ReLU"),
    "backprop.fn.sigmoid": ("Sigmoid", "Sigmoid 函数"),
    "backprop.small.example": ("The example", "训练样本"),
    "backprop.small.hidden1": ("Hidden neuron 1", "隐藏神经元 1"),
    "backprop.small.hidden2": ("Hidden neuron 2", "隐藏神经元 2"),
    "backprop.small.output": ("Output neuron", "输出神经元"),
    "backprop.small.target": ("Target", "目标值"),
    "backprop.small.weights": ("The nine parameters", "九个参数"),
    "backprop.small.defaults": ("Default values", "恢复默认值"),
    "backprop.small.forward": (
        "**Forward pass:** $z_1 = {z1}$, $z_2 = {z2}$, $h_1 = {h1}$, $h_2 = {h2}$, $y = {y}$, "
        "loss $L = {loss}$.",
        "**前向传播：** $z_1 = {z1}$，$z_2 = {z2}$，$h_1 = {h1}$，$h_2 = {h2}$，$y = {y}$，"
        "损失 $L = {loss}$。",
    ),
    "backprop.graph.header": ("The computation graph, backwards", "计算图，反向走一遍"),
    "backprop.graph.explain": (
        "Every node shows its forward value above it. Step backward from the loss: each step reaches "
        "one node and writes its gradient $\\partial L/\\partial$(node) below it, the gradient "
        "flowing in times the local derivative.",
        "每个节点上方是它的前向值。从损失开始反向一步步走：每一步到达一个节点，在它下方写出梯度 "
        "$\\partial L/\\partial$(节点)，也就是传进来的梯度乘以局部导数。",
    ),
    "backprop.graph.target": ("target", "目标"),
    "backprop.graph.alt": (
        "Computation graph of the 2-2-1 network. Forward: {forward}. Backward pass at step {step} of "
        "{total}; gradients so far: {gradients}.",
        "2-2-1 网络的计算图。前向值：{forward}。反向传播进行到第 {step} 步，共 {total} 步；"
        "已算出的梯度：{gradients}。",
    ),
    "backprop.play": ("Play", "播放"),
    "backprop.pause": ("Pause", "暂停"),
    "backprop.step": ("Step back", "反向一步"),
    "backprop.back": ("Undo a step", "撤回一步"),
    "backprop.reset": ("Reset", "重置"),
    "backprop.still": (
        "Reduce motion is on: step through the graph with the buttons.",
        "已开启“减少动画”：请用按钮逐步查看。",
    ),
    "backprop.progress": ("Backward step {step} of {total}: node {node}",
                          "反向第 {step} 步（共 {total} 步）：节点 {node}"),
    "backprop.rule.seed": (
        "The backward pass starts at the loss with $\\partial L/\\partial L = 1$.",
        "反向传播从损失开始：$\\partial L/\\partial L = 1$。",
    ),
    "backprop.rule.square": (
        "The loss's own derivative: $\\tfrac12(y - t)^2$ changes by "
        "$y - t$ per unit of $y$.",
        "损失本身的导数：$y$ 每变化一个单位，$\\tfrac12(y - t)^2$ 变化 "
        "$y - t$。",
    ),
    "backprop.rule.sum": (
        "An added term: its local derivative is 1, so the gradient passes through unchanged.",
        "加上去的一项：局部导数是 1，梯度原样通过。",
    ),
    "backprop.rule.times": (
        "A product: the local derivative of one factor is the other factor's value.",
        "乘积：对其中一个因子的局部导数，就是另一个因子的值。",
    ),
    "backprop.rule.relu": (
        "ReLU: its slope is 1 where $z > 0$ and 0 elsewhere; the gradient passes or stops.",
        "ReLU：$z > 0$ 时斜率是 1，否则是 0；梯度要么原样通过，要么被挡住。",
    ),
    "backprop.rule.sigmoid": (
        "Sigmoid: its slope $\\sigma(z)(1 - \\sigma(z))$ is at most ¼, so the gradient shrinks here.",
        "Sigmoid：斜率 $\\sigma(z)(1 - \\sigma(z))$ 最大只有 ¼，梯度经过这里会变小。",
    ),
    "backprop.check.header": ("All nine gradients, checked by torch.autograd",
                              "九个梯度，用 torch.autograd 核对"),
    "backprop.check.waiting": (
        "{done} of 9 parameters reached. Step to the last one to compare all nine with torch.autograd.",
        "已到达 {done}/9 个参数。走到最后一个参数，就能把九个梯度全部和 torch.autograd 对比。",
    ),
    "backprop.check.agree": (
        "All nine hand-computed gradients equal torch.autograd's (float64, to 9 significant digits).",
        "九个手算的梯度与 torch.autograd 的结果完全一致（float64，9 位有效数字）。",
    ),
    "backprop.check.differ": (
        "The hand-computed gradients differ from torch.autograd's: please report this.",
        "手算的梯度与 torch.autograd 的结果不一致：请报告这个问题。",
    ),
    "backprop.col.parameter": ("Parameter", "参数"),
    "backprop.col.value": ("Value", "当前值"),
    "backprop.col.hand": ("By hand", "手算"),
    "backprop.col.autograd": ("torch.autograd", "torch.autograd 的结果"),
    "backprop.col.new": ("After one step", "更新一步后"),
    "backprop.update.header": ("One update step", "更新一步"),
    "backprop.update.lr": ("Learning rate η", "学习率 η"),
    "backprop.update.result": (
        "Every parameter moves by $-\\eta \\cdot \\partial L/\\partial p$. The loss goes from "
        "**{before}** to **{after}**.",
        "每个参数都移动 $-\\eta \\cdot \\partial L/\\partial p$。损失从 **{before}** 变成 **{after}**。",
    ),
    "backprop.shrink.header": ("Sigmoid against ReLU: the gradient shrinks", "Sigmoid 与 ReLU：梯度变小了"),
    "backprop.shrink.explain": (
        "The same weights and example with each activation. On its way from $h_j$ back to $z_j$ the "
        "gradient is multiplied by the activation's slope: the sigmoid's here is {s1} and {s2} (never "
        "more than ¼), ReLU's is {r1} and {r2}. In a deep network these factors multiply, layer after "
        "layer.",
        "同样的权重和样本，分别用两种激活函数。梯度从 $h_j$ 传回 $z_j$ 时要乘上激活函数的斜率："
        "这里 sigmoid 的斜率是 {s1} 和 {s2}（永远不超过 ¼），ReLU 的是 {r1} 和 {r2}。"
        "在很深的网络里，这些系数一层层连乘。",
    ),
    "backprop.shrink.node": ("Gradient at", "梯度所在节点"),
    "backprop.shrink.size": ("|gradient|", "|梯度|"),
    "backprop.shrink.activation": ("Activation", "激活函数"),
    "backprop.shrink.alt": (
        "Bar chart of the size of the gradient at y, h1, z1, w11, h2, z2 and w21, with sigmoid and with "
        "ReLU: {values}.",
        "柱状图：在 y、h1、z1、w11、h2、z2、w21 处梯度的大小，分别用 sigmoid 和 ReLU：{values}。",
    ),
}
