"""Another app process on one store: `python -m tests.store.other_process URL SECRET NAME N` (test_processes).

It opens the store (maybe while others migrate it), waits for the parent's item, adds 1 to a shared counter N
times (reading, then writing the version it read; again on StaleWrite), writes its own item, waits for its
twin's, and prints what it read as JSON.
"""

import json
import sys
import time

from core.store import StaleWrite, open_store


def wait_for(workspace, kind: str, name: str) -> bytes:
    deadline = time.monotonic() + 30
    while (item := workspace.get(kind, name)) is None:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{kind}/{name} never appeared")
        time.sleep(0.02)
    return item.data


def main(url: str, secret: str, name: str, count: int) -> None:
    store = open_store(url, new_per_hour=1000)
    workspace = store.workspace(secret)
    parent = wait_for(workspace, "test", "from parent")
    conflicts = 0
    for _ in range(count):
        while True:
            item = workspace.get("test", "counter")
            value = 0 if item is None else int(item.data)
            try:
                version = None if item is None else item.version
                workspace.put("test", "counter", str(value + 1).encode(), version)
                break
            except StaleWrite:
                conflicts += 1
    workspace.put("test", f"from {name}", f"written by {name}".encode(), None)
    twin = wait_for(workspace, "test", "from " + ("b" if name == "a" else "a"))
    print(json.dumps({"parent": parent.decode(), "twin": twin.decode(), "conflicts": conflicts}))
    store.dispose()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
