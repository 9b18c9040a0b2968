"""Text of the experiments page (the experiment bench) and of its notices on the training page."""

TEXT = {
    "experiments.title": ("Experiments", "实验台"),
    "experiments.intro": (
        "Every run you train in this session is kept here, finished or stopped. Select runs in the table "
        "to lay their curves over each other, pick two to see in words what the change did, replay any run "
        "epoch by epoch, branch from any epoch with changes, and take a run's code away.",
        "本次会话里训练过的每一次运行都保存在这里，无论是训练完的还是中途停下的。在表格中选中几次运行，"
        "它们的曲线会叠在一起；选中两次，会用文字告诉你改动带来了什么；还可以逐轮回放任意一次运行、"
        "从任意一轮带着改动接着训练，或者把这次运行的代码带走。",
    ),
    "experiments.same_start": (
        "**Same start, same run:** a run with the same seed starts from the same weights and sees the "
        "images in the same order, so training the same recipe twice gives the same curves (on the same "
        "device). Change only the seed to see how much luck is in a result.",
        "**同样的起点，同样的结果：** 随机种子相同，初始权重和图片的打乱顺序就相同，所以同一个配方训练两次，"
        "曲线完全一样（在同一台设备上）。只改随机种子，就能看出一个结果里有多少运气成分。",
    ),
    "experiments.empty": (
        "No runs yet. Train one on the training page: it will appear here.",
        "还没有运行记录。先去训练页面训练一次，它就会出现在这里。",
    ),
    "experiments.go_train": ("Go to the training page", "去训练页面"),
    "experiments.cap": (
        "At most {cap} runs are kept (about {mb:.1f} MB each for their weights at every epoch); when a new "
        "run would not fit, the oldest unpinned one is dropped. Pin a run to keep it.",
        "最多保留 {cap} 次运行（每次运行要保存每一轮的权重，约占 {mb:.1f} MB）；放不下新运行时，"
        "会删掉最早的一次未固定的运行。固定一次运行就能一直保留它。",
    ),
    "experiments.dropped": (
        "Only {cap} runs are kept: run #{id} ({name}) was dropped to make room. Pin the runs you want "
        "to keep.",
        "最多只保留 {cap} 次运行：为了腾出位置，删掉了运行 #{id}（{name}）。想保留的运行请固定。",
    ),
    "experiments.not_kept": (
        "All {cap} kept runs are pinned, so this run was not kept. Unpin one on the experiments page.",
        "保留的 {cap} 次运行全部已固定，所以这次运行没有保存。请在实验台页面取消固定一次运行。",
    ),
    "experiments.classic": ("classic recipe", "经典配方"),
    "experiments.name.lr": ("lr {value}", "学习率 {value}"),
    "experiments.name.batch_size": ("batch {value}", "批大小 {value}"),
    "experiments.name.epochs": ("epochs {value}", "{value} 轮"),
    "experiments.name.train_size": ("{value} images", "{value} 张图"),
    "experiments.name.momentum": ("momentum {value}", "动量 {value}"),
    "experiments.name.seed": ("seed {value}", "种子 {value}"),
    "experiments.name.label_smoothing": ("smoothing {value}", "标签平滑 {value}"),
    "experiments.name.holdout": ("validation held out", "留出验证集"),
    "experiments.name.optimizer.sgd": ("SGD", "SGD"),
    "experiments.name.optimizer.adam": ("Adam", "Adam"),
    "experiments.name.schedule.constant": ("constant rate", "固定学习率"),
    "experiments.name.schedule.onecycle": ("one-cycle", "单周期"),
    "experiments.table.header": ("Your runs", "你的运行记录"),
    "experiments.table.help": (
        "Click a column's header to sort; tick rows to select runs.",
        "点击列标题可以排序；勾选行来选中运行。",
    ),
    "experiments.col.run": ("Run", "运行"),
    "experiments.col.name": ("Name", "名称"),
    "experiments.col.family": ("Branched from", "分支自"),
    "experiments.col.status": ("Status", "状态"),
    "experiments.col.final": ("Test accuracy %", "测试准确率 %"),
    "experiments.col.best": ("Best %", "最佳 %"),
    "experiments.col.best_epoch": ("Best at epoch", "最佳轮次"),
    "experiments.col.time": ("Time (s)", "用时（秒）"),
    "experiments.col.speed": ("Images/s", "图片/秒"),
    "experiments.col.pinned": ("Pinned", "已固定"),
    "experiments.col.device": ("Device", "设备"),
    "experiments.col.architecture": ("Architecture", "网络结构"),
    "experiments.family": ("#{id} at epoch {epoch}", "#{id} 第 {epoch} 轮"),
    "experiments.status.done": ("finished", "已完成"),
    "experiments.status.stopped": ("stopped", "已停止"),
    "experiments.status.running": ("training", "训练中"),  # a stopped run resumed on the training page
    "experiments.select_some": (
        "Select one run or more in the table to draw its curves.",
        "在表格中选中一次或多次运行，就能画出它们的曲线。",
    ),
    "experiments.chart.header": ("Curves side by side", "曲线对比"),
    "experiments.chart.loss": ("training loss", "训练损失"),
    "experiments.chart.accuracy": ("test accuracy (%)", "测试准确率（%）"),
    "experiments.chart.epoch": ("epoch", "轮次"),
    "experiments.chart.run": ("run", "运行"),
    "experiments.chart.alt": (
        "Line charts of the training loss and the test accuracy, epoch by epoch, of the {count} runs "
        "chosen: {runs}",
        "折线图：所选 {count} 次运行逐轮的训练损失和测试准确率：{runs}",
    ),
    "experiments.chart.tutorial": ("Show the tutorial's published run", "显示教程公布的结果"),
    "experiments.chart.tutorial_label": ("the tutorial (published)", "教程（公布值）"),
    "experiments.chart.tutorial_caption": (
        "Dashed grey: the classic PyTorch tutorial's own printed run (SGD, lr 0.01, 5 epochs).",
        "灰色虚线：经典 PyTorch 教程自己打印出的结果（SGD，学习率 0.01，5 轮）。",
    ),
    "experiments.diff.header": ("What changed, and what it did", "改了什么，带来了什么"),
    "experiments.diff.same": (
        "Runs {a} and {b} have the same recipe.",
        "运行 {a} 和 {b} 的配方完全相同。",
    ),
    "experiments.diff.only": (
        "From {a} to {b}, only {change} differs.",
        "从 {a} 到 {b}，只改了{change}。",
    ),
    "experiments.diff.several": (
        "From {a} to {b}, {count} settings differ: {changes}.",
        "从 {a} 到 {b}，有 {count} 项设置不同：{changes}。",
    ),
    "experiments.diff.change": ("{field}: {before} → {after}", "{field}：{before} → {after}"),
    "experiments.diff.same_seed": (
        "Same seed and recipe: the same start, so the same curves (on the same device).",
        "种子和配方都相同：同样的起点，所以曲线也相同（在同一台设备上）。",
    ),
    "experiments.effect.acc": (
        "test accuracy {before:.1f}% → {after:.1f}%",
        "测试准确率 {before:.1f}% → {after:.1f}%",
    ),
    "experiments.effect.acc_same": (
        "test accuracy about the same ({before:.2f}% and {after:.2f}%)",
        "测试准确率基本不变（{before:.2f}% 和 {after:.2f}%）",
    ),
    "experiments.effect.oscillates": (
        "{run}'s training loss goes back up at epoch {epoch}: the steps overshoot",
        "{run} 的训练损失在第 {epoch} 轮回升：步子迈得太大了",
    ),
    "experiments.effect.diverged": (
        "{run}'s training loss stays near or above chance: it learned nothing (the steps are far too large)",
        "{run} 的训练损失停在随机猜测的水平甚至更高：它什么都没学会（步子大得离谱）",
    ),
    "experiments.effect.overfits": (
        "{run}'s test loss rises from epoch {epoch} while its training loss falls: it starts to memorise",
        "{run} 的测试损失从第 {epoch} 轮开始上升，而训练损失还在下降：它开始死记硬背了",
    ),
    "experiments.effect.time": (
        "time {before:.1f} s → {after:.1f} s",
        "用时 {before:.1f} 秒 → {after:.1f} 秒",
    ),
    "experiments.field.lr": ("the learning rate", "学习率"),
    "experiments.field.optimizer": ("the optimizer", "优化器"),
    "experiments.field.batch_size": ("the batch size", "批大小"),
    "experiments.field.epochs": ("the number of epochs", "训练轮数"),
    "experiments.field.train_size": ("the training subset", "训练子集大小"),
    "experiments.field.momentum": ("the momentum", "动量"),
    "experiments.field.schedule": ("the schedule", "学习率调度"),
    "experiments.field.seed": ("the seed", "随机种子"),
    "experiments.field.label_smoothing": ("the label smoothing", "标签平滑"),
    "experiments.field.holdout": ("holding out the validation images", "是否留出验证集"),
    "experiments.field.architecture": ("the architecture", "网络结构"),
    "experiments.field.device": ("the device", "设备"),
    "experiments.run.header": ("Run {label}", "运行 {label}"),
    "experiments.run.pick": ("Look closer at", "仔细看看"),
    "experiments.rename": ("Name", "名称"),
    "experiments.rename_help": ("Leave empty for the automatic name.", "留空则使用自动生成的名称。"),
    "experiments.pin": ("Pin (never dropped)", "固定（不会被删掉）"),
    "experiments.remove": ("Delete this run", "删除这次运行"),
    "experiments.replay.header": ("Replay epoch by epoch", "逐轮回放"),
    "experiments.replay.epoch": ("Epoch (0 = before training)", "轮次（0 = 训练前）"),
    "experiments.replay.filters": (
        "conv1's filters at epoch {epoch}",
        "第 {epoch} 轮时 conv1 的卷积核",
    ),
    "experiments.replay.filters_key": (
        "Red: positive weights, blue: negative, white: near zero.",
        "红色：正权重；蓝色：负权重；白色：接近零。",
    ),
    "experiments.replay.filters_alt": (
        "conv1's filters at epoch {epoch}, drawn as small pictures",
        "第 {epoch} 轮时 conv1 的卷积核，画成小图",
    ),
    "experiments.replay.confusion": ("Confusion matrix at epoch {epoch}", "第 {epoch} 轮时的混淆矩阵"),
    "experiments.replay.no_confusion": (
        "Before training there is no confusion matrix: the model only guesses.",
        "训练之前还没有混淆矩阵：模型只是在瞎猜。",
    ),
    "experiments.replay.digit": ("What it says at epoch {epoch}", "第 {epoch} 轮时它的判断"),
    "experiments.replay.sketch": ("your last drawn digit", "你最后画的数字"),
    "experiments.replay.test_digit": ("test image", "测试图片"),
    "experiments.replay.source": ("Digit", "数字来源"),
    "experiments.replay.index": ("Test image number", "测试图片编号"),
    "experiments.replay.says": (
        "It reads **{digit}** ({p:.0%} sure).",
        "它认为是 **{digit}**（把握 {p:.0%}）。",
    ),
    "experiments.use": ("Use this epoch's model everywhere", "在整个应用中使用这一轮的模型"),
    "experiments.used": (
        "Run {label} at epoch {epoch} is now the model every page uses.",
        "现在所有页面都使用运行 {label} 第 {epoch} 轮的模型。",
    ),
    "experiments.branch.header": ("Train again from an epoch, with changes", "从某一轮带着改动接着训练"),
    "experiments.branch.body": (
        "The new run starts from this run's weights and optimizer state at the epoch you pick, under the "
        "recipe below, and its curve continues from there. Change nothing and it repeats the original run "
        "bit for bit.",
        "新的运行会从这次运行在所选轮次时的权重和优化器状态出发，按下面的配方接着训练，"
        "曲线也从那里接着画。什么都不改的话，它会一比特不差地重现原来的运行。",
    ),
    "experiments.branch.from": ("From the end of epoch", "从这一轮结束时开始"),
    "experiments.branch.epochs": ("Epochs in all", "总轮数"),
    "experiments.branch.start": ("Train the branch", "训练这个分支"),
    "experiments.branch.busy": (
        "A run is training on the training page: stop it first.",
        "训练页面上还有一次运行在训练：请先停止它。",
    ),
    "experiments.branch.none": (
        "This run finished no epoch, so there is nothing to branch from.",
        "这次运行一轮都没有完成，所以无法从中分支。",
    ),
    "experiments.export.header": ("Take it away", "带走"),
    "experiments.export.table": ("Runs table (CSV)", "运行记录表（CSV）"),
    "experiments.export.curves": ("This run's curves (CSV)", "这次运行的曲线（CSV）"),
    "experiments.export.weights": (
        "Weights at epoch {epoch} (safetensors)",
        "第 {epoch} 轮的权重（safetensors）",
    ),
    "experiments.export.code": ("The code for this run", "这次运行的代码"),
    "experiments.export.code_body": (
        "A plain PyTorch script in the tutorial's style that trains this recipe from scratch "
        "(`--limit 1000` trains on fewer images for a quick try).",
        "一个教程风格的纯 PyTorch 脚本，从头按这个配方训练（加上 `--limit 1000` 只用少量图片快速试一试）。",
    ),
    "experiments.export.code_download": ("Download the script", "下载脚本"),
    "experiments.export.code_branch": (
        "This run is a branch: the script trains its recipe from scratch, without its parent's first epochs.",
        "这次运行是一个分支：脚本会从头按它的配方训练，不包含它父运行的前几轮。",
    ),
    "experiments.url.bad": (
        "The link's setting {name}={value} is not valid here, so the default ({default}) is used.",
        "链接中的设置 {name}={value} 在这里无效，已改用默认值（{default}）。",
    ),
}
