"""Text of the sketch page: draw a digit and watch the network read it."""

TEXT = {
    "sketch.title": ("Draw a digit", "手写一个数字"),
    "sketch.intro": (
        "Draw a digit from 0 to 9 in the black square and the trained network reads it as you draw. "
        "Below, see how your drawing is turned into an MNIST-style picture, what the network "
        "looks at, and how easily it can be fooled.",
        "在黑色方框里写一个 0 到 9 的数字，训练好的网络会边看边认。往下还能看到：你的笔迹是怎样"
        "变成 MNIST 风格的图片的，网络在看哪里，以及它有多容易被“骗”。",
    ),
    "sketch.model_pretrained": (
        "Reading with the pretrained LeNet ({acc}% right on the 10,000 MNIST test images).",
        "使用的模型：预训练的 LeNet（在 10,000 张 MNIST 测试图片上的准确率为 {acc}%）。",
    ),
    "sketch.model_session": (
        "Reading with your own model, trained or uploaded in this session ({acc}% right on the "
        "MNIST test images).",
        "使用的模型：你在本次会话中训练或上传的模型（在 MNIST 测试图片上的准确率为 {acc}%）。",
    ),
    # where the digit comes from
    "sketch.source": ("Where the digit comes from", "数字从哪里来"),
    "sketch.source.draw": ("Draw it", "自己写"),
    "sketch.source.upload": ("Upload a photo", "上传照片"),
    "sketch.source.mnist": ("An MNIST test image", "MNIST 测试图片"),
    # drawing
    "sketch.stroke_width": ("Pen width", "笔的粗细"),
    "sketch.stroke_help": (
        "How thick the pen is on the canvas, in screen pixels. Thin or thick, the drawing is "
        "rescaled to MNIST's size, and very thin strokes are thickened first.",
        "画布上笔触的粗细（屏幕像素）。不论粗细，画好后都会缩放到 MNIST 的大小；特别细的笔画会先被加粗。",
    ),
    "sketch.clear": ("Clear the canvas", "清空画布"),
    "sketch.canvas_tip": (
        "Write one digit, big, roughly in the middle. The toolbar above the square can undo a stroke.",
        "写一个数字，写大一点，大致放在中间。方框上方的工具栏可以撤销上一笔。",
    ),
    "sketch.empty": (
        "The square is empty. Draw a digit with your mouse or finger and the network will read it.",
        "方框里还是空的。用鼠标或手指写一个数字，网络就会开始认。",
    ),
    # uploading
    "sketch.upload_label": ("A photo or scan of one handwritten digit (PNG or JPEG)",
                            "一张只写了一个数字的照片或扫描件（PNG 或 JPEG）"),
    "sketch.upload_help": (
        "Dark ink on light paper is inverted automatically. A photo straight from a phone is fine "
        "(a JPEG up to 120 megapixels, a PNG up to 20); crop it close to the digit for the best result.",
        "白纸黑字会自动反色。手机直接拍的照片就可以（JPEG 最多 1.2 亿像素，PNG 最多 2000 万像素）；"
        "把照片裁剪到只剩这个数字，效果最好。",
    ),
    "sketch.upload_invite": (
        "Upload a picture of a digit written on paper to see what the network makes of it.",
        "上传一张纸上手写数字的图片，看看网络会把它认成什么。",
    ),
    "sketch.upload_error.not_image": (
        "That file is not an image we can read. Please upload a PNG or JPEG picture.",
        "无法把这个文件当作图片读取。请上传 PNG 或 JPEG 格式的图片。",
    ),
    "sketch.upload_error.format": (
        "That picture is a {detail} file; please upload a PNG or JPEG instead.",
        "这张图片是 {detail} 格式的，请换成 PNG 或 JPEG。",
    ),
    "sketch.upload_error.truncated": (
        "That picture is incomplete (the file seems cut off). Please upload it again.",
        "这张图片不完整（文件好像被截断了）。请重新上传。",
    ),
    "sketch.upload_error.too_large": (
        "That picture is too large ({detail}): a JPEG may have up to 120 megapixels, more than a phone's "
        "normal photo or its 48-50 MP mode. Please shrink or crop it and try again.",
        "这张图片太大了（{detail}）：JPEG 最多 1.2 亿像素，已经超过手机的普通照片和 4800 万至 5000 万像素的"
        "高像素模式。请缩小或裁剪后再试。",
    ),
    "sketch.upload_error.png_too_large": (
        "That PNG is too large ({detail}): a PNG may have up to 20 megapixels, because it has to be read in "
        "full, while a JPEG is read at reduced size. Save it as a JPEG, or shrink or crop it.",
        "这张 PNG 太大了（{detail}）：PNG 最多 2000 万像素，因为它必须完整解码，"
        "而 JPEG 可以按缩小的尺寸读取。请另存为 JPEG，或缩小、裁剪后再试。",
    ),
    "sketch.upload_error.heic": (
        "That is an HEIC photo, the iPhone camera's own format, which this app cannot read. Browsers "
        "usually turn it into a JPEG on upload; this one arrived as it is (perhaps from the Files app or a "
        "computer). Pick it from the Photos library in the browser instead, or export it as JPEG (on a Mac, "
        "Preview: File > Export), or set the iPhone to save JPEG: Settings > Camera > Formats > Most "
        "Compatible.",
        "这是一张 HEIC 照片，也就是 iPhone 相机自己的格式，本应用读不了。浏览器上传时通常会把它转成 JPEG，"
        "这一张却原样传了上来（可能来自“文件”App 或电脑）。请在浏览器里改从“照片”图库选择它，"
        "或把它导出为 JPEG（在 Mac 上用“预览”：文件 > 导出），或让 iPhone 直接存 JPEG："
        "设置 > 相机 > 格式 > 兼容性最佳。",
    ),
    "sketch.upload_blank": (
        "No digit found in that picture: it looks like blank paper. Try a photo with darker ink "
        "or better light.",
        "在这张图片里没有找到数字，看起来是一张白纸。试试笔迹更深或光线更好的照片。",
    ),
    # MNIST test images
    "sketch.mnist_index": ("Test image number", "测试图片编号"),
    "sketch.mnist_random": ("Another one", "换一张"),
    "sketch.upload_alt": ("Your photo, turned into light ink on black", "你的照片，转换成黑底上的浅色笔迹"),
    "sketch.canvas_keyboard": (
        "No mouse or touch screen? Choose “{mnist}” above: a test image is picked with the keyboard alone.",
        "没有鼠标或触摸屏？在上面选择“{mnist}”：只用键盘就能挑一张测试图片。",
    ),
    "sketch.mnist_label": (
        "This image is labelled **{label}** in MNIST.", "这张图片在 MNIST 中的标签是 **{label}**。"
    ),
    # the reading
    "sketch.prediction": ("The network reads", "网络认为是"),
    "sketch.prediction_help": (
        "The digit with the highest probability among the network's ten outputs.",
        "网络的十个输出中概率最高的那个数字。",
    ),
    "sketch.confidence": ("Confidence", "把握"),
    "sketch.confidence_help": (
        "The probability the network gives its answer (the softmax of its output).",
        "网络给这个答案的概率（输出层经过 softmax 之后的值）。",
    ),
    "sketch.unsure": (
        "The network is not sure: no digit gets even half of the probability. Try writing it "
        "bigger, more centred, or more like a printed digit.",
        "网络拿不准：没有哪个数字的概率超过一半。试着写大一点、居中一点，或者更工整一点。",
    ),
    "sketch.probabilities": ("Probability of each digit", "每个数字的概率"),
    "sketch.axis_digit": ("Digit", "数字"),
    "sketch.axis_probability": ("Probability", "概率"),
    # preprocessing
    "sketch.steps_header": ("From your drawing to the network's input", "从你的笔迹到网络的输入"),
    "sketch.steps_intro": (
        "The network was trained on MNIST, where every digit was prepared the same way. Your "
        "drawing goes through the same steps, so it looks like what the network has seen. "
        "When it reads your digit wrong, look here first.",
        "网络是在 MNIST 上训练的，MNIST 里的每个数字都经过同样的处理。你的笔迹也会走一遍同样的步骤，"
        "这样它看起来才像网络见过的样子。如果网络认错了，先来这里找原因。",
    ),
    "sketch.step_drawing": ("1. Your drawing", "1. 你的笔迹"),
    "sketch.step_crop": ("2. Cropped to the ink", "2. 裁掉空白"),
    "sketch.step_fit": ("3. Scaled into a 20 × 20 box", "3. 缩放进 20 × 20 的框"),
    "sketch.step_centre": ("4. Centred in 28 × 28", "4. 放进 28 × 28 并居中"),
    "sketch.step_input": ("5. Normalised input", "5. 标准化后的输入"),
    "sketch.step_drawing_alt": (
        "The digit as it came in, light ink on black", "原样的数字，黑底上的浅色笔迹",
    ),
    "sketch.step_crop_alt": ("The digit cropped to its ink", "裁掉空白后的数字"),
    "sketch.step_fit_alt": (
        "The digit scaled into a 20 × 20 box, drawn as a grey frame",
        "缩放进 20 × 20 框内的数字，灰色边框就是这个框",
    ),
    "sketch.step_centre_alt": (
        "The digit in a 28 × 28 image, its centre of mass in the middle",
        "放进 28 × 28 图片的数字，质心位于正中",
    ),
    "sketch.step_input_alt": (
        "Heat map of the 28 × 28 normalised input: background −0.42, full ink 2.82",
        "热力图：28 × 28 的标准化输入，背景为 −0.42，最浓的笔迹为 2.82",
    ),
    "sketch.steps_explained": (
        "**2.** Empty space is cut away. **3.** The longer side is scaled to 20 pixels and the "
        "other keeps its proportion (the grey frame is the 20 × 20 box); shrinking averages "
        "pixels, which gives the soft grey edges MNIST digits have. **4.** The digit is placed "
        "in a 28 × 28 image and moved so its centre of mass sits in the middle. **5.** Every "
        "pixel becomes (pixel − {mean}) ÷ {std}, the mean and spread of MNIST's training pixels: "
        "the background becomes −0.42 and full ink 2.82. Hover over it to read the numbers.",
        "**2.** 去掉周围的空白。**3.** 把较长的一边缩放到 20 像素，另一边按比例缩放（灰色边框就是"
        " 20 × 20 的框）；缩小时相邻像素会被平均，于是出现 MNIST 数字那样柔和的灰色边缘。"
        "**4.** 把数字放进 28 × 28 的图片，并移动到让它的质心正好落在中心。**5.** 每个像素变成"
        "（像素 − {mean}）÷ {std}，这两个数是 MNIST 训练集像素的均值和标准差：背景变成 −0.42，"
        "最浓的笔迹变成 2.82。把鼠标移到图上可以看到具体数值。",
    ),
    "sketch.thickened": (
        "Your strokes were thinner than MNIST's pen, so they were thickened by {pixels} canvas "
        "pixels before shrinking.",
        "你的笔画比 MNIST 的笔迹细，所以在缩小之前先加粗了 {pixels} 个画布像素。",
    ),
    # the network's view
    "sketch.view_header": ("What the network sees", "网络看到了什么"),
    "sketch.no_conv": (
        "The active network has no convolution layer, so there are no feature maps to show; the "
        "saliency map on the right still shows which pixels its answer depends on.",
        "当前的网络没有卷积层，所以没有特征图可看；右边的显著性图仍然能显示它的答案取决于哪些像素。",
    ),
    "sketch.conv1": (
        "**conv1**: the 6 feature maps of the first convolution layer (24 × 24). Each filter "
        "lights up where it finds its pattern: an edge, a stroke in one direction.",
        "**conv1**：第一层卷积输出的 6 张特征图（24 × 24）。每个卷积核在找到自己擅长的图案"
        "（某种边缘、某个方向的笔画）的地方变亮。",
    ),
    "sketch.conv2": (
        "**conv2**: the 16 feature maps of the second convolution layer (8 × 8), built from "
        "conv1's maps after pooling: larger pieces, such as corners and curves.",
        "**conv2**：第二层卷积输出的 16 张特征图（8 × 8），由池化后的 conv1 特征图组合而成，"
        "对应更大的局部形状，比如拐角和弧线。",
    ),
    "sketch.conv1_alt": (
        "The {count} conv1 feature maps of this digit, bright where a filter finds its pattern",
        "这个数字的 {count} 张 conv1 特征图，卷积核找到自己的图案的地方较亮",
    ),
    "sketch.conv2_alt": (
        "The {count} conv2 feature maps of this digit, bright where a filter finds its pattern",
        "这个数字的 {count} 张 conv2 特征图，卷积核找到自己的图案的地方较亮",
    ),
    "sketch.saliency_alt": (
        "Saliency map for the score of {digit}: bright where a small change of ink would change it most",
        "“{digit}”得分的显著性图：在越亮的地方稍改笔迹，得分变化越大",
    ),
    "sketch.maps_scale": ("Bright = strong response, dark = none.", "越亮表示响应越强，黑色表示没有响应。"),
    "sketch.saliency": (
        "**Saliency**: where the network is looking. Each pixel shows how strongly a small "
        "change there would change the score of **{digit}**; the brightest pixels matter most.",
        "**显著性图**：网络在看哪里。每个像素表示：在这里稍微改动一点笔迹，对“**{digit}**”的得分"
        "影响有多大；越亮的地方越关键。",
    ),
    # robustness
    "sketch.robust_header": ("How robust is the reading?", "网络认得有多稳？"),
    "sketch.robust_intro": (
        "Turn, move, resize, thicken or thin your digit, or sprinkle noise on it, and watch "
        "whether the network still reads it.",
        "把你的数字旋转、平移、缩放、加粗或变细，或者撒上一些噪点，看看网络还认不认得出来。",
    ),
    "sketch.angle": ("Rotate (degrees)", "旋转（度）"),
    "sketch.shift_x": ("Move right (pixels)", "向右移动（像素）"),
    "sketch.shift_y": ("Move down (pixels)", "向下移动（像素）"),
    "sketch.scale": ("Scale", "缩放"),
    "sketch.thickness": ("Thicker (+) or thinner (−), pixels", "加粗（+）或变细（−），像素"),
    "sketch.noise": ("Noise", "噪声"),
    "sketch.reset_changes": ("Undo all changes", "恢复原样"),
    "sketch.changed_digit": ("Changed digit", "变换后的数字"),
    "sketch.changed_alt": (
        "The changed digit: turned {angle}°, moved {x} right and {y} down, scaled {scale} times",
        "变换后的数字：旋转 {angle}°，向右移动 {x}、向下移动 {y}，缩放 {scale} 倍",
    ),
    "sketch.sweep_alt": (
        "Line chart of the probability of {digit} as the digit turns from {low}° to {high}°, with a mark "
        "at the current {angle}°",
        "折线图：数字从 {low}° 转到 {high}° 时 {digit} 的概率，并标出当前的 {angle}°",
    ),
    "sketch.changed_reading": (
        "Now read as **{digit}** with {confidence:.0%} confidence.",
        "现在被认成 **{digit}**，把握为 {confidence:.0%}。",
    ),
    "sketch.sweep_title": ("Confidence in {digit} as the digit turns", "旋转时对 {digit} 的把握"),
    "sketch.axis_angle": ("Rotation (degrees)", "旋转角度（度）"),
    "sketch.axis_confidence": ("Probability of {digit}", "{digit} 的概率"),
    "sketch.sweep_note": (
        "MNIST digits are all written upright. The shipped network also saw them turned up to 20° "
        "either way while it trained, so small turns barely matter; beyond that its confidence "
        "usually falls as the angle grows.",
        "MNIST 里的数字都是正着写的。预训练网络在训练时还见过向左右最多旋转 20° 的数字，所以小角度"
        "几乎没有影响；再往外转，它的把握通常就越来越低。",
    ),
}
