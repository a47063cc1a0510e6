import threading

from components.gate import Gate


def test_no_more_runs_than_the_limit_hold_a_turn_at_once():
    gate, inside, most, lock = Gate(limit=2, wait=30.0), [0], [0], threading.Lock()
    release, entered = threading.Event(), threading.Semaphore(0)

    def run():
        with gate.turn() as had:
            assert had
            with lock:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            entered.release()
            release.wait()
            with lock:
                inside[0] -= 1

    threads = [threading.Thread(target=run) for _ in range(5)]
    for thread in threads:
        thread.start()
    entered.acquire()
    entered.acquire()  # two are in; the three others wait for a slot
    assert inside[0] == 2
    release.set()
    for thread in threads:
        thread.join()
    assert most[0] == 2 and inside[0] == 0


def test_a_run_that_waited_too_long_goes_ahead_and_gives_back_no_slot():
    gate = Gate(limit=1, wait=0.0)
    with gate.turn() as first:
        with gate.turn() as second:  # the only slot is taken: goes ahead without one
            assert first and not second
    with gate.turn() as again:  # the slot was released once, not twice
        assert again


def test_an_exception_gives_the_slot_back():
    gate = Gate(limit=1, wait=0.0)
    try:
        with gate.turn():
            raise RuntimeError("page failed")
    except RuntimeError:
        pass
    with gate.turn() as had:
        assert had
