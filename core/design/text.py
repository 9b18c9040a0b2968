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
    # ---- presets ----
    "design.preset.lenet": ("LeNet (this app's tutorial)", "LeNet（本应用教程版）"),
    "design.preset.lenet5_1998": (
        "LeNet-5 (1998: tanh, average pooling)", "LeNet-5（1998 年原版：tanh、平均池化）",
    ),
    "design.preset.mlp": ("Multi-layer perceptron 784-128-10", "多层感知机 784-128-10"),
    "design.preset.tiny": ("Tiny: one convolution", "迷你网络：只有一个卷积层"),
    "design.preset.wide_lenet": ("Wide LeNet", "加宽的 LeNet"),
    "design.custom": ("your own design", "你自己设计的网络"),
}
