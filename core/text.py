"""Text shared by the whole app: navigation, sidebar, errors."""

TEXT = {
    "nav.home": ("What is a neural network?", "什么是神经网络？"),
    "nav.dataset": ("The MNIST dataset", "MNIST 数据集"),
    "nav.neuron": ("One neuron learns", "一个神经元的学习"),
    "nav.convolution": ("Convolution", "卷积"),
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
        "Model in use: your own, from this session ({acc}% test accuracy)",
        "当前模型：你的模型（本次会话中训练或上传，测试准确率 {acc}%）",
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
