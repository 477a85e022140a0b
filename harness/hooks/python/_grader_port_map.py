"""Maps the lab's fixed ports to the free ports the grader chose, so a class can run in parallel.

GRADER_PORT_MAP="3000=41234" sends a bind on port 3000 to port 41234. Any other non-zero port goes
to port 0 (the kernel picks one) so that two students' wrong ports never collide. Every mapped bind
is appended to GRADER_BIND_LOG as one JSON line, so reports can say which port the code asked for; so is
every listen() ({"listen": port}), which wakes the grader's wait for a TCP server (/proc's TCP tables
cost milliseconds a read: the grader reads them when this log changes, and only rarely otherwise).
Patching the class covers `import socket`, `from socket import *`, socketserver and asyncio alike.

For clients, the destination of sendto/connect/connect_ex on a mapped port goes to its mapped port
(a client's ("127.0.0.1", 3000) reaches the grader's server); other destinations are left alone, and
the first few distinct ones are logged as {"to": host, "port": n} so reports can say where the code sent.
"""
import os as _os
import socket as _socket

try:  # CPython's JSON string encoder, in C: `import json` (re with it) cost ~3 ms at every interpreter start.
    from _json import encode_basestring_ascii as _quote
except ImportError:  # Another Python: json itself, once there is something to log.
    _quote = None


def _parse(spec):
    mapping = {}
    for pair in spec.split(","):
        requested, _, actual = pair.partition("=")
        if requested.strip().isdigit() and actual.strip().isdigit():
            mapping[int(requested)] = int(actual)
    return mapping


_MAP = {}
_LOG = None
_sent_to = set()


# Read at start-up, and again by an interpreter forked to run a program (harness/sandbox/launcher.py).
def _configure():
    global _MAP, _LOG
    _MAP = _parse(_os.environ.get("GRADER_PORT_MAP", ""))
    _LOG = _os.environ.get("GRADER_BIND_LOG")
    _sent_to.clear()


_original_bind = _socket.socket.bind


# Each entry maps names to str or int values: the same line json.dumps writes.
def _json_line(entry):
    if _quote is None:
        import json

        return json.dumps(entry)
    return "{%s}" % ", ".join("%s: %s" % (_quote(name), _quote(value) if isinstance(value, str) else int(value)) for name, value in entry.items())


def _log(entry):
    if not _LOG:
        return
    try:
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(_json_line(entry) + "\n")
    except OSError:
        pass


def _mapped_bind(self, address):
    if (
        self.family in (_socket.AF_INET, _socket.AF_INET6)
        and isinstance(address, tuple)
        and len(address) >= 2
        and isinstance(address[1], int)
        and address[1] != 0
    ):
        target = (address[0], _MAP.get(address[1], 0)) + tuple(address[2:])
        result = _original_bind(self, target)
        _log({"host": str(address[0]), "port": address[1], "actual": self.getsockname()[1]})
        return result
    return _original_bind(self, address)


_socket.socket.bind = _mapped_bind

_original_listen = _socket.socket.listen


def _logged_listen(self, *args):
    result = _original_listen(self, *args)
    if self.family in (_socket.AF_INET, _socket.AF_INET6):
        _log({"listen": self.getsockname()[1]})
    return result


_socket.socket.listen = _logged_listen

_original_sendto = _socket.socket.sendto
_original_connect = _socket.socket.connect
_original_connect_ex = _socket.socket.connect_ex
_MAX_SEND_RECORDS = 8


def _record_send(address):
    key = (str(address[0]), address[1])
    if not _LOG or key in _sent_to or len(_sent_to) >= _MAX_SEND_RECORDS:
        return
    _sent_to.add(key)
    _log({"to": key[0], "port": key[1]})


def _destination(sock, address):
    if (
        sock.family in (_socket.AF_INET, _socket.AF_INET6)
        and isinstance(address, tuple)
        and len(address) >= 2
        and isinstance(address[1], int)
        and address[1] != 0
    ):
        actual = _MAP.get(address[1])
        if actual is not None:
            return (address[0], actual) + tuple(address[2:])
        _record_send(address)
    return address


# sendto(data, address) or sendto(data, flags, address): the address is always the last argument.
def _mapped_sendto(self, data, *rest):
    if rest:
        rest = rest[:-1] + (_destination(self, rest[-1]),)
    return _original_sendto(self, data, *rest)


def _mapped_connect(self, address):
    return _original_connect(self, _destination(self, address))


def _mapped_connect_ex(self, address):
    return _original_connect_ex(self, _destination(self, address))


_socket.socket.sendto = _mapped_sendto
_socket.socket.connect = _mapped_connect
_socket.socket.connect_ex = _mapped_connect_ex

_configure()
