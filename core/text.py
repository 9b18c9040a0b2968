"""Text shared by the whole app: navigation, sidebar, errors."""

TEXT = {
    "common.yes": ("yes", "是"),
    "common.no": ("no", "否"),
    "nav.home": ("What is a neural network?", "什么是神经网络？"),
    "nav.dataset": ("The MNIST dataset", "MNIST 数据集"),
    "nav.neuron": ("One neuron learns", "一个神经元的学习"),
    "nav.convolution": ("Convolution", "卷积"),
    "nav.backprop": ("Backpropagation", "反向传播"),
    "nav.model": ("Inside LeNet", "LeNet 的结构"),
    "nav.design": ("Design a network", "设计网络"),
    "nav.train": ("Train LeNet", "训练 LeNet"),
    "nav.experiments": ("Experiments", "实验台"),
    "nav.sketch": ("Draw a digit", "手写数字识别"),
    "sidebar.device": ("Training device: **{name}**", "训练设备：**{name}**"),
    "sidebar.model_pretrained": (
        "Model in use: pretrained LeNet ({acc}% test accuracy)",
        "当前模型：预训练 LeNet（测试准确率 {acc}%）",
    ),
    "sidebar.model_session": (
        "Model in use: your own, trained, fine-tuned or uploaded ({acc}% test accuracy)",
        "当前模型：你自己的模型（训练、微调或上传的，测试准确率 {acc}%）",
    ),
    "sidebar.reduce_motion": ("Reduce motion", "减少动画"),
    "sidebar.reduce_motion_help": (
        "Nothing moves on its own: the neuron's and the convolution's animations become step buttons.",
        "页面上的东西不会自己动：神经元和卷积的动画改成一步一步的按钮。",
    ),
    # text alternatives shared by several pages (the image's alt, a chart's accessible name)
    "alt.test_digit": ("Handwritten {label}, test image {index}", "手写数字 {label}，测试图片 {index}"),
    "alt.train_digit": ("Handwritten {label}, training image {index}", "手写数字 {label}，训练图片 {index}"),
    "alt.sketch_digit": (
        "Your drawing, as the network sees it (28 × 28 pixels)", "你写的数字，网络看到的样子（28 × 28 像素）",
    ),
    "alt.probabilities": (
        "Bar chart of the probability the model gives each digit 0 to 9: highest {digit}, at {p:.0%}",
        "条形图：模型给 0 到 9 每个数字的概率，最高的是 {digit}，为 {p:.0%}",
    ),
    "alt.confusion": (
        "Confusion matrix, 10 × 10: rows are the digit written, columns the digit the model said; "
        "no test image misread",
        "混淆矩阵，10 × 10：行是实际写的数字，列是模型给出的判断；没有认错的测试图片",
    ),
    "alt.confusion_errors": (
        "Confusion matrix, 10 × 10: rows are the digit written, columns the digit the model said; "
        "{errors:,} of {total:,} test images misread, most often {true} read as {said} ({count:,} times)",
        "混淆矩阵，10 × 10：行是实际写的数字，列是模型给出的判断；"
        "{total:,} 张测试图片中认错了 {errors:,} 张，最常见的是把 {true} 认成 {said}（{count:,} 次）",
    ),
    "error.data_missing": (
        "The MNIST file **{file}** is missing from `{folder}`. Restore it with "
        "`git checkout -- data/mnist/`, or set `MNIST_DIR` to a folder holding the four MNIST files.",
        "MNIST 数据文件 **{file}** 不在 `{folder}` 中。请用 `git checkout -- data/mnist/` 恢复，"
        "或把环境变量 `MNIST_DIR` 设为存放四个 MNIST 文件的文件夹。",
    ),
    "error.data_corrupt": (
        "The MNIST file **{file}** in `{folder}` is damaged (its checksum does not match). Restore it "
        "with `git checkout -- data/mnist/`, or set `MNIST_DIR` to a folder with intact files.",
        "`{folder}` 中的 MNIST 数据文件 **{file}** 已损坏（校验和不符）。请用 "
        "`git checkout -- data/mnist/` 恢复，或把 `MNIST_DIR` 设为存放完好文件的文件夹。",
    ),
    "error.checkpoint_missing": (
        "The model weights file is missing ({detail}). Restore it with `git checkout -- assets/` "
        "or rebuild it with `make weights`.",
        "模型权重文件不存在（{detail}）。请用 `git checkout -- assets/` 恢复，"
        "或运行 `make weights` 重新生成。",
    ),
    "error.checkpoint_too_large": (
        "That file is too large to be the weights of a network this app can build ({detail}).",
        "这个文件太大了，不可能是本应用能搭建的网络的权重（{detail}）。",
    ),
    "error.checkpoint_design": (
        "That checkpoint describes a network this app will not build: {detail}",
        "这个权重文件描述的网络本应用不能搭建：{detail}",
    ),
    "error.checkpoint_unreadable": (
        "That file is not a readable safetensors checkpoint.",
        "这个文件不是可读取的 safetensors 权重文件。",
    ),
    "error.checkpoint_mismatch": (
        "Those weights do not fit the network they claim to belong to: {detail}",
        "这些权重与它声称所属的网络结构不符：{detail}",
    ),
    "error.unexpected": (
        "Something went wrong on this page. Your settings are kept: try again, or reload the page.",
        "页面出了点问题。你的设置都还在：请再试一次，或刷新页面。",
    ),
}
