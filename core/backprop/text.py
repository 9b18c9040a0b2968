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
    # --- part 2 -------------------------------------------------------------------------------
    "backprop.lenet.header": ("2. One digit through LeNet, backwards", "2. 一个数字在 LeNet 里反向走一遍"),
    "backprop.lenet.explain": (
        "The same rule, on 44,426 parameters. One test digit goes forward through the active model, "
        "the loss measures how wrong it is, and `loss.backward()` sends the gradient back layer by "
        "layer, from the ten logits to the 784 pixels of the image.",
        "同样的规则，用在 44,426 个参数上。一个测试数字先前向通过当前模型，损失衡量它错得有多离谱，"
        "然后 `loss.backward()` 把梯度一层层往回传，从 10 个 logits 一直传到图像的 784 个像素。",
    ),
    "backprop.lenet.not_shaped": (
        "The active model is not LeNet-shaped (convolution first, then only convolutions, pooling, "
        "activations and fully connected layers), so this part follows the pretrained LeNet instead.",
        "当前模型不是 LeNet 那样的结构（先卷积，之后只有卷积、池化、激活函数和全连接层），"
        "所以这一部分改用预训练的 LeNet。",
    ),
    "backprop.lenet.model_session": ("Following your own model.", "使用你自己的模型。"),
    "backprop.lenet.model_pretrained": ("Following the pretrained LeNet.", "使用预训练的 LeNet。"),
    "backprop.lenet.index": ("Test digit (0–{last})", "测试数字编号（0–{last}）"),
    "backprop.lenet.digit_alt": (
        "Handwritten {label}, test image {index}",
        "手写数字 {label}，测试图片 {index}",
    ),
    "backprop.lenet.loss": ("Loss (cross-entropy)", "损失（交叉熵）"),
    "backprop.lenet.prob": ("Probability of the right digit {label}", "正确数字 {label} 的概率"),
    "backprop.lenet.read": ("Read as", "识别结果"),
    "backprop.lenet.small": (
        "A confident right answer has a small loss, and so small gradients everywhere: every picture "
        "below is scaled to its own largest value. A digit the model gets wrong has large ones.",
        "模型答对且很有把握时损失很小，所有梯度也都很小：下面每张图都按它自己的最大值缩放。"
        "模型答错的数字，梯度就大得多。",
    ),
    "backprop.lenet.hardest": ("Hardest of the first 1,000", "前 1,000 个里最难的"),
    "backprop.layers.header": ("Each layer's gradient, from the logits back to the image",
                               "每一层的梯度：从 logits 一直回到图像"),
    "backprop.col.layer": ("Layer output", "层的输出"),
    "backprop.col.shape": ("Shape", "形状"),
    "backprop.col.norm": ("Gradient size ‖∂L/∂·‖", "梯度大小 ‖∂L/∂·‖"),
    "backprop.layers.input": ("input image", "输入图像"),
    "backprop.layers.logits": ("(the logits)", "（logits）"),
    "backprop.maps.header": ("The gradient as pictures", "把梯度画成图"),
    "backprop.maps.conv1": (
        "The gradient at conv1's {count} output maps, $\\partial L/\\partial$(conv1 output): red where "
        "raising that value would raise the loss, blue where it would lower it.",
        "conv1 的 {count} 张输出特征图上的梯度 $\\partial L/\\partial$(conv1 输出)：红色表示把这里调大会让"
        "损失变大，"
        "蓝色表示会让损失变小。",
    ),
    "backprop.maps.map": ("map {n}", "特征图 {n}"),
    "backprop.maps.conv1_alt": (
        "{count} maps of the loss's gradient at conv1's output for test digit {index}; largest size {peak}.",
        "测试数字 {index} 在 conv1 输出处的 {count} 张损失梯度图；最大绝对值 {peak}。",
    ),
    "backprop.maps.input": (
        "The gradient at the input image, $\\partial L/\\partial$(pixel), beside the sketch page's "
        "saliency map: that is the same backward pass started from the digit's score instead of the "
        "loss, and only its size is kept. Both light up the pixels whose change would matter most.",
        "输入图像上的梯度 $\\partial L/\\partial$(像素)，旁边是“手写数字识别”页面的显著图：它用的是同一次反"
        "向传播，"
        "只不过从这个数字的得分而不是损失出发，并且只保留大小。两张图亮起来的，都是改动后影响最大的像素。",
    ),
    "backprop.maps.input_title": ("∂L/∂pixel", "∂L/∂像素"),
    "backprop.maps.saliency_title": ("saliency |∂score/∂pixel|", "显著图 |∂得分/∂像素|"),
    "backprop.maps.input_alt": (
        "The loss's gradient at each pixel of test digit {index}, beside its saliency map.",
        "测试数字 {index} 每个像素上的损失梯度，以及它的显著图。",
    ),
    "backprop.maps.sketch_link": ("Saliency on your own drawing", "在你自己画的数字上看显著图"),
    "backprop.window.header": (
        "A convolution weight's gradient, window by window",
        "卷积权重的梯度：一个窗口一个窗口地加",
    ),
    "backprop.window.explain": (
        "One kernel weight touches every window position: at each, it multiplied the input pixel "
        "beneath it. So its gradient is the sum, over all {count} positions, of (that pixel × the "
        "output gradient there). Slide the window and watch the sum build up to autograd's number.",
        "一个卷积核权重会经过每一个窗口位置：在每个位置，它都乘上了它下面的那个输入像素。所以它的梯度就是在"
        "全部 "
        "{count} 个位置上（那个像素 × 该位置的输出梯度）之和。移动窗口，看这个和怎样一步步累加到 autograd "
        "给出的数。",
    ),
    "backprop.window.channel": ("Output map (kernel)", "输出特征图（卷积核）"),
    "backprop.window.row": ("Weight row", "权重所在行"),
    "backprop.window.col": ("Weight column", "权重所在列"),
    "backprop.window.position": ("Window position", "窗口位置"),
    "backprop.window.play": ("Play", "播放"),
    "backprop.window.previous": ("Previous", "上一个"),
    "backprop.window.next": ("Next", "下一个"),
    "backprop.window.end": ("Last position", "最后一个位置"),
    "backprop.window.input_title": ("input (the weight's pixel ringed)", "输入（圈出的是这个权重下的像素）"),
    "backprop.window.grad_title": ("output gradient ∂L/∂(conv1 output)", "输出梯度 ∂L/∂(conv1 输出)"),
    "backprop.window.alt": (
        "The input image with the 5 × 5 window at position {number} of {count} and the pixel under "
        "weight ({row}, {col}) ringed, beside the output gradient map with that position ringed.",
        "输入图像，窗口在第 {number} 个位置（共 {count} 个），圈出了权重 ({row}, {col}) 下的像素；"
        "旁边是输出梯度图，圈出了同一位置。",
    ),
    "backprop.window.term": (
        "Position {number} of {count} (row {p}, column {q}): pixel {pixel} × output gradient {grad} = "
        "{product}. Sum so far: **{sum}**.",
        "第 {number} 个位置（共 {count} 个；第 {p} 行，第 {q} 列）：像素 {pixel} × 输出梯度 {grad} = "
        "{product}。目前的和：**{sum}**。",
    ),
    "backprop.window.done": (
        "The sum over all {count} positions, {sum}, equals torch.autograd's $\\partial L/\\partial W$ = {a"
        "uto}.",
        "全部 {count} 个位置之和 {sum}，等于 torch.autograd 给出的 $\\partial L/\\partial W$ = {auto}。",
    ),
    "backprop.window.sum_title": ("Sum so far", "目前的和"),
    "backprop.window.autograd": ("torch.autograd", "torch.autograd 的结果"),
    "backprop.window.sum_alt": (
        "The window sum after each of the first {number} positions, approaching autograd's value {auto}.",
        "前 {number} 个位置每一步之后的累加和，逐渐接近 autograd 给出的 {auto}。",
    ),
    "backprop.pool.header": ("Max-pooling: the gradient goes only to each window's winner",
                             "最大池化：梯度只传给每个窗口里的最大值"),
    "backprop.pool.explain.max": (
        "Each 2 × 2 window passed on only its largest value, so only that cell gets the window's "
        "gradient; the other three get zero. {winners} of {cells} cells of map {n} receive a gradient.",
        "每个 2 × 2 窗口只把最大的那个值传了下去，所以只有那一格得到这个窗口的梯度，另外三格都是零。"
        "特征图 {n} 的 {cells} 格里，只有 {winners} 格收到梯度。",
    ),
    "backprop.pool.explain.avg": (
        "Average pooling passed on the mean of each 2 × 2 window, so each of its four cells gets a "
        "quarter of the window's gradient. Map {n}: {winners} of {cells} cells receive one.",
        "平均池化传下去的是每个 2 × 2 窗口的平均值，所以窗口里的四格各得到梯度的四分之一。"
        "特征图 {n}：{cells} 格里有 {winners} 格收到梯度。",
    ),
    "backprop.pool.in": ("pool input", "池化的输入"),
    "backprop.pool.out_grad": ("gradient at its output", "池化输出处的梯度"),
    "backprop.pool.in_grad": ("gradient routed back", "传回来的梯度"),
    "backprop.pool.alt": (
        "Map {n}: the pooling layer's input, the gradient at its output, and the gradient it routes "
        "back to its input, non-zero at {winners} cells.",
        "特征图 {n}：池化层的输入、输出处的梯度，以及传回输入的梯度，其中 {winners} 格非零。",
    ),
    "backprop.check.same": (
        "The loop over windows equals torch.autograd here.",
        "这里按窗口逐个计算的结果与 torch.autograd 相同。",
    ),
    "backprop.check.not_same": (
        "The loop over windows differs from torch.autograd.",
        "按窗口逐个计算的结果与 torch.autograd 不同。",
    ),
    "backprop.act.header.relu": ("ReLU: the gradient passes only where the input was positive",
                                 "ReLU：只有输入为正的地方，梯度才能通过"),
    "backprop.act.header.other": (
        "The activation: its slope scales the gradient",
        "激活函数：它的斜率缩放梯度",
    ),
    "backprop.act.explain.relu": (
        "ReLU let through only the positive values of conv1's map {n}; where the value was negative "
        "its slope is 0, and the gradient stops there. It passes at {open} of {cells} cells.",
        "ReLU 只让 conv1 特征图 {n} 中为正的值通过；值为负的地方斜率是 0，梯度在那里就停下了。"
        "{cells} 格中有 {open} 格让梯度通过。",
    ),
    "backprop.act.explain.other": (
        "This activation ({fn}) is smooth: its slope, at most {top}, multiplies the gradient at "
        "every cell of map {n}.",
        "这个激活函数（{fn}）是平滑的：它的斜率（最大 {top}）乘在特征图 {n} 每一格的梯度上。",
    ),
    "backprop.act.in": ("conv1 output (before the activation)", "conv1 的输出（激活前）"),
    "backprop.act.mask": ("where the gradient passes", "梯度能通过的地方"),
    "backprop.act.out_grad": ("gradient after the activation", "激活后的梯度"),
    "backprop.act.in_grad": ("gradient before it", "激活前的梯度"),
    "backprop.act.alt": (
        "Map {n}: conv1's output before the activation, where the gradient passes, and the gradient "
        "after and before the activation.",
        "特征图 {n}：conv1 激活前的输出、梯度能通过的地方，以及激活后和激活前的梯度。",
    ),
    "backprop.sizes.header": (
        "Gradient size by layer: ReLU against sigmoid",
        "每层的梯度大小：ReLU 与 sigmoid",
    ),
    "backprop.sizes.explain": (
        "Train LeNet from scratch for {batches} batches once with ReLU and once with the sigmoid, through "
        "the same training loop as the training page, noting each layer's mean |weight gradient|. "
        "The design page's \"Why ReLU?\" does the same with a deep fully connected network.",
        "从头训练 LeNet {batches} 个批次，一次用 ReLU，一次用 sigmoid，用的是和训练页面同一个训练循环，"
        "记录每一层权重梯度绝对值的平均。“设计网络”页面的“为什么用 ReLU？”对一个很深的全连接网络做了同样的"
        "事。",
    ),
    "backprop.sizes.button": ("Run the comparison", "运行对比"),
    "backprop.sizes.running": ("Training LeNet twice…", "正在训练两次 LeNet……"),
    "backprop.sizes.waiting": ("Waiting for a free training worker…", "正在等待空闲的训练进程……"),
    "backprop.sizes.failed": ("The comparison ended without a result ({state}). Try again.",
                              "对比没有得到结果（{state}）。请再试一次。"),
    "backprop.sizes.layer": ("Layer (input side left)", "层（左边靠近输入）"),
    "backprop.sizes.size": ("Mean |weight gradient|, log scale", "权重梯度的平均大小（对数）"),
    "backprop.sizes.alt": (
        "Line chart of each layer's mean weight-gradient size with ReLU and sigmoid: {values}.",
        "折线图：用 ReLU 和 sigmoid 时每层权重梯度的平均大小：{values}。",
    ),
    "backprop.sizes.result": (
        "At conv1, the layer nearest the image, the sigmoid network's gradient is **{ratio}×** smaller "
        "than ReLU's; at the output layer they are close. Each sigmoid on the way back multiplied it "
        "by at most ¼.",
        "在最靠近图像的 conv1 层，sigmoid 网络的梯度比 ReLU 的小 **{ratio} 倍**；在输出层两者相近。"
        "反向经过的每个 sigmoid，都把梯度乘上了不超过 ¼ 的系数。",
    ),
}
