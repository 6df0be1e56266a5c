"""bot/slots.py: a freed answering slot goes to the longest waiter, never to a newcomer."""

from __future__ import annotations

import threading
import time

import pytest

from bot.slots import FairSlots


def _wait_until(cond: object, timeout: float = 5.0) -> None:
    end = time.monotonic() + timeout
    while not cond():  # type: ignore[operator]
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.001)


def _crowd(slots: FairSlots, holders: int, n: int) -> tuple[list[int], int]:
    """n threads through `slots`, started one by one once the previous one is queued; returns the order they
    got in and the most that were inside at once."""
    order: list[int] = []
    inside = most = 0
    guard = threading.Lock()
    release = threading.Event()

    def work(i: int) -> None:
        nonlocal inside, most
        with slots:
            with guard:
                order.append(i)
                inside += 1
                most = max(most, inside)
            release.wait()
            time.sleep(0.002)
            with guard:
                inside -= 1

    threads = [threading.Thread(target=work, args=(i,)) for i in range(n)]
    for i, t in enumerate(threads):
        t.start()
        if i >= holders:  # the first ones hold the slots; each later one is queued before the next starts
            _wait_until(lambda i=i: slots.waiting == i - holders + 1)
    release.set()
    for t in threads:
        t.join(5)
    return order, most


def test_waiters_get_the_slot_in_arrival_order() -> None:
    order, _ = _crowd(FairSlots(1), holders=1, n=8)
    assert order == list(range(8))


def test_at_most_n_hold_a_slot() -> None:
    order, most = _crowd(FairSlots(2), holders=2, n=8)
    assert sorted(order) == list(range(8)) and most == 2


def test_a_newcomer_does_not_overtake_a_waiter() -> None:
    """The case threading.Semaphore gets wrong: a slot freed while someone waits is theirs, not the next caller's."""
    slots = FairSlots(1)
    got: list[str] = []
    slots.__enter__()  # held

    def wait_then_record() -> None:
        with slots:
            got.append("waiter")

    waiter = threading.Thread(target=wait_then_record)
    waiter.start()
    _wait_until(lambda: slots.waiting == 1)
    slots.__exit__(None, None, None)  # handed to the waiter
    with slots:  # the newcomer queues behind it
        got.append("newcomer")
    waiter.join(5)
    assert got == ["waiter", "newcomer"]


def test_no_slots_is_an_error() -> None:
    with pytest.raises(ValueError):
        FairSlots(0)
