"""Starts a slot's programs from inside the slot's namespace (./launcher.ts), as root, for the whole slot.

Run as: python3 -I -S -c <this file> <uid> <limits: RLIMIT_NAME=value,...> <socket path>. Its start is on the path
of a one-submission run: it imports no pure-Python module (json, socket and signal cost ~13 ms), hence the
plain protocol. It prints its pid, then reads requests on stdin, each "<length>\n" then that many bytes:
fields joined by NUL: id, folder, descriptors ("1,2" or "1,2,3"), argc, the argv, then the environment.
It answers one line each on stdout: "started <id> <pid>", later "exit <id> <code> <signal number>" (-1 for
none); or "failed <id> <why>". For each request it connects one unix socket per descriptor to the worker's
server, announced by a first line "<id> <descriptor>", and forks: the child leads a new session, gets its
own IPC and UTS namespaces and the limits, becomes the uid, enters its folder and execs the program with
those sockets as its descriptors. Ends when its stdin closes.
"""
import _signal
import _socket
import os
import resource
import select
import sys

CLONE_NEWIPC = 0x08000000
CLONE_NEWUTS = 0x04000000


def unshare_function():
    if hasattr(os, "unshare"):  # Python 3.12+
        return os.unshare
    # Before: libc's, through ctypes's C core (ctypes itself costs ~4 ms to import, on the way to the first launch).
    import _ctypes

    address = _ctypes.dlsym(_ctypes.dlopen(None), "unshare")

    def unshare(flags):
        if _ctypes.call_function(address, (flags,)) != 0:
            raise OSError("unshare failed")

    return unshare


UID = int(sys.argv[1])
LIMITS = [(getattr(resource, name), int(value)) for name, _, value in (pair.partition("=") for pair in sys.argv[2].split(","))]
ADDRESS = sys.argv[3]
UNSHARE = unshare_function()
running = {}  # pid -> request id


def send(line):
    os.write(1, (line + "\n").encode())


# In the forked child: never returns. What failed goes back through `report` (closed by a successful exec).
def become_program(cwd, descriptors, argv, env, streams, report):
    try:
        os.setsid()
        UNSHARE(CLONE_NEWIPC | CLONE_NEWUTS)
        for limit, value in LIMITS:
            resource.setrlimit(limit, (value, value))
        os.setgroups([])
        os.setgid(UID)
        os.setuid(UID)
        # Resolved inside the namespace, as the uid: a folder the program swapped for a link leads nowhere else.
        os.chdir(cwd)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        for descriptor, stream in zip(descriptors, streams):
            os.dup2(stream.fileno(), descriptor)
        # Python ignores these; an exec keeps what is ignored: the program gets them as any shell starts it.
        for number in (_signal.SIGPIPE, _signal.SIGXFSZ):
            _signal.signal(number, _signal.SIG_DFL)
        _signal.set_wakeup_fd(-1)
        os.execvpe(argv[0], argv, env)
    except BaseException as error:  # noqa: B036  (nothing may return into the launcher's loop)
        try:
            os.write(report, ("%s: %s" % (type(error).__name__, error)).encode(errors="replace"))
        finally:
            os._exit(127)


def start(request):
    fields = request.split(b"\0")
    number = int(fields[0])
    cwd = fields[1]
    descriptors = [int(field) for field in fields[2].split(b",")]
    argc = int(fields[3])
    argv = fields[4 : 4 + argc]
    env = dict(field.split(b"=", 1) for field in fields[4 + argc :] if b"=" in field)
    streams = []
    try:
        for descriptor in descriptors:
            stream = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
            streams.append(stream)
            stream.connect(ADDRESS)
            stream.sendall(b"%d %d\n" % (number, descriptor))
    except OSError as error:
        for stream in streams:
            stream.close()
        send("failed %d could not reach the worker: %s" % (number, error))
        return
    report_read, report_write = os.pipe()  # not inherited: closed by the program's exec
    pid = os.fork()
    if pid == 0:
        os.close(report_read)
        become_program(cwd, descriptors, argv, env, streams, report_write)
    os.close(report_write)
    for stream in streams:
        stream.close()
    failure = b""
    while True:
        chunk = os.read(report_read, 4096)
        if not chunk:
            break
        failure += chunk
    os.close(report_read)
    if failure:
        os.waitpid(pid, 0)
        send("failed %d %s" % (number, failure.decode(errors="replace").replace("\n", " ")))
    else:
        running[pid] = number
        send("started %d %d" % (number, pid))


def reap():
    while running:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        number = running.pop(pid, None)
        if number is None:
            continue
        if os.WIFSIGNALED(status):
            send("exit %d -1 %d" % (number, os.WTERMSIG(status)))
        else:
            send("exit %d %d -1" % (number, os.WEXITSTATUS(status)))


def main():
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_write, False)
    os.set_blocking(wake_read, False)
    _signal.set_wakeup_fd(wake_write)
    _signal.signal(_signal.SIGCHLD, lambda *_: None)
    send(str(os.getpid()))
    pending = b""
    while True:
        ready, _, _ = select.select([0, wake_read], [], [])
        if wake_read in ready:
            try:
                while os.read(wake_read, 512):
                    pass
            except BlockingIOError:
                pass
            reap()
        if 0 in ready:
            chunk = os.read(0, 65536)
            if not chunk:
                return
            pending += chunk
            while b"\n" in pending:
                header, _, rest = pending.partition(b"\n")
                length = int(header)
                if len(rest) < length:
                    break
                pending = rest[length:]
                start(rest[:length])
            reap()


main()
