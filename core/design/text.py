"""Text of the "Design a network" page, and every refusal of a design in the learner's words."""

TEXT = {
    # ---- refusals (core.model.design.DesignError codes) ----
    "design.error.not_a_list": (
        "A design is a list of layers, and this is not one.",
        "网络设计应当是一串层的列表，而这不是。",
    ),
    "design.error.empty": (
        "The design has no layers. Add at least one fully connected layer with 10 outputs.",
        "这个设计一层也没有。请至少加一个输出为 10 的全连接层。",
    ),
    "design.error.not_a_layer": (
        "Entry {index} of the design is not a layer.",
        "设计中的第 {index} 项不是一个层。",
    ),
    "design.error.unknown_kind": (
        "Layer {index} is of an unknown kind, “{kind}”. The kinds are: {kinds}.",
        "第 {index} 层的类型“{kind}”不认识。可用的类型有：{kinds}。",
    ),
    "design.error.unknown_field": (
        "{name} has a setting it does not know, “{field}”.",
        "{name} 有一个它不认识的设置“{field}”。",
    ),
    "design.error.missing_field": (
        "{name} needs a setting for “{field}”.",
        "{name} 缺少“{field}”这项设置。",
    ),
    "design.error.bad_type": (
        "{name}'s “{field}” must be a number (a whole number unless it is a probability), not {value}.",
        "{name} 的“{field}”必须是数（除概率外都得是整数），而不是 {value}。",
    ),
    "design.error.out_of_range": (
        "{name}'s “{field}” is {value}; it must be between {low} and {high}.",
        "{name} 的“{field}”是 {value}，但它必须在 {low} 到 {high} 之间。",
    ),
    "design.error.bad_choice": (
        "{name}'s “{field}” cannot be “{value}”; choose one of: {choices}.",
        "{name} 的“{field}”不能是“{value}”，请从这些中选择：{choices}。",
    ),
    "design.error.double_activation": (
        "{name} comes straight after another activation function; one is enough. Remove {name}.",
        "{name} 紧跟在另一个激活函数后面，一个就够了。请删除 {name}。",
    ),
    "design.error.too_many_layers": (
        "This design has {count} layers (activation functions not counted); this server builds at "
        "most {limit}. Remove {count} − {limit} of them.",
        "这个设计有 {count} 层（激活函数不计在内），本服务器最多只搭建 {limit} 层。"
        "请删掉多出来的层。",
    ),
    "design.error.too_many_parameters": (
        "This design has {count} parameters; this server trains at most {limit}. Make a fully "
        "connected layer smaller, or pool before flattening: fc1's weights grow with every pixel "
        "that reaches it.",
        "这个设计有 {count} 个参数，本服务器最多训练 {limit} 个。请把某个全连接层改小，"
        "或在展平之前先池化：fc1 的权重个数随到达它的每个像素而增长。",
    ),
    "design.error.kernel_too_big": (
        "{name}'s {kernel}×{kernel} kernel does not fit the {size}×{size} map that {previous} "
        "leaves; use a {fit}×{fit} kernel, padding {padding}, or remove {previous}.",
        "{name} 的 {kernel}×{kernel} 卷积核放不进 {previous} 输出的 {size}×{size} 特征图；"
        "请改用 {fit}×{fit} 的卷积核、把填充设为 {padding}，或者删掉 {previous}。",
    ),
    "design.error.pool_too_small": (
        "{name} cannot halve the {size}×{size} map that {previous} leaves; remove {name} or {previous}.",
        "{previous} 输出的特征图只有 {size}×{size}，{name} 无法再把它减半；请删掉 {name} 或 {previous}。",
    ),
    "design.error.needs_image": (
        "{name} works on images, but {previous} has already turned the image into a flat list of "
        "numbers; move {name} above the flatten layer.",
        "{name} 处理的是图像，但 {previous} 已经把图像展平成一串数；请把 {name} 移到展平层之前。",
    ),
    "design.error.needs_flat": (
        "{name} needs a flat list of numbers but receives {shape} maps; add a flatten layer before {name}.",
        "{name} 需要一串展平的数，但它收到的是 {shape} 的特征图；请在 {name} 之前加一个展平层。",
    ),
    "design.error.wrong_output": (
        "The network must end with {classes} numbers, one score per digit, but this design ends "
        "with {shape}. Make the last layer fully connected with {classes} outputs.",
        "网络最后必须输出 {classes} 个数，每个数字一个分数，但这个设计最后输出的是 {shape}。"
        "请让最后一层是输出为 {classes} 的全连接层。",
    ),
    "design.the_input": ("the input", "输入图像"),
    # ---- layer settings, as the page labels them ----
    "design.field.out": ("outputs", "输出个数"),
    "design.field.kernel": ("kernel size", "卷积核大小"),
    "design.field.stride": ("stride", "步长"),
    "design.field.padding": ("padding", "填充"),
    "design.field.mode": ("pooling", "池化方式"),
    "design.field.fn": ("function", "函数"),
    "design.field.p": ("drop probability", "丢弃概率"),
    # the choices of the fields above that take a word
    "design.choice.max": ("max", "最大值"),
    "design.choice.avg": ("average", "平均值"),
    "design.choice.relu": ("ReLU", "ReLU"),
    "design.choice.sigmoid": ("sigmoid", "Sigmoid（S 型）"),
    "design.choice.tanh": ("tanh", "tanh（双曲正切）"),
    # ---- presets ----
    "design.preset.lenet": ("LeNet (this app's tutorial)", "LeNet（本应用教程版）"),
    "design.preset.lenet5_1998": (
        "LeNet-5 (1998: tanh, average pooling)", "LeNet-5（1998 年原版：tanh、平均池化）",
    ),
    "design.preset.mlp": ("Multi-layer perceptron 784-128-10", "多层感知机 784-128-10"),
    "design.preset.tiny": ("Tiny: one convolution", "迷你网络：只有一个卷积层"),
    "design.preset.wide_lenet": ("Wide LeNet", "加宽的 LeNet"),
    "design.custom": ("your own design", "你自己设计的网络"),
    # ---- the page ----
    "design.title": ("Design a network", "设计你自己的网络"),
    "design.intro": (
        "LeNet is one choice among many. Here you can change it, or replace it with something else "
        "entirely, and see at once what each change does to the shapes, the number of parameters "
        "and the work needed to read one digit. When you like it, train it: the training page "
        "trains the network you designed, and the other pages then show what it learned.",
        "LeNet 只是众多选择中的一种。你可以在这里修改它，或者干脆换成完全不同的网络，"
        "并立刻看到每个改动对特征图尺寸、参数个数以及识别一个数字所需计算量的影响。"
        "满意之后就去训练它：训练页会训练你设计的网络，其他页面随后会展示它学到了什么。",
    ),
    "design.preset.label": ("Start from", "从这个网络开始"),
    "design.preset.load": ("Load this network", "载入这个网络"),
    "design.layers.header": ("Layers, from the image to the ten scores", "各层：从图像到十个分数"),
    "design.layers.body": (
        "Each row is one layer. The input is one 28 × 28 image; the last layer must give ten "
        "numbers. Activation functions do not count towards the limit of {limit} layers.",
        "每一行是一层。输入是一张 28 × 28 的图片，最后一层必须输出十个数。"
        "激活函数不计入 {limit} 层的上限。",
    ),
    "design.up": ("Move up", "上移"),
    "design.down": ("Move down", "下移"),
    "design.remove": ("Remove", "删除"),
    "design.add.label": ("New layer", "新的一层"),
    "design.add.button": ("Add before the last layer", "加在最后一层之前"),
    "design.kind.conv": ("convolution", "卷积"),
    "design.kind.pool": ("pooling 2×2", "2×2 池化"),
    "design.kind.activation": ("activation function", "激活函数"),
    "design.kind.flatten": ("flatten", "展平"),
    "design.kind.linear": ("fully connected", "全连接"),
    "design.kind.dropout": ("dropout", "Dropout（随机丢弃）"),
    "design.kind.batchnorm": ("batch norm", "批归一化"),
    "design.invalid": (
        "This design cannot be built yet. The figures below are those of the last design that "
        "worked; your edits are kept.",
        "这个设计暂时还搭不起来。下面的数字来自上一个可用的设计；你的修改都还保留着。",
    ),
    "design.metric.parameters": ("Parameters", "参数个数"),
    "design.metric.mult_adds": ("Multiply-adds per image", "每张图片的乘加次数"),
    "design.metric.memory": ("Training memory, batch of {batch}", "训练内存（每批 {batch} 张）"),
    "design.metric.versus": ("{ratio} × LeNet", "LeNet 的 {ratio} 倍"),
    "design.table.header": ("Shapes and parameters", "尺寸与参数"),
    "design.table.body": (
        "Worked out from the description alone, before a single weight exists: a convolution maps "
        "a side n to ⌊(n + 2 × padding − kernel) / stride⌋ + 1, a 2 × 2 pool halves it, a fully "
        "connected layer has inputs × outputs + outputs parameters. Memory counts every weight "
        "three times (value, gradient, momentum) and every layer's output twice per image.",
        "这些数字完全由网络描述推算出来，一个权重都还没有创建：卷积把边长 n 变成 "
        "⌊(n + 2 × 填充 − 卷积核) / 步长⌋ + 1，2 × 2 池化把它减半，全连接层有 输入 × 输出 + 输出 个参数。"
        "内存估算把每个权重算三次（数值、梯度、动量），每层的输出对每张图片算两次。",
    ),
    "design.code.header": ("The same network in PyTorch", "用 PyTorch 写出的同一个网络"),
    "design.flow.header": ("How the data flows", "数据如何流动"),
    "design.train": ("Train this network", "训练这个网络"),
    "design.train_help": (
        "Opens the training page with this network; the settings there stay as they are.",
        "打开训练页并使用这个网络；训练页上的设置保持不变。",
    ),
    "design.training_now": ("The training page will train: **{name}**.", "训练页将要训练：**{name}**。"),
    # ---- "Why convolution?" ----
    "design.conv.header": ("Why convolution?", "为什么要用卷积？"),
    "design.conv.body": (
        "Move the 784 pixels of every image by one fixed shuffle: the same pixel always lands in the "
        "same new place, so no information is lost, but neighbours are scattered. To us the digits "
        "become noise. Will a network still learn them?",
        "把每张图片的 784 个像素按同一种固定的方式打乱：同一个像素总是被搬到同一个新位置，"
        "所以信息一点都没丢，只是原本相邻的像素被拆散了。在我们眼里，这些数字变成了一片噪点。"
        "网络还能学会认它们吗？",
    ),
    "design.conv.original": ("original", "原图"),
    "design.conv.shuffled": ("shuffled", "打乱后"),
    "design.conv.shuffled_alt": (
        "Test image {index} with its pixels shuffled: no digit to be seen",
        "像素被打乱的测试图片 {index}：看不出是什么数字",
    ),
    "design.conv.budget": (
        "Each network trains on {images} images for {epochs} epochs and is tested on {tests} test "
        "images, shuffled the same way when its training images were.",
        "每个网络都用 {images} 张图片训练 {epochs} 轮，再用 {tests} 张测试图片检验；"
        "训练图片打乱过的，测试图片也按同样的方式打乱。",
    ),
    "design.conv.button": (
        "Train the MLP and LeNet on original and on shuffled pixels",
        "分别用原图和打乱后的图片训练多层感知机和 LeNet",
    ),
    "design.experiment.failed": (
        "The experiment stopped before it finished (its worker process ended: {state}). Nothing is "
        "lost; press the button again to run it once more.",
        "实验没能跑完（运行它的工作进程结束了：{state}）。没有丢失任何东西，再按一次按钮即可重新运行。",
    ),
    "design.experiment.waiting": (
        "Waiting for the training worker: another run is training on it now. The experiment starts "
        "as soon as it is free, then takes seconds…",
        "正在等待训练用的工作进程：它现在正在训练另一个任务。一空出来实验就会开始，之后只需几秒……",
    ),
    "design.conv.running": (
        "Training four networks (under a minute; the result is then kept for everyone)…",
        "正在训练四个网络（不到一分钟；结果算好后会保留下来，所有人都能直接看到）……",
    ),
    "design.conv.col.network": ("Network", "网络"),
    "design.conv.col.parameters": ("Parameters", "参数个数"),
    "design.conv.col.original": ("Test accuracy, original pixels", "测试准确率（原图）"),
    "design.conv.col.shuffled": ("Test accuracy, shuffled pixels", "测试准确率（打乱像素）"),
    "design.conv.explain": (
        "Convolution assumes that neighbouring pixels belong together: each kernel looks at a small "
        "patch, so once the neighbours are scattered LeNet falls far behind. The MLP connects "
        "every pixel to every neuron and never used who was next to whom, so the shuffle costs it "
        "nothing.",
        "卷积默认相邻的像素是一体的：每个卷积核只看一小块区域，所以相邻的像素一旦被拆散，"
        "LeNet 的准确率便大幅下跌。多层感知机把每个像素都连到每个神经元上，从来没用过"
        "“谁挨着谁”这一信息，所以打乱像素对它毫无影响。",
    ),
    # ---- "Why ReLU?" ----
    "design.relu.header": ("Why ReLU?", "为什么用 ReLU？"),
    "design.relu.body": (
        "The same deep network, an MLP with five hidden layers of 64 neurons, trained twice: once "
        "with the sigmoid after every hidden layer, once with ReLU. Same starting weights, same "
        "images, same learning rate.",
        "同一个深层网络（一个有五个隐藏层、每层 64 个神经元的多层感知机）训练两次：一次在每个隐藏层后"
        "用 sigmoid，一次用 ReLU。初始权重、训练图片和学习率都完全相同。",
    ),
    "design.relu.budget": (
        "Each network trains on {images} images for {epochs} epochs by plain SGD at learning rate {lr}.",
        "每个网络都用 {images} 张图片、以学习率 {lr} 的普通 SGD 训练 {epochs} 轮。",
    ),
    "design.relu.button": ("Train it with sigmoid and with ReLU", "分别用 sigmoid 和 ReLU 训练"),
    "design.relu.running": (
        "Training two networks (seconds; the result is then kept for everyone)…",
        "正在训练两个网络（只需几秒；结果算好后会保留下来，所有人都能直接看到）……",
    ),
    "design.relu.fn.sigmoid": ("sigmoid (test accuracy {accuracy}%)", "sigmoid（测试准确率 {accuracy}%）"),
    "design.relu.fn.relu": ("ReLU (test accuracy {accuracy}%)", "ReLU（测试准确率 {accuracy}%）"),
    "design.relu.legend": ("Activation", "激活函数"),
    "design.relu.loss.header": ("Training loss", "训练损失"),
    "design.relu.loss.step": ("Training step (one batch)", "训练步数（每步一批）"),
    "design.relu.loss.loss": ("Loss (smoothed)", "损失（平滑后）"),
    "design.relu.gradient.header": ("How big each layer's gradient is, on average", "每一层的梯度平均有多大"),
    "design.relu.gradient.layer": ("Weight layer (input side first)", "权重层（从输入端开始）"),
    "design.relu.gradient.size": (
        "Mean |gradient| (log scale)", "平均 |梯度|（对数坐标）",
    ),
    "design.relu.loss_alt": (
        "Line chart of the smoothed training loss, step by step, of the same network with sigmoid and "
        "with ReLU",
        "折线图：同一个网络分别用 sigmoid 和 ReLU 时，每一步平滑后的训练损失",
    ),
    "design.relu.gradient_alt": (
        "Bar chart of each weight layer's average gradient size, input side first, with sigmoid and "
        "with ReLU; at the first layer ReLU's is {ratio} times sigmoid's",
        "条形图：分别用 sigmoid 和 ReLU 时每个权重层的平均梯度大小（从输入端开始）；"
        "在第一层，ReLU 的梯度是 sigmoid 的 {ratio} 倍",
    ),
    "design.relu.explain": (
        "Backpropagation multiplies the gradient by each activation's slope on the way back. The "
        "sigmoid's slope is at most 0.25, so every sigmoid layer shrinks the gradient at least four "
        "times: the first layer's gradient is about {ratio} times smaller than with ReLU, its weights "
        "hardly move, and the loss stays flat. ReLU's slope is 1 wherever a neuron is active, so the "
        "gradient reaches the first layer intact and the whole network learns.",
        "反向传播时，梯度每经过一个激活函数都要乘上它的斜率。sigmoid 的斜率最大只有 0.25，"
        "所以每经过一层 sigmoid，梯度至少缩小到四分之一：第一层的梯度比用 ReLU 时小了约 {ratio} 倍，"
        "它的权重几乎不动，损失也就一直降不下来。ReLU 在神经元被激活时斜率恒为 1，"
        "梯度能完好地传到第一层，整个网络都能学起来。",
    ),
}
