"""Starts a run's programs (./launcher.ts): a sandbox slot's, from inside its namespace, as root, for the whole slot;
or an unsandboxed run's, as the grader's own user.

Run as: python3 -c <this file> <uid, or - for none> <socket path>, in the environment a
student's interpreter gets at start (the grader's hook on PYTHONPATH, its PYTHON* variables), because it is one:
a Python program is run by a fork of this interpreter, already started, instead of a fresh one (~0.6 ms against
~15 of a start, twice per submission). It prints its pid, then reads requests on stdin, each "<length>\n" then
that many bytes: fields joined by NUL: id, mode ("exec", or "python" for argv = [this interpreter, file, args...]),
folder, limits ("RLIMIT_NAME=value,..."), descriptors ("1,2" or "1,2,3"), argc, the argv, then the environment.
It answers one line each on stdout: "started <id> <pid>", later "exit <id> <code> <signal number>" (-1 for
none); or "failed <id> <why>". For each request it connects one unix socket per descriptor to the grader's
server, announced by a first line "<id> <descriptor>", and forks: the child leads a new session, takes the limits
(and, given a uid, its own IPC and UTS namespaces and that uid), enters its folder and, with those sockets as its
descriptors, execs the program or, in "python" mode, becomes it (run_as_main_script). Ends when its stdin closes.
"""
import sys

# What the interpreter has loaded once started (site, the grader's hook): all a program finds in sys.modules.
MODULES_AT_START = frozenset(sys.modules)
LAUNCHER_FILE = sys._getframe().f_code.co_filename  # "<string>": its frames are hidden from the programs' tracebacks

import _signal
import _socket
import gc
import os
import resource
import select

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


UID = int(sys.argv[1]) if sys.argv[1] != "-" else None  # "-": unsandboxed, the programs stay this process's uid
MARKER = b"GRADER_RUN_MARKER"  # unsandboxed, in this interpreter's environment: blank, the length of a marker
MARKED = MARKER in os.environb
ADDRESS = sys.argv[2]
UNSHARE = unshare_function() if UID is not None else None  # Linux only, and only as root
# Every descriptor the launcher holds is below its own limit: where closing a range is one close() per descriptor
# (no close_range: macOS), the range stops there.
_soft_limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
DESCRIPTORS_END = _soft_limit if 0 < _soft_limit < 1 << 20 else 1 << 20
running = {}  # pid -> request id


def send(line):
    os.write(1, (line + "\n").encode())


# In the forked child. Execs the program, or returns the function that runs it here (`in_place`): only
# the caller's caller, the top of this file, may call it, once this launcher's frames are gone. What failed
# before the program's own code goes back through `report` (closed by a successful exec, or here).
def become_program(cwd, limits, descriptors, argv, env, streams, report, in_place):
    try:
        os.setsid()
        if UID is not None:
            UNSHARE(CLONE_NEWIPC | CLONE_NEWUTS)
        for pair in limits.split(b","):
            name, _, value = pair.partition(b"=")
            resource.setrlimit(getattr(resource, name.decode()), (int(value), int(value)))
        if UID is not None:
            os.setgroups([])
            os.setgid(UID)
            os.setuid(UID)
        # Resolved inside the namespace, as the uid: a folder the program swapped for a link leads nowhere else.
        os.chdir(cwd)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        for descriptor, stream in zip(descriptors, streams):
            os.dup2(stream.detach(), descriptor)
        _signal.set_wakeup_fd(-1)
        _signal.signal(_signal.SIGCHLD, _signal.SIG_DFL)
        if in_place:
            if MARKED and MARKER in env:
                mark_initial_environment(env[MARKER])
            program = program_in_this_interpreter(argv, env)
            # Every descriptor above the program's is this launcher's (no Python object owns one): closed.
            os.closerange(max(descriptors) + 1, DESCRIPTORS_END)
            return program
        # Python ignores these; an exec keeps what is ignored: the program gets them as any shell starts it.
        for number in (_signal.SIGPIPE, _signal.SIGXFSZ):
            _signal.signal(number, _signal.SIG_DFL)
        os.execvpe(argv[0], argv, env)
    except BaseException as error:  # noqa: B036  (nothing may return into the launcher's loop)
        try:
            os.write(report, ("%s: %s" % (type(error).__name__, error)).encode(errors="replace"))
        finally:
            os._exit(127)


