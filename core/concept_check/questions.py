"""The concept check's two parallel forms: ten questions each on the same six ideas, the same number
of questions per idea in each form, different items. Form A is taken before the lessons, form B after.

Every wrong option stands for a known misconception, named beside it with where it is described (a
book, a paper, a course's notes) or, when no single source names it, the lesson that corrects it.
A question's text is `check.q.<id>` and an option's `check.q.<id>.<option>` (core/concept_check/text.py).
Not here: grading (scoring.py) and how the page asks (ui/concept_check.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

# Each idea and the lesson page (its stem in ui/navigation.py) that teaches it, in the order shown.
IDEAS: dict[str, str] = {
    "gradient": "neuron",
    "learning_rate": "neuron",
    "filter": "convolution",
    "why_convolution": "design",
    "overfitting": "train",
    "confusion_matrix": "train",
}
FORM_IDS = ("A", "B")  # A: before the lessons, B: after

# Sources cited below, named once
GOODFELLOW = "Goodfellow, Bengio & Courville, Deep Learning (MIT Press 2016)"
EFFICIENT_BACKPROP = "LeCun, Bottou, Orr & Müller, 'Efficient BackProp' (1998), §5, Fig. 5"
LECUN_1998 = ("LeCun, Bottou, Bengio & Haffner, 'Gradient-based learning applied to document recognition' "
              "(1998)")
CS231N_CNN = "Stanford CS231n course notes, 'Convolutional Neural Networks', parameter sharing"
CS231N_BABYSIT = "Stanford CS231n course notes, 'Neural Networks Part 3', babysitting the learning process"
MLCC_LR = "Google Machine Learning Crash Course, 'Linear regression: Hyperparameters' (learning rate)"
MLCC_OVERFIT = "Google Machine Learning Crash Course, 'Overfitting: Interpreting loss curves'"
ZHANG_2017 = ("Zhang, Bengio, Hardt, Recht & Vinyals, 'Understanding deep learning requires rethinking "
              "generalization' (ICLR 2017)")
SKLEARN_CM = "scikit-learn documentation, sklearn.metrics.confusion_matrix (C[i, j]: known i, predicted j)"


@dataclass(frozen=True)
class Misconception:
    """What a learner who picks a wrong option believes, and where that belief is described."""

    belief: str
    source: str


@dataclass(frozen=True)
class Question:
    """One item: its idea, its options as shown, the right one, and each distractor's misconception."""

    id: str
    idea: str
    options: tuple[str, ...]
    right: str
    distractors: Mapping[str, Misconception]
    fields: Mapping[str, float] = field(default_factory=dict)  # numbers in the question's text

    @property
    def lesson(self) -> str:
        return IDEAS[self.idea]


def _q(id: str, idea: str, options: str, right: str, fields: Mapping[str, float] | None = None,
       **distractors: Misconception) -> Question:
    return Question(id, idea, tuple(options.split()), right, distractors, fields or {})


M = Misconception

