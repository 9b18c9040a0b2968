"""The class pages' texts: joining, sharing, the board, teaching and the projector."""

TEXT = {
    "nav.classroom": ("Class", "班级"),
    "nav.board": ("Class board", "班级看板"),
    "classroom.title": ("Learn together as a class", "全班一起学"),
    "board.title": ("Class board", "班级看板"),
    "class.intro": (
        "Join your teacher's class with its code, share the runs you keep, and see the whole class's "
        "runs side by side: together you see what one learner could not, such as how the final accuracy "
        "rises and falls with the learning rate. Only a nickname is shown; never your model's weights "
        "or your handwriting.",
        "用老师给的班级码加入班级，分享你保留的训练，和全班"
        "的训练放在一起看：大家一起能看到一个人看不到的东西，"
        "比如最终准确率怎样随学习率先升后降。别人只看得到你"
        "的昵称，看不到你模型的权重，也看不到你的手写数字。",
    ),
    "class.needs_saving": (
        "Classes need the server to keep work, and saving is off on this server.",
        "班级功能需要服务器保存作品，而这台服务器关闭了保存。",
    ),
    "class.learner_tab": ("Join and share", "加入与分享"),
    "class.teacher_tab": ("Teach a class", "我是老师"),
    "class.join.header": ("Join a class", "加入班级"),
    "class.join.code": ("Class code", "班级码"),
    "class.join.code_help": (
        "8 letters and digits from the board; case and dashes do not matter.",
        "黑板上的 8 个字母和数字；大小写和短横线都没关系。",
    ),
    "class.join.nickname": ("Your nickname", "你的昵称"),
    "class.join.nickname_help": (
        "What the class sees beside your runs (at most 24 characters). No real name needed.",
        "全班在你的训练旁边看到的名字（最多 24 个字符）。不需要真实姓名。",
    ),
    "class.join.button": ("Join", "加入"),
    "class.join.done": ("You joined the class as “{nickname}”.", "你以“{nickname}”的昵称加入了班级。"),
    "class.join.wrong": (
        "No open class has that code. Check it with your teacher.",
        "没有使用这个班级码的班级。请和老师核对一下。",
    ),
    "class.join.too_many": (
        "Too many tries from your network in the last minute. Wait a moment and try again.",
        "一分钟内从你的网络尝试的次数太多了。请稍等再试。",
    ),
    "class.refused.locked": (
        "The teacher has locked this class: no changes now.",
        "老师锁定了这个班级：现在不能更改。",
    ),
    "class.refused.ended": ("This class has ended.", "这个班级已经结束了。"),
    "class.refused.nickname": ("Please choose a nickname.", "请起一个昵称。"),
    "class.refused.run": (
        "This run cannot be shared (it has no finished epoch).", "这次训练不能分享（没有完成的轮次）。",
    ),
    "class.refused.sweep": ("Those sweep values cannot be used.", "这些扫描取值不能用。"),
    "class.refused.name": ("Please give the class a name.", "请给班级起个名字。"),
    "class.refused.language": ("Choose the class's language.", "请选择班级语言。"),
    "class.refused.too_fast": (
        "You are sharing very quickly: wait a minute, then share again.", "分享得太快了：等一分钟再分享。"),
    "class.refused.class_full": (
        "This class holds as many runs as it can; ask your teacher to hide some.",
        "这个班级的训练已经满了；请老师隐藏一些。",
    ),
    "class.refused.create_code": (
        "This server asks for its class-creation code; the one given is not it.",
        "这台服务器需要建班码；输入的不对。",
    ),
    "class.refused.too_many_classes": (
        "This server holds as many classes as it may ({limit}).",
        "这台服务器的班级数已达上限（{limit} 个）。",
    ),
    "class.member.header": ("Class “{name}”", "班级“{name}”"),
    "class.member.you": ("You are in it as", "你在班里的昵称"),
    "class.sweep.yours": (
        "This class sweeps **{setting}**: your value is **{value}** ({images:,} training images, {epochs} "
        "epoch(s)). Train it and share the run: the board puts everyone's together.",
        "这个班级在扫描 **{setting}**：分给你的值是 **{value}**（{images:,} 张训练图片，{epochs} 轮）。"
        "训练它并分享这次训练：看板会把大家的结果放在一起。",
    ),
    "class.sweep.train": ("Train my sweep run", "训练分给我的这一次"),
    "class.share.header": ("Share a kept run", "分享一次保留的训练"),
    "class.share.none": (
        "Runs you train are kept on the experiments page; finished ones can be shared here.",
        "你训练的结果会保留在“实验台”；训练完成的可以在这里分享。",
    ),
    "class.share.pick": ("Run to share", "要分享的训练"),
    "class.share.button": ("Share to class", "分享到班级"),
    "class.share.from_experiments": ("Share this run with your class", "把这次训练分享给班级"),
    "class.share.done": ("Shared with the class.", "已分享给班级。"),
    "class.share.mine": ("Your shared runs", "你分享的训练"),
    "class.share.withdraw": ("Withdraw", "撤回"),
    "class.board.header": ("The class board", "班级看板"),
    "class.board.refresh": ("Refresh the board", "刷新看板"),
    "class.board.empty": ("No runs shared yet.", "还没有人分享训练。"),
    "class.board.colour": ("Colour the curves by", "曲线按什么着色"),
    "class.board.sweep_setting": ("Sweep chart: setting", "扫描图：设置"),
    "class.board.runs": (
        "{count} shared runs by {members} learners",
        "{members} 位同学分享了 {count} 次训练",
    ),
    "class.board.epoch": ("epoch", "轮次"),
    "class.board.accuracy": ("test accuracy (%)", "测试准确率（%）"),
    "class.board.who": ("nickname", "昵称"),
    "class.board.run": ("run", "训练"),
    "class.board.curves_alt": (
        "Test accuracy by epoch of {count} shared runs, coloured by {field}.",
        "{count} 次分享的训练每轮的测试准确率，按{field}着色。",
    ),
    "class.board.sweep_alt": (
        "Final test accuracy of {count} shared runs against {field}, with the mean of each value.",
        "{count} 次分享的训练的最终测试准确率与{field}的关系，以及每个取值的平均。",
    ),
    "class.board.col.nickname": ("Nickname", "昵称"),
    "class.board.col.run": ("Run", "训练"),
    "class.board.col.final": ("Final accuracy (%)", "最终准确率（%）"),
    "class.board.col.seconds": ("Seconds", "秒"),
    "class.board.col.hidden": ("Hidden", "已隐藏"),
    "class.create.header": ("Create a class", "创建班级"),
    "class.create.name": ("Class name", "班级名称"),
    "class.create.language": ("The class's language", "班级语言"),
    "class.create.code": ("This server's class-creation code", "这台服务器的建班码"),
    "class.create.button": ("Create the class", "创建班级"),
    "class.create.done": (
        "Your class is ready. Keep the recovery code somewhere safe (print it): it gives you the teacher's "
        "controls back on another browser.",
        "班级建好了。请把恢复码保存好（可以打印）：换一个浏览器时，用它可以拿回老师的管理权限。",
    ),
    "class.teach.join_code": ("Join code", "班级码"),
    "class.teach.join_link": (
        "Join link (for the projector or a QR code):",
        "加入链接（投影或做成二维码）：",
    ),
    "class.teach.qr_alt": ("QR code of the class's join link", "班级加入链接的二维码"),
    "class.teach.board_link": ("Read-only board for the projector:", "投影用的只读看板："),
    "class.teach.recovery": ("Recovery code (print it, keep it)", "恢复码（打印并保管）"),
    "class.teach.recover": (
        "Have a recovery code? Take the teacher's controls back",
        "有恢复码？拿回老师的管理权限",
    ),
    "class.teach.recover_button": ("Recover", "恢复"),
    "class.teach.recover_wrong": ("That recovery code is not valid.", "这个恢复码无效。"),
    "class.teach.recovered": (
        "The teacher's controls are back on this browser.",
        "老师的管理权限已回到这个浏览器。",
    ),
    "class.teach.header": ("Teaching “{name}”", "正在教“{name}”"),
    "class.teach.moderate": (
        "Shared runs: tick Hidden to take one off every board",
        "分享的训练：勾选“已隐藏”即可从所有看板上撤下",
    ),
    "class.teach.members": ("Learners", "同学"),
    "class.teach.rename": ("Rename “{nickname}” to", "把“{nickname}”改名为"),
    "class.teach.hide_member": ("Hide this learner's runs", "隐藏这位同学的训练"),
    "class.teach.lock": (
        "Lock the class (no joining, sharing or withdrawing)",
        "锁定班级（不能加入、分享或撤回）",
    ),
    "class.teach.end": ("End the class", "结束班级"),
    "class.teach.ended": ("This class has ended.", "这个班级已经结束。"),
    "class.teach.csv": ("Download the shared runs (CSV)", "下载分享的训练（CSV）"),
    "class.teach.sweep": (
        "A sweep: give each learner who joins the next value of one setting",
        "扫描：给每位加入的同学分配某个设置的下一个取值",
    ),
    "class.teach.sweep_setting": ("Setting", "设置"),
    "class.teach.sweep_values": ("Values", "取值"),
    "class.teach.sweep_budget": (
        "Each run: {images:,} training images, {epochs} epoch(s). On this server's {workers} training "
        "worker(s), {runs} runs take about {minutes:.0f} minutes in all.",
        "每次训练：{images:,} 张训练图片，{epochs} 轮。这台服"
        "务器有 {workers} 个训练进程，{runs} 次训练总共大约需要 "
        "{minutes:.0f} 分钟。",
    ),
    "class.teach.sweep_button": ("Start the sweep", "开始扫描"),
    "class.teach.sweep_set": (
        "Sweep set: learners who join now get values in turn.",
        "扫描已设置：之后加入的同学会依次分到取值。",
    ),
    "class.challenge.header": ("The challenge", "挑战"),
    "class.challenge.rules": (
        "Train on at most **{images}** training images for at most **{epochs}** epoch(s), with the "
        "validation images kept out. Runs are ranked on those 5,000 held-out images; the test accuracy is "
        "shown beside it but decides nothing: the test set is for the very end.",
        "最多用 **{images}** 张训练图片、最多训练 **{epochs}** 轮，并且留出验证集。排名按这 5,000 张留出的"
        "验证图片计算；测试准确率列在旁边，但不参与排名：测试集留到最后才用。",
    ),
    "class.challenge.no_limit": ("any number of", "不限"),
    "class.challenge.train": ("Train for the challenge", "为挑战训练"),
    "class.challenge.train_help": (
        "Sets the training page to the challenge's limits with the validation images kept out.",
        "把训练页面设为挑战的上限，并留出验证集。",
    ),
    "class.challenge.col.place": ("Place", "名次"),
    "class.challenge.unranked": ("Unranked", "未排名"),
    "class.challenge.table_alt": (
        "The challenge's first {count} ranked runs: validation accuracy as bars, test accuracy as red ticks.",
        "挑战中排名前 {count} 的训练：条形是验证准确率，红色刻度是测试准确率。",
    ),
    "class.challenge.col.validation": ("Validation accuracy (%)", "验证准确率（%）"),
    "class.challenge.col.test": ("Test accuracy (%)", "测试准确率（%）"),
    "class.challenge.col.why": ("Unranked because", "未排名的原因"),
    "class.challenge.which.own": ("this run", "这次训练"),
    "class.challenge.which.ancestor": ("a run it branched from", "它分支自的一次训练"),
    "class.challenge.why.validation": (
        "{which} trained on the validation images", "{which}用验证集的图片训练过"),
    "class.challenge.why.train_size": (
        "{which} trained on {images} images (at most {limit})",
        "{which}用了 {images} 张图片（最多 {limit} 张）"),
    "class.challenge.why.epochs": (
        "{which} trained for {epochs} epochs (at most {limit})",
        "{which}训练了 {epochs} 轮（最多 {limit} 轮）"),
    "class.challenge.why.unknown": (
        "a run it branched from is no longer kept, so it cannot be checked",
        "它分支自的训练已不再保留，无法检查",
    ),
    "class.challenge.why.no_validation": (
        "no validation accuracy was measured (share it again)", "没有测量验证准确率（请重新分享）"),
    "class.teach.challenge": (
        "A challenge: rules every shared run is checked against, ranked on a validation split",
        "挑战：检查每次分享的训练是否守规则，并按验证集排名",
    ),
    "class.teach.challenge_images": ("Most training images", "最多训练图片数"),
    "class.teach.challenge_epochs": ("Most epochs", "最多轮数"),
    "class.teach.challenge_button": ("Set the challenge", "设置挑战"),
    "class.teach.challenge_off": ("No challenge", "取消挑战"),
    "class.teach.challenge_set": ("Challenge set: the board ranks the runs that keep to it.",
                                  "挑战已设置：看板会给守规则的训练排名。"),
    "class.teach.sweep_progress": (
        "{done} of {runs} sweep runs shared. At {seconds:.0f} s a run ({basis}) on {workers} training "
        "worker(s), the rest take about {minutes:.0f} more minute(s).",
        "扫描训练已分享 {done}/{runs} 次。按每次 {seconds:.0f} 秒（{basis}）、{workers} 个训练进程计算，"
        "剩下的大约还要 {minutes:.0f} 分钟。",
    ),
    "class.teach.sweep_measured": ("the median of the runs shared", "已分享训练的中位数"),
    "class.teach.sweep_assumed": ("a first guess until runs come in", "在有训练结果前的初步估计"),
    "class.check.share": ("Send my concept-check result to the class", "把我的概念小测结果发给班级"),
    "class.check.share_help": (
        "Only how many questions of each idea you got right, before and after the lessons: no answers, no "
        "nickname. The teacher sees the class's totals once at least five learners have sent theirs.",
        "只发送每个知识点答对了几题（学习前和学习后）：不含答案，也不含昵称。至少五位同学发送后，"
        "老师才能看到全班的汇总。",
    ),
    "class.check.shared": (
        "Sent: your result counts in the class's totals.", "已发送：你的结果会计入全班汇总。"),
    "class.projector.title": ("Class board: {name}", "班级看板：{name}"),
    "class.projector.missing": (
        "No class here: the link may be mistyped, or the class has ended.",
        "这里没有班级：链接可能有误，或者班级已经结束。",
    ),
    "class.wrong_key": ("Only the class's teacher can do that.", "只有这个班级的老师能这样做。"),
}
