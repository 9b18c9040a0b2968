"""Text of the dataset page."""

TEXT = {
    "dataset.title": ("The MNIST dataset", "MNIST 数据集"),
    "dataset.intro": (
        "MNIST holds 70,000 handwritten digits, written by American high-school students and "
        "Census Bureau staff, each centred in a 28 × 28 grayscale picture. 60,000 of them are "
        "for **training**: the network learns from these. The other 10,000 are the **test** set, "
        "kept apart to check how well it reads digits it has never seen.",
        "MNIST 收录了 70,000 个手写数字，出自美国高中生和人口普查局工作人员之手，每个数字都居中放在一张"
        " 28 × 28 的灰度图里。其中 60,000 张是**训练集**，网络就从它们身上学习；另外 10,000 张是**测试集**，"
        "专门留出来，检验网络认不认得从没见过的数字。",
    ),
    "dataset.split.train": ("Training set", "训练集"),
    "dataset.split.test": ("Test set", "测试集"),
    "dataset.split.train_in_text": ("training set", "训练集"),  # inside a sentence
    "dataset.split.test_in_text": ("test set", "测试集"),
    # the classic figure
    "dataset.classic.header": ("A first look", "先看一眼"),
    "dataset.classic.caption": (
        "The first 21 training images with their labels in red, and the first 7 test images "
        "with their labels in green. The label is the answer a person wrote down for each picture.",
        "上面三行是训练集的前 21 张图片，红色数字是它们的标签；最下面一行是测试集的前 7 张，标签为绿色。"
        "标签就是人工为每张图标注的正确答案。",
    ),
    # browse a digit
    "dataset.browse.header": ("Browse one digit", "按数字浏览"),
    "dataset.browse.body": (
        "Pick a digit to see a random handful of its images. The same digit comes in many "
        "shapes, slants and thicknesses: that variety is what the network has to learn.",
        "选一个数字，随机看看它的几张图片。同一个数字，有的胖有的瘦，有的歪有的正——"
        "网络要学会的，正是应对这些千变万化。",
    ),
    "dataset.browse.split": ("Images from", "图片来自"),
    "dataset.browse.digit": ("Digit", "数字"),
    "dataset.browse.resample": ("New random sample", "换一批"),
    "dataset.browse.caption": (
        "{n} of the {total:,} images of {digit} in the {split}. The number under each is its index.",
        "{split}中数字 {digit} 共有 {total:,} 张，这里随机展示 {n} 张。图片下方是它的编号。",
    ),
    # jump to an index
    "dataset.lookup.header": ("Look up one image", "查看某一张图片"),
    "dataset.lookup.index": ("Index (0 to {last:,})", "编号（0 到 {last:,}）"),
    "dataset.lookup.bad_index": (
        "“{text}” is not an index of the {split}: enter a whole number from 0 to {last:,}. "
        "Still showing image {shown:,}.",
        "“{text}” 不是{split}中的有效编号：请输入 0 到 {last:,} 之间的整数。下面仍显示第 {shown:,} 张。",
    ),
    "dataset.lookup.label": (
        "Image {index:,} of the {split}: label **{label}**", "{split}第 {index:,} 张：标签为 **{label}**",
    ),
    "dataset.lookup.pixels": (
        "The computer does not see a picture, only 784 numbers from 0 (black) to 255 (white). "
        "Hover over the grid to read each pixel's value.",
        "计算机看到的并不是一幅画，而是 784 个数：0 代表黑，255 代表白。"
        "把鼠标移到右边的方格上，就能看到每个像素的值。",
    ),
    # counts
    "dataset.counts.header": ("How many of each digit?", "每个数字各有多少张？"),
    "dataset.counts.body": (
        "The classes are roughly balanced: every digit has between {low:,} and {high:,} training "
        "images, so the network cannot score well by always guessing the most common one.",
        "各个类别的数量大致均衡：训练集里每个数字都有 {low:,} 到 {high:,} 张，"
        "所以网络没法靠总猜最常见的数字来蒙混过关。",
    ),
    "dataset.counts.digit": ("Digit", "数字"),
    "dataset.counts.count": ("Number of images", "图片数量"),
    # statistics and normalisation
    "dataset.stats.header": ("Pixel statistics and normalisation", "像素统计与归一化"),
    "dataset.stats.body": (
        "Scale every pixel of the 60,000 training images to the range 0 to 1 and you can measure "
        "their average and their spread. These two numbers, computed just now from the data, are "
        "the famous MNIST constants:",
        "把 60,000 张训练图片的每个像素都缩放到 0 到 1 之间，就能算出它们的平均值和离散程度。"
        "下面这两个数是刚刚从数据中算出来的，也就是著名的 MNIST 常数：",
    ),
    "dataset.stats.mean": ("Mean", "均值"),
    "dataset.stats.std": ("Standard deviation", "标准差"),
    "dataset.stats.normalise": (
        "Before an image goes into the network, every pixel is **normalised**: shifted by the mean "
        "and divided by the standard deviation. The background becomes a small negative number, "
        "the ink a positive one, and the whole dataset ends up with mean 0 and standard deviation 1, "
        "a range in which training runs smoothly.",
        "图片送进网络之前，每个像素都要先**归一化**：减去均值，再除以标准差。这样背景变成一个小小的负数，"
        "笔画变成正数，整个数据集的均值变为 0、标准差变为 1——在这个范围里，训练会进行得更顺利。",
    ),
    "dataset.stats.before": ("Image {index:,}, pixels in [0, 1]", "第 {index:,} 张，像素在 [0, 1] 之间"),
    "dataset.stats.after": ("The same image, normalised", "同一张图，归一化之后"),
    "dataset.stats.heatmaps": (
        "This is the image you looked up above. Hover to compare a pixel before and after: "
        "black 0 becomes {black:.4f}, white 1 becomes {white:.4f}.",
        "这是你在上面查看的那张图。把鼠标移上去，对比同一个像素归一化前后的值：黑色 0 变成 {black:.4f}，"
        "白色 1 变成 {white:.4f}。",
    ),
    "dataset.stats.hist_before": ("All training pixels, before", "全部训练像素：归一化之前"),
    "dataset.stats.hist_after": ("All training pixels, after", "全部训练像素：归一化之后"),
    "dataset.stats.brightness": ("Pixel value", "像素值"),
    "dataset.stats.pixels": ("Number of pixels (log scale)", "像素个数（对数刻度）"),
    "dataset.stats.mean_marker": ("Mean", "均值"),
    "dataset.stats.hist_caption": (
        "Normalising does not change the shape of the histogram, only the axis under it: the mean "
        "(dashed line) moves from {mean:.4f} to 0. Most pixels are background, which is why the "
        "counts are drawn on a log scale.",
        "归一化并不改变直方图的形状，只是挪动并缩放了横轴：均值（虚线）从 {mean:.4f} 移到了 0。"
        "绝大多数像素都是背景，所以纵轴用了对数刻度。",
    ),
    # mean images
    "dataset.means.header": ("The average of each digit", "每个数字的“平均长相”"),
    "dataset.means.body": (
        "Average all the training images of one digit, pixel by pixel, and a blurry ghost of that "
        "digit appears. A network does much more than compare with these averages, but they show "
        "how much each digit's shape is shared by its writers.",
        "把同一个数字的所有训练图片逐像素取平均，就会浮现出这个数字模糊的“影子”。"
        "网络做的远不止和这些平均图比一比，但它们能让你看出，不同的人写同一个数字时有多少共同之处。",
    ),
    # shuffled batch
    "dataset.batch.header": ("A shuffled batch of {n}", "一个打乱后的批次（{n} 张）"),
    "dataset.batch.body": (
        "Training does not look at the images in order. Each epoch shuffles them and feeds the "
        "network {n} at a time, so every batch is a mix of all the digits. Here is one such batch; "
        "the number under each image is its label.",
        "训练时并不按顺序看图片。每一轮都会先把它们打乱，再每次取 {n} 张送进网络，"
        "所以每个批次里各种数字都有。下面就是这样的一个批次，每张图下方是它的标签。",
    ),
    "dataset.batch.reshuffle": ("Shuffle again", "重新打乱"),
    "dataset.batch.counts": ("This batch holds: {counts}", "这个批次里有：{counts}"),
    # text alternatives of the pictures and charts (a screen reader reads them instead)
    "dataset.classic.alt": (
        "Grid of handwritten digits, 4 rows of 7, each titled with its label: the first 21 training "
        "images ({train}) above the first 7 test images ({test})",
        "手写数字网格，4 行 7 列，每张上方标着它的标签："
        "训练集前 21 张（{train}），下面是测试集前 7 张（{test}）",
    ),
    "dataset.lookup.grid_alt": (
        "The 28 × 28 pixel values of {split} image {index:,}, from 0 (black) to 255 (white), as a grid "
        "of numbers",
        "{split}第 {index:,} 张图片的 28 × 28 个像素值，以数字网格显示，从 0（黑）到 255（白）",
    ),
    "dataset.counts.alt": (
        "Two bar charts of how many images of each digit 0 to 9 the training set and the test set "
        "hold: {low:,} to {high:,} per digit in training, {test_low:,} to {test_high:,} in test",
        "两个条形图：训练集和测试集中 0 到 9 每个数字各有多少张图片；"
        "训练集每个数字 {low:,} 到 {high:,} 张，测试集 {test_low:,} 到 {test_high:,} 张",
    ),
    "dataset.stats.before_alt": (
        "Heat map of image {index:,}'s pixels scaled to 0 to 1: black background, light ink",
        "热力图：第 {index:,} 张图片缩放到 0 到 1 之间的像素，背景为黑，笔迹为浅色",
    ),
    "dataset.stats.after_alt": (
        "Heat map of the same pixels normalised: the background {black:.2f}, full ink {white:.2f}",
        "热力图：归一化后的同一批像素，背景为 {black:.2f}，最浓的笔迹为 {white:.2f}",
    ),
    "dataset.stats.hist_alt": (
        "Histogram of every training pixel's value, from {low:.2f} to {high:.2f}, counts on a log scale; "
        "most pixels are background; a dashed line marks the mean, {mean:.4f}",
        "直方图：全部训练像素的取值，从 {low:.2f} 到 {high:.2f}，纵轴为对数刻度；"
        "绝大多数像素是背景；虚线标出均值 {mean:.4f}",
    ),
    "dataset.means.alt": (
        "The average of every training image of {digit}: a blurry {digit}",
        "数字 {digit} 全部训练图片的平均：一个模糊的 {digit}",
    ),
    "dataset.batch.alt": (
        "Handwritten {label}, number {n} in the batch", "手写数字 {label}，批次中的第 {n} 张",
    ),
}
