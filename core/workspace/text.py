"""The workspace's texts: the sidebar's badge, the notices, the "Your work" page and the privacy page."""

TEXT = {
    "nav.workspace": ("Your work", "我的作品"),
    "nav.privacy": ("Privacy", "隐私"),
    "workspace.saved": (
        "Your work is kept on this server: a refresh, a new tab or a restart keeps it.",
        "你的作品保存在这台服务器上：刷新、新标签页或服务器重启都不会丢。",
    ),
    "workspace.saving_off": (
        "Saving is off on this server: your work lasts as long as this tab.",
        "这台服务器关闭了保存：你的作品只在这个标签页里。",
    ),
    "workspace.not_saved": ("Not saved", "未保存"),
    "workspace.unavailable": (
        "The server cannot reach its database just now. Your work stays in this tab and is saved "
        "as soon as it can be.",
        "服务器暂时连不上数据库。你的作品先留在这个标签页里，一恢复就会保存。",
    ),
    "workspace.full": (
        "Your workspace is full ({used:,} of {limit:,} bytes): the last change stays in this tab only. "
        "Delete a few runs on the experiments page to make room.",
        "你的工作区满了（已用 {used:,} / {limit:,} 字节）：最近的改动只留在这个标签页里。"
        "到“实验台”删掉几次训练就能腾出空间。",
    ),
    "workspace.server_full": (
        "This server's storage is full ({used:,} of {limit:,} bytes): the last change stays in this tab "
        "only. Tell your teacher.",
        "这台服务器的存储满了（已用 {used:,} / {limit:,} 字节）：最近的改动只留在这个标签页里。请告诉老师。",
    ),
    "workspace.too_many": (
        "Too many new workspaces from your network this hour (at most {limit}): your work stays in this "
        "tab for now and is saved later.",
        "这一小时里从你的网络新建的工作区太多了（最多 {limit} 个）：作品先留在这个标签页里，稍后再保存。",
    ),
    "workspace.stale": (
        "This was changed in another tab first ({what}): that newer version is shown now. Make your change "
        "again if you still want it.",
        "它已经在另一个标签页里改过了（{what}）：现在显示的是那个更新的版本。如果还需要，请再改一次。",
    ),
    "workspace.title": ("Your work", "我的作品"),
    "workspace.intro": (
        "Everything you make here — kept training runs, the model every page uses, your network design, "
        "your own handwritten digits, your language — is kept in a workspace on this server. This "
        "browser finds it again by a cookie that holds a long random key; nobody without that key can "
        "read or change your work, and the key never appears in an address.",
        "你在这里做的一切——保留的训练、各页面使用的模型、你设计的网络、你手写的数字、你选的语言——都保存在这台"
        "服务器上的一个工作区里。这个浏览器靠一个存着长随机密钥的 cookie 找回它；没有这把密钥的人既看不到也"
        "改不了你的作品，密钥也从不出现在网址里。",
    ),
    "workspace.holds": ("What your workspace holds", "工作区里有什么"),
    "workspace.empty": (
        "Nothing yet: your workspace is made the first time you keep something.",
        "还什么都没有：第一次保存东西时才会建立工作区。",
    ),
    "workspace.count.run": ("Kept training runs", "保留的训练"),
    "workspace.count.collection": ("Collection of your digits", "你的数字收藏"),
    "workspace.count.model": ("Your own model", "你自己的模型"),
    "workspace.count.design": ("Your network design", "你设计的网络"),
    "workspace.count.bytes": ("Space used", "占用空间"),
    "workspace.how_long": (
        "This browser keeps the cookie for up to 400 days (Safari: 7 days without a visit). The server "
        "removes a workspace nobody has opened for {days:g} days. To be sure, make a transfer code "
        "below, or download what you want to keep (runs on the experiments page, digits on the sketch page).",
        "这个浏览器最多保留 cookie 400 天（Safari：7 天不访问就删除）。服务器会删除 {days:g} 天没人打开的"
        "工作区。想稳妥一些，就在下面生成一个转移码，或者把想留的东西下载下来（训练在“实验台”，数字在“手写”页）。",
    ),
    "workspace.transfer.header": ("Continue on another device", "在另一台设备上继续"),
    "workspace.transfer.body": (
        "Make a one-time code, then open this app on the other device and enter it there (or open the "
        "link). It works once, within 10 minutes.",
        "生成一个一次性转移码，然后在另一台设备上打开本应用并输入它（或打开链接）。"
        "它只能用一次，10 分钟内有效。",
    ),
    "workspace.transfer.make": ("Make a transfer code", "生成转移码"),
    "workspace.transfer.code": (
        "Your code: **{code}** — valid until {until} (10 minutes), once.",
        "你的转移码：**{code}** —— 有效到 {until}（10 分钟），只能用一次。",
    ),
    "workspace.transfer.link": ("Or open this link on the other device:", "或者在另一台设备上打开这个链接："),
    "workspace.transfer.qr_alt": ("QR code of the transfer link", "转移链接的二维码"),
    "workspace.transfer.enter": ("Have a code from another device?", "有另一台设备给的转移码？"),
    "workspace.transfer.enter_help": (
        "8 letters and digits, as the other device shows them; case and dashes do not matter.",
        "8 个字母和数字，和另一台设备上显示的一样；大小写和短横线都没关系。",
    ),
    "workspace.transfer.look": ("Look at what it holds", "看看里面有什么"),
    "workspace.transfer.unknown": (
        "That code is not valid: it may be mistyped, used already, or older than 10 minutes.",
        "这个转移码无效：可能输错了、已经用过，或者超过了 10 分钟。",
    ),
    "workspace.transfer.offer": (
        "The code opens a workspace with {runs} kept runs, {digits} and {model}. Taking it replaces what "
        "this browser shows now ({mine_runs} kept runs, {mine_digits}), which stays on the server, "
        "reachable by a transfer code made on this browser before.",
        "这个转移码对应的工作区里有 {runs} 次保留的训练、{digits}，以及{model}。接收它会替换这个浏览器现在"
        "显示的内容（{mine_runs} 次保留的训练、{mine_digits}）；那些内容仍留在服务器上，用之前在这个浏览器上"
        "生成的转移码还能找回。",
    ),
    "workspace.transfer.digits_yes": ("a collection of handwritten digits", "一份手写数字收藏"),
    "workspace.transfer.digits_no": ("no handwritten digits", "没有手写数字"),
    "workspace.transfer.model_yes": ("a model of its own", "一个它自己的模型"),
    "workspace.transfer.model_no": ("the pretrained model", "预训练模型"),
    "workspace.transfer.take": ("Replace my work with it", "用它替换我的作品"),
    "workspace.transfer.cancel": ("Keep my work", "保留我的作品"),
    "workspace.transfer.done": (
        "This browser now opens the workspace of the code.", "这个浏览器现在打开的是转移码对应的工作区。",
    ),
    "workspace.fresh.header": ("Not my computer: start fresh", "不是我的电脑：重新开始"),
    "workspace.fresh.body": (
        "On a shared computer, this makes the browser forget your workspace without deleting it: the "
        "next learner starts empty, and your work stays reachable by a transfer code you made before.",
        "在公用电脑上，这会让浏览器忘掉你的工作区，但不删除它：下一位同学从空白开始，你的作品用之前生成的"
        "转移码还能找回。",
    ),
    "workspace.fresh.button": ("Forget my workspace on this browser", "让这个浏览器忘掉我的工作区"),
    "workspace.fresh.done": (
        "This browser now starts with an empty workspace.", "这个浏览器现在从一个空的工作区开始。",
    ),
    "workspace.forget.header": ("Forget me", "删除我的作品"),
    "workspace.forget.body": (
        "Deletes your workspace and everything in it from the server, for good: runs, model, design, "
        "digits. It cannot be undone, and transfer codes for it stop working.",
        "从服务器上彻底删除你的工作区和里面的一切：训练、模型、设计、数字。无法撤销，它的转移码也会失效。",
    ),
    "workspace.forget.confirm": ("Yes, delete everything I made", "是的，删除我做的一切"),
    "workspace.forget.button": ("Delete my workspace", "删除我的工作区"),
    "workspace.forget.done": ("Your workspace is deleted.", "你的工作区已删除。"),
    "workspace.privacy_link": (
        "What is kept, where and for how long: see Privacy.", "保存了什么、存在哪里、保存多久：见“隐私”页。",
    ),
    "privacy.title": ("Privacy", "隐私"),
    "privacy.body": (
        "**What is kept.** What you make in this app: kept training runs (their settings, curves and "
        "weights), the model the pages use, your network design, your language, and the digits you draw "
        "and keep — drawings by learners who may be young, so treat them with care. Nothing else: no "
        "name, no e-mail, no account.\n\n"
        "**Where.** In this server's database (a file on the server, or the school's database server). "
        "Your browser keeps only a cookie with a long random key that opens your workspace; the server "
        "keeps a fingerprint (SHA-256) of that key, never the key itself, and never writes it to a log.\n\n"
        "**For how long.** Until you delete it, or until nobody has opened it for {days:g} days. The "
        "browser keeps the cookie for at most 400 days (Safari: 7 days without a visit).\n\n"
        "**Who can see it.** Only a browser with your key. A teacher sees only what you share with a "
        "class.\n\n"
        "**How to delete it.** On “Your work”: “Forget me” deletes everything for good; “Start fresh” "
        "makes this browser forget the key without deleting anything.",
        "**保存了什么。** 你在这个应用里做的东西：保留的训练（设置、曲线和权重）、各页面使用的模型、"
        "你设计的网络、"
        "你选的语言，以及你写下并保存的数字——写字的可能是年纪很小的同学，请慎重对待。除此之外什么都不存："
        "没有姓名、没有邮箱、没有账号。\n\n"
        "**存在哪里。** 在这台服务器的数据库里（服务器上的一个文件，或学校的数据库服务器）。"
        "你的浏览器只保存一个"
        "cookie，里面是打开你工作区的长随机密钥；服务器只保存这把密钥的指纹（SHA-256），从不保存密钥本身，"
        "也从不把它写进日志。\n\n"
        "**保存多久。** 直到你删除它，或者连续 {days:g} 天没人打开它。浏览器最多保留这个 cookie 400 天"
        "（Safari：7 天不访问就删除）。\n\n"
        "**谁能看到。** 只有持有你密钥的浏览器。老师只能看到你分享给班级的内容。\n\n"
        "**如何删除。** 在“我的作品”页：“删除我的作品”会彻底删除一切；"
        "“重新开始”只让这个浏览器忘掉密钥，不删除任何东西。",
    ),
}
