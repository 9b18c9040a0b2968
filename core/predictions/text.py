"""Text of the "predict first, then see" prompts, and of the presenter switch."""

TEXT = {
    # --- the helper every prompt shares ---------------------------------------------------------
    "predict.header": ("Predict first", "先猜一猜"),
    "predict.hint": (
        "Guess before you look: comparing a guess with the answer teaches more than only looking. "
        "The page below is there either way.",
        "先猜，再看：把自己的猜测和答案对比，比只看答案学得更多。下面的内容随时都可以看。",
    ),
    "predict.lock": ("Lock my guess", "锁定我的答案"),
    "predict.skip": ("Just show me", "直接告诉我"),
    "predict.again": ("Ask me again", "再问我一次"),
    "predict.your_guess": ("Your guess", "你的猜测"),
    "predict.result.right": (
        ":green[**Right.**] You said {answer}; the answer is {truth}.",
        ":green[**猜对了。**]你的答案是 {answer}，正确答案是 {truth}。",
    ),
    "predict.result.close": (
        ":orange[**Close.**] You said {answer}; the answer is {truth}.",
        ":orange[**很接近。**]你的答案是 {answer}，正确答案是 {truth}。",
    ),
    "predict.result.wrong": (
        ":red[**Not this time.**] You said {answer}; the answer is {truth}.",
        ":red[**这次没猜中。**]你的答案是 {answer}，正确答案是 {truth}。",
    ),
    "predict.result.skipped": (
        "No guess this time. The answer is {truth}.", "这次没有猜。正确答案是 {truth}。",
    ),
    "predict.pending": (
        "Your guess: {answer}. The answer comes when your next run finishes.",
        "你的猜测：{answer}。下一次训练结束时揭晓答案。",
    ),
    "predict.pending_skipped": (
        "No guess this time. The answer comes when your next run finishes.",
        "这次没有猜。下一次训练结束时揭晓答案。",
    ),
    "predict.giveaway": (
        "The answer is in here: guess above first", "答案在这里面：请先在上面猜一猜",
    ),
    "predict.point": ("row {row}, column {col}", "第 {row} 行、第 {col} 列"),
    "predict.point.row": ("Row (from the top)", "行（从上往下数）"),
    "predict.point.col": ("Column (from the left)", "列（从左往右数）"),
    "predict.point.help": (
        "Click a pixel of the digit, or pick its row and column here (arrow keys move them).",
        "点一下数字上的某个像素，或者在这里选它的行和列（方向键可以移动）。",
    ),
    "predict.point.title": ("Click where you expect it", "点出你猜的位置"),
    "predict.point.alt": (
        "The digit, {rows} by {cols} pixels, to click a pixel on; your pick, ringed, is row {row}, "
        "column {col}.",
        "可以点选像素的数字图像，共 {rows} × {cols} 像素；你选中的位置（圆圈）是第 {row} 行、第 {col} 列。",
    ),
    "predict.curve.first": ("After the first epoch", "第 1 轮之后"),
    "predict.curve.middle": ("At the middle (epoch {epoch})", "中间（第 {epoch} 轮）"),
    "predict.curve.end": ("At the end (epoch {epoch})", "最后（第 {epoch} 轮）"),
    "predict.curve.guess": ("Your guess", "你的猜测"),
    "predict.curve.epoch": ("epoch", "轮数（epoch）"),
    "predict.curve.accuracy": ("test accuracy (%)", "测试准确率（%）"),
    "predict.curve.alt": (
        "The test-accuracy curve you expect: {guess}.", "你预计的测试准确率曲线：{guess}。",
    ),
    "predict.curve.alt_real": (
        "Your expected test-accuracy curve, {guess}, drawn over the run's real one, {real}.",
        "你预计的测试准确率曲线（{guess}）画在这次训练的真实曲线（{real}）上面。",
    ),
    "predict.presenter": ("Presenter mode: no prompts", "演示模式：不提问"),
    "predict.presenter_help": (
        "Hides the \"predict first\" questions on every page, for showing the lessons to a room.",
        "隐藏各页面上“先猜一猜”的问题，适合给一屋子人演示课程。",
    ),
    # --- one neuron: what will this learning rate do? --------------------------------------------
    "predict.neuron_regime.question": (
        "Before you press Play: with η = {lr} (and x = {x}), what will the descent do?",
        "按下播放之前：学习率 η = {lr}（x = {x}）时，梯度下降会怎样？",
    ),
    "predict.neuron_regime.option.crawl": ("crawls", "爬得很慢"),
    "predict.neuron_regime.option.converge": ("converges", "收敛"),
    "predict.neuron_regime.option.oscillate": ("oscillates", "震荡"),
    "predict.neuron_regime.option.diverge": ("diverges", "发散"),
    "predict.neuron_regime.caption.crawl": (
        "creeps towards the target, barely moving", "慢慢挪向目标，几乎不动",
    ),
    "predict.neuron_regime.caption.converge": (
        "glides in and settles on the target", "平稳地滑向目标并停在那里",
    ),
    "predict.neuron_regime.caption.oscillate": (
        "overshoots back and forth, but settles", "来回越过目标，但最终停下",
    ),
    "predict.neuron_regime.caption.diverge": (
        "overshoots more every step and blows up", "每一步越过得更多，最后爆掉",
    ),
    "predict.neuron_regime.explain.crawl": (
        "Each step multiplies the error y − target by 1 − η(x² + 1) = {f}: it removes less than a tenth "
        "of the error, so the descent crawls (η = {lr} is only {ratio}× the limit {limit}). Over {steps} "
        "steps the loss goes from {first} to {last}.",
        "每一步把误差 y − 目标 乘以 1 − η(x² + 1) = {f}：每步去掉的误差不到十分之一，所以下降得很慢"
        "（η = {lr} 只有上限 {limit} 的 {ratio} 倍）。{steps} 步里，损失从 {first} 变成 {last}。",
    ),
    "predict.neuron_regime.explain.converge": (
        "Each step multiplies the error y − target by 1 − η(x² + 1) = {f}, between 0 and 0.9: the error "
        "shrinks and keeps its sign, so the descent glides in without overshooting (η = {lr} is below "
        "1/(x² + 1) = {half}). Over {steps} steps the loss falls from {first} to {last}.",
        "每一步把误差 y − 目标 乘以 1 − η(x² + 1) = {f}，介于 0 和 0.9 之间：误差变小且符号不变，"
        "所以平稳地滑向目标，不会越过（η = {lr} 小于 1/(x² + 1) = {half}）。{steps} 步里，损失从 {first} "
        "降到 {last}。",
    ),
    "predict.neuron_regime.explain.oscillate": (
        "Each step multiplies the error y − target by 1 − η(x² + 1) = {f}, between −1 and 0: η = {lr} lies "
        "between 1/(x² + 1) = {half} and 2/(x² + 1) = {limit}, so every step overshoots the target and the "
        "error flips sign, yet it shrinks. Over {steps} steps the loss goes from {first} to {last}.",
        "每一步把误差 y − 目标 乘以 1 − η(x² + 1) = {f}，介于 −1 和 0 之间：η = {lr} 在 1/(x² + 1) = {half} "
        "和 2/(x² + 1) = {limit} 之间，所以每一步都越过目标、误差变号，但仍在变小。{steps} 步里，损失从 "
        "{first} 变成 {last}。",
    ),
    "predict.neuron_regime.explain.edge": (
        "Each step multiplies the error y − target by 1 − η(x² + 1) = {f}: η = {lr} is exactly the limit "
        "2/(x² + 1) = {limit}, so the error flips sign and keeps its size. The descent bounces between two "
        "points for ever: the loss stays at {first}.",
        "每一步把误差 y − 目标 乘以 1 − η(x² + 1) = {f}：η = {lr} 恰好等于上限 2/(x² + 1) = {limit}，"
        "误差变号但大小不变。下降在两个点之间永远来回跳：损失一直是 {first}。",
    ),
    "predict.neuron_regime.explain.diverge": (
        "Each step multiplies the error y − target by 1 − η(x² + 1) = {f}, below −1: η = {lr} is above "
        "2/(x² + 1) = {limit} ({ratio}× it), so every step overshoots by more than the last and the loss "
        "grows, from {first} to {last} in {steps} steps.",
        "每一步把误差 y − 目标 乘以 1 − η(x² + 1) = {f}，小于 −1：η = {lr} 超过了 2/(x² + 1) = {limit}"
        "（是它的 {ratio} 倍），所以每一步越过得比上一步更多，损失不断变大，"
        "{steps} 步里从 {first} 变成 {last}。",
    ),
    # --- one neuron: how many steps? ---------------------------------------------------------------
    "predict.neuron_steps.question": (
        "And with η = {lr}: after how many steps will the loss be below 0.01? (Within 20% counts as right.)",
        "还是 η = {lr}：多少步之后损失会低于 0.01？（误差在 20% 以内算对。）",
    ),
    "predict.neuron_steps.explain": (
        "After {n} steps the loss is {loss}, below 0.01 for the first time. In the table it is the loss in "
        "row {row}: each row shows the loss before that step's update. Each step multiplies the error by "
        "{f}, so the loss by {f2}, starting from {first}.",
        "{n} 步之后损失是 {loss}，第一次低于 0.01。在下面的表格里，它是第 {row} 行的损失："
        "每一行显示的是该步更新之前的损失。每一步把误差乘以 {f}，也就是把损失乘以 {f2}，起点是 {first}。",
    ),
    "predict.neuron_steps.explain_beyond": (
        "After {n} steps the loss is {loss}, below 0.01 for the first time. Each step multiplies the error "
        "by {f}, so the loss by {f2}, starting from {first}. Set Steps to at least {row} to see it in the "
        "table (each row shows the loss before that step's update).",
        "{n} 步之后损失是 {loss}，第一次低于 0.01。每一步把误差乘以 {f}，也就是把损失乘以 {f2}，"
        "起点是 {first}。把步数设为至少 {row}，就能在表格里看到它（每一行显示该步更新之前的损失）。",
    ),
    # --- convolution -------------------------------------------------------------------------------
    "predict.conv_top_left.question": (
        "Before you step the window: the X below is 7 × 7, ones for ink and zeros for background. What "
        "number does its top-left 3 × 3 window give with the horizontal-edge kernel (−1s on top, 0s in the "
        "middle, +1s at the bottom)?",
        "移动窗口之前：下面的 X 是 7 × 7 的，墨迹为 1，背景为 0。用水平边缘卷积核"
        "（上面一行是 −1，中间是 0，下面一行是 +1）时，左上角的 3 × 3 窗口得到多少？",
    ),
    "predict.conv_top_left.explain": (
        "Pixel times weight, summed: {sum}. That is cross-correlation, the kernel laid on the image as it "
        "is, which is what PyTorch's Conv2d computes. True convolution flips the kernel first (its +1s on "
        "top) and would give {flipped}.",
        "像素乘以权重再求和：{sum}。这是互相关：卷积核原样放在图像上，PyTorch 的 Conv2d 算的就是它。"
        "真正的卷积会先把卷积核翻转（+1 到了上面），结果会是 {flipped}。",
    ),
    "predict.conv_brightest.question": (
        "Before you look at the filtered maps: where will the map of this {label} (test image {index}) "
        "be brightest with the filter chosen above? Pick the pixel of the digit at the centre of the window "
        "that gives the largest number. (Within 2 pixels counts as right, within 5 as close.)",
        "先别看滤波后的特征图：用上面选的卷积核处理这个 {label}（第 {index} 张测试图片），"
        "特征图哪里最亮？在数字上选出得到最大值的那个窗口的中心像素。"
        "（相差 2 个像素以内算对，5 个以内算接近。）",
    ),
    "predict.conv_brightest.result.right": (
        ":green[**Right.**] You picked {answer}, {away} pixels from the brightest window's centre, {truth}.",
        ":green[**猜对了。**]你选的是{answer}，离最亮窗口的中心（{truth}）{away} 个像素。",
    ),
    "predict.conv_brightest.result.close": (
        ":orange[**Close.**] You picked {answer}, {away} pixels from the brightest window's centre, {truth}.",
        ":orange[**很接近。**]你选的是{answer}，离最亮窗口的中心（{truth}）{away} 个像素。",
    ),
    "predict.conv_brightest.result.wrong": (
        ":red[**Not this time.**] You picked {answer}, {away} pixels from the brightest window's centre, "
        "{truth}.",
        ":red[**这次没猜中。**]你选的是{answer}，离最亮窗口的中心（{truth}）{away} 个像素。",
    ),
    "predict.conv_brightest.marks_alt": (
        "Marked on the digit and on the filtered map: your pick, {guess} (a ring), and the brightest "
        "window's centre, row {row}, column {col} (a cross).",
        "数字和滤波后的特征图上标出了：你选的位置{guess}（圆圈），以及最亮窗口的中心，第 {row} 行、"
        "第 {col} 列（叉号）。",
    ),
    "predict.conv_brightest.explain": (
        "The largest number on the filtered map is {value}, from the window centred on row {row}, "
        "column {col}: there the digit best matches the kernel's pattern, ink under its largest weights and "
        "background under its smallest. "
        "On the maps below, the ring is your pick and the cross the "
        "brightest window's centre.",
        "滤波后的特征图上最大的数是 {value}，来自中心在第 {row} 行、第 {col} 列的窗口："
        "在那里，数字最符合卷积核的图案：最大的权重下面是墨迹，最小的权重下面是背景。"
        "在下面的图上，圆圈是你选的位置，叉号是最亮窗口的中心。",
    ),
    "predict.conv_brightest.explain_ties": (
        "The largest number on the filtered map is {value}, and {ties} windows give it: wherever the "
        "digit matches the kernel's pattern as well, ink under its largest weights and background under its "
        "smallest. On the maps below, the ring is your pick and the crosses the brightest windows' centres.",
        "滤波后的特征图上最大的数是 {value}，有 {ties} 个窗口都得到它：凡是数字同样符合卷积核图案的地方"
        "（最大的权重下面是墨迹，最小的权重下面是背景）都是这样。"
        "在下面的图上，圆圈是你选的位置，叉号是最亮窗口的中心。",
    ),
    # --- inside LeNet ------------------------------------------------------------------------------
    "predict.model_conv2.question": (
        "Before you read the table: conv2 gets the {before} maps that come before it (see the code above). "
        "How many pixels on a side are its output maps?",
        "看表格之前：conv2 接收前一层输出的 {before} 特征图（见上面的代码）。"
        "它输出的每张特征图边长是多少像素？",
    ),
    "predict.model_conv2.explain": (
        "conv2 outputs {shape}: a 5 × 5 filter without padding fits {formula} times along a side.",
        "conv2 输出 {shape}：没有填充的 5 × 5 卷积核沿一条边能放 {formula} 个位置。",
    ),
    "predict.model_pool2.question": (
        "And pool2, the 2 × 2 max pool right after conv2: how many pixels on a side are its output maps?",
        "再看 pool2，紧跟在 conv2 后面的 2 × 2 最大池化：它输出的每张特征图边长是多少像素？",
    ),
    "predict.model_pool2.explain": (
        "pool2 outputs {shape}: each 2 × 2 block becomes one pixel, {formula}.",
        "pool2 输出 {shape}：每个 2 × 2 的小块变成一个像素，{formula}。",
    ),
    "predict.model_fc1.question": (
        "fc1 takes the {before} numbers of the flattened maps to {outputs}. How many parameters does it "
        "learn, weights and biases together?",
        "fc1 把展平后的 {before} 个数变成 {outputs} 个。它一共要学多少个参数（权重和偏置一起算）？",
    ),
    "predict.model_fc1.explain": (
        "fc1 learns {formula}: a weight for every input and output pair, and a bias for each output. "
        "That is {share}% of the whole network's parameters.",
        "fc1 要学 {formula} 个参数：每一对输入和输出一个权重，每个输出一个偏置。"
        "这占整个网络参数的 {share}%。",
    ),
    # --- training -----------------------------------------------------------------------------------
    "predict.train_accuracy.question": (
        "Before you train: what test accuracy do you expect this run to reach, in percent? "
        "(Within 1 point counts as right, within 3 as close.)",
        "训练之前：你觉得这次训练最后的测试准确率是多少（百分比）？"
        "（相差 1 个百分点以内算对，3 个以内算接近。）",
    ),
    "predict.train_accuracy.result.right": (
        ":green[**Right.**] You expected {answer}; it reached {truth}.",
        ":green[**猜对了。**]你预计 {answer}，实际达到 {truth}。",
    ),
    "predict.train_accuracy.result.close": (
        ":orange[**Close.**] You expected {answer}; it reached {truth}.",
        ":orange[**很接近。**]你预计 {answer}，实际达到 {truth}。",
    ),
    "predict.train_accuracy.result.wrong": (
        ":red[**Not this time.**] You expected {answer}; it reached {truth}.",
        ":red[**这次没猜中。**]你预计 {answer}，实际达到 {truth}。",
    ),
    "predict.train_accuracy.result.skipped": (
        "No guess this time. It reached {truth}.", "这次没有猜。实际达到 {truth}。",
    ),
    "predict.train_accuracy.explain": (
        "That is its accuracy on the 10,000 test images after {epochs} epochs.",
        "这是它训练 {epochs} 轮之后在 10,000 张测试图片上的准确率。",
    ),
    "predict.train_accuracy.explain_one": (
        "That is its accuracy on the 10,000 test images after one epoch, a single pass over its training "
        "images.",
        "这是它只训练一轮（把训练图片过一遍）之后在 10,000 张测试图片上的准确率。",
    ),
    # --- training: the curve ------------------------------------------------------------------------
    "predict.train_curve.question": (
        "Before you train: what test accuracy do you expect after the first epoch, at the middle of the "
        "run and at its end? Set the three sliders: the line beside them is your curve. (Within 1.5 "
        "points on average counts as right, within 4 as close.)",
        "训练之前：你觉得第 1 轮之后、训练到一半和最后的测试准确率分别是多少？拖动三个滑块，"
        "旁边的线就是你的曲线。（平均相差 1.5 个百分点以内算对，4 个以内算接近。）",
    ),
    "predict.train_curve.real": ("Test accuracy of the run", "这次训练的测试准确率"),
    "predict.train_curve.result.right": (
        ":green[**Right.**] You expected {answer}; it went {truth}.",
        ":green[**猜对了。**]你预计 {answer}，实际是 {truth}。",
    ),
    "predict.train_curve.result.close": (
        ":orange[**Close.**] You expected {answer}; it went {truth}.",
        ":orange[**很接近。**]你预计 {answer}，实际是 {truth}。",
    ),
    "predict.train_curve.result.wrong": (
        ":red[**Not this time.**] You expected {answer}; it went {truth}.",
        ":red[**这次没猜中。**]你预计 {answer}，实际是 {truth}。",
    ),
    "predict.train_curve.result.skipped": (
        "No guess this time. It went {truth}.", "这次没有猜。实际是 {truth}。",
    ),
    "predict.train_curve.explain": (
        "You expected {guess_first}; it reached {first} after one epoch. At epoch {middle_epoch} you "
        "expected {guess_middle} and it had {middle}; at the end, epoch {end_epoch}, {guess_end} against "
        "{end}.",
        "你预计 {guess_first}，第 1 轮之后实际达到 {first}。第 {middle_epoch} 轮你预计 {guess_middle}，"
        "实际是 {middle}；最后第 {end_epoch} 轮，你预计 {guess_end}，实际是 {end}。",
    ),
    "predict.train_curve.explain_skipped": (
        "It reached {first} after one epoch, {middle} at epoch {middle_epoch} and {end} at the end, epoch "
        "{end_epoch}.",
        "第 1 轮之后达到 {first}，第 {middle_epoch} 轮是 {middle}，最后第 {end_epoch} 轮是 {end}。",
    ),
    # --- training: what one change does ---------------------------------------------------------------
    "predict.train_change.question": (
        "You changed one setting from your last run: {field}, from {before} to {after}. Will the next "
        "run's test accuracy be better, worse or about the same (within ±0.3 points)?",
        "和上一次训练相比，你只改了一个设置：{field}，从 {before} 改成 {after}。"
        "下一次训练的测试准确率会更好、更差，还是差不多（相差在 ±0.3 个百分点以内）？",
    ),
    "predict.train_change.option.worse": ("worse", "更差"),
    "predict.train_change.option.same": ("about the same", "差不多"),
    "predict.train_change.option.better": ("better", "更好"),
    "predict.train_change.caption.worse": (
        "more than 0.3 points lower", "低 0.3 个百分点以上",
    ),
    "predict.train_change.caption.same": (
        "within 0.3 points either way", "上下相差不超过 0.3 个百分点",
    ),
    "predict.train_change.caption.better": (
        "more than 0.3 points higher", "高 0.3 个百分点以上",
    ),
    "predict.train_change.explain": (
        "The test accuracy went from {before} to {after} ({delta} points); within ±{band} points counts "
        "as about the same.",
        "测试准确率从 {before} 变成 {after}（{delta} 个百分点）；相差在 ±{band} 个百分点以内算差不多。",
    ),
}
