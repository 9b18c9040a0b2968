"""Text of the "one neuron learns" page."""

TEXT = {
    "neuron.title": ("One neuron learns", "一个神经元的学习"),
    "neuron.intro": (
        "A whole network learns by repeating one small rule on millions of numbers. Here the rule "
        "works on just two: a single neuron computes $y = w \\cdot x + b$ and must learn the weight "
        "$w$ and the bias $b$ that turn the input $x$ into the target. Each step has four phases: "
        "compute the output, measure the loss, work out the gradients, and nudge $w$ and $b$ "
        "downhill. The starting values below are the tutorial's example.",
        "整个神经网络的学习，就是把一条简单的规则在成千上万个数字上反复执行。这里只用两个数字来看清这条规则："
        "一个神经元计算 $y = w \\cdot x + b$，它要学会合适的权重 $w$ 和偏置 $b$，让输入 $x$ 得到目标值。"
        "每一步分四个阶段：算出输出、计算损失、求梯度、沿下坡方向微调 $w$ 和 $b$。"
        "下面的初始值就是教程中的例子。",
    ),
    "neuron.setup": ("The sample, the starting point and the learning rate", "样本、起点和学习率"),
    "neuron.x": ("Input x", "输入 x"),
    "neuron.target": ("Target y", "目标值 y"),
    "neuron.w0": ("Starting weight w", "初始权重 w"),
    "neuron.b0": ("Starting bias b", "初始偏置 b"),
    "neuron.lr": ("Learning rate η (log scale)", "学习率 η（对数刻度）"),
    "neuron.lr_help": (
        "How far each step moves w and b along the negative gradient. Each mark is about 12% more "
        "than the one before.",
        "每一步沿负梯度方向移动 w 和 b 的幅度。滑块上相邻两档约相差 12%。",
    ),
    "neuron.steps": ("Steps", "步数"),
    "neuron.limit": (
        "For $x = {x}$ the learning rate must stay below $2/(x^2+1) = {limit}$. "
        "Yours, $\\eta = {lr}$, is **{ratio}×** that limit.",
        "当 $x = {x}$ 时，学习率必须小于 $2/(x^2+1) = {limit}$。"
        "你选的 $\\eta = {lr}$ 是这个上限的 **{ratio} 倍**。",
    ),
    "neuron.try": ("Try a learning rate that:", "试试这样的学习率："),
    "neuron.try.crawl": ("crawls", "太慢"),
    "neuron.try.converge": ("converges", "收敛"),
    "neuron.try.oscillate": ("oscillates", "震荡"),
    "neuron.try.diverge": ("diverges", "发散"),
    "neuron.why_limit.title": ("Why 2 / (x² + 1)?", "为什么上限是 2 / (x² + 1)？"),
    "neuron.why_limit.intro": (
        "Follow the error $e$, the output minus the target, through one step. The update changes $w$ "
        "by $-\\eta\\,e\\,x$ and $b$ by $-\\eta\\,e$, so the output changes by $-\\eta\\,e\\,(x^2 + 1)$ "
        "and the new error is",
        "跟踪误差 $e$（输出减去目标值）走一步。更新让 $w$ 变化 $-\\eta\\,e\\,x$，让 $b$ 变化 $-\\eta\\,e$，"
        "于是输出变化 $-\\eta\\,e\\,(x^2 + 1)$，新的误差是",
    ),
    "neuron.why_limit.body": (
        "Every step multiplies the error by the same factor. It shrinks only if that factor lies "
        "between −1 and 1, that is when $0 < \\eta < 2/(x^2 + 1)$. Between half the limit and the limit "
        "the factor is negative: each step overshoots the target and the error changes sign. Past the "
        "limit each overshoot is larger than the error it corrects, and the error grows without end. "
        "The number $x^2 + 1$ is the curvature of the loss surface along its steepest direction: "
        "the steeper the valley, the smaller the step it can take.",
        "每一步都把误差乘上同一个系数。只有当这个系数在 −1 和 1 之间，也就是 $0 < \\eta < 2/(x^2 + 1)$ 时，"
        "误差才会变小。学习率在上限的一半到上限之间时，系数是负的：每一步都会冲过目标，误差的正负号来回翻转。"
        "超过上限后，每次冲过头的幅度比要纠正的误差还大，误差就会越来越大，永不停止。"
        "$x^2 + 1$ 是损失曲面在最陡方向上的曲率：山谷越陡，能迈的步子就越小。",
    ),
    "neuron.regime.crawl": (
        "**Too small: learning crawls.** With $\\eta = {lr}$ each step removes only {pct}% of the "
        "error, so it takes many steps to get anywhere. Try a larger learning rate.",
        "**太小了：学得很慢。** 当 $\\eta = {lr}$ 时，每一步只消除 {pct}% 的误差，要走很多步才能接近目标。"
        "试试更大的学习率。",
    ),
    "neuron.regime.converge": (
        "**A good learning rate: it converges.** With $\\eta = {lr}$ each step removes {pct}% of the "
        "error, and the line settles on the target without overshooting.",
        "**合适的学习率：顺利收敛。** 当 $\\eta = {lr}$ 时，每一步消除 {pct}% 的误差，"
        "直线平稳地靠近目标，不会冲过头。",
    ),
    "neuron.regime.oscillate": (
        "**Large: it oscillates.** With $\\eta = {lr}$ each step overshoots the target, so the error "
        "changes sign every step (factor {f}), yet it still shrinks by {pct}% a step. The path "
        "zig-zags across the valley but reaches the bottom.",
        "**偏大：来回震荡。** 当 $\\eta = {lr}$ 时，每一步都冲过目标，误差每步改变正负号（系数 {f}），"
        "但每步仍缩小 {pct}%。路径在山谷两侧来回跳，最终仍能到达谷底。",
    ),
    "neuron.regime.edge": (
        "**Exactly on the limit.** With $\\eta = {lr} = {limit}$ every step overshoots by exactly as much "
        "as it corrects: the output bounces between two values for ever.",
        "**正好在上限上。** 当 $\\eta = {lr} = {limit}$ 时，每一步冲过头的量恰好等于它纠正的量："
        "输出会在两个值之间永远来回跳动。",
    ),
    "neuron.regime.diverge": (
        "**Past the limit: it diverges.** $\\eta = {lr}$ is above $2/(x^2+1) = {limit}$, so each "
        "step overshoots by more than the error it corrects: the error is multiplied by {f} every step "
        "and grows without end. Learning never happens; lower the learning rate below the limit.",
        "**超过上限：发散。** $\\eta = {lr}$ 大于 $2/(x^2+1) = {limit}$，"
        "每一步冲过头的量都比要纠正的误差还大：误差每步乘以 {f}，越来越大，永远学不会。"
        "请把学习率调到上限以下。",
    ),
    "neuron.stopped": (
        "The run was stopped after step {step} of {total}: w and b had grown past {bound} "
        "(w = {w}, b = {b}). A few more steps and they would overflow what a computer can store, "
        "and the table would fill with meaningless numbers. Any learning rate above {limit} ends "
        "like this.",
        "训练在第 {step} 步（共 {total} 步）时被停止：w 和 b 已超过 {bound}（w = {w}，b = {b}）。"
        "再走几步，它们就会超出计算机能表示的范围，表格里只剩下无意义的数字。"
        "任何大于 {limit} 的学习率都会这样结束。",
    ),
    "neuron.watch": ("Watch it learn", "看它一步步学习"),
    "neuron.play": ("Play", "播放"),
    "neuron.pause": ("Pause", "暂停"),
    "neuron.step": ("Step", "单步"),
    "neuron.reset": ("Reset", "重置"),
    "neuron.back": ("Back", "上一步"),
    "neuron.still": (
        "Motion is reduced (see the sidebar): Back and Step move through the run one step at a time.",
        "已减少动画（见侧边栏）：用“上一步”和“单步”一步一步地查看整个过程。",
    ),
    "neuron.log_loss": ("Log-scale loss", "损失用对数刻度"),
    "neuron.phase.forward": ("**{n} · Forward:** compute the output", "**{n} · 前向计算：** 算出输出"),
    "neuron.phase.loss": ("**{n} · Loss:** how far from the target", "**{n} · 损失：** 离目标有多远"),
    "neuron.phase.gradients": (
        "**{n} · Gradients:** which way is downhill (chain rule)",
        "**{n} · 梯度：** 哪个方向是下坡（链式法则）",
    ),
    "neuron.phase.update": (
        "**{n} · Update:** a step of size η downhill",
        "**{n} · 更新：** 沿下坡方向走一步，步长由 η 决定",
    ),
    "neuron.frame.progress": ("Step {step} of {total}", "第 {step} 步，共 {total} 步"),
    "neuron.frame.done": (
        "The output already equals the target: the gradients are zero and nothing moves.",
        "输出已经等于目标值：梯度为零，参数不再变化。",
    ),
    "neuron.frame.closer": (
        "This update brings the output closer: the error y − target goes from {e} to {e_next} "
        "(×{f}).",
        "这次更新让输出更接近目标：误差 y − 目标值 从 {e} 变为 {e_next}（×{f}）。",
    ),
    "neuron.frame.overshoot": (
        "This update overshoots: the error y − target jumps from {e} to {e_next}, to the other side "
        "of the target (×{f}), but it is smaller than before.",
        "这次更新冲过了头：误差 y − 目标值 从 {e} 跳到 {e_next}，到了目标的另一侧（×{f}），但比之前小了。",
    ),
    "neuron.frame.grows": (
        "This update overshoots so far that the error grows: y − target goes from {e} to {e_next} "
        "(×{f}).",
        "这次更新冲得太远，误差反而变大了：y − 目标值 从 {e} 变为 {e_next}（×{f}）。",
    ),
    "neuron.autograd.agree": (
        ":material/check_circle: `torch.autograd` computes the same gradients: "
        "∂L/∂w = {gw}, ∂L/∂b = {gb}.",
        ":material/check_circle: `torch.autograd` 自动求导得到相同的梯度：∂L/∂w = {gw}，∂L/∂b = {gb}。",
    ),
    "neuron.autograd.differ": (
        ":material/error: `torch.autograd` computes different gradients: ∂L/∂w = {gw}, ∂L/∂b = {gb}.",
        ":material/error: `torch.autograd` 自动求导得到的梯度不同：∂L/∂w = {gw}，∂L/∂b = {gb}。",
    ),
    "neuron.view.line": ("**The line and the target**", "**直线与目标点**"),
    "neuron.view.map": ("**The path of (w, b) over the loss surface**", "**(w, b) 在损失曲面上的路径**"),
    "neuron.view.loss": ("**The loss at each step**", "**每一步的损失**"),
    "neuron.chart.line_now": ("line now", "当前直线"),
    "neuron.chart.line_next": ("after this step", "本步更新后"),
    "neuron.chart.output": ("output y", "输出 y"),
    "neuron.chart.target": ("target", "目标值"),
    "neuron.chart.loss": ("loss", "损失"),
    "neuron.chart.mean_loss": ("mean loss", "平均损失"),
    "neuron.chart.step": ("step", "步"),
    "neuron.chart.line_alt": (
        "Step {step}: the line y = w·x + b now (w = {w}, b = {b}) and after this step's update "
        "(w = {w_next}, b = {b_next}); at x = {x} the output is {y}, the target {target}",
        "第 {step} 步：当前直线 y = w·x + b（w = {w}，b = {b}）"
        "与本步更新后的直线（w = {w_next}，b = {b_next}）；"
        "在 x = {x} 处输出为 {y}，目标值为 {target}",
    ),
    "neuron.chart.map_alt": (
        "Contour map of the loss over the weight w and the bias b, with the path gradient descent has "
        "taken up to step {step}, now at w = {w}, b = {b}",
        "损失随权重 w 和偏置 b 变化的等高线图，"
        "以及梯度下降到第 {step} 步为止走过的路径，当前位于 w = {w}，b = {b}",
    ),
    "neuron.chart.loss_alt": (
        "Line chart of the loss at each step, up to step {step} of {total}: now {loss}",
        "折线图：每一步的损失，画到第 {step} 步（共 {total} 步），当前为 {loss}",
    ),
    "neuron.map_caption": (
        "The loss depends on w and b only through y = w·x + b, so the surface is a long valley with "
        "a flat floor: every (w, b) on the line w·x + b = target has zero loss. Gradient descent "
        "walks straight across the valley, at right angles to the contour lines, towards the floor.",
        "损失只通过 y = w·x + b 依赖于 w 和 b，所以损失曲面是一条谷底平坦的长山谷：直线 w·x + b = 目标值 上的"
        "每一个 (w, b) 损失都为零。梯度下降垂直于等高线，径直穿过山谷走向谷底。",
    ),
    "neuron.table": ("Every step in numbers", "每一步的数值"),
    "neuron.col.step": ("step", "步"),
    "neuron.col.loss": ("loss", "损失"),
    "neuron.col.w_next": ("new w", "新 w"),
    "neuron.col.b_next": ("new b", "新 b"),
    "neuron.download": ("Download the steps as CSV", "下载全部步骤（CSV）"),
    "neuron.fit.title": ("Several points: full batch or one at a time", "多个数据点：全批量还是逐个来"),
    "neuron.fit.intro": (
        "A real dataset has many samples. Here the same neuron fits a line to a small cloud of noisy "
        "points, with the mean loss over all of them. **Full-batch** gradient descent averages the "
        "gradient over every point, then takes one step. **Stochastic** gradient descent (SGD) takes a "
        "step after each single point, in a new random order each pass. Both start from w = 0, b = 0.",
        "真实的数据集有很多样本。这里同一个神经元要拟合一小片带噪声的点，损失取所有点的平均。"
        "**全批量**梯度下降先把所有点的梯度求平均，再走一步；**随机**梯度下降（SGD）每看一个点就走一步，"
        "每一轮都重新随机打乱顺序。两者都从 w = 0、b = 0 出发。",
    ),
    "neuron.fit.passes": ("Passes over the data", "遍历数据的轮数"),
    "neuron.fit.limit": (
        "With these {n} points, full-batch descent converges for learning rates below {limit}.",
        "对这 {n} 个点，全批量梯度下降在学习率小于 {limit} 时收敛。",
    ),
    "neuron.fit.batch": ("full batch", "全批量"),
    "neuron.fit.stochastic": ("stochastic (one point)", "随机（每次一个点）"),
    "neuron.fit.diverged": (
        "With learning rate {lr} the fit diverged and was stopped before the numbers overflowed. "
        "Full-batch descent needs a learning rate below {limit} here, and single points can be "
        "stricter still: choose a smaller one.",
        "学习率为 {lr} 时拟合发散了，已在数值溢出前停止。这里全批量梯度下降要求学习率小于 {limit}，"
        "单个点的要求可能更严：请选一个更小的学习率。",
    ),
    "neuron.fit.view_lines": ("**The points and the fitted lines**", "**数据点与拟合的直线**"),
    "neuron.fit.view_map": (
        "**Both paths over the mean loss surface** (+ marks the best fit)",
        "**两条路径与平均损失曲面**（+ 为最优解）",
    ),
    "neuron.fit.view_loss": ("**Mean loss over all points**", "**所有点上的平均损失**"),
    "neuron.fit.lines_alt": (
        "Scatter plot of {n} noisy points with the lines full-batch and stochastic gradient descent "
        "fitted after {passes} passes",
        "散点图：{n} 个带噪声的数据点，以及全批量和随机梯度下降在 {passes} 轮后拟合出的直线",
    ),
    "neuron.fit.map_alt": (
        "Contour map of the mean loss over w and b with the paths of full-batch and stochastic "
        "gradient descent, and a cross at the best fit",
        "平均损失随 w 和 b 变化的等高线图，以及全批量和随机梯度下降的路径，十字标出最优解",
    ),
    "neuron.fit.loss_alt": (
        "Line chart of the mean loss after each of {passes} passes, for full-batch and stochastic "
        "gradient descent",
        "折线图：全批量和随机梯度下降在 {passes} 轮中每一轮后的平均损失",
    ),
    "neuron.fit.result": (
        "In the same number of passes, full batch made {batch_updates} careful steps and reached a mean "
        "loss of {batch_loss}; stochastic descent made {sgd_updates} quick, noisy ones and reached "
        "{sgd_loss}. The best any line can do here is {best_loss}. Stochastic steps each see one point, "
        "so they wobble around the best fit instead of settling exactly on it.",
        "在相同的轮数里，全批量走了 {batch_updates} 步稳健的步子，平均损失降到 {batch_loss}；"
        "随机梯度下降走了 {sgd_updates} 步又快又抖的步子，降到 {sgd_loss}。任何直线在这里能达到的最小损失是 "
        "{best_loss}。随机梯度下降每一步只看一个点，所以它会在最优解附近晃动，而不是正好停在上面。",
    ),
    "neuron.fit.bridge": (
        "Training a real network sits between the two: each step averages the gradient over a "
        "**mini-batch** of, say, 64 images. That is far cheaper than the whole dataset and far less "
        "noisy than a single image. You will choose the batch size on the training page.",
        "训练真正的神经网络时，做法介于两者之间：每一步在一个**小批量**（比如 64 张图片）上平均梯度。"
        "这比用整个数据集便宜得多，又比只用一张图片稳定得多。你将在训练页面上自己选择批量大小。",
    ),
    "neuron.backprop_link": ("Many neurons: backpropagation, every number",
                             "很多个神经元：反向传播的每一个数字"),
}
