"""An asyncio event loop in a thread of its own, driven from synchronous code."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

Result = TypeVar("Result")
STOP_TIMEOUT = 5


class LoopThread:
    """Runs coroutines on one loop in a daemon thread; the rest of the bot stays synchronous."""

    def __init__(self, name: str) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        """Start the thread that runs the event loop."""
        self._thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()
        # Tasks created in the loop's last moments get their cancellation too.
        self.loop.run_until_complete(cancel_the_rest())
        self.loop.close()

    def run(self, coroutine: Coroutine[Any, Any, Result], timeout: float | None = None) -> Result:
        """Run a coroutine on the loop and wait for its result here; RuntimeError once the
        loop has ended (the coroutine is closed, not left behind never awaited)."""
        try:
            future = asyncio.run_coroutine_threadsafe(coroutine, self.loop)
        except RuntimeError:
            coroutine.close()
            raise
        return future.result(timeout)

    def stop(self) -> None:
        """Cancel what is still running on the loop (e.g. a handler waiting for a key), then end."""
        self.run(cancel_the_rest())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join()


async def cancel_the_rest() -> None:
    """Cancel every other task on the running loop and wait until they have ended."""
    # Let tasks that have not started yet take their first step, so that a cancelled wrapper
    # does not leave the coroutine it wraps never awaited.
    await asyncio.sleep(0)
    current = asyncio.current_task()
    pending = [task for task in asyncio.all_tasks() if task is not current]
    for task in pending:
        task.cancel()
    if pending:
        # Bounded: a library task that swallows its cancellation must not block shutdown.
        await asyncio.wait(pending, timeout=STOP_TIMEOUT)
