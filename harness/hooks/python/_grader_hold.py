"""Holds an interpreter the grader started ahead of time, before any of the student's code runs.

With GRADER_HOLD_FD=n, Python's own start-up (the slow part of a restart) is done while the previous
run is still being probed; then this module writes b"h" to descriptor n and waits. b"g" lets the
student's file run, exactly as a fresh launch would; anything else (the grader gave up on this run)
ends the interpreter before it has read the file. The variable and the descriptor are gone by then.
"""
import os as _os


# Run at start-up, and again by an interpreter the launcher forked to run a program (harness/sandbox/launcher.py).
def _hold():
    fd = _os.environ.pop("GRADER_HOLD_FD", None)
    if fd is None or not fd.isdigit():
        return
    fd = int(fd)
    go = b""
    try:
        _os.write(fd, b"h")
        go = _os.read(fd, 1)
    except OSError:
        pass
    finally:
        try:
            _os.close(fd)
        except OSError:
            pass
    if go != b"g":
        _os._exit(0)


_hold()
