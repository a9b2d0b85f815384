"""Chapter kernels forked from a warm process instead of each started from scratch.

A chapter's kernel used to be a new Python that imported ipykernel, IPython,
pandas and numpy before running a cell: about 0.7 s of CPU for each of the
six chapters, on a machine with two cores. ``ForkServer`` is one process per
build that imports those once (``WARM``) and forks a kernel for each chapter;
the child becomes an ordinary ``ipykernel`` (the same code, on the connection
file jupyter_client wrote), in its own session, with the chapter's working
folder, environment and standard streams, as ``Popen`` would have given it.

Only third-party libraries are imported ahead: the book's own modules are
imported by the chapter, so every file a chapter opens is still opened (and
recorded, ``execute.RECORDER``) in its kernel. matplotlib is imported ahead as
a kernel would import it (``MPL_WARM``: about 0.3 s of each chapter that draws):
with the backend ipykernel gives a kernel whose environment names none, and
without pyplot, which is imported in the kernel, where the inline backend hooks
into the kernel's shell. What matplotlib's import reads of its surroundings
(``_mpl_surroundings``) is checked again in each kernel; where it differs (a
``matplotlibrc`` in the chapter's folder, another MPLBACKEND), the kernel is
started from scratch instead, as jupyter_client would have started it.

jupyter_client is told through its provisioner interface (``ForkProvisioner``
and ``ForkKernelManager``, handed to papermill as ``kernel_manager_class``);
polling, signals and kills go to the forked kernel's process and session.
"""
from __future__ import annotations

import asyncio
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid

# Imported once by the server, never by the book's own code (see above).
WARM = ("IPython", "ipykernel.kernelapp", "ipykernel.ipkernel", "jupyter_client", "zmq", "tornado",
        "numpy", "pandas", "networkx", "PIL.Image")
ENV = "BOOK_KERNEL_SERVER"          # the server's socket, for the workers that start kernels
# matplotlib without pyplot (see above), as ipykernel leaves MPLBACKEND when unset
MPL_WARM = ("matplotlib", "matplotlib.figure", "matplotlib.axes", "matplotlib.font_manager",
            "matplotlib.backends.backend_agg", "matplotlib.dates", "matplotlib.ticker")
MPL_INLINE = "module://matplotlib_inline.backend_inline"
_MPL_ENV = ("MPLBACKEND", "MATPLOTLIBRC", "MPLCONFIGDIR", "HOME", "XDG_CONFIG_HOME",
            "XDG_CACHE_HOME")
_mpl_warmed: tuple | None = None    # the surroundings matplotlib was imported in, once it is


def _mpl_surroundings(env, cwd: str) -> tuple:
    """What importing matplotlib reads of where it runs: the variables it
    consults (MPLBACKEND as ipykernel leaves it) and whether the working folder
    has a matplotlibrc of its own."""
    seen = {k: env.get(k) for k in _MPL_ENV}
    seen["MPLBACKEND"] = env.get("MPLBACKEND") or MPL_INLINE
    return tuple(sorted(seen.items())), os.path.isfile(os.path.join(cwd, "matplotlibrc"))


class _Imported:
    """A finder that gives back the modules the server imported ahead, when
    the chapter imports them: until then the kernel has no matplotlib, as a
    fresh one has none (a chapter that never draws looks for no matplotlibrc);
    at the chapter's ``import matplotlib`` the module comes back, without
    running again, and looks for its rc file where the chapter runs, as its
    import does (``matplotlib_fname``), so the build records that look."""

    def __init__(self, modules: dict) -> None:
        self.modules = modules

    def find_spec(self, name, path=None, target=None):
        if name not in self.modules:
            return None
        import importlib.util
        return importlib.util.spec_from_loader(name, self)

    def create_module(self, spec):
        module = self.modules.pop(spec.name)
        if spec.name == "matplotlib":
            module.matplotlib_fname()
        return module

    def exec_module(self, module) -> None:
        pass


def _hide_matplotlib() -> None:
    ahead = {name: sys.modules.pop(name) for name in list(sys.modules)
             if name == "matplotlib" or name.startswith("matplotlib.")}
    sys.meta_path.insert(0, _Imported(ahead))


def _warm_matplotlib() -> None:
    global _mpl_warmed
    import importlib

    surroundings = _mpl_surroundings(os.environ, os.getcwd())
    unset = not os.environ.get("MPLBACKEND")
    if unset:
        os.environ["MPLBACKEND"] = MPL_INLINE
    try:
        for name in MPL_WARM:
            importlib.import_module(name)
    finally:
        if unset:
            del os.environ["MPLBACKEND"]
    _mpl_warmed = surroundings