# Unsandboxed, the grader finds what a program left behind by the marker in the environment it started with:
# /proc/<pid>/environ shows the block the kernel wrote at exec, which a fork keeps. A forked program gets this
# interpreter's block, where the blank marker is overwritten with the program's own, in place.
def mark_initial_environment(marker):
    try:
        with open("/proc/self/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        start, end = int(fields[47]), int(fields[48])  # env_start and env_end (proc(5), fields 50 and 51)
        memory = os.open("/proc/self/mem", os.O_RDWR)
    except OSError:
        return  # no /proc: the process group is all the grader has
    try:
        block = os.pread(memory, end - start, start)
        entry = MARKER + b"="
        at = (block.find(b"\0" + entry) + 1) or (0 if block.startswith(entry) else -1)
        if at >= 0 and block.find(b"\0", at) - at - len(entry) == len(marker):
            os.pwrite(memory, marker, start + at + len(entry))
    finally:
        os.close(memory)


# What `python3 <file> <args...>` would have set up by the time the file's first line runs: its argv, its
# environment (and the hook's port map read from it), sys.path[0], a fresh __main__, sys.modules as at start.
def program_in_this_interpreter(argv, env):
    os.environ.clear()
    for name, value in env.items():
        os.environb[name] = value
    arguments = [os.fsdecode(arg) for arg in argv]
    sys.argv = arguments[1:]
    if hasattr(sys, "orig_argv"):
        sys.orig_argv = arguments
    path = os.path.abspath(arguments[1])
    sys.path[0] = os.path.dirname(os.path.realpath(path))
    site = sys.modules.get("site")
    if site is not None:  # its user folders, from HOME (never on sys.path: a copy's HOME has no .local at start)
        site.USER_BASE = site.USER_SITE = None
        site.getusersitepackages()
    for name in [name for name in sys.modules if name not in MODULES_AT_START]:
        del sys.modules[name]
    main = type(sys)("__main__")
    main.__annotations__ = {}
    main.__builtins__ = sys.modules["builtins"]
    main.__file__ = path
    main.__cached__ = None
    main.__loader__ = sys.modules["_frozen_importlib_external"].SourceFileLoader("__main__", path)
    sys.modules["__main__"] = main
    port_map = sys.modules.get("_grader_port_map")
    if port_map is not None:
        port_map._configure()
    return lambda: run_as_main_script(arguments[0], path, main)


def run_as_main_script(interpreter, path, main):
    hold = sys.modules.get("_grader_hold")
    if hold is not None:
        hold._hold()
    try:
        with open(path, "rb") as file:
            source = file.read()
    except OSError as error:
        sys.stderr.write("%s: can't open file %r: [Errno %d] %s\n" % (interpreter, path, error.errno, error.strerror))
        raise SystemExit(2) from None
    sys.excepthook = without_launcher_frames(sys.excepthook)
    exec(compile(source, path, "exec", dont_inherit=True), vars(main))


# An uncaught exception is printed, and ends the interpreter, by Python itself (an exit code, or SIGINT for
# Ctrl+C), as for any script; only the frames of this file, outermost in its traceback, are left out.
def without_launcher_frames(hook):
    def excepthook(kind, value, traceback):
        while traceback is not None and traceback.tb_frame.f_code.co_filename == LAUNCHER_FILE:
            traceback = traceback.tb_next
        if isinstance(value, BaseException):
            value.__traceback__ = traceback
        hook(kind, value, traceback)

    return excepthook


# Returns what the child must run (in "python" mode), None in the launcher.
def start(request):
    fields = request.split(b"\0")
    number = int(fields[0])
    in_place = fields[1] == b"python"
    cwd = fields[2]
    limits = fields[3]
    descriptors = [int(field) for field in fields[4].split(b",")]
    argc = int(fields[5])
    argv = fields[6 : 6 + argc]
    env = dict(field.split(b"=", 1) for field in fields[6 + argc :] if b"=" in field)
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
        return None
    report_read, report_write = os.pipe()  # not inherited: closed by the program's exec
    # What the interpreter holds so far stays out of the program's collections: its pages are not copied by them,
    # nor by its teardown at exit (~2.5 ms less from Ctrl+C to the exit). Python's own advice for a fork without exec.
    gc.freeze()
    pid = os.fork()
    if pid == 0:
        gc.enable()
        os.close(report_read)
        return become_program(cwd, limits, descriptors, argv, env, streams, report_write, in_place)
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
    return None


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


# Serves requests until stdin closes (returns None); in a child forked to run a program, returns what runs it.
def serve():
    gc.disable()  # the launcher makes little garbage, and a collection would leave holes in pages a fork shares
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
                return None
            pending += chunk
            while b"\n" in pending:
                header, _, rest = pending.partition(b"\n")
                length = int(header)
                if len(rest) < length:
                    break
                pending = rest[length:]
                program = start(rest[:length])
                if program is not None:
                    return program
            reap()


program = serve()
if program is None:
    os._exit(0)  # stdin closed, the grader gone (it ends this process with a SIGKILL otherwise): nothing to tear down
del serve, start, reap  # nothing of the launcher's loop stays reachable from the program
program()
