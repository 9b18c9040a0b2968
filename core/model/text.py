"""Text of the LeNet anatomy page."""

TEXT = {
    "model.act.design": (
        "The active network is not the tutorial's LeNet but **{name}**, so here is every one of its "
        "layers' outputs for this digit, in order (an activation function's output is shown under "
        "the layer before it).",
        "当前使用的网络不是教程里的 LeNet，而是**{name}**，所以下面按顺序列出它每一层对这个数字的输出"
        "（激活函数的输出显示在它前面那一层下）。",
    ),
    "model.title": ("Inside LeNet", "LeNet 的内部结构"),
    "model.other_design": (
        "You are using **{name}** ({total} parameters), not the tutorial's LeNet. The first part of "
        "this page explains LeNet, the network the lessons are about; your network's layers, sizes "
        "and diagram are on the design page, and what each of its layers does with a digit is at "
        "the bottom of this page.",
        "你现在使用的是**{name}**（{total} 个参数），不是教程里的 LeNet。本页前半部分讲解的是课程所讲的 "
        "LeNet；你的网络的各层、尺寸和结构图在“设计网络”页，它每一层对一个数字做了什么则在本页最下方。",
    ),
    "model.intro": (
        "LeNet is the small convolutional network that reads the digits in this app. Two convolution "
        "stages find strokes and shapes; three fully connected layers turn what they found into ten "
        "scores, one per digit. Below: how PyTorch describes it, what size every step produces, where "
        "its {total} learnable numbers sit, and what each layer does with one real image.",
        "LeNet 是本应用里负责认数字的小型卷积神经网络。前面两级卷积负责找出笔画和形状，"
        "后面三个全连接层再把这些发现变成十个分数，每个数字一个。下面依次介绍：PyTorch 如何描述它，"
        "每一步输出多大，它的 {total} 个可学习参数分布在哪里，以及每一层对一张真实图片做了什么。",
    ),
    "model.code.header": ("The model in PyTorch", "用 PyTorch 写出的模型"),
    "model.code.body": (
        "This is what `print(model)` shows. Only the layers with weights are listed: ReLU and "
        "flattening happen inside `forward`, which runs conv1 → ReLU → pool → conv2 → ReLU → pool → "
        "flatten → fc1 → ReLU → fc2 → ReLU → fc3.",
        "下面是 `print(model)` 打印出的内容。这里只列出带参数的层：ReLU 和展平（flatten）写在 "
        "`forward` 里，执行顺序是 conv1 → ReLU → 池化 → conv2 → ReLU → 池化 → 展平 → fc1 → ReLU → "
        "fc2 → ReLU → fc3。",
    ),
    "model.table.header": ("Layer by layer", "逐层看尺寸和参数"),
    "model.table.body": (
        "The shapes are measured by passing one blank 28 × 28 image through the model, and the "
        "parameters are counted from its weight tensors, so this table cannot drift from the code. "
        "A 5 × 5 convolution without padding shrinks each side by 4 (28 − 5 + 1 = 24); a 2 × 2 "
        "max-pool halves it. Each filter has one weight per input channel and kernel cell, plus a bias.",
        "表中的尺寸是让一张空白 28 × 28 图片真正走一遍模型测出来的，参数个数也是直接从权重张量数出来的，"
        "所以它永远和代码一致。不加填充的 5 × 5 卷积会让每条边缩短 4（28 − 5 + 1 = 24）；"
        "2 × 2 最大池化让边长减半。每个卷积核对每个输入通道的每个格子各有一个权重，另外还有一个偏置。",
    ),
    "model.col.step": ("Step", "步骤"),
    "model.col.kind": ("Layer type", "层的类型"),
    "model.col.shape": ("Output shape", "输出形状"),
    "model.col.size_formula": ("How the size comes about", "尺寸怎么算"),
    "model.col.parameters": ("Parameters", "参数个数"),
    "model.col.parameter_formula": ("How they are counted", "参数怎么算"),
    "model.table.total": (
        "In all: **{total}** parameters, and {share}% of them sit in fc1, the first fully connected layer.",
        "合计 **{total}** 个参数，其中 {share}% 都在第一个全连接层 fc1 里。",
    ),
    "model.flow.header": ("How the data flows", "数据如何流动"),
    "model.flow.body": (
        "Each box is one step's output (channels × height × width, then plain vectors) with its "
        "parameter count; each arrow is the operation in between. The image gets smaller but deeper: "
        "1 channel of 28 × 28 becomes 16 channels of 4 × 4 before the fully connected layers.",
        "每个方框是一步的输出（通道数 × 高 × 宽，展平后就是一串数字）及其参数个数，每个箭头是中间做的运算。"
        "图片越变越小、却越来越“厚”：1 个 28 × 28 的通道，到全连接层之前变成了 16 个 4 × 4 的通道。",
    ),
    "model.flow.input": ("image", "输入图片"),
    "model.flow.output": ("probabilities", "概率"),
    "model.flow.params": ("{n} params", "{n} 个参数"),
    "model.flow.conv": ("5×5 conv + ReLU", "5×5 卷积 + ReLU"),
    "model.flow.pool": ("2×2 max-pool", "2×2 最大池化"),
    "model.flow.flatten": ("flatten", "展平"),
    "model.flow.linear": ("linear + ReLU", "全连接 + ReLU"),
    "model.flow.linear_last": ("linear", "全连接"),
    "model.act.header": ("One image, layer by layer", "一张图片，逐层观察"),
    "model.act.body": (
        "Pick a digit and follow it through the network that the app is using right now ({source}).",
        "选一个数字，看看它如何穿过本应用当前使用的网络（{source}）。",
    ),
    "model.source.pretrained": ("the pretrained LeNet", "预训练的 LeNet"),
    "model.source.session": ("the model you trained or uploaded", "你自己训练或上传的模型"),
    "model.input.label": ("Image", "图片来源"),
    "model.input.test": ("A test-set digit", "测试集里的数字"),
    "model.input.sketch": ("The digit you drew", "你画的数字"),
    "model.input.no_sketch": (
        "Draw a digit on the “Draw a digit” page and it will appear here as a choice too.",
        "在“手写数字识别”页面画一个数字，它也会出现在这里供你选择。",
    ),
    "model.index.label": ("Test image number (0 – 9,999)", "测试图片编号（0 – 9999）"),
    "model.random": ("Random digit", "随机换一个"),
    "model.image.caption": ("Input, 28 × 28 (labelled {label})", "输入图片，28 × 28（标注为 {label}）"),
    "model.image.caption_sketch": ("Input, 28 × 28 (your drawing)", "输入图片，28 × 28（你画的）"),
    "model.prediction": ("The model says", "模型的判断"),
    "model.confidence": ("{p:.1%} sure", "置信度 {p:.1%}"),
    "model.map": ("map", "特征图"),
    "model.conv1.header": ("conv1: six 24 × 24 feature maps", "conv1：6 张 24 × 24 的特征图"),
    "model.conv1.body": (
        "Each of the six learned 5 × 5 filters slides over the image; after ReLU only the places where "
        "its pattern (an edge, a stroke direction) appears stay lit. Red = strong response, white = none.",
        "6 个学到的 5 × 5 卷积核各自在图片上滑动；经过 ReLU 之后，只有出现了它所找的图案（某种边缘、"
        "某个方向的笔画）的地方才会亮起来。红色表示反应强，白色表示没有反应。",
    ),
    "model.pool1.header": ("pool1: the same maps at 12 × 12", "pool1：同样的特征图，缩小到 12 × 12"),
    "model.pool1.body": (
        "Max-pooling keeps the strongest response in each 2 × 2 block: a quarter of the numbers, and "
        "a small shift of the digit barely changes them.",
        "最大池化在每个 2 × 2 小块里只保留最强的反应：数字只剩四分之一，而且数字稍微挪动一点，结果几乎不变。",
    ),
    "model.conv2.header": ("conv2: sixteen 8 × 8 maps", "conv2：16 张 8 × 8 的特征图"),
    "model.conv2.body": (
        "The second convolution combines all six pooled maps at once, so its sixteen filters respond to "
        "combinations of strokes: corners, loops, crossings.",
        "第二层卷积同时综合 6 张池化后的特征图，所以它的 16 个卷积核对笔画的组合作出反应：拐角、圆圈、交叉。",
    ),
    "model.pool2.header": ("pool2: sixteen 4 × 4 maps, then flattened to 256 numbers",
                           "pool2：16 张 4 × 4 的特征图，再展平成 256 个数"),
    "model.pool2.body": (
        "After the second pooling the image is gone: what is left is 256 numbers saying which "
        "combinations were found, roughly where.",
        "第二次池化之后，已经看不出原来的图片了：剩下的 256 个数只说明找到了哪些笔画组合、大概在什么位置。",
    ),
    "model.fc.header": ("The fully connected layers", "全连接层"),
    "model.fc.body": (
        "fc1 (120 units) and fc2 (84 units) mix those 256 numbers; after ReLU many units are exactly "
        "zero. fc3 gives ten raw scores (logits), and softmax turns them into probabilities that add "
        "up to 1.",
        "fc1（120 个单元）和 fc2（84 个单元）把这 256 个数反复混合；经过 ReLU 后，很多单元正好是 0。"
        "fc3 输出十个原始分数（logits），softmax 再把它们变成加起来等于 1 的概率。",
    ),
    "model.fc1": ("fc1 after ReLU (120)", "fc1 经过 ReLU（120 个）"),
    "model.fc2": ("fc2 after ReLU (84)", "fc2 经过 ReLU（84 个）"),
    "model.fc3": ("fc3: ten logits", "fc3：十个 logits"),
    "model.probabilities": ("softmax: probabilities", "softmax：概率"),
    "model.axis.unit": ("unit", "单元"),
    "model.axis.value": ("activation", "激活值"),
    "model.axis.logit": ("logit", "logit 值"),
    "model.axis.digit": ("digit", "数字"),
    "model.axis.probability": ("probability", "概率"),
    # text alternatives (a screen reader reads them instead of the picture)
    "model.flow_alt": (
        "Diagram of the data flowing through the network, from the 28 × 28 input through {layers} to the "
        "ten outputs",
        "数据流经网络的示意图：从 28 × 28 的输入，经过 {layers}，到十个输出",
    ),
    "model.maps_alt": (
        "The {count} feature maps {layer} outputs for this digit, {side} × {side} pixels each, darker red "
        "where a filter responds more strongly",
        "{layer} 对这个数字输出的 {count} 张特征图，每张 {side} × {side} 像素，"
        "红色越深表示该卷积核的响应越强",
    ),
    "model.bars_alt": (
        "Bar chart of the {count} numbers {layer} outputs for this digit; {zeros} of them are zero",
        "条形图：{layer} 对这个数字输出的 {count} 个数，其中 {zeros} 个为零",
    ),
    "model.logits_alt": (
        "Bar chart of the ten logits, one per digit 0 to 9; the highest is {digit}",
        "条形图：十个 logits，每个对应 0 到 9 中的一个数字；最高的是 {digit}",
    ),
}
