"""components/throttle.py: password-guess limits per session and per server, on a test clock."""

from __future__ import annotations

import pytest

from components.auth import hash_password, verify_password
from components.throttle import Guard, Policy, TokenBucket

STORED = hash_password("right one", iterations=1000)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


def guess(guard: Guard, session: str, password: str):
    return guard.attempt(session, lambda: verify_password(password, STORED))


def test_backoff_doubles_after_each_wrong_password(clock):
    guard = Guard(Policy(global_burst=100), clock)
    waits = []
    for n in range(1, 5):
        outcome = guess(guard, "s", "wrong")
        assert (outcome.status, outcome.failures) == ("wrong", n)
        waits.append(outcome.wait)
        too_soon = guess(guard, "s", "right one")  # even the right password waits its turn
        assert too_soon.status == "wait" and 0 < too_soon.wait <= outcome.wait
        clock.now += outcome.wait
    assert waits == [1, 2, 4, 8]


def test_lockout_after_five_wrong_passwords_even_for_the_right_one(clock):
    """The probe: 25 wrong guesses then the right one worked. Now only five guesses are ever
    checked, and the right one is refused until the lockout window has passed."""
    policy = Policy(global_burst=1000, global_rate=1000)
    guard = Guard(policy, clock)
    checked = []

    def check() -> bool:
        checked.append(clock.now)
        return False

    for _ in range(120):  # an attacker retrying every half second for a minute
        last = guard.attempt("s", check)
        clock.now += 0.5
    assert len(checked) == policy.lockout_after
    assert last.status == "locked"
    assert guess(guard, "s", "right one").status == "locked"
    clock.now = checked[-1] + policy.lockout
    assert guess(guard, "s", "right one").status == "ok"


def test_a_success_resets_the_session(clock):
    guard = Guard(Policy(global_burst=100), clock)
    guess(guard, "s", "wrong")
    clock.now += 1
    assert guess(guard, "s", "right one").status == "ok"
    assert guess(guard, "s", "wrong").failures == 1


def test_sessions_are_throttled_separately(clock):
    guard = Guard(Policy(global_burst=100), clock)
    assert guess(guard, "a", "wrong").status == "wrong"
    assert guess(guard, "a", "wrong").status == "wait"
    assert guess(guard, "b", "right one").status == "ok"


def test_many_sessions_share_one_server_budget(clock):
    """Eight sessions guessing as fast as they can get the server's budget, not eight times it."""
    policy = Policy(global_rate=0.2, global_burst=5)
    guard = Guard(policy, clock)
    checked = 0
    for second in range(60):
        clock.now += 1
        for session in range(8):
            checked += guess(guard, f"s{session}-{second}", "wrong").status == "wrong"
    assert checked <= policy.global_burst + 60 * policy.global_rate + 1
    refused = guess(guard, "fresh", "right one")
    assert refused.status == "busy" and refused.wait > 0
    clock.now += refused.wait
    assert guess(guard, "fresh", "right one").status == "ok"


def test_one_hash_at_a_time(clock):
    """While one check is hashing, another session's attempt is refused, not queued."""
    guard = Guard(Policy(global_burst=100), clock)
    inner = []

    def slow_check() -> bool:
        inner.append(guess(guard, "other", "right one"))
        return False

    assert guard.attempt("first", slow_check).status == "wrong"
    assert [o.status for o in inner] == ["busy"]
    assert guess(guard, "other", "right one").status == "ok"  # the slot is free again


def test_token_bucket_refills_at_its_rate(clock):
    bucket = TokenBucket(rate=0.5, burst=2, clock=clock)
    assert bucket.take() == 0 and bucket.take() == 0
    assert bucket.take() == pytest.approx(2.0)
    clock.now += 1
    assert bucket.take() == pytest.approx(1.0)
    clock.now += 1
    assert bucket.take() == 0


def test_remembered_sessions_are_bounded(clock):
    guard = Guard(Policy(global_burst=10_000, global_rate=10_000, max_sessions=50), clock)
    for n in range(200):
        guess(guard, f"s{n}", "wrong")
    assert len(guard._sessions) == 50


def test_an_attempt_refused_for_a_busy_slot_costs_no_server_budget(clock):
    guard = Guard(Policy(global_burst=2, global_rate=0.001), clock)
    guard.attempt("first", lambda: guess(guard, "other", "wrong").status == "busy" and False)
    assert guess(guard, "other", "right one").status == "ok"  # the second token is still there
