"""Password-guessing benchmark: N sessions (threads) each submitting wrong passwords as fast as
they can for a few seconds, with the production hash (PBKDF2-SHA256, 600,000 iterations) —
without the throttle (a bare verify_password, as before issue 13) and through the process-wide
guard (components/throttle.py). Prints the guesses checked per second and the CPU seconds the
process spent per wall-clock second (1.0 = one core busy).

    python bench/bench_signin.py [--sessions 8] [--seconds 10]
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from components.auth import hash_password, verify_password  # noqa: E402
from components.throttle import Guard  # noqa: E402


def hammer(sessions: int, seconds: float, guard: Guard | None, stored: str) -> tuple[float, float]:
    checked = [0] * sessions
    stop = time.monotonic() + seconds

    def run(n: int) -> None:
        attempt = 0
        while time.monotonic() < stop:
            attempt += 1
            tag = f"session-{n}-{attempt}"  # a fresh session per guess: the worst case
            if guard is None:
                verify_password("wrong guess", stored)
                checked[n] += 1
            else:
                outcome = guard.attempt(tag, lambda: verify_password("wrong guess", stored))
                checked[n] += outcome.status in ("wrong", "locked") and outcome.failures > 0
                time.sleep(0.01)  # the round trip of a form submission

    cpu0, wall0 = time.process_time(), time.monotonic()
    threads = [threading.Thread(target=run, args=(n,)) for n in range(sessions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - wall0
    return sum(checked) / wall, (time.process_time() - cpu0) / wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    stored = hash_password("the right passphrase")
    for name, guard in (("no throttle", None), ("throttled", Guard())):
        rate, cpu = hammer(args.sessions, args.seconds, guard, stored)
        print(f"{name:12} {args.sessions} sessions: {rate:5.2f} guesses/s checked, {cpu:4.2f} CPU s per s")


if __name__ == "__main__":
    main()
