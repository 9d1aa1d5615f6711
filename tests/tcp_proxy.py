"""A TCP proxy on localhost that a test can cut, heal, or turn into a black hole: a database
outage without touching the real database server."""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass, field


@dataclass
class TcpProxy:
    """Forwards 127.0.0.1:<port> to `target`. `cut()` drops every connection and refuses new
    ones; `black_hole()` accepts connections and never answers; `heal()` forwards again."""

    target: tuple[str, int]
    mode: str = "forward"
    _sockets: list[socket.socket] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _listener: socket.socket | None = None
    port: int = 0

    def start(self) -> int:
        self._listen()
        return self.port

    def cut(self) -> None:
        with self._lock:
            self.mode = "refuse"
            self._close_all()

    def black_hole(self) -> None:
        with self._lock:
            self.mode = "black_hole"
            self._close_all()
        self._listen()

    def heal(self) -> None:
        with self._lock:
            self.mode = "forward"
        self._listen()

    def stop(self) -> None:
        self.cut()

    def _listen(self) -> None:
        with self._lock:
            if self._listener is not None:
                return
            listener = socket.socket()
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind(("127.0.0.1", self.port))
            listener.listen(64)
            self.port = listener.getsockname()[1]
            self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _close_all(self) -> None:
        if self._listener is not None:
            _close(self._listener)
            self._listener = None
        for sock in self._sockets:
            _close(sock)
        self._sockets.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # the listener was closed by cut()
            with self._lock:
                self._sockets.append(client)
                if self.mode != "forward":
                    continue  # a black hole: the connection stays open and silent
                try:
                    upstream = socket.create_connection(self.target)
                except OSError:
                    _close(client)
                    continue
                self._sockets.append(upstream)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=_pump, args=(source, sink), daemon=True).start()


def _pump(source: socket.socket, sink: socket.socket) -> None:
    with contextlib.suppress(OSError):
        while data := source.recv(65536):
            sink.sendall(data)
    _close(sink)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()
