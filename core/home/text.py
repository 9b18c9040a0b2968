"""Text of the home page."""

TEXT = {
    "home.title": ("How a neural network learns", "神经网络是如何学习的"),
    "home.intro": (
        "Watch one neuron learn, slide a filter over a digit, train a real network on MNIST, "
        "then draw a digit for it to read.",
        "看一个神经元如何学习，把卷积核滑过一个数字，在 MNIST 上训练一个真正的网络，"
        "再亲手写一个数字让它来认。",
    ),
    # 1. layers
    "home.layers.header": ("What is a neural network?", "什么是神经网络？"),
    "home.layers.body": (
        "A neural network is a chain of simple calculators, called neurons, arranged in layers. "
        "The **input layer** holds the data itself: for a 28 × 28 picture of a digit that is "
        "784 numbers, one per pixel. Each neuron in a **hidden layer** looks at every number "
        "of the layer before it and passes one number on. The **output layer** has one neuron "
        "per answer, here the ten digits 0 to 9; the biggest output is the network's guess.",
        "神经网络是由许多简单的“计算单元”——**神经元**——按层串起来的。"
        "**输入层**装的就是数据本身：一张 28 × 28 的数字图片有 784 个像素，也就是 784 个数。"
        "**隐藏层**里的每个神经元都会看前一层的全部数字，再算出一个新数字往后传。"
        "**输出层**每个神经元对应一个答案，这里就是 0 到 9 这十个数字；输出最大的那个，就是网络的判断。",
    ),
    "home.layers.input": ("Input layer", "输入层"),
    "home.layers.hidden": ("Hidden layer", "隐藏层"),
    "home.layers.output": ("Output layer", "输出层"),
    "home.layers.weight": ("weight", "权重"),
    "home.layers.caption": (
        "Every line is a weight: blue ones are positive, red ones negative, and the stronger the "
        "colour the larger the weight. Hover over a line to read it. These weights are random, "
        "which is how every network starts: training is what makes them useful. "
        "Only a few of the 784 inputs are drawn.",
        "每条连线都是一个**权重**：蓝色为正，红色为负，颜色越深，数值越大。把鼠标移到连线上可以看到具体数值。"
        "这里的权重是随机的——每个网络一开始都是这样，正是训练让它们变得有用。784 个输入只画出了其中几个。",
    ),
    # 2. one neuron
    "home.neuron.header": ("Inside one neuron", "一个神经元里发生了什么"),
    "home.neuron.body": (
        "A neuron does two small things. First it takes a **weighted sum**: it multiplies each "
        "input by its own weight, adds the products up, and adds a **bias**. Then it passes the "
        "sum through an **activation function**, a fixed curve that bends the straight line. "
        "Without that bend, a stack of layers would be no more powerful than a single one.",
        "一个神经元只做两件小事。第一步是**加权求和**：把每个输入乘以各自的权重，全部加起来，"
        "再加上一个**偏置**。第二步是把这个和送进**激活函数**——一条固定的曲线，让结果不再是简单的直线关系。"
        "如果没有这一步“弯曲”，叠多少层都和只有一层差不多。",
    ),
    "home.neuron.inputs": ("Inputs", "输入"),
    "home.neuron.cell": ("Neuron", "神经元"),
    "home.neuron.try": (
        "Try it: the inputs are fixed at x₁ = {x1}, x₂ = {x2}, x₃ = {x3}. Move the weights and the "
        "bias and watch the sum and the output change.",
        "动手试试：输入固定为 x₁ = {x1}、x₂ = {x2}、x₃ = {x3}。拖动权重和偏置，看看加权和与输出怎么变化。",
    ),
    "home.neuron.weight": ("Weight w{i}", "权重 w{i}"),
    "home.neuron.bias": ("Bias b", "偏置 b"),
    "home.neuron.activation": ("Activation function", "激活函数"),
    "home.neuron.relu": ("ReLU: max(0, z)", "ReLU：max(0, z)"),
    "home.neuron.sigmoid": ("Sigmoid: 1 / (1 + e⁻ᶻ)", "Sigmoid：1 / (1 + e⁻ᶻ)"),
    "home.neuron.sum": ("Weighted sum z", "加权和 z"),
    "home.neuron.out": ("Output a = f(z)", "输出 a = f(z)"),
    "home.layers.chart_alt": (
        "Diagram of a network with three layers: 784 inputs (six drawn), six hidden neurons and ten "
        "outputs, one per digit 0 to 9; every neuron is joined to every neuron of the next layer by a "
        "line coloured by its random weight",
        "网络示意图，共三层：784 个输入（画出其中 6 个）、6 个隐藏神经元和 10 个输出"
        "（每个对应 0 到 9 中的一个数字）；每个神经元都用一条线连到下一层的每个神经元，"
        "线的颜色表示它的随机权重",
    ),
    "home.neuron.chart_alt": (
        "Diagram of one neuron: inputs x₁, x₂, x₃ joined to it by lines coloured by their weights "
        "w₁ = {w1}, w₂ = {w2}, w₃ = {w3}",
        "单个神经元示意图：输入 x₁、x₂、x₃ 通过三条线连到神经元，"
        "线的颜色表示权重 w₁ = {w1}、w₂ = {w2}、w₃ = {w3}",
    ),
    # 3. training
    "home.training.header": ("What does training mean?", "“训练”是什么意思？"),
    "home.training.body": (
        "A new network's weights are random, so its guesses are random too. Training repeats "
        "four steps on small batches of examples, thousands of times:",
        "刚创建的网络，权重是随机的，所以它的猜测也是乱猜。训练就是在一小批一小批的样本上，"
        "把下面四步重复成千上万次：",
    ),
    "home.training.forward": ("1. Forward pass", "1. 前向传播"),
    "home.training.forward_body": (
        "Feed a batch of images in, layer by layer, and read the network's guesses at the output.",
        "把一批图片送进网络，一层一层往前算，在输出层得到网络的猜测。",
    ),
    "home.training.loss": ("2. Loss", "2. 计算损失"),
    "home.training.loss_body": (
        "Compare the guesses with the true labels. The loss is one number that is large when "
        "the network is wrong and small when it is right.",
        "把猜测和真实标签对比。**损失**是一个数：猜错时大，猜对时小。",
    ),
    "home.training.backward": ("3. Backward pass", "3. 反向传播"),
    "home.training.backward_body": (
        "Work backwards from the loss to find, for every weight, which way to nudge it to make "
        "the loss smaller: its gradient.",
        "从损失出发往回推，算出每个权重该往哪个方向调、才能让损失变小，这就是它的**梯度**。",
    ),
    "home.training.update": ("4. Update", "4. 更新参数"),
    "home.training.update_body": (
        "Move every weight a small step against its gradient. The step size is the learning rate η.",
        "让每个权重沿着梯度的反方向挪一小步，步子的大小叫作**学习率** η。",
    ),
    "home.training.rule": (
        "One update, for every weight w:",
        "每一次更新，对每个权重 w：",
    ),
    "home.training.after": (
        "One pass over all the training images is an **epoch**. After a few epochs the random "
        "weights have become ones that read handwriting.",
        "把全部训练图片过一遍叫作一个 **epoch（轮）**。"
        "几轮之后，原本随机的权重就变成了能认出手写数字的权重。",
    ),
    # 4. learning path
    "home.path.header": ("The learning path", "学习路线"),
    "home.path.body": (
        "Each page builds on the one before. Follow them in order, or jump to what interests you.",
        "每一页都建立在前一页之上。可以按顺序学，也可以直接跳到你感兴趣的部分。",
    ),
    "home.path.dataset": (
        "Meet the 70,000 handwritten digits the network learns from.",
        "认识网络要学习的 70,000 个手写数字。",
    ),
    "home.path.neuron": (
        "Watch a single neuron find its weight and bias by gradient descent, step by step.",
        "一步一步看一个神经元如何用梯度下降找到自己的权重和偏置。",
    ),
    "home.path.convolution": (
        "Slide small filters over an image to find edges and strokes, then shrink it by pooling.",
        "让小小的卷积核在图片上滑动，找出边缘和笔画，再用池化把图片缩小。",
    ),
    "home.path.model": (
        "Open up LeNet: its layers, their shapes, and what each one sees in a digit.",
        "拆开 LeNet 看看：有哪些层、每层的形状，以及每层从数字里看到了什么。",
    ),
    "home.path.design": (
        "Change LeNet, or build a network of your own, and see its shapes and size before you train it.",
        "修改 LeNet，或者搭一个你自己的网络，在训练之前就看清它的形状和规模。",
    ),
    "home.path.train": (
        "Train LeNet yourself and watch the loss fall and the accuracy climb.",
        "亲手训练 LeNet，看着损失下降、准确率上升。",
    ),
    "home.path.experiments": (
        "Keep every run, lay their curves side by side, replay one epoch by epoch, and share a recipe.",
        "保留每一次训练，把曲线放在一起比较，逐轮回放，还能分享你的配方。",
    ),
    "home.path.sketch": (
        "Draw a digit and see what the trained network thinks it is.",
        "写一个数字，看看训练好的网络认为它是几。",
    ),
}
