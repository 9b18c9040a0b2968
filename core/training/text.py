"""Text of the training page."""

TEXT = {
    "train.title": ("Train LeNet", "训练 LeNet"),
    "train.intro": (
        "Choose how LeNet should learn, press **Train**, and watch it learn MNIST live: the loss falls, "
        "the accuracy climbs, and the first layer's filters take shape. Afterwards, see which digits "
        "it still confuses.",
        "选好 LeNet 的学习方式，点击 **开始训练**，就能实时看着它学习 MNIST：损失下降、准确率上升，"
        "第一层的卷积核也渐渐成形。训练结束后，还能看看它还会把哪些数字认错。",
    ),
    "train.device.cuda": (
        "Training on **{name}**: PyTorch found a CUDA GPU, the fastest option.",
        "训练设备：**{name}**。PyTorch 检测到了 CUDA 显卡，这是最快的选择。",
    ),
    "train.device.mps": (
        "Training on **{name}**: PyTorch found Apple's Metal GPU.",
        "训练设备：**{name}**。PyTorch 检测到了苹果的 Metal 显卡。",
    ),
    "train.device.cpu_threads": (
        "Training on the **CPU** ({threads} threads): PyTorch found no CUDA or Apple GPU here. LeNet "
        "is small, so the CPU still trains it in seconds per epoch.",
        "训练设备：**CPU**（{threads} 个线程）。这台机器上 PyTorch 没有找到 CUDA 或苹果显卡。"
        "好在 LeNet 很小，用 CPU 训练一轮也只要几秒钟。",
    ),
    "train.device.cpu": (
        "Training on the **CPU** ({threads} thread): PyTorch found no CUDA or Apple GPU here.",
        "训练设备：**CPU**（{threads} 个线程）。这台机器上 PyTorch 没有找到 CUDA 或苹果显卡。",
    ),
    "train.settings": ("Settings", "训练设置"),
    "train.preset.classic": ("Classic recipe", "经典配方"),
    "train.preset.classic_help": (
        "The classic PyTorch tutorial's recipe: SGD, learning rate 0.01, momentum 0.9, batch 64, 5 epochs.",
        "经典 PyTorch 教程的配方：SGD，学习率 0.01，动量 0.9，批大小 64，训练 5 轮。",
    ),
    "train.preset.fast": ("Fast recipe", "快速配方"),
    "train.preset.fast_help": (
        "Adam with a one-cycle schedule peaking at {lr:g}, label smoothing {smoothing:g}, batch {batch}, "
        "{epochs} epochs: past the tutorial's best test accuracy (98.89%) and on to about 99%, several "
        "times sooner than the classic recipe.",
        "Adam 配合单周期（one-cycle）学习率策略，峰值 {lr:g}，标签平滑 {smoothing:g}，批大小 {batch}，"
        "训练 {epochs} 轮：测试准确率超过教程的最好成绩（98.89%），最终约 99%，比经典配方快好几倍。",
    ),
    "train.epochs": ("Epochs (passes over the training images)", "训练轮数（把训练图片完整看几遍）"),
    "train.batch_size": ("Batch size (images per update)", "批大小（每次更新用多少张图片）"),
    "train.lr": ("Learning rate (log scale)", "学习率（对数刻度）"),
    "train.momentum": ("Momentum (Adam: β₁)", "动量（Adam 中即 β₁）"),
    "train.optimizer": ("Optimizer", "优化器"),
    "train.optimizer.sgd": ("SGD with momentum", "带动量的 SGD"),
    "train.optimizer.adam": ("Adam", "Adam"),
    "train.schedule": ("Learning-rate schedule", "学习率策略"),
    "train.schedule.constant": ("Constant", "固定不变"),
    "train.schedule.onecycle": ("One-cycle (warm up, then cool down)", "单周期（先升后降）"),
    "train.train_size": ("Training images used", "使用的训练图片数"),
    "train.label_smoothing": ("Label smoothing", "标签平滑"),
    "train.holdout": ("Keep the validation images out", "留出验证集"),
    "train.holdout_help": (
        "Train only on the first 55,000 training images and keep the last 5,000 aside as a validation split. "
        "A class challenge ranks runs on those 5,000, so a challenge run must never have seen them; the test "
        "set stays for the very end.",
        "只用前 55,000 张训练图片训练，把最后 5,000 张留作验证集。班级挑战用这 5,000 张图片给运行排名，"
        "所以参加挑战的运行绝不能见过它们；测试集留到最后才用。",
    ),
    "train.label_smoothing_help": (
        "0 is the plain cross-entropy. With s, the right digit's target is 1 − s + s/10 and every other "
        "digit's s/10, so the model is never pushed to be 100% sure. The curves still show the plain loss.",
        "0 就是普通的交叉熵。设为 s 时，正确数字的目标概率是 1 − s + s/10，其余每个数字是 s/10，"
        "模型就不会被逼着百分之百确定。曲线上画的仍是普通交叉熵损失。",
    ),
    "train.seed": ("Random seed", "随机种子"),
    "train.seed_help": (
        "The same seed and settings give the same starting weights, the same subset and the same "
        "shuffling, so a CPU run can be repeated exactly.",
        "种子和设置都相同时，初始权重、抽取的训练子集和打乱顺序也都相同，所以在 CPU 上可以完全复现一次训练。",
    ),
    "train.start": ("Train", "开始训练"),
    "train.stop": ("Stop", "停止"),
    "train.resume": ("Resume", "继续训练"),
    "train.locked": (
        "The settings are locked while a run is training. Press **Stop** to change them.",
        "训练进行中，设置暂时锁定。点击 **停止** 后才能修改。",
    ),
    "train.explain.header": ("What each piece does", "每个部分在做什么"),
    "train.explain.loss_tab": ("Loss", "损失函数"),
    "train.explain.sgd_tab": ("SGD and momentum", "SGD 与动量"),
    "train.explain.adam_tab": ("Adam", "Adam"),
    "train.explain.test_tab": ("Why a separate test set", "为什么要单独的测试集"),
    "train.explain.loss": (
        "The loss is **cross-entropy**. The network outputs ten raw scores (logits); softmax turns them "
        "into probabilities, $p_k = e^{{z_k}} / \\sum_j e^{{z_j}}$; the loss is $-\\ln p$ of the true "
        "digit. Sure and right costs almost nothing, sure and wrong costs a lot. Here it is worked on test "
        "image {index}, a **{label}**, with the model this app uses now:",
        "损失函数是 **交叉熵**。网络先输出十个原始分数（logits），softmax 把它们变成概率 "
        "$p_k = e^{{z_k}} / \\sum_j e^{{z_j}}$，损失就是正确数字那一项概率的 $-\\ln p$。"
        "有把握又答对，损失几乎为零；有把握却答错，损失就很大。下面用当前模型在第 {index} 张测试图片"
        "（一个 **{label}**）上实际算一遍：",
    ),
    "train.explain.smoothing": (
        "**Label smoothing** (the fast recipe uses 0.1) changes the target: instead of 100% for the true "
        "digit, 91% for it and 1% for each of the other nine. A model that is never asked to be completely "
        "sure keeps learning from digits it already reads right, and reads new ones a little better. The "
        "curves still show the plain cross-entropy, so training and test loss stay comparable.",
        "**标签平滑**（快速配方用 0.1）改变了学习目标：不再要求正确数字的概率是 100%，而是 91%，"
        "其余九个数字各 1%。模型从不被要求百分之百确定，所以对已经认对的数字也还在继续学习，"
        "认没见过的数字也会稍好一些。曲线上画的仍是普通交叉熵，训练损失和测试损失依然可以直接比较。",
    ),
    "train.explain.col.digit": ("digit", "数字"),
    "train.explain.col.logit": ("logit z", "logit 值 z"),
    "train.explain.col.exp": ("e^(z − max z)", "e^(z − max z)"),
    "train.explain.col.prob": ("probability p", "概率 p"),
    "train.explain.loss_result": (
        "Probability of the true digit {label}: p = {p:.4f}, so the loss is −ln p = **{loss:.4f}**. "
        "(Subtracting the largest logit before exp changes nothing but avoids overflow.) An untrained "
        "network gives every digit about 10%, a loss of about ln 10 ≈ 2.30: where every curve below starts.",
        "正确数字 {label} 的概率 p = {p:.4f}，所以损失 −ln p = **{loss:.4f}**。"
        "（取指数前先减去最大的 logit，结果不变，只是为了避免数值溢出。）"
        "未经训练的网络给每个数字的概率都约为 10%，"
        "损失约为 ln 10 ≈ 2.30，下面每条曲线都是从这里出发的。",
    ),
    "train.explain.sgd": (
        "Each batch, backpropagation gives the gradient $g$ of the loss with respect to every weight; "
        "**SGD** steps against it: $w \\leftarrow w - \\eta\\, g$, with $\\eta$ the learning rate. "
        "**Momentum** keeps a running sum of past gradients, $v \\leftarrow \\mu v + g$, and steps by "
        "$w \\leftarrow w - \\eta\\, v$: directions that agree from batch to batch build up speed, noise "
        "that flips sign cancels out. With $\\mu = 0.9$ a step carries roughly the last ten gradients.",
        "每处理一批图片，反向传播都会算出损失对每个权重的梯度 $g$；**SGD** 就沿着梯度的反方向走一步："
        "$w \\leftarrow w - \\eta\\, g$，其中 $\\eta$ 是学习率。**动量** 会把过去的梯度累加起来："
        "$v \\leftarrow \\mu v + g$，再按 $w \\leftarrow w - \\eta\\, v$ 更新。各批次都认同的方向会越走越快，"
        "来回摇摆的噪声则相互抵消。$\\mu = 0.9$ 时，每一步大约综合了最近十次的梯度。",
    ),
    "train.explain.onecycle": (
        "The **one-cycle** schedule starts with a small rate, raises it to the chosen peak over the first "
        "30% of the run, then lowers it almost to zero: big steps while far from a good answer, fine "
        "steps at the end.",
        "**单周期** 策略让学习率从很小开始，在前 30% 的训练中升到设定的峰值，之后再逐渐降到接近零："
        "离好答案还远时迈大步，快到终点时走小步。",
    ),
    "train.explain.adam": (
        "**Adam** keeps, for every weight, a running average of its gradients (like momentum) and of "
        "their squares, and divides the first by the square root of the second, so each weight gets its "
        "own step size. It usually wants a smaller learning rate than SGD, around 0.001.",
        "**Adam** 为每个权重分别记录梯度的滑动平均（类似动量）和梯度平方的滑动平均，"
        "再用前者除以后者的平方根，于是每个权重都有自己的步长。它通常需要比 SGD 更小的学习率，0.001 左右。",
    ),
    "train.explain.test": (
        "The network only ever learns from the 60,000 training images (or the subset you chose). The "
        "10,000 test images are kept apart and only used to measure it: a model can memorise its "
        "training images, and only images it has never seen show whether it learned to read digits.",
        "网络只从 60,000 张训练图片（或你选的子集）中学习。10,000 张测试图片被单独留出，只用来检验："
        "模型有可能把训练图片死记硬背下来，只有它从没见过的图片，才能说明它是否真的学会了认数字。",
    ),
    "train.waiting": (
        "Waiting for another training run on this server to finish… (only {slots} may train at once, so "
        "that each one stays fast). Yours starts automatically.",
        "正在等待本服务器上的另一次训练结束……（同一时间最多只能有 {slots} 次训练，以保证每次都够快）。"
        "轮到你时会自动开始。",
    ),
    "train.progress": (
        "Epoch {epoch}/{epochs} · batch {batch}/{batches} · {speed:,.0f} images/s · about {eta} left",
        "第 {epoch}/{epochs} 轮 · 第 {batch}/{batches} 批 · 每秒 {speed:,.0f} 张图片 · 预计还需 {eta}",
    ),
    "train.progress.starting": ("Starting…", "正在开始……"),
    "train.lost.died": (
        "The process that was training your model stopped unexpectedly (the server may be short of "
        "memory). Your model keeps everything it learned up to epoch {epoch}; press **Resume** to carry "
        "on from there.",
        "负责训练你的模型的进程意外停止了（服务器可能内存不足）。模型保留了到第 {epoch} 轮为止学到的"
        "一切；点击 **继续训练** 即可从那里接着训练。",
    ),
    "train.lost.failed": (
        "Training stopped with an error. Your model keeps everything it learned up to epoch {epoch}; "
        "press **Resume** to try again from there.",
        "训练因出错而停止。模型保留了到第 {epoch} 轮为止学到的一切；点击 **继续训练** 可以从那里再试一次。",
    ),
    "train.progress.paused": (
        "Stopped after {done} of {epochs} epochs. The model keeps everything it learned so far.",
        "已在第 {done} 轮（共 {epochs} 轮）时停止。模型保留了到目前为止学到的一切。",
    ),
    "train.progress.done": (
        "Done: {epochs}/{epochs} epochs in {seconds:.1f} s of training.",
        "已完成 {epochs} 轮训练，共用时 {seconds:.1f} 秒。",
    ),
    "train.seconds": ("{s:.0f} s", "{s:.0f} 秒"),
    "train.resumed": (
        "Continuing your run from epoch {epoch}, batch {batch}: nothing it learned was lost.",
        "从第 {epoch} 轮第 {batch} 批继续训练：之前学到的内容都没有丢失。",
    ),
    "train.chart.header": ("Learning curves", "学习曲线"),
    "train.chart.empty": (
        "Press **Train** and the curves will appear here.",
        "点击 **开始训练**，学习曲线就会出现在这里。",
    ),
    "train.chart.epoch": ("epoch", "轮数（epoch）"),
    "train.chart.loss": ("loss (cross-entropy)", "损失（交叉熵）"),
    "train.chart.accuracy": ("accuracy (%)", "准确率（%）"),
    "train.series.batch": ("batch loss (smoothed)", "批次损失（平滑后）"),
    "train.series.train": ("training set", "训练集"),
    "train.series.test": ("test set", "测试集"),
    "train.series.tutorial_train": ("tutorial: training loss", "教程：训练损失"),
    "train.series.tutorial_test": ("tutorial: test accuracy", "教程：测试准确率"),
    "train.tutorial.toggle": ("Show the tutorial's published run", "显示教程中公布的训练结果"),
    "train.seconds.toggle": ("Draw against seconds of training", "以训练用时（秒）为横轴"),
    "train.seconds.caption": (
        "Against seconds, a recipe that learns more per second overtakes one that only takes more epochs. "
        "The tutorial published no timings, so its run is drawn only against epochs.",
        "按秒数来画，就能看出每秒学得更多的配方如何超过只是多跑了几轮的配方。"
        "教程没有公布训练用时，所以它的曲线只能按轮数来画。",
    ),
    "train.chart.seconds": ("seconds of training", "训练用时（秒）"),
    "train.chart.alt": (
        "Line charts of this run: the training loss batch by batch and the test accuracy after each "
        "epoch; {done} of {epochs} epochs done",
        "本次训练的折线图：逐批的训练损失和每轮结束时的测试准确率；已完成 {epochs} 轮中的 {done} 轮",
    ),
    "train.tutorial.caption": (
        "Dashed grey: the classic tutorial's own run (classic recipe, 5 epochs): its training loss per "
        "epoch and test accuracy after each. It printed no test loss or training accuracy.",
        "灰色虚线：经典教程自己的那次训练（经典配方，5 轮）每轮的训练损失和每轮结束后的测试准确率。"
        "教程没有给出测试损失和训练准确率。",
    ),
    "train.reading.header": ("How to read learning curves", "怎样看懂学习曲线"),
    "train.reading.body": (
        "- **Healthy:** both losses fall and level off together; train and test accuracy stay close. "
        "(In the first epoch the training figures can look worse than the test ones: they are averaged "
        "over an epoch in which the model was still learning, the test ones are measured at its end.)\n"
        "- **Over-fitting:** the training loss keeps falling while the test loss stops falling or rises, "
        "and the gap between training and test accuracy widens: the model is memorising its training "
        "images. Try it with 1,000 training images and 20 epochs.\n"
        "- **Under-fitting:** both losses stay high and accuracy is poor on both sets: too few epochs, "
        "too small a learning rate, or too little data to learn from. Try 1 epoch at learning rate 0.0001.\n"
        "- **Learning rate too large:** the loss jumps around, climbs, or sticks near 2.30 (ln 10, pure "
        "guessing) because each step overshoots. Try SGD at 0.5 with a constant schedule.\n"
        "- The tutorial's own test accuracy dropped in its last epoch (98.89% → 98.24%): at a constant "
        "rate the last steps still jump around, which is one reason schedules lower the rate at the end.",
        "- **健康：** 两条损失曲线一起下降并趋于平稳；训练准确率和测试准确率相差不大。"
        "（第一轮的训练指标可能比测试指标还差：它是对整轮取的平均，而这一轮里模型还在边学边改；"
        "测试指标则是在这一轮结束时才测的。）\n"
        "- **过拟合：** 训练损失还在下降，测试损失却不再下降甚至上升，训练与测试准确率的差距越拉越大："
        "模型在死记训练图片。可以试试只用 1,000 张训练图片训练 20 轮。\n"
        "- **欠拟合：** 两条损失都居高不下，两个数据集上的准确率都不好："
        "训练轮数太少、学习率太小，或者数据太少。"
        "可以试试学习率 0.0001 只训练 1 轮。\n"
        "- **学习率过大：** 损失上蹿下跳、不降反升，或者停在 2.30（ln 10，也就是瞎猜）附近，"
        "因为每一步都迈过了头。"
        "可以试试 SGD、学习率 0.5、固定不变的策略。\n"
        "- 教程自己的测试准确率在最后一轮反而下降了（98.89% → 98.24%）：学习率固定时，最后几步仍在来回摆动，"
        "这也是学习率策略要在结尾降低学习率的原因之一。",
    ),
    "train.filters.header": ("conv1's filters, epoch by epoch", "conv1 的卷积核，逐轮变化"),
    "train.filters.none": (
        "This network has no convolution layer, so it has no filters to watch.",
        "这个网络没有卷积层，所以没有卷积核可看。",
    ),
    "train.architecture": (
        "Network: **{name}** ({parameters} parameters): {layers}. Change it on the "
        "“Design a network” page.",
        "网络：**{name}**（{parameters} 个参数）：{layers}。可以在“设计网络”页面修改它。",
    ),
    "train.filters.body": (
        "Row 0 is the random start; each later row is the filters after that epoch. Red weights are "
        "positive, blue negative: watch noise turn into edge and stroke detectors.",
        "第 0 行是随机初始化的样子，之后每一行是该轮训练结束后的卷积核。红色是正权重，蓝色是负权重："
        "看看杂乱的噪声如何变成检测边缘和笔画的探测器。",
    ),
    "train.filters.epoch": ("epoch", "轮"),
    "train.filters.filter": ("filter", "卷积核"),
    "train.filters.alt": (
        "conv1's {count} filters as small pictures, one row per recorded epoch: {epochs}",
        "conv1 的 {count} 个卷积核画成小图，每行对应一个记录下来的轮次：{epochs}",
    ),
    "train.results.header": ("How the model did", "模型表现如何"),
    "train.results.test_acc": ("Test accuracy", "测试准确率"),
    "train.results.test_loss": ("Test loss", "测试损失"),
    "train.results.errors": ("Test images misread", "认错的测试图片"),
    "train.results.time": ("Training time", "训练用时"),
    "train.results.reached": (
        "Reached the tutorial's best test accuracy ({target:.2f}%) after **{seconds:.1f} s** of training "
        "(epoch {epoch}); final test accuracy **{final:.2f}%**.",
        "训练 **{seconds:.1f} 秒**后（第 {epoch} 轮）就达到了教程的最好测试准确率（{target:.2f}%）；"
        "最终测试准确率 **{final:.2f}%**。",
    ),
    "train.results.not_reached": (
        "Did not reach the tutorial's best test accuracy ({target:.2f}%); "
        "final test accuracy **{final:.2f}%**.",
        "没有达到教程的最好测试准确率（{target:.2f}%）；最终测试准确率 **{final:.2f}%**。",
    ),
    "train.results.active": (
        "This model is now the one the whole app uses (the LeNet, convolution and drawing pages).",
        "现在整个应用（LeNet 结构、卷积、手写识别等页面）用的都是这个模型。",
    ),
    "train.confusion.header": ("Confusion matrix", "混淆矩阵"),
    "train.confusion.body": (
        "Row = the digit written, column = the digit the model said. The grey diagonal holds the right "
        "answers; every orange cell is a kind of mistake. Click a cell, or pick it from the list of "
        "mistakes beside the matrix, to see its images.",
        "行是实际写的数字，列是模型给出的判断。灰色对角线上是答对的；每个橙色格子是一类错误。"
        "点一个格子，或在矩阵旁边的错误列表里选一项，就能看到对应的图片。",
    ),
    "train.confusion.true": ("digit written", "实际数字"),
    "train.confusion.predicted": ("model said", "模型判断"),
    "train.confusion.count": ("images", "图片数"),
    "train.mistakes.pick": ("Mistakes to look at", "查看哪类错误"),
    "train.mistakes.option": ("{true} read as {said} ({count} images)", "{true} 被认成 {said}（{count} 张）"),
    "train.mistakes.none": ("No mistakes at all on the test set.", "测试集上一个都没认错。"),
    "train.mistakes.caption": (
        "test image {index}: {said} ({p_said:.0%}), true {true} ({p_true:.0%})",
        "第 {index} 张测试图片：认成 {said}（{p_said:.0%}），实为 {true}（{p_true:.0%}）",
    ),
    "train.mistakes.alt": (
        "Handwritten {true}, test image {index}, which the model read as {said}",
        "手写数字 {true}，测试图片 {index}，模型把它认成了 {said}",
    ),
    "train.mistakes.more": ("Showing {shown} of {count}.", "显示了 {count} 张中的 {shown} 张。"),
    "train.axis.digit": ("digit", "数字"),
    "train.axis.probability": ("probability", "概率"),
    "train.weights.header": ("Keep your model, or load one", "保存你的模型，或载入一个"),
    "train.weights.body": (
        "Download your model as safetensors (plain numbers plus a little JSON, never executable code) "
        "or as a PyTorch state dict (.pth), the tutorial's own format. Either kind can come back: every "
        "file is checked before use, and a .pth is opened only by PyTorch's restricted loader, which "
        "builds tensors and nothing else, so a file from anyone cannot run code here.",
        "可以把模型下载为 safetensors（只有数字和一小段 JSON，绝不包含可执行代码），"
        "或下载为教程自己用的 PyTorch state dict（.pth）。两种文件都能再上传回来："
        "每个文件载入前都会先检查，.pth 只用 PyTorch 的受限加载器打开，它只会构建张量，"
        "别的什么都不构建，所以别人给的文件也不能在这里运行代码。",
    ),
    "train.download": ("Download this model (.safetensors)", "下载这个模型（.safetensors）"),
    "train.download_pth": ("Download as a PyTorch state dict (.pth)", "下载为 PyTorch state dict（.pth）"),
    "train.download_pth.lenet": (
        "The tutorial's own code loads the .pth unchanged: "
        "`model = LeNet(); model.load_state_dict(torch.load(\"lenet_mnist.pth\"))`.",
        "教程自己的代码可以原样载入这个 .pth："
        "`model = LeNet(); model.load_state_dict(torch.load(\"lenet_mnist.pth\"))`。",
    ),
    "train.download_pth.design": (
        "The .pth holds a state dict of your design ({design}), not of the tutorial's LeNet: the tutorial's "
        "class cannot load it. Build the same layers, named as on the model page, to load it in PyTorch.",
        "这个 .pth 存的是你设计的网络（{design}）的 state dict，不是教程的 LeNet 的，"
        "教程里的类载入不了它。要在 PyTorch 里载入，请按模型页上的名字搭出同样的层。",
    ),
    "train.upload": (
        "Upload weights (.safetensors, or a PyTorch .pt/.pth state dict)",
        "上传权重（.safetensors，或 PyTorch 的 .pt/.pth state dict）",
    ),
    "train.upload.kind.safetensors": ("safetensors", "safetensors 文件"),
    "train.upload.kind.pytorch": ("a PyTorch state dict", "PyTorch state dict"),
    "train.uploaded.lenet": (
        "Loaded {name} ({kind}), recognised as the tutorial's LeNet. {accuracy} The whole app now uses it.",
        "已载入 {name}（{kind}），认出它是教程里的 LeNet。{accuracy}整个应用现在都使用它。",
    ),
    "train.uploaded.preset": (
        "Loaded {name} ({kind}), recognised as the design “{preset}”. {accuracy} "
        "The whole app now uses it.",
        "已载入 {name}（{kind}），认出它是预设网络“{preset}”。{accuracy}整个应用现在都使用它。",
    ),
    "train.uploaded.design": (
        "Loaded {name} ({kind}), a design this app exported: {design}. {accuracy} "
        "The whole app now uses it.",
        "已载入 {name}（{kind}），这是本应用导出的自定义网络：{design}。{accuracy}整个应用现在都使用它。",
    ),
    "train.uploaded.accuracy": (
        "It read {acc}% of the test set right when it was saved.",
        "保存时它在测试集上的准确率为 {acc}%。",
    ),
    "train.uploaded.no_accuracy": (
        "The file does not say how well it reads digits: try it on the sketch page.",
        "文件里没有记下它认数字的准确率：可以到手写页面试试它。",
    ),
    # an upload refused, by CheckpointError problem (others: error.checkpoint_* in core/text.py)
    "train.upload.unknown_format": (
        "That file is neither a safetensors checkpoint nor a PyTorch .pt/.pth file ({detail}).",
        "这个文件既不是 safetensors 权重文件，也不是 PyTorch 的 .pt/.pth 文件（{detail}）。",
    ),
    "train.upload.unknown_network": (
        "That state dict belongs to none of the networks this app can rebuild (the tutorial's LeNet and "
        "the design presets); its tensors: {detail}. A design made in this app comes back from the app's "
        "own download, which records the design.",
        "这个 state dict 不属于本应用能重建的任何网络（教程里的 LeNet 和各个预设网络）；它的张量是："
        "{detail}。在本应用里设计的网络，请上传本应用下载的文件，那里面记着网络的设计。",
    ),
    "train.upload.not_finite": (
        "The weights {detail} hold NaN or infinity: the training that made them diverged (a smaller "
        "learning rate usually helps). Nothing was loaded.",
        "权重 {detail} 里有 NaN 或无穷大：训练出这些权重时发散了（调小学习率通常有用）。什么都没有载入。",
    ),
    "train.upload.tensor_too_large": (
        "That file declares a tensor of {detail} numbers, more than the largest network this app builds "
        "holds in all (2,000,000). It was refused before any of it was read.",
        "这个文件声明了一个有 {detail} 个数的张量，比本应用能搭建的最大网络的全部参数（2,000,000 个）"
        "还多。还没读取任何数据就拒绝了它。",
    ),
    "train.upload.pth_legacy": (
        "That file was saved in PyTorch's old format (before version 1.6), which the app does not open. "
        "Load it in your own PyTorch and save the weights again: "
        "`torch.save(model.state_dict(), \"lenet.pth\")`.",
        "这个文件是用 PyTorch 的旧格式（1.6 版以前）保存的，本应用不打开这种格式。"
        "请在你自己的 PyTorch 里载入它，再重新保存权重：`torch.save(model.state_dict(), \"lenet.pth\")`。",
    ),
    "train.upload.pth_truncated": (
        "That .pth file is cut off or damaged: the directory at the end of its zip is missing ({detail}). "
        "Upload the whole file again.",
        "这个 .pth 文件被截断或损坏了：它末尾的 zip 目录不见了（{detail}）。请重新上传完整的文件。",
    ),
    "train.upload.pth_entry_too_large": (
        "That .pth file declares a part ({detail} bytes) far larger than the weights of any network this "
        "app builds. It was refused before that part was read.",
        "这个 .pth 文件声明其中一部分有 {detail} 字节，远远超过本应用能搭建的任何网络的权重。"
        "还没读取这一部分就拒绝了它。",
    ),
    "train.upload.pth_compressed": (
        "That .pth file has compressed parts ({detail}), which `torch.save` never writes. Save the weights "
        "again with `torch.save(model.state_dict(), \"lenet.pth\")`.",
        "这个 .pth 文件里有压缩过的部分（{detail}），而 `torch.save` 从不压缩。"
        "请用 `torch.save(model.state_dict(), \"lenet.pth\")` 重新保存权重。",
    ),
    "train.upload.pth_torchscript": (
        "That is a TorchScript archive (`torch.jit.save`), which holds code as well as weights. Upload the "
        "state dict instead: `torch.save(model.state_dict(), \"lenet.pth\")`.",
        "这是一个 TorchScript 存档（`torch.jit.save`），里面除了权重还有代码。"
        "请改为上传 state dict：`torch.save(model.state_dict(), \"lenet.pth\")`。",
    ),
    "train.upload.pth_code": (
        "That file would run a program as it is opened (it calls `{detail}`). The app refused it without "
        "running anything. Weights need no code: `torch.save(model.state_dict(), \"lenet.pth\")` saves "
        "only the numbers.",
        "这个文件一打开就会运行程序（它调用了 `{detail}`）。本应用拒绝了它，什么都没有运行。"
        "权重不需要代码：`torch.save(model.state_dict(), \"lenet.pth\")` 只保存数字。",
    ),
    "train.upload.pth_pickled_model": (
        "That file holds the whole pickled model (`{detail}`), not only its weights: opening it would mean "
        "running the model's code from the file, so the app does not. Save the state dict instead: "
        "`torch.save(model.state_dict(), \"lenet.pth\")`.",
        "这个文件存的是用 pickle 保存的整个模型（`{detail}`），而不只是权重：打开它就得运行文件里的"
        "模型代码，所以本应用不打开它。"
        "请改为保存 state dict：`torch.save(model.state_dict(), \"lenet.pth\")`。",
    ),
    "train.upload.pth_objects": (
        "That file holds Python objects other than tensors (`{detail}`), which PyTorch's restricted loader "
        "does not build. Save only the state dict: `torch.save(model.state_dict(), \"lenet.pth\")`.",
        "这个文件里有张量以外的 Python 对象（`{detail}`），PyTorch 的受限加载器不会构建它们。"
        "请只保存 state dict：`torch.save(model.state_dict(), \"lenet.pth\")`。",
    ),
    "train.upload.pth_not_state_dict": (
        "That file holds something other than a state dict (a dict from layer names to tensors): "
        "{detail}. If it is a training checkpoint, save the model's part alone: "
        "`torch.save(model.state_dict(), \"lenet.pth\")`.",
        "这个文件里存的不是 state dict（从层的名字到张量的字典），而是：{detail}。"
        "如果它是训练时的检查点，请只保存模型那部分：`torch.save(model.state_dict(), \"lenet.pth\")`。",
    ),
    "train.upload.pth_unreadable": (
        "PyTorch's restricted loader could not read that .pth file ({detail}). Save the weights again with "
        "`torch.save(model.state_dict(), \"lenet.pth\")`.",
        "PyTorch 的受限加载器读不了这个 .pth 文件（{detail}）。"
        "请用 `torch.save(model.state_dict(), \"lenet.pth\")` 重新保存权重。",
    ),
    "train.use_pretrained": ("Go back to the pretrained model", "改回预训练模型"),
    "train.using_pretrained": (
        "The app uses the pretrained model ({acc}% test accuracy).",
        "当前应用使用的是预训练模型（测试准确率 {acc}%）。",
    ),
    "train.using_session": (
        "The app uses your own model ({acc}% test accuracy).",
        "当前应用使用的是你自己的模型（测试准确率 {acc}%）。",
    ),
}