FORM_A: tuple[Question, ...] = (
    _q("a_gradient_sign", "gradient", "increase stay decrease jump", "decrease",
       increase=M("The gradient points downhill, towards the minimum, so one steps along it",
                  f"{GOODFELLOW} §4.3: the gradient points uphill; descent moves against it"),
       stay=M("A positive gradient means the weight is already good",
              "the neuron lesson: a gradient is zero only where the loss stops changing"),
       jump=M("The gradient is the weight's new value (or its target)",
              "the neuron lesson's update w ← w − η·∂L/∂w: the gradient is a slope, not a value of w")),
    _q("a_gradient_meaning", "gradient", "distance slope loss mistake", "slope",
       distance=M("The gradient's size is how far the weight is from its best value",
                  f"{GOODFELLOW} §4.3: the derivative is a local slope; plateaus have tiny gradients "
                  "far from any minimum"),
       loss=M("The gradient is the loss itself (how wrong the network is)",
              "home page 'What does training mean?': the loss is one number; the gradient is per weight"),
       mistake=M("The gradient says which training example was wrong",
                 "the neuron lesson: one gradient per weight, from the chain rule")),
    _q("a_lr_regime", "learning_rate", "converge oscillate diverge", "diverge", {"x": 1, "lr": 1.5},
       converge=M("A larger learning rate always learns faster",
                  f"{EFFICIENT_BACKPROP}: above twice the optimal rate descent diverges"),
       oscillate=M("Overshooting always corrects itself in the end",
                   f"{EFFICIENT_BACKPROP}: only between η_opt and 2·η_opt does it oscillate and converge")),
    _q("a_lr_large", "learning_rate", "cost overshoot memorise", "overshoot",
       cost=M("The learning rate changes how much computing each step takes",
              "the neuron lesson: η only scales the step, w ← w − η·∂L/∂w; the work per step is the same"),
       memorise=M("The learning rate decides how much the network memorises",
                  "the training page 'How to read learning curves': a rate too large makes the loss jump or "
                  "climb; memorising comes from few images trained on for long")),
    _q("a_filter_response", "filter", "bright top_edge vertical", "top_edge",
       bright=M("A filter responds to bright pixels, not to a pattern",
                "the convolution lesson: the map is bright wherever the image looks like the kernel; "
                "the centre of the X gives 0"),
       vertical=M("An edge kernel finds edges that run the way its numbers change (edge and gradient "
                  "direction confused)",
                  "the convolution lesson's kernel names: 'Sobel x (vertical edges)' changes along x")),
    _q("a_filter_origin", "filter", "hand learned per_image templates", "learned",
       hand=M("A CNN's filters are designed by programmers, like Sobel kernels",
              f"{LECUN_1998}: learned features replace hand-designed feature extractors"),
       per_image=M("Each image gets its own filters, computed from that image",
                   f"{CS231N_CNN}: the same weights are used for every image and every position"),
       templates=M("Filters are small copies of pieces of training digits",
                   "the convolution lesson part 5: a filter starts from random numbers and follows "
                   "the gradient")),
    _q("a_why_conv_shuffle", "why_convolution", "both_fail lenet_behind mlp_behind neither", "lenet_behind",
       both_fail=M("A fixed shuffle destroys the information, so no network can learn",
                   f"{GOODFELLOW} §9.4: permutation-invariant models learn MNIST with its pixels in any "
                   "fixed order"),
       mlp_behind=M("Convolution is better on any data, whatever its structure",
                    f"{GOODFELLOW} §9.4: convolution is a strong prior that neighbouring pixels belong "
                    "together, wrong for shuffled pixels"),
       neither=M("A convolutional network does not care where each pixel is",
                 f"{GOODFELLOW} §9.2: a kernel combines neighbouring pixels only (sparse interactions)")),
    _q("a_overfit_curves", "overfitting", "healthy overfit underfit diverge", "overfit",
       healthy=M("The training loss is what shows how good the model is",
                 f"{GOODFELLOW} §7.8 (Fig. 7.3): training loss falls while validation loss rises"),
       underfit=M("A rising test loss means the model needs more epochs",
                  f"{MLCC_OVERFIT}: the loss curves diverge once the model over-fits"),
       diverge=M("Any curve that rises means the learning rate is too large",
                 "the training page 'How to read learning curves': divergence makes the training loss "
                 "rise too")),
    _q("a_overfit_test_set", "overfitting", "speed harder unseen", "unseen",
       speed=M("The test images are kept apart to make training faster",
               "the training page: the test images only measure; a model can memorise its training images"),
       harder=M("Test images are harder digits than training images",
                "LeCun, Cortes & Burges, the MNIST database page: both sets mix the same two sources "
                "of writers (different people in each)")),
    _q("a_confusion_cell", "confusion_matrix", "four_as_nine nine_as_four sure right_fours", "four_as_nine",
       nine_as_four=M("Rows are what the model said, columns the true digit (the axes swapped)",
                      f"{SKLEARN_CM}; conventions differ, so read the axis titles"),
       sure=M("A confusion matrix cell is a probability (how sure the model is)",
              "the training page: each cell counts test images"),
       right_fours=M("Off-diagonal cells count right answers",
                     "the training page: the diagonal holds the right answers, every other cell a mistake")),
)

