"""The UI text of each page, `TEXT = {key: (english, chinese)}`; merged by `core.i18n`."""
