"""Text of the convolution page."""

TEXT = {
    "convolution.title": ("Convolution: how a network looks at an image", "卷积：网络是怎样“看”图像的"),
    "convolution.intro": (
        "A convolutional layer slides a small grid of weights, the **kernel** (or filter), across the "
        "image. At every position it multiplies each weight by the pixel beneath it and adds the "
        "products up: one number per position. The numbers together form a new image, the "
        "**feature map**, which is bright wherever the image looks like the kernel.",
        "卷积层把一小块权重网格，也就是**卷积核**（也叫滤波器），在图像上逐格滑动。每到一个位置，"
        "就把每个权重和它下面的像素相乘，再把这些乘积加起来，得到一个数。所有位置上的数拼在一起，"
        "就是一张新的图，叫**特征图**：图像中哪里长得像这个卷积核，特征图上哪里就亮。",
    ),
    # --- kernel names -------------------------------------------------------------------------
    "convolution.kernel.identity": ("Identity (changes nothing)", "恒等（原样输出）"),
    "convolution.kernel.horizontal_edge": ("Horizontal edge", "水平边缘"),
    "convolution.kernel.vertical_edge": ("Vertical edge", "垂直边缘"),
    "convolution.kernel.sobel_x": ("Sobel x (vertical edges)", "Sobel x（检测竖直边缘）"),
    "convolution.kernel.sobel_y": ("Sobel y (horizontal edges)", "Sobel y（检测水平边缘）"),
    "convolution.kernel.laplacian": ("Laplacian (outlines)", "拉普拉斯（勾勒轮廓）"),
    "convolution.kernel.sharpen": ("Sharpen", "锐化"),
    "convolution.kernel.box_blur": ("Box blur", "均值模糊"),
    "convolution.kernel.gaussian_blur": ("Gaussian blur", "高斯模糊"),
    "convolution.kernel.custom": ("My own kernel…", "我自己的卷积核……"),
    # --- 1. the sliding window ----------------------------------------------------------------
    "convolution.window.header": ("1. The sliding window, step by step", "1. 滑动窗口，一步一步来"),
    "convolution.window.explain": (
        "The image is a 7 × 7 letter X: ones for ink, zeros for background. A 3 × 3 kernel fits in "
        "5 × 5 positions, so the output is 5 × 5. Step the window along and watch the output fill in. "
        "The classic hand-worked examples are the top-left window, which gives **1**, and the centre "
        "window, which gives **0**.",
        "图像是一个 7 × 7 的字母 X：笔画处为 1，背景为 0。3 × 3 的卷积核在上面能放 5 × 5 个位置，"
        "所以输出是 5 × 5。一步步移动窗口，看输出一格一格填满。经典教程里手算的两个例子是："
        "左上角的窗口得 **1**，正中间的窗口得 **0**。",
    ),
    "convolution.window.kernel": ("Kernel", "卷积核"),
    "convolution.window.step": ("Window position", "窗口位置"),
    "convolution.window.top_left": ("Top-left window", "左上角窗口"),
    "convolution.window.centre": ("Centre window", "中心窗口"),
    "convolution.window.play": ("Play", "播放"),
    "convolution.window.previous": ("Previous", "上一个"),
    "convolution.window.next": ("Next", "下一个"),
    "convolution.window.input": ("Input: the letter X", "输入：字母 X"),
    "convolution.window.kernel_title": ("Kernel", "卷积核"),
    "convolution.window.products": ("Pixel × weight", "像素 × 权重"),
    "convolution.window.output": ("Output map", "输出特征图"),
    "convolution.window.position": (
        "Window {n} of {total}: its top-left corner is on row {row}, column {col} of the X.",
        "第 {n} 个窗口（共 {total} 个）：窗口左上角位于 X 的第 {row} 行、第 {col} 列。",
    ),
    "convolution.window.sum": ("Sum of the nine products:", "九个乘积之和："),
    "convolution.window.hand_worked": (
        "This is one of the tutorial's hand-worked windows: the result is **{value}**.",
        "这正是教程里手算过的窗口之一：结果是 **{value}**。",
    ),
    # --- 2. cross-correlation against convolution ---------------------------------------------
    "convolution.flip.header": ("2. Cross-correlation or convolution?", "2. 互相关还是卷积？"),
    "convolution.flip.explain": (
        "Strictly, what a CNN computes is *cross-correlation*: the kernel slides exactly as it is "
        "written. The convolution of mathematics (and of `scipy.signal.convolve2d`) first turns the "
        "kernel upside down and back to front, a 180° rotation. PyTorch's `Conv2d`, and every "
        "number on this page, use cross-correlation. For a learned kernel the difference does not "
        "matter (the network simply learns the flipped weights), but for a hand-written one it "
        "flips the answer: with this kernel the top-left window gives **{ours}** by "
        "cross-correlation and **{theirs}** by convolution.",
        "严格地说，CNN 计算的是*互相关*：卷积核按原样在图上滑动。数学里的卷积"
        "（以及 `scipy.signal.convolve2d`）则先把卷积核上下、左右各翻转一次，也就是旋转 180°。"
        "PyTorch 的 `Conv2d` 和本页的所有数字都用互相关。对学出来的卷积核来说两者没有本质区别"
        "（网络会直接学到翻转后的权重）；但对手写的卷积核，结果就不一样了：用当前的卷积核，"
        "左上角窗口的互相关结果是 **{ours}**，卷积结果是 **{theirs}**。",
    ),
    "convolution.flip.ours": ("Cross-correlation", "互相关"),
    "convolution.flip.ours_by": ("PyTorch's Conv2d", "PyTorch 的 Conv2d"),
    "convolution.flip.flipped_kernel": ("Rotated 180°", "旋转 180° 后"),
    "convolution.flip.theirs": ("Convolution", "卷积"),
    "convolution.flip.theirs_by": ("scipy's convolve2d", "scipy 的 convolve2d"),
    # --- 3. any filter on any digit -----------------------------------------------------------
    "convolution.digit.header": ("3. Any filter on a real digit", "3. 把任意卷积核用在真实的手写数字上"),
    "convolution.digit.explain": (
        "Now the image is a 28 × 28 MNIST digit (pixels scaled to 0–1) from the test set. Red means "
        "a positive response, blue a negative one; hover over a map to read its values. A network "
        "then applies ReLU (negatives become 0) and 2 × 2 max-pooling (each 2 × 2 block keeps only "
        "its largest value).",
        "现在图像换成测试集里一个 28 × 28 的 MNIST 手写数字（像素缩放到 0–1）。红色表示正响应，"
        "蓝色表示负响应；把鼠标移到图上可以看到具体数值。网络接下来会做 ReLU（负数变成 0），"
        "再做 2 × 2 最大池化（每个 2 × 2 小块只保留最大的那个数）。",
    ),
    "convolution.digit.mode": ("Choose a digit", "选择数字"),
    "convolution.digit.mode.index": ("By index", "按编号"),
    "convolution.digit.mode.class": ("By class", "按类别"),
    "convolution.digit.mode.random": ("At random", "随机"),
    "convolution.digit.index": ("Index in the test set (0–{last})", "测试集中的编号（0–{last}）"),
    "convolution.digit.class": ("Digit", "数字"),
    "convolution.digit.nth": ("Which example of this digit (0–{last})", "该数字的第几个样本（0–{last}）"),
    "convolution.digit.shuffle": ("Another random digit", "换一个随机数字"),
    "convolution.digit.chosen": (
        "Test image #{index}, labelled **{label}**.", "测试集第 {index} 张图，标签为 **{label}**。"
    ),
    "convolution.digit.filter": ("Filter", "卷积核"),
    "convolution.digit.image": ("Digit {n}×{n}", "数字 {n}×{n}"),
    "convolution.digit.filtered": ("Filtered {n}×{n}", "卷积后 {n}×{n}"),
    "convolution.digit.relu": ("After ReLU {n}×{n}", "ReLU 后 {n}×{n}"),
    "convolution.digit.pooled": ("After max-pooling {n}×{n}", "最大池化后 {n}×{n}"),
    "convolution.digit.sizes": (
        "Sizes: a {k} × {k} kernel fits in {n} − {k} + 1 = **{out}** positions across a {n}-pixel "
        "image, so {n} × {n} becomes {out} × {out}; pooling halves it to ⌊{out} ÷ 2⌋ = **{pooled}**. "
        "In general, output = input − kernel + 1 (3 × 3: 28 → 26; 5 × 5: 28 → 24).",
        "尺寸：{k} × {k} 的卷积核在 {n} 像素宽的图上能放 {n} − {k} + 1 = **{out}** 个位置，"
        "所以 {n} × {n} 变成 {out} × {out}；池化再减半为 ⌊{out} ÷ 2⌋ = **{pooled}**。"
        "一般地，输出边长 = 输入边长 − 卷积核边长 + 1（3 × 3：28 → 26；5 × 5：28 → 24）。",
    ),
    # --- the kernel editor --------------------------------------------------------------------
    "convolution.editor.label": ("Your kernel: one row per line, numbers separated by spaces",
                                 "你的卷积核：每行一排数字，数字之间用空格隔开"),
    "convolution.editor.help": (
        "3 × 3 or 5 × 5. Commas also work, and decimals like 0.25. Try a diagonal: 1 0 0 / 0 1 0 / 0 0 1.",
        "3 × 3 或 5 × 5 均可。也可以用逗号分隔，可以写小数，如 0.25。试试对角线：1 0 0 / 0 1 0 / 0 0 1。",
    ),
    "convolution.editor.kept": (
        "Until then, the filter below is your last good kernel.",
        "在改正之前，下面用的仍是你上一次输入的有效卷积核。",
    ),
    "convolution.kernel_error.empty": ("The kernel is empty: type 3 rows of 3 numbers.",
                                       "卷积核是空的：请输入 3 行，每行 3 个数字。"),
    "convolution.kernel_error.not_number": ("“{token}” is not a number.", "“{token}”不是数字。"),
    "convolution.kernel_error.not_finite": (
        "“{token}” is not a finite number: NaN and infinity cannot be weights.",
        "“{token}”不是有限的数：NaN 和无穷大都不能当权重。",
    ),
    "convolution.kernel_error.too_large": (
        "“{token}” is too large: keep every weight between −{limit} and {limit}.",
        "“{token}”太大了：每个权重请保持在 −{limit} 到 {limit} 之间。",
    ),
    "convolution.kernel_error.ragged": (
        "The rows have different lengths ({widths}): every row needs the same number of weights.",
        "各行的数字个数不一样（{widths}）：每一行的权重个数必须相同。",
    ),
    "convolution.kernel_error.wrong_size": (
        "That is a {rows} × {cols} kernel; this editor takes 3 × 3 or 5 × 5.",
        "这是一个 {rows} × {cols} 的卷积核；这里只接受 3 × 3 或 5 × 5。",
    ),
    "convolution.kernel_error.all_zero": (
        "All the weights are zero: such a kernel turns every image black. "
        "Give it at least one non-zero weight.",
        "所有权重都是 0：这样的卷积核会把任何图像都变成一片黑。请至少填一个非零的权重。",
    ),
    # --- 4. learned filters -------------------------------------------------------------------
    "convolution.learned.header": ("4. Filters the network learned by itself", "4. 网络自己学到的卷积核"),
    "convolution.learned.explain": (
        "Nobody wrote LeNet's kernels: training found them. Its first layer, conv1, has six 5 × 5 "
        "kernels. Each row below shows one kernel with its weights, the digit chosen above, the "
        "kernel's feature map and that map after 2 × 2 max-pooling. The maps are conv1's outputs "
        "**after ReLU** (bias added), exactly what the model passes on to its next layer.",
        "LeNet 的卷积核不是人写的，而是训练出来的。它的第一层 conv1 有六个 5 × 5 的卷积核。"
        "下面每一行是一个卷积核及其权重、上面选中的数字、这个卷积核的特征图，以及该特征图经过 "
        "2 × 2 最大池化后的结果。这些特征图是 conv1 **经过 ReLU 后**的输出（已加偏置），"
        "和模型传给下一层的数据完全一致。",
    ),
    "convolution.learned.pretrained": ("Model: the pretrained LeNet.", "模型：预训练的 LeNet。"),
    "convolution.learned.session": (
        "Model: the LeNet you trained in this session.", "模型：你在本次会话中训练的 LeNet。"
    ),
    "convolution.learned.no_conv": (
        "The active network has no convolution layer, so it has no filters to show: it looks at "
        "all 784 pixels at once, with no idea which pixels are neighbours.",
        "当前的网络没有卷积层，所以没有卷积核可展示：它一次性看全部 784 个像素，并不知道哪些像素彼此相邻。",
    ),
    "convolution.learned.fc1_weights": (
        "Instead, here is what its first fully connected layer weighs: each picture is one unit's "
        "784 weights laid out as the 28 × 28 image (darker = a larger weight, either sign).",
        "作为替代，下面是它第一个全连接层的权重：每张图是一个神经元的 784 个权重，按 28 × 28 的图像排列"
        "（颜色越深，权重的绝对值越大）。",
    ),
    "convolution.learned.unit": ("Unit {n}", "神经元 {n}"),
    "convolution.learned.kernel": ("Kernel {n}", "卷积核 {n}"),
    "convolution.learned.original": ("Digit", "数字"),
    "convolution.learned.map": ("Feature map 24×24", "特征图 24×24"),
    "convolution.learned.pooled": ("Pooled 12×12", "池化后 12×12"),
    "convolution.learned.conv2_header": (
        "conv2: sixteen maps built from those six", "conv2：由这六张图组合出的十六张图"
    ),
    "convolution.learned.conv2_explain": (
        "The second layer, conv2, looks at all six pooled maps at once: each of its sixteen kernels "
        "is 6 × 5 × 5. Its maps (8 × 8, after ReLU) respond to combinations of strokes rather than "
        "single edges.",
        "第二层 conv2 同时看这六张池化后的图：它的十六个卷积核每个都是 6 × 5 × 5。"
        "它输出的特征图（8 × 8，经过 ReLU）响应的不再是单条边缘，而是笔画的组合。",
    ),
    "convolution.learned.conv2_map": ("Map {n}", "图 {n}"),
    # --- 5. how a filter learns ---------------------------------------------------------------
    "convolution.learn.header": ("5. How a filter learns", "5. 卷积核是怎样学出来的"),
    "convolution.learn.explain": (
        "Here is the bridge from one neuron to a CNN. Each output pixel is a neuron whose nine inputs "
        "are the pixels under the window and whose nine weights are the kernel, the same nine at "
        "every position. We start the kernel from random numbers and ask it to reproduce what the "
        "target filter does to {batch} MNIST digits. The loss is the single neuron's "
        "½(output − target)², averaged over every output pixel, and each step applies the same rule: "
        "weight ← weight − learning rate × gradient.",
        "这里就是从单个神经元走向 CNN 的桥梁。每个输出像素都是一个神经元：它的九个输入是窗口下的九个像素，"
        "九个权重就是卷积核，而且在每个位置上共用同样的九个权重。我们让卷积核从随机数出发，"
        "去学着复现目标卷积核对 {batch} 张 MNIST 数字的处理结果。损失函数和单个神经元一样是 "
        "½(输出 − 目标)²，对所有输出像素取平均；每一步也用同样的规则更新："
        "权重 ← 权重 − 学习率 × 梯度。",
    ),
    "convolution.learn.target": ("Target filter", "目标卷积核"),
    "convolution.learn.lr": ("Learning rate", "学习率"),
    "convolution.learn.lr_help": (
        "Above about 2.3 the steps overshoot further each time and the loss explodes: try 3.",
        "学习率超过约 2.3 时，每一步都会冲过头而且越冲越远，损失会爆炸：可以试试 3。",
    ),
    "convolution.learn.train": ("Train the kernel", "开始训练"),
    "convolution.learn.continue": ("Continue training", "继续训练"),
    "convolution.learn.restart": ("New random start", "换一个随机起点"),
    "convolution.learn.step": ("Step", "步数"),
    "convolution.learn.loss": ("Loss", "损失"),
    "convolution.learn.gap": ("Largest gap to target", "与目标的最大差距"),
    "convolution.learn.current": ("Learned kernel", "学到的卷积核"),
    "convolution.learn.goal": ("Target kernel", "目标卷积核"),
    "convolution.learn.weights_title": (
        "Each weight, laid out as in the kernel; the dashed line is its target",
        "每个权重（按卷积核中的位置排列）；虚线是它的目标值",
    ),
    "convolution.learn.weight": ("Weight", "权重"),
    "convolution.learn.loss_title": ("The loss falls (log scale)", "损失下降（对数坐标）"),
    "convolution.learn.not_started": (
        "The kernel starts from random numbers between −1 and 1. Press the button to train it.",
        "卷积核从 −1 到 1 之间的随机数出发。按下按钮开始训练。",
    ),
    "convolution.learn.done": (
        "Learned: after {steps} steps every weight is within {close} of its target (the largest gap "
        "left is {gap}).",
        "学会了：训练 {steps} 步后，每个权重与目标的差距都在 {close} 以内（剩下的最大差距是 {gap}）。",
    ),
    "convolution.learn.paused": (
        "Paused at step {steps}; continue to finish.",
        "已在第 {steps} 步暂停；点“继续训练”可以接着训练。",
    ),
    "convolution.learn.slow": (
        "After {steps} steps the largest gap is still {gap}: a small learning rate takes small steps. "
        "Continue training to go further.",
        "训练 {steps} 步后，最大差距仍有 {gap}：学习率小，每一步也就迈得小。点“继续训练”可以接着往前走。",
    ),
    "convolution.learn.diverged": (
        "The loss exploded at step {steps}: with learning rate {lr} every step overshoots the minimum "
        "by more than the last. Choose a smaller learning rate and start again.",
        "损失在第 {steps} 步爆炸了：学习率为 {lr} 时，每一步都比上一步冲得更远，越过了最低点。"
        "请选一个更小的学习率，再重新开始。",
    ),
    # text alternatives of the grids and charts (a screen reader reads them instead of the picture)
    "convolution.kernel_alt": (
        "The {k} × {k} kernel, weights row by row: {values}", "{k} × {k} 卷积核，按行列出的权重：{values}",
    ),
    "convolution.window.input_alt": (
        "The 7 × 7 letter X as numbers (1 is ink, 0 background), the {k} × {k} window outlined at row {row}, "
        "column {col}; row by row: {values}",
        "用数字表示的 7 × 7 字母 X（1 是笔画，0 是背景），"
        "{k} × {k} 窗口框在第 {row} 行、第 {col} 列；按行：{values}",
    ),
    "convolution.window.products_alt": (
        "The window's products, pixel times weight, row by row: {values}; they add up to {total}",
        "窗口里像素乘权重的乘积，按行：{values}；它们的和是 {total}",
    ),
    "convolution.window.output_alt": (
        "The {n} × {n} output map, filled in up to window {number} of {count}, which holds {value}",
        "{n} × {n} 输出图，已填到第 {number} 个窗口（共 {count} 个），该格的值是 {value}",
    ),
    "convolution.flip.ours_alt": (
        "Cross-correlation of the X with the kernel, {n} × {n}, row by row: {values}",
        "X 与卷积核的互相关结果，{n} × {n}，按行：{values}",
    ),
    "convolution.flip.flipped_alt": (
        "The kernel flipped upside down and left to right, row by row: {values}",
        "上下、左右翻转后的卷积核，按行：{values}",
    ),
    "convolution.flip.theirs_alt": (
        "Convolution of the X (the flipped kernel slid over it), {n} × {n}, row by row: {values}",
        "X 的卷积结果（把翻转后的卷积核滑过它），{n} × {n}，按行：{values}",
    ),
    "convolution.digit.stages_alt": (
        "Test image {index}, a handwritten {label}, in four pictures: the {n} × {n} digit; filtered, "
        "{out} × {out}, red where positive and blue where negative; after ReLU, negatives set to zero; "
        "max-pooled to {half} × {half}",
        "测试图片 {index}（手写数字 {label}）的四个阶段：{n} × {n} 的原图；"
        "滤波后 {out} × {out}，正值为红、负值为蓝；"
        "ReLU 后负值变为零；最大池化后 {half} × {half}",
    ),
    "convolution.learned.rows_alt": (
        "The model's {count} first-layer filters, one per row, each beside test image {index}, its "
        "feature map and the pooled map",
        "模型第一层的 {count} 个卷积核，每行一个，旁边依次是测试图片 {index}、它的特征图和池化后的特征图",
    ),
    "convolution.learned.conv2_alt": (
        "The {count} feature maps of the second convolution layer for test image {index}",
        "第二个卷积层对测试图片 {index} 输出的 {count} 张特征图",
    ),
    "convolution.learned.fc1_alt": (
        "The first layer's weights of {count} units, each drawn as a 28 × 28 picture",
        "第一层 {count} 个单元的权重，每个画成一张 28 × 28 的图",
    ),
    "convolution.learn.current_alt": (
        "The kernel after {step} steps, weights row by row: {values}",
        "训练 {step} 步后的卷积核，按行列出的权重：{values}",
    ),
    "convolution.learn.weights_alt": (
        "Nine small line charts laid out like the kernel: each weight over {steps} steps, its target "
        "dashed",
        "九个小折线图，排列方式与卷积核相同：每个权重在 {steps} 步中的变化，虚线是它的目标值",
    ),
    "convolution.learn.loss_alt": (
        "Line chart of the loss, on a log scale, over {steps} steps: now {loss}",
        "折线图：{steps} 步中的损失（对数刻度），当前为 {loss}",
    ),
}