FORM_B: tuple[Question, ...] = (
    _q("b_gradient_step", "gradient", "minus_small plus_small minus_big plus_big", "plus_small",
       {"grad": -0.5, "lr": 0.1},
       minus_small=M("The gradient points downhill, towards the minimum, so one steps along it",
                     f"{GOODFELLOW} §4.3: the gradient points uphill; descent moves against it"),
       minus_big=M("The step is the gradient itself, in its own direction",
                   "the neuron lesson's update b ← b − η·∂L/∂b"),
       plus_big=M("The learning rate does not enter the step; only the gradient does",
                  "the neuron lesson's update b ← b − η·∂L/∂b")),
    _q("b_gradient_zero", "gradient", "zero_loss flat diverged", "flat",
       zero_loss=M("A zero gradient means a zero loss: every point lies on the line",
                   f"{GOODFELLOW} §4.3: a critical point is where the slope is zero, whatever the loss "
                   "there; "
                   "the neuron lesson's noisy points keep a best loss above zero"),
       diverged=M("A gradient of zero means training has broken down",
                  "the neuron lesson: at the bottom of the valley the gradients are zero and nothing moves")),
    _q("b_lr_regime", "learning_rate", "crawl converge oscillate diverge", "oscillate", {"x": 2, "lr": 0.3},
       crawl=M("A small-looking learning rate is always slow",
               "the neuron lesson's 2/(x² + 1) limit: 'small' depends on the curvature x² + 1"),
       converge=M("Below the limit every learning rate approaches the target smoothly",
                  f"{EFFICIENT_BACKPROP}: between η_opt and 2·η_opt it oscillates and converges"),
       diverge=M("Any overshoot means the error grows: divergence",
                 f"{EFFICIENT_BACKPROP}: only above 2·η_opt does each overshoot grow")),
    _q("b_lr_small", "learning_rate", "better cost crawl", "crawl",
       better=M("A smaller learning rate always gives a better model",
                f"{MLCC_LR}: a rate too small takes very long to converge"),
       cost=M("The learning rate changes how much computing each step takes",
              "the neuron lesson: η only scales the step, w ← w − η·∂L/∂w; the work per step is the same")),
    _q("b_filter_response", "filter", "left_edge bright horizontal", "left_edge",
       bright=M("A filter responds to bright pixels, not to a pattern",
                "the convolution lesson: the map is bright wherever the image looks like the kernel"),
       horizontal=M("An edge kernel finds edges that run the way its numbers change (edge and gradient "
                    "direction confused)",
                    "the convolution lesson's kernel names: 'Sobel x (vertical edges)' changes along x")),
    _q("b_filter_origin", "filter", "gradient hand per_image templates", "gradient",
       hand=M("A CNN's filters are designed by programmers, like Sobel kernels",
              f"{LECUN_1998}: learned features replace hand-designed feature extractors"),
       per_image=M("Each image rewrites the filters to match itself",
                   f"{CS231N_CNN}: the same weights are used for every image and every position"),
       templates=M("Filters are small copies of pieces of training digits",
                   "the convolution lesson part 5: a filter starts from random numbers and follows "
                   "the gradient")),
    _q("b_why_conv_reason", "why_convolution", "more_pixels neighbours more_weights any_order", "neighbours",
       more_pixels=M("A CNN sees more of the image than a fully connected network",
                     "the design lesson: the MLP connects every one of the 784 pixels to every neuron"),
       more_weights=M("A CNN is better because it has more parameters",
                      f"{GOODFELLOW} §9.2: sparse interactions and parameter sharing need fewer weights"),
       any_order=M("Convolution works whatever the order of the pixels",
                   "the design lesson's 'Why convolution?': shuffled pixels leave LeNet far behind")),
    _q("b_overfit_gap", "overfitting", "overfit underfit lr healthy", "overfit",
       underfit=M("Any shortfall on the test set means the model needs more training",
                  f"{MLCC_OVERFIT}: a widening train/test gap is over-fitting"),
       lr=M("A gap between training and test accuracy means the learning rate is wrong",
            f"{CS231N_BABYSIT}: a large train/validation accuracy gap indicates over-fitting"),
       healthy=M("The training accuracy is what shows how good the model is",
                 f"{GOODFELLOW} §7.8: generalisation is measured on data not used for training")),
    _q("b_overfit_perfect", "overfitting", "new_too always_overfit unseen", "unseen",
       new_too=M("A model that reads all its training images right reads new ones right too",
                 f"{ZHANG_2017}: networks reach 100% training accuracy even on random labels"),
       always_overfit=M("100% training accuracy always means over-fitting",
                        f"{ZHANG_2017}: the same networks fit real labels perfectly and still generalise")),
    _q("b_confusion_asymmetry", "confusion_matrix", "swapped asymmetric symmetric sure", "asymmetric",
       swapped=M("Rows are what the model said, columns the true digit (the axes swapped)",
                 f"{SKLEARN_CM}; conventions differ, so read the axis titles"),
       symmetric=M("A confusion matrix is symmetric: mixing 7 up with 1 is the same as 1 with 7",
                   "the training page: each cell counts one kind of mistake, row → column"),
       sure=M("A confusion matrix cell is a probability (how sure the model is)",
              "the training page: each cell counts test images")),
)

FORMS: dict[str, tuple[Question, ...]] = {"A": FORM_A, "B": FORM_B}
QUESTIONS: dict[str, Question] = {q.id: q for form in FORMS.values() for q in form}
