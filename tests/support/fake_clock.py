"""A clock for collectors.http that records the waits it is asked for instead of waiting."""

from __future__ import annotations


class FakeClock:
    """Monotonic time that moves only when the code sleeps; `waits` lists every sleep, in order."""

    def __init__(self, start: float = 1000.0):
        self.now = start
        self.waits: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += max(seconds, 0.0)