# --- the server (its own process) ---------------------------------------------------

def _reap(*_) -> None:
    """Collect every finished kernel, so that its pid stops answering."""
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _become_kernel(conn: socket.socket, server: socket.socket, request: dict, fds: list[int]) -> None:
    """In the forked child: the kernel jupyter_client asked for."""
    server.close()
    conn.close()
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    os.setsid()                                   # its own session, as Popen(start_new_session=True)
    # no standard input (jupyter_client gives a kernel a pipe nobody writes to),
    # the asking process's output and errors
    fds = [os.open(os.devnull, os.O_RDONLY), *fds]
    for target, fd in zip((0, 1, 2), fds):
        os.dup2(fd, target)
    for fd in fds:
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    if _mpl_warmed is not None:
        if _mpl_surroundings(os.environ, os.getcwd()) != _mpl_warmed:
            # this kernel's matplotlib would read other settings than the server's
            # did: a kernel started from scratch, as jupyter_client starts one
            os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *request["args"]])
        _hide_matplotlib()
    # as ipykernel_launcher leaves them: its path as argv[0], no folder of its own on sys.path
    import ipykernel_launcher
    if sys.path and sys.path[0] == _OWN_PATH:
        del sys.path[0]
    sys.argv = [ipykernel_launcher.__file__, *request["args"]]
    from ipykernel.kernelapp import launch_new_instance
    try:
        # ipykernel read these from the environment when the server imported it:
        # the kernel's own (the parent it watches and ends with) are its environment's
        launch_new_instance(argv=request["args"],
                            parent_handle=int(os.environ.get("JPY_PARENT_PID") or 0),
                            interrupt=int(os.environ.get("JPY_INTERRUPT_EVENT") or 0))
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


_OWN_PATH = sys.path[0] if sys.path else None    # the server's own folder, put first as a script's


def serve(path: str) -> None:
    """Listen, import ``WARM`` (a request waits meanwhile), then fork a kernel
    per request until standard input closes."""
    import importlib

    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(16)
    for name in WARM:
        importlib.import_module(name)
    _warm_matplotlib()
    signal.signal(signal.SIGCHLD, _reap)
    while True:
        ready, _, _ = select.select([server, sys.stdin], [], [])
        if sys.stdin in ready and not sys.stdin.readline():
            return                                # the build is over (or gone)
        if server in ready:
            conn, _ = server.accept()
            data, fds, _flags, _addr = socket.recv_fds(conn, 65536, 2)
            request = json.loads(data.decode("utf-8"))
            pid = os.fork()
            if pid == 0:
                _become_kernel(conn, server, request, fds)
            for fd in fds:
                os.close(fd)
            conn.sendall(json.dumps({"pid": pid}).encode("utf-8"))
            conn.close()


# --- the build's side ----------------------------------------------------------------

