"""A real SMTP server on 127.0.0.1 for the desk's benchmark, which it can stop,
slow down and start again, and which counts what it receives.

It runs aiosmtpd in a thread of the benchmark's process. Each accepted message
is kept (recipients, subject and text), so that the benchmark counts deliveries
where they arrive rather than trusting the sender's records. `delay` seconds
are spent on each message before it is accepted: a slow mail server.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import threading
from dataclasses import dataclass
from typing import Any

from aiosmtpd.controller import Controller


@dataclass(frozen=True)
class Received:
    recipients: tuple[str, ...]
    subject: str
    text: str


class Handler:
    """aiosmtpd's hook: wait `delay`, then keep the message and accept it."""

    def __init__(self) -> None:
        self.delay = 0.0
        self.received: list[Received] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.delay:
            await asyncio.sleep(self.delay)
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        parts = [
            part.get_content() for part in message.walk() if part.get_content_maintype() == "text"
        ]
        with self._lock:
            self.received.append(
                Received(
                    recipients=tuple(address.lower() for address in envelope.rcpt_tos),
                    subject=str(message.get("Subject", "")),
                    text="\n".join(parts),
                )
            )
        return "250 Message accepted for delivery"

    def messages(self) -> list[Received]:
        with self._lock:
            return list(self.received)


class MailServer:
    """Start, stop, slow down; the port stays the same across restarts."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.handler = Handler()
        self._controller: Controller | None = None

    @property
    def running(self) -> bool:
        return self._controller is not None

    def start(self, *, delay: float = 0.0) -> None:
        self.handler.delay = delay
        if self._controller is None:
            controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
            controller.start()
            self._controller = controller

    def slow(self, delay: float) -> None:
        """Spend `delay` seconds on each message from now on (0: normal speed)."""
        self.handler.delay = delay

    def stop(self) -> None:
        """Close the port: the portal's mail now meets a refused connection."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
