"""Text of the sketch page's second half: the learner's own digits and fine-tuning on them."""

TEXT = {
    # keeping a digit
    "collect.label": ("This digit is a…", "这个数字其实是…"),
    "collect.label_help": (
        "The network's reading is picked for you; change it if the network got it wrong.",
        "已经替你选好了网络认出的数字；如果它认错了，请改成正确的。",
    ),
    "collect.keep": ("Keep this digit", "收下这个数字"),
    "collect.kept": ("Kept as a {digit}: {count} digits in your collection.",
                     "已作为 {digit} 收下：你的收藏里现在有 {count} 个数字。"),
    "collect.full": ("Your collection is full ({limit} digits). Delete some to keep more.",
                     "收藏已满（{limit} 个数字）。删掉一些才能继续收。"),
    # the collection
    "collect.header": ("Your own digits", "你自己的数字"),
    "collect.intro": (
        "Keep the digits you draw, with the right answer, and you build a small dataset of your "
        "own handwriting. Then see how well the network reads you, and teach it.",
        "把你写的数字连同正确答案收下来，就攒成了一个属于你自己笔迹的小数据集。然后看看网络认你的字"
        "认得怎么样，再教教它。",
    ),
    "collect.reload_warning": (
        "Your collection is kept in your workspace on this server: a refresh or a new tab keeps it "
        "(“Your work” says for how long). Download it to keep a copy of your own.",
        "收藏保存在这台服务器上你的工作区里：刷新或打开新标签页都不会丢（保存多久见“我的作品”）。"
        "想自己留一份就下载。",
    ),
    "collect.empty": (
        "No digits yet. Draw one above, check its label and press “Keep this digit”.",
        "还没有数字。在上面写一个，确认它的标签，然后点“收下这个数字”。",
    ),
    "collect.count": ("{count} digits, up to {limit}", "共 {count} 个数字，最多 {limit} 个"),
    "collect.group": ("{digit} — {count}", "{digit} — {count} 个"),
    "collect.delete": ("Delete this one", "删除这一个"),
    "collect.kept_alt": ("Your handwritten {digit}, kept", "你写的数字 {digit}（已保存）"),
    # how well it reads you
    "collect.score_header": ("How well does it read you?", "它认你的字认得怎么样？"),
    "collect.score": (
        "The active model reads **{right} of your {total}** digits right ({accuracy:.0%}).",
        "当前模型认对了你的 **{total} 个数字中的 {right} 个**（{accuracy:.0%}）。",
    ),
    "collect.col_digit": ("Digit", "数字"),
    "collect.col_count": ("Kept", "数量"),
    "collect.col_right": ("Read right", "认对"),
    "collect.col_accuracy": ("Accuracy", "准确率"),
    "collect.misread_header": ("The ones it misread", "认错的那些"),
    "collect.misread": ("you: {label} · it: {said}", "你：{label} · 它：{said}"),
    "collect.misread_alt": (
        "Your handwritten {label}, which the model reads as {said}",
        "你写的数字 {label}，模型把它认成了 {said}",
    ),
    "collect.none_misread": ("It read every one of them right.", "每一个它都认对了。"),
    # files
    "collect.download": ("Download the collection (.npz)", "下载收藏（.npz）"),
    "collect.download_sheet": ("Download a contact sheet (.png)", "下载缩略图总览（.png）"),
    "collect.upload": ("Upload a collection (.npz)", "上传收藏（.npz）"),
    "collect.upload_help": (
        "A file downloaded from this page: uint8 images [N, 28, 28] and labels 0–9, at most "
        "500 digits and 5 MB. Its digits are added to the ones you have.",
        "从本页下载的文件：uint8 图像 [N, 28, 28] 和 0–9 的标签，最多 500 个数字、5 MB。"
        "文件里的数字会加到你现有的收藏里。",
    ),
    "collect.uploaded": ("Added {count} digits from the file.", "已从文件中加入 {count} 个数字。"),
    "collect.error.too_big": (
        "That file is {detail} MB; a collection file may be at most 5 MB. Nothing was changed.",
        "这个文件有 {detail} MB，收藏文件最大 5 MB。收藏没有任何改动。",
    ),
    "collect.error.not_npz": (
        "That is not an .npz file (a NumPy archive). Upload a file downloaded from this page. "
        "Nothing was changed.",
        "这不是 .npz 文件（NumPy 压缩包）。请上传从本页下载的文件。收藏没有任何改动。",
    ),
    "collect.error.pickled": (
        "That file holds pickled Python objects, which could run code when opened, so it is "
        "refused. Nothing was changed.",
        "这个文件里有用 pickle 保存的 Python 对象，打开时可能执行代码，所以拒绝读取。收藏没有任何改动。",
    ),
    "collect.error.missing": (
        "The file has no {detail} array; it needs both “images” and “labels”. Nothing was changed.",
        "文件里缺少 {detail} 数组，需要同时有 “images” 和 “labels”。收藏没有任何改动。",
    ),
    "collect.error.shape": (
        "The arrays have the wrong shapes ({detail}): images must be [N, 28, 28] and labels [N]. "
        "Nothing was changed.",
        "数组形状不对（{detail}）：images 应为 [N, 28, 28]，labels 应为 [N]。收藏没有任何改动。",
    ),
    "collect.error.dtype": (
        "The arrays have the wrong types ({detail}): images must be uint8 and labels whole "
        "numbers. Nothing was changed.",
        "数组类型不对（{detail}）：images 应为 uint8，labels 应为整数。收藏没有任何改动。",
    ),
    "collect.error.labels": (
        "Some labels are not digits 0–9 (they run {detail}). Nothing was changed.",
        "有些标签不是 0–9 的数字（范围是 {detail}）。收藏没有任何改动。",
    ),
    "collect.error.too_many": (
        "That would make {detail} digits; a collection holds at most 500. Nothing was changed.",
        "这样会有 {detail} 个数字，而收藏最多只能有 500 个。收藏没有任何改动。",
    ),
    # fine-tuning
    "finetune.header": ("Teach it your handwriting", "教它认你的字"),
    "finetune.intro": (
        "Fine-tuning trains the active model a little more on your digits, each one "
        "turned, shifted, resized and thickened at random every time it is shown. One digit in "
        "five ({held} of yours, at least one of each digit where possible) is held back and never "
        "trained on: it tells whether the model learned your handwriting, not just your drawings.",
        "微调就是用你的数字把当前模型再训练一小会儿；每次给它看一个数字时，都会随机旋转、平移、缩放"
        "或加粗。每五个数字留出一个（你的数字里共留出 {held} 个，尽量每个数字至少一个），从不用来训练："
        "用它们来检验模型学会的是你的笔迹，而不只是记住了你写的那几张。",
    ),
    "finetune.too_few": (
        "Keep at least {minimum} digits first (you have {count}).",
        "请先收下至少 {minimum} 个数字（现在有 {count} 个）。",
    ),
    "finetune.mix": ("Mix in MNIST training images", "混入 MNIST 训练图片"),
    "finetune.mix_help": (
        "On: three quarters of every batch are MNIST digits, so the model keeps what it knew.",
        "打开时：每一批里有四分之三是 MNIST 数字，这样模型不会丢掉原来学会的东西。",
    ),
    "finetune.forgetting": (
        "Turn the mixing off and watch the MNIST accuracy fall: a network trained only on new "
        "examples moves its weights wherever those examples pull them, and nothing pulls them back "
        "towards what the old task needed. This is called catastrophic forgetting; mixing old "
        "examples into every batch is the simplest cure.",
        "关掉混入，看看 MNIST 准确率怎样下降：只用新样本训练时，权重会被新样本拉向它们需要的地方，"
        "却没有任何东西把它们拉回旧任务需要的位置。这叫“灾难性遗忘”；在每一批里混入旧样本是最简单的解药。",
    ),
    "finetune.start": ("Teach it my handwriting", "教它认我的字"),
    "finetune.in_worker": (
        "Fine-tuning runs in a training worker process beside the server, on the CPU.",
        "微调在服务器旁边的训练工作进程里、用 CPU 运行。",
    ),
    "finetune.progress": ("Fine-tuning: step {step} of {steps}", "正在微调：第 {step} / {steps} 步"),
    "finetune.done": ("Done in {seconds:.1f} s. The fine-tuned model is now the active model on every page.",
                      "用时 {seconds:.1f} 秒完成。微调后的模型现在是所有页面上的当前模型。"),
    "finetune.loss_axis": ("Loss", "损失"),
    "finetune.loss_alt": (
        "Line chart of the fine-tuning loss every five steps, up to step {step}: now {loss}",
        "折线图：微调时每五步记录一次的损失，画到第 {step} 步，当前为 {loss}",
    ),
    "finetune.step_axis": ("Step", "步数"),
    "finetune.personal": ("Your held-back digits", "你留出的数字"),
    "finetune.mnist": ("MNIST test images", "MNIST 测试图片"),
    "finetune.download": ("Download the fine-tuned model (.safetensors)", "下载微调后的模型（.safetensors）"),
}