class ForkServer:
    """The server, started for a build's chapters and stopped after them."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="book-kernels-")
        self.path = os.path.join(self.folder, "socket")
        # run as a file, not as ``-m analysis.book.kernels``: a kernel must not
        # find the book's own package imported ahead of the chapter
        self.proc = subprocess.Popen([sys.executable, __file__, self.path],
                                     stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        # not waited for: the first kernel is asked for seconds later (fork_kernel
        # waits for the socket if need be)
        os.environ[ENV] = self.path               # for the workers forked after this

    def close(self) -> None:
        if os.environ.get(ENV) == self.path:
            del os.environ[ENV]
        if self.proc.poll() is None:
            # Its kernels have all ended by now (they are not its to keep:
            # each is in a session of its own); it may still be importing.
            try:
                self.proc.stdin.close()
                self.proc.wait(timeout=0.5)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass
        os.rmdir(self.folder)

    def __enter__(self) -> "ForkServer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def fork_kernel(path: str, args: list[str], cwd: str, env: dict[str, str]) -> int:
    """Ask the server at ``path`` for a kernel; its pid. It gets this process's
    standard output and errors (where the build sends a chapter's kernel log)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        deadline = time.monotonic() + 60
        while True:
            try:
                conn.connect(path)
                break
            except (FileNotFoundError, ConnectionRefusedError):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the chapter kernels' fork server is not listening at {path}") from None
                time.sleep(0.02)
        message = json.dumps({"args": args, "cwd": cwd, "env": env}).encode("utf-8")
        socket.send_fds(conn, [message], [1, 2])
        conn.shutdown(socket.SHUT_WR)
        reply = b""
        while chunk := conn.recv(4096):
            reply += chunk
    return int(json.loads(reply.decode("utf-8"))["pid"])


class ForkedProcess:
    """What jupyter_client asks of a kernel's ``Popen``, for a forked kernel
    (not this process's child: it is gone once the server has collected it)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode = None

    def poll(self):
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                self.returncode = 0
            except PermissionError:
                pass
        return self.returncode

    def wait(self, timeout=None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired("kernel", timeout)
            time.sleep(0.02)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        try:
            os.kill(self.pid, signum)
        except ProcessLookupError:
            pass

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


# How often a kernel that was asked to shut down is looked at (jupyter_client's: 0.1 s).
POLL = 0.01


def _classes():
    from queue import Empty

    from jupyter_client.asynchronous import AsyncKernelClient
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_client.provisioning import LocalProvisioner
    from traitlets import default

    class ForkKernelClient(AsyncKernelClient):
        """jupyter_client's client, ready without its fixed pauses: it waits
        0.2 s for an IOPub message after the kernel's first reply and 0.2 s more
        for any after that, about 0.4 s of each chapter. Here a kernel is ready
        once a kernel_info request has its reply and its own "idle" status has
        come on IOPub: IOPub is connected, and all the kernel published before
        it has been read (messages on a socket keep their order)."""

        async def _ready(self, timeout: float | None = None) -> None:
            deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
            asked: set[str] = set()
            while True:
                msg_id = self.kernel_info()
                asked.add(msg_id)
                try:
                    reply = await self._async_recv_reply(msg_id, timeout=1)
                except (Empty, TimeoutError):
                    reply = None
                if reply is not None:
                    # the idle status of one of the requests; none within 50 ms:
                    # IOPub was not yet connected when it was sent, ask again
                    seen_by = time.monotonic() + 0.05
                    while (left := seen_by - time.monotonic()) > 0:
                        try:
                            msg = await self.iopub_channel.get_msg(timeout=left)
                        except Empty:
                            break
                        if (msg["parent_header"].get("msg_id") in asked and msg["msg_type"] == "status"
                                and msg["content"].get("execution_state") == "idle"):
                            self._handle_kernel_info_reply(reply)
                            return
                if not await self._async_is_alive():
                    raise RuntimeError("Kernel died before replying to kernel_info")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")

        wait_for_ready = _ready

    class ForkProvisioner(LocalProvisioner):
        """LocalProvisioner, launching through the fork server."""

        async def launch_kernel(self, cmd, **kwargs):
            if list(cmd[1:3]) != ["-m", "ipykernel_launcher"] or os.path.realpath(cmd[0]) != \
                    os.path.realpath(sys.executable):
                return await super().launch_kernel(cmd, **kwargs)    # not a kernel the server makes
            env = {k: str(v) for k, v in (kwargs.get("env") or os.environ).items()}
            if not kwargs.get("independent"):
                env["JPY_PARENT_PID"] = str(os.getpid())     # as jupyter_client's launcher does
            cwd = str(kwargs.get("cwd") or os.getcwd())
            pid = fork_kernel(os.environ[ENV], list(cmd[3:]), cwd, env)
            self.process = ForkedProcess(pid)
            self.pid = self.pgid = pid
            self.cwd = cwd
            return self.connection_info

        async def wait(self):
            if not isinstance(self.process, ForkedProcess):
                return await super().wait()
            while await self.poll() is None:
                await asyncio.sleep(POLL)
            ret, self.process = self.process.wait(), None
            return ret

    class ForkKernelManager(AsyncKernelManager):
        """A kernel manager whose kernels come from the fork server, with
        ``ForkKernelClient`` and a kernel that was asked to shut down looked at
        every ``POLL`` seconds."""

        @default("client_factory")
        def _client_factory_default(self):
            return ForkKernelClient

        async def _async_finish_shutdown(self, waittime=None, pollinterval=0.1, restart=False):
            return await super()._async_finish_shutdown(waittime, POLL, restart)

        async def _async_pre_start_kernel(self, **kw):
            if self.provisioner is None:
                self.kernel_id = self.kernel_id or kw.pop("kernel_id", str(uuid.uuid4()))
                self.provisioner = ForkProvisioner(kernel_id=self.kernel_id, kernel_spec=self.kernel_spec,
                                                   parent=self)
            return await super()._async_pre_start_kernel(**kw)

    return ForkProvisioner, ForkKernelManager, ForkKernelClient


def kernel_manager_class():
    """The kernel manager class for papermill, when a fork server is running
    (``ENV`` set), else None (jupyter_client's own)."""
    if not os.environ.get(ENV):
        return None
    return _classes()[1]


if __name__ == "__main__":
    serve(sys.argv[1])
