"""Text of the concept check (two forms of ten questions, before and after the lessons): the page, the
home page's offer, the class's summary, and every question and option (`check.q.<id>[.<option>]`)."""

TEXT: dict[str, tuple[str, str]] = {
    "nav.check": ("Concept check", "概念自测"),
    "check.title": ("Concept check", "概念自测"),
    "check.intro": (
        "Ten questions on six ideas the lessons teach. Take form A before the lessons and form B after "
        "them: the two forms ask about the same ideas with different questions, so you can see, idea by "
        "idea, what changed. Your answers stay in your workspace; in a class, your teacher sees only the "
        "whole class's figures, never your answers.",
        "十道题，考的是课程里讲的六个概念。学习之前做 A 卷，学完之后做 B 卷：两份卷考同样的概念，但题目不同，"
        "这样你就能逐个概念看到自己的变化。"
        "你的答案只保存在你自己的工作区里；如果你在班级中，老师只能看到全班的"
        "统计，看不到你的答案。"),
    "check.form.A.header": ("Form A · before the lessons", "A 卷 · 学习之前"),
    "check.form.A.body": (
        "Answer from what you know now; a guess is fine. There is no time limit, and each question has "
        "one best answer.",
        "凭你现在知道的来答，猜也没关系。不限时间，每道题只有一个最佳答案。"),
    "check.form.B.header": ("Form B · after the lessons", "B 卷 · 学完之后"),
    "check.form.B.body": (
        "The same six ideas as form A, with new questions. Take it once you have been through the lessons.",
        "和 A 卷考的是同样六个概念，只是题目换了。学完课程之后再来做。"),
    "check.submit": ("Submit my answers", "提交答案"),
    "check.unanswered": (
        "Not answered yet: question {numbers}. Pick one answer for each, then submit again; the answers "
        "you gave are still there.",
        "还有题目没有作答：第 {numbers} 题。每道题选一个答案后再提交；你已经选好的答案都还在。"),
    "check.list_separator": (", ", "、"),
    "check.result.A.header": ("Your result in form A", "你的 A 卷成绩"),
    "check.result.total": ("{right} of {total} right.", "共 {total} 题，答对 {right} 题。"),
    "check.result.A.next": (
        "Now follow the lessons; the ones that teach what you missed are linked below. Then come back "
        "for form B.",
        "接下来去学习课程吧，讲到你答错的概念的课程都列在下面。学完之后再回来做 B 卷。"),
    "check.result.both.header": ("Before → after", "学习前 → 学习后"),
    "check.result.both.total": (
        "Form A: {before} of {total} right. Form B: {after} of {total} right.",
        "A 卷：共 {total} 题，答对 {before} 题。B 卷：共 {total} 题，答对 {after} 题。"),
    "check.answers.header": ("Form {form}, question by question", "{form} 卷逐题回顾"),
    "check.answers.right": (":material/check: Right: {answer}", ":material/check: 答对了：{answer}"),
    "check.answers.wrong": (":material/close: Your answer: {answer}. The right one: {right}",
                            ":material/close: 你的答案：{answer}。正确答案：{right}"),
    "check.col.idea": ("Idea", "概念"),
    "check.col.before": ("Before (form A)", "学习前（A 卷）"),
    "check.col.after": ("After (form B)", "学习后（B 卷）"),
    "check.col.change": ("Change", "变化"),
    "check.col.score": ("Right", "答对"),
    "check.change.up": ("better", "进步了"),
    "check.change.same": ("the same", "持平"),
    "check.change.down": ("worse", "退步了"),
    "check.review.header": ("Lessons for what you missed", "答错的概念，去这些课程复习"),
    "check.review.link": ("{idea}: {lesson}", "{idea}：{lesson}"),
    "check.review.none": ("No misses: every idea right.", "全部答对，没有需要复习的概念。"),
    "check.again": ("Take the check again, from form A", "从 A 卷开始重新做"),
    "check.again_help": (
        "Forgets both forms' answers in your workspace and starts with form A.",
        "清除工作区里两份卷的答案，从 A 卷重新开始。"),

    # the six ideas, each taught by one lesson (core/concept_check/questions.py IDEAS)
    "check.idea.gradient": ("What a gradient says", "梯度说明了什么"),
    "check.idea.learning_rate": ("What the learning rate does", "学习率起什么作用"),
    "check.idea.filter": ("What a filter responds to", "卷积核对什么有反应"),
    "check.idea.why_convolution": ("Why convolution suits images", "为什么卷积适合图像"),
    "check.idea.overfitting": ("Reading over-fitting from two curves", "从两条曲线看出过拟合"),
    "check.idea.confusion_matrix": ("What the confusion matrix shows", "混淆矩阵显示了什么"),

    # the class's before → after (ui/concept_check.py draw_class_summary)
    "check.class.header": ("The class's concept check", "全班的概念自测"),
    "check.class.waiting": (
        "The class's results are shown once at least {minimum} learners have answered, so that no figure "
        "points at one person.",
        "至少 {minimum} 位同学作答之后才会显示全班的结果，这样任何一个数字都不会指向某一个人。"),
    "check.class.counts": (
        "{learners} learners have answered: {before} took form A, {after} form B.",
        "已有 {learners} 位同学作答：{before} 人做了 A 卷，{after} 人做了 B 卷。"),
    "check.class.col.before": ("Before (form A): right", "学习前（A 卷）答对率"),
    "check.class.col.after": ("After (form B): right", "学习后（B 卷）答对率"),
    "check.class.too_few": (
        "A dash: fewer than {minimum} learners have taken that form so far.",
        "“—”表示做这份卷的同学目前还不到 {minimum} 人。"),

    # the home page's offer
    "check.home.header": ("Check what you know", "测测你懂多少"),
    "check.home.before": (
        "Before you start, take form A of the concept check: ten questions, a few minutes. After the "
        "lessons, form B shows what changed, idea by idea.",
        "开始之前，先做概念自测的 A 卷：十道题，几分钟就好。"
        "学完课程后再做 B 卷，逐个概念看看自己有什么变化。"),
    "check.home.after": (
        "You have taken form A. Once you have been through the lessons, take form B to see before → after "
        "for each idea.",
        "你已经做完 A 卷。学完课程之后，再做 B 卷，看看每个概念学习前后的变化。"),
    "check.home.done": (
        "You have taken both forms: your before → after is on the concept check page.",
        "两份卷你都做完了：学习前后的对比就在概念自测页。"),

    # --- form A ----------------------------------------------------------------------------------
    "check.q.a_gradient_sign": (
        "At the current weight the gradient is ∂L/∂w = +3. To make the loss smaller, gradient descent "
        "should…",
        "在当前的权重处，梯度 ∂L/∂w = +3。为了让损失变小，梯度下降应该……"),
    "check.q.a_gradient_sign.increase": ("increase w, following the gradient", "增大 w，顺着梯度走"),
    "check.q.a_gradient_sign.stay": (
        "leave w alone: a positive gradient means it is already good",
        "保持 w 不变：梯度为正，说明它已经够好了"),
    "check.q.a_gradient_sign.decrease": ("decrease w, against the gradient", "减小 w，逆着梯度走"),
    "check.q.a_gradient_sign.jump": ("set w to 3, the value the gradient gives", "把 w 设成梯度给出的值 3"),

    "check.q.a_gradient_meaning": ("What does the gradient ∂L/∂w of a weight tell you?",
                                   "一个权重的梯度 ∂L/∂w 告诉你什么？"),
    "check.q.a_gradient_meaning.distance": ("how far w is from its best value", "w 离它的最佳值还有多远"),
    "check.q.a_gradient_meaning.slope": (
        "how fast, and which way, the loss changes when w changes a little",
        "w 稍微变一点时，损失变化得有多快、往哪个方向变"),
    "check.q.a_gradient_meaning.loss": ("how wrong the network is, in one number",
                                        "网络错得有多厉害，用一个数来表示"),
    "check.q.a_gradient_meaning.mistake": ("which training example the network got wrong",
                                           "网络把哪个训练样本判断错了"),

    "check.q.a_lr_regime": (
        "One neuron, y = w·x + b, learns from one example with x = {x}, at learning rate η = {lr}. What "
        "happens?",
        "一个神经元 y = w·x + b 从一个样本学习，x = {x}，学习率 η = {lr}。会发生什么？"),
    "check.q.a_lr_regime.converge": (
        "it reaches the target fast and smoothly: bigger steps, faster learning",
        "它又快又稳地到达目标：步子越大，学得越快"),
    "check.q.a_lr_regime.oscillate": ("it overshoots back and forth, but settles on the target",
                                      "它来回冲过头，但最后会停在目标上"),
    "check.q.a_lr_regime.diverge": (
        "each step overshoots by more than it corrects: the error grows without end",
        "每一步冲过头的幅度都比纠正的还多：误差越来越大，没有尽头"),

    "check.q.a_lr_large": ("Why not always train with a very large learning rate, to learn faster?",
                           "为什么不干脆一直用很大的学习率，好学得更快？"),
    "check.q.a_lr_large.cost": ("each large step takes much more computing",
                                "步子大了，每一步的计算量也大得多"),
    "check.q.a_lr_large.overshoot": (
        "past a limit each step overshoots the minimum by more than the last, and the loss grows",
        "超过某个界限后，每一步越过最低点都比上一步更远，损失反而越来越大"),
    "check.q.a_lr_large.memorise": ("a large learning rate makes the network memorise its training images",
                                    "学习率大会让网络死记硬背训练图片"),

    "check.q.a_filter_response": (
        "The horizontal-edge kernel, with rows (−1 −1 −1), (0 0 0), (1 1 1), slides over a digit whose ink "
        "is 1 and background 0. Where is its feature map most positive?",
        "水平边缘卷积核（三行依次为 −1 −1 −1、0 0 0、1 1 1）在一个数字上滑动，笔迹处为 1，背景为 0。"
        "它的特征图在哪里正值最大？"),
    "check.q.a_filter_response.bright": ("on the brightest ink, in the middle of thick strokes",
                                         "在最亮的笔迹上，也就是粗笔画的正中间"),
    "check.q.a_filter_response.top_edge": (
        "along the top edges of horizontal strokes: background above, ink below",
        "沿着横向笔画的上边缘：上面是背景，下面是笔迹"),
    "check.q.a_filter_response.vertical": (
        "along vertical strokes, since its numbers change from top to bottom",
        "沿着竖向笔画，因为它的数值是从上到下变化的"),

    "check.q.a_filter_origin": ("Where do the six 5 × 5 filters of LeNet's first layer come from?",
                                "LeNet 第一层的六个 5 × 5 卷积核是从哪儿来的？"),
    "check.q.a_filter_origin.hand": ("programmers designed them by hand, like the Sobel kernels",
                                     "程序员像设计 Sobel 卷积核那样，手工设计出来的"),
    "check.q.a_filter_origin.learned": (
        "training found them: they start random and follow the gradient of the loss",
        "训练找出来的：从随机数出发，顺着损失的梯度一步步调整"),
    "check.q.a_filter_origin.per_image": ("each image gets its own filters, computed from that image",
                                          "每张图片都有自己的卷积核，是根据这张图片算出来的"),
    "check.q.a_filter_origin.templates": ("they are small pieces cut out of training digits",
                                          "它们是从训练图片上剪下来的小块"),

    "check.q.a_why_conv_shuffle": (
        "Every image's 784 pixels are moved by one fixed shuffle, the same for every image, training and "
        "test. A fully connected network (an MLP) and LeNet are trained on the shuffled images. What "
        "happens?",
        "把每张图片的 784 个像素按同一种固定方式打乱，"
        "所有图片（训练集和测试集）都一样。然后分别用打乱后的图片"
        "训练一个全连接网络（MLP）和 LeNet。结果会怎样？"),
    "check.q.a_why_conv_shuffle.both_fail": ("neither learns: the digits have become noise",
                                             "两个都学不会：数字已经变成噪声了"),
    "check.q.a_why_conv_shuffle.lenet_behind": ("LeNet falls far behind; the MLP does as well as before",
                                                "LeNet 大幅落后；MLP 和原来一样好"),
    "check.q.a_why_conv_shuffle.mlp_behind": ("the MLP falls far behind; LeNet still does well",
                                              "MLP 大幅落后；LeNet 依然表现很好"),
    "check.q.a_why_conv_shuffle.neither": ("both do as well as before: where a pixel sits matters to neither",
                                           "两个都和原来一样好：像素放在哪里，对两种网络都无所谓"),

    "check.q.a_overfit_curves": (
        "During training the training loss keeps falling, while the test loss stopped falling at epoch 6 "
        "and has risen since. What is happening?",
        "训练过程中，训练损失一直在下降，而测试损失从第 6 轮起就不再下降，之后一路上升。这是怎么回事？"),
    "check.q.a_overfit_curves.healthy": ("all is well: the training loss is still falling",
                                         "一切正常：训练损失还在下降"),
    "check.q.a_overfit_curves.overfit": ("over-fitting: the model is memorising its training images",
                                         "过拟合：模型在死记硬背训练图片"),
    "check.q.a_overfit_curves.underfit": ("under-fitting: it needs more epochs",
                                          "欠拟合：还需要再多训练几轮"),
    "check.q.a_overfit_curves.diverge": ("the learning rate is too large: training is diverging",
                                         "学习率太大：训练正在发散"),

    "check.q.a_overfit_test_set": ("Why is a network's accuracy measured on test images it never trained on?",
                                   "为什么要用网络从没训练过的测试图片来衡量它的准确率？"),
    "check.q.a_overfit_test_set.speed": ("leaving them out makes training faster",
                                         "把它们留出来，训练能快一些"),
    "check.q.a_overfit_test_set.harder": ("test images are the harder digits: a tougher exam",
                                          "测试图片是更难认的数字，相当于一场更难的考试"),
    "check.q.a_overfit_test_set.unseen": (
        "a model can memorise its training images; only unseen ones show whether it learned to read digits",
        "模型可能把训练图片背下来；只有没见过的图片才能说明它是不是真的学会了认数字"),

    "check.q.a_confusion_cell": (
        "In the training page's confusion matrix (row = the digit written, column = the digit the model "
        "said), what does the cell in row 4, column 9 count?",
        "训练页的混淆矩阵里（行 = 写的是哪个数字，列 = 模型说是哪个数字），第 4 行第 9 列的格子数的是什么？"),
    "check.q.a_confusion_cell.four_as_nine": ("test images of a 4 that the model read as 9",
                                              "写的是 4、却被模型认成 9 的测试图片"),
    "check.q.a_confusion_cell.nine_as_four": ("test images of a 9 that the model read as 4",
                                              "写的是 9、却被模型认成 4 的测试图片"),
    "check.q.a_confusion_cell.sure": ("how sure the model is that a 4 is a 9", "模型有多大把握认为 4 是 9"),
    "check.q.a_confusion_cell.right_fours": ("the 4s the model read right", "模型认对了的 4"),

    # --- form B ----------------------------------------------------------------------------------
    "check.q.b_gradient_step": (
        "The gradient of the loss with respect to the bias is ∂L/∂b = {grad}, and the learning rate is "
        "η = {lr}. One step of gradient descent changes b by…",
        "损失对偏置的梯度是 ∂L/∂b = {grad}，学习率是 η = {lr}。梯度下降走一步，b 会变化多少？"),
    "check.q.b_gradient_step.minus_small": ("−0.05: b gets smaller", "−0.05：b 变小"),
    "check.q.b_gradient_step.plus_small": ("+0.05: b gets larger", "+0.05：b 变大"),
    "check.q.b_gradient_step.minus_big": ("−0.5: b gets smaller", "−0.5：b 变小"),
    "check.q.b_gradient_step.plus_big": ("+0.5: b gets larger", "+0.5：b 变大"),

    "check.q.b_gradient_zero": (
        "On the neuron page's cloud of noisy points, full-batch gradient descent arrives where the gradient "
        "of the mean loss is zero. What does that say?",
        "在神经元页那组带噪声的点上，全批量梯度下降走到了平均损失的梯度为零的地方。这说明什么？"),
    "check.q.b_gradient_zero.zero_loss": ("every point now lies exactly on the line: the loss is zero",
                                          "现在每个点都正好落在直线上：损失为零"),
    "check.q.b_gradient_zero.flat": (
        "no small change of w or b lowers the mean loss any more, though it stays above zero",
        "w 或 b 无论怎么微调，平均损失都不会再降低了，尽管它仍然大于零"),
    "check.q.b_gradient_zero.diverged": ("training has broken down and must be restarted",
                                         "训练出故障了，得重新开始"),

    "check.q.b_lr_regime": (
        "One neuron, y = w·x + b, learns from one example with x = {x}, at learning rate η = {lr}. What "
        "happens?",
        "一个神经元 y = w·x + b 从一个样本学习，x = {x}，学习率 η = {lr}。会发生什么？"),
    "check.q.b_lr_regime.crawl": ("it creeps towards the target: 0.3 is a small learning rate",
                                  "它慢吞吞地挪向目标：0.3 是个很小的学习率"),
    "check.q.b_lr_regime.converge": ("it approaches the target smoothly, never overshooting",
                                     "它平稳地接近目标，从不冲过头"),
    "check.q.b_lr_regime.oscillate": ("it overshoots back and forth, but settles on the target",
                                      "它来回冲过头，但最后会停在目标上"),
    "check.q.b_lr_regime.diverge": ("it overshoots, so the error grows without end",
                                    "它冲过了头，所以误差会无止境地变大"),

    "check.q.b_lr_small": ("Why not always train with a tiny learning rate, to be safe?",
                           "为什么不干脆一直用很小的学习率，求个稳妥？"),
    "check.q.b_lr_small.better": ("no reason not to: a smaller rate always gives a better model",
                                  "没有理由不这样：学习率越小，模型总是越好"),
    "check.q.b_lr_small.cost": ("tiny steps take more computing each", "小步子的每一步计算量都更大"),
    "check.q.b_lr_small.crawl": (
        "each step removes only a sliver of the error, so it needs far more steps",
        "每一步只消掉一丁点误差，所以需要多得多的步数"),

    "check.q.b_filter_response": (
        "The vertical-edge kernel, with rows (−1 0 1), (−1 0 1), (−1 0 1), slides over a digit whose ink is "
        "1 and background 0. Where is its feature map most positive?",
        "垂直边缘卷积核（三行都是 −1 0 1）在一个数字上滑动，"
        "笔迹处为 1，背景为 0。它的特征图在哪里正值最大？"),
    "check.q.b_filter_response.left_edge": (
        "along the left edges of vertical strokes: background on the left, ink on the right",
        "沿着竖向笔画的左边缘：左边是背景，右边是笔迹"),
    "check.q.b_filter_response.bright": ("on the brightest ink, in the middle of thick strokes",
                                         "在最亮的笔迹上，也就是粗笔画的正中间"),
    "check.q.b_filter_response.horizontal": (
        "along horizontal strokes, since its numbers change from left to right",
        "沿着横向笔画，因为它的数值是从左到右变化的"),

    "check.q.b_filter_origin": (
        "Before training, LeNet's filters are random numbers. What turns them into edge and stroke "
        "detectors?",
        "训练开始前，LeNet 的卷积核只是一些随机数。是什么把它们变成了边缘和笔画的检测器？"),
    "check.q.b_filter_origin.gradient": ("gradient descent on the loss, like every other weight",
                                         "对损失做梯度下降，和其他所有权重一样"),
    "check.q.b_filter_origin.hand": ("programmers replace them with hand-designed kernels, like Sobel's",
                                     "程序员把它们换成手工设计的卷积核，比如 Sobel 核"),
    "check.q.b_filter_origin.per_image": ("each image rewrites them to match itself",
                                          "每张图片都会把它们改写成和自己相配的样子"),
    "check.q.b_filter_origin.templates": ("training copies small pieces of training digits into them",
                                          "训练把训练图片上剪下的小块复制进去"),

    "check.q.b_why_conv_reason": ("Why does convolution suit images?", "为什么卷积适合处理图像？"),
    "check.q.b_why_conv_reason.more_pixels": ("a convolutional network sees more of the image than a fully "
                                              "connected one", "卷积网络比全连接网络看到的图像内容更多"),
    "check.q.b_why_conv_reason.neighbours": (
        "neighbouring pixels belong together: a small kernel looks at one patch, and the same kernel at "
        "every position finds a stroke wherever it is",
        "相邻的像素彼此相关：小卷积核每次只看一小块，而同一个卷积核用在每个位置上，笔画出现在哪里都能找到"),
    "check.q.b_why_conv_reason.more_weights": ("it has more weights, so it can learn more",
                                               "它的权重更多，所以能学到更多"),
    "check.q.b_why_conv_reason.any_order": ("it works whatever the order of the pixels",
                                            "不管像素怎么排列，它都一样好用"),

    "check.q.b_overfit_gap": (
        "Trained on 1,000 images for 20 epochs, a model reaches 100% training accuracy; its test accuracy "
        "is stuck at 91%, and its test loss has been rising for ten epochs. What does that say?",
        "用 1,000 张图片训练 20 轮后，模型的训练准确率达到 100%；"
        "测试准确率停在 91%，测试损失已经连续上升了十轮。"
        "这说明什么？"),
    "check.q.b_overfit_gap.overfit": ("over-fitting: it memorised its training images",
                                      "过拟合：它把训练图片背下来了"),
    "check.q.b_overfit_gap.underfit": ("under-fitting: it needs more epochs", "欠拟合：还需要再多训练几轮"),
    "check.q.b_overfit_gap.lr": ("the learning rate is too large: the steps overshoot",
                                 "学习率太大：每一步都冲过了头"),
    "check.q.b_overfit_gap.healthy": ("all is well: it reads 100% of its training images",
                                      "一切正常：训练图片它全都认对了"),

    "check.q.b_overfit_perfect": (
        "A model reads every one of its training images right (100%). What does that tell you about new "
        "digits?",
        "一个模型把所有训练图片都认对了（100%）。这对它认新数字的能力说明了什么？"),
    "check.q.b_overfit_perfect.new_too": ("it will read new digits right too", "它认新数字也会全对"),
    "check.q.b_overfit_perfect.always_overfit": ("it is certainly over-fitting: 100% always means that",
                                                 "它肯定过拟合了：100% 总是意味着过拟合"),
    "check.q.b_overfit_perfect.unseen": ("on its own, little: only images it has never seen can tell",
                                         "单凭这一点说明不了多少：只有它没见过的图片才能说明问题"),

    "check.q.b_confusion_asymmetry": (
        "In the confusion matrix (row = the digit written, column = the digit the model said), row 7, "
        "column 1 holds 12, and row 1, column 7 holds 2. What does that say?",
        "在混淆矩阵里（行 = 写的是哪个数字，列 = 模型说是哪个数字），"
        "第 7 行第 1 列是 12，第 1 行第 7 列是 2。"
        "这说明什么？"),
    "check.q.b_confusion_asymmetry.swapped": ("ones were read as 7 twelve times", "有 12 张 1 被认成了 7"),
    "check.q.b_confusion_asymmetry.asymmetric": (
        "sevens are read as 1 far more often than ones as 7: a mistake and its reverse need not be equally "
        "common",
        "7 被认成 1 的次数远多于 1 被认成 7：一种错误和反过来的错误不一定一样多"),
    "check.q.b_confusion_asymmetry.symmetric": ("one of the counts must be wrong: the matrix is always "
                                                "symmetric", "其中一个数一定错了：混淆矩阵总是对称的"),
    "check.q.b_confusion_asymmetry.sure": ("the model is 12% sure that a 7 is a 1",
                                           "模型有 12% 的把握认为 7 是 1"),
}
