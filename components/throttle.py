"""Password-guess throttling (docs/SECURITY.md, "Password guessing").

Three limits around every password check, all in one process-wide `Guard`:
- per session, exponential backoff: after the n-th wrong password in a row the session waits
  `base_delay * 2**(n-1)` seconds (capped) before the next try, and after `lockout_after` wrong
  passwords in a row it is locked out for `lockout` seconds;
- per server, a token bucket: at most `global_burst` checks at once and `global_rate` checks per
  second on average, whatever the number of sessions (a new session is free to open, so the
  per-session limit alone stops nobody);
- per server, one hashing slot: a check never runs while another one is hashing (a slow
  hash times many sessions would otherwise take every core; the page refuses, it does not queue).
Pure Python with an injected clock: tests never sleep. No Streamlit here.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Policy:
    base_delay: float = 1.0  # seconds to wait after the first wrong password
    max_delay: float = 30.0
    lockout_after: int = 5  # wrong passwords in a row
    lockout: float = 300.0  # seconds
    global_rate: float = 0.2  # checks per second, server-wide, on average
    global_burst: int = 5
    max_sessions: int = 10_000  # remembered sessions (the oldest are forgotten first)


@dataclass(frozen=True, slots=True)
class Outcome:
    status: str  # ok | wrong | wait | locked | busy
    wait: float = 0.0  # seconds before the next attempt may be checked
    failures: int = 0  # wrong passwords in a row for this session


@dataclass(slots=True)
class _Session:
    failures: int = 0
    until: float = 0.0  # no check before this time
    seen: float = 0.0


class TokenBucket:
    def __init__(self, rate: float, burst: int, clock: Callable[[], float]) -> None:
        self.rate, self.burst, self.clock = rate, burst, clock
        self.tokens, self.stamp = float(burst), clock()

    def take(self) -> float:
        """0 when a token was taken; else the seconds until one will be there (none taken)."""
        now = self.clock()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate


class Guard:
    """One per process: every session's password checks go through `attempt`."""

    def __init__(self, policy: Policy | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.policy, self.clock = policy or Policy(), clock
        self._bucket = TokenBucket(self.policy.global_rate, self.policy.global_burst, clock)
        self._slot = threading.BoundedSemaphore(1)
        self._lock = threading.Lock()
        self._sessions: dict[str, _Session] = {}

    def _session(self, key: str, now: float) -> _Session:
        state = self._sessions.pop(key, None) or _Session()
        state.seen = now
        self._sessions[key] = state  # most recent last
        while len(self._sessions) > self.policy.max_sessions:
            self._sessions.pop(next(iter(self._sessions)))
        return state

    def _delay(self, failures: int) -> float:
        p = self.policy
        if failures >= p.lockout_after:
            return p.lockout
        return min(p.max_delay, p.base_delay * 2 ** (failures - 1))

    def attempt(self, session: str, check: Callable[[], bool]) -> Outcome:
        """Run `check` (the password comparison) if every limit allows it now."""
        with self._lock:
            now = self.clock()
            state = self._session(session, now)
            if now < state.until:
                locked = state.failures >= self.policy.lockout_after
                return Outcome("locked" if locked else "wait", state.until - now, state.failures)
        if not self._slot.acquire(blocking=False):  # before the token: a refusal costs none
            return Outcome("busy", self.policy.base_delay, state.failures)
        try:
            with self._lock:
                wait = self._bucket.take()
            if wait:
                return Outcome("busy", wait, state.failures)
            ok = check()
        finally:
            self._slot.release()
        with self._lock:
            now = self.clock()
            if ok:
                state.failures, state.until = 0, 0.0
                return Outcome("ok")
            state.failures += 1
            delay = self._delay(state.failures)
            state.until = now + delay
            if state.failures >= self.policy.lockout_after:
                return Outcome("locked", delay, state.failures)
            return Outcome("wrong", delay, state.failures)
