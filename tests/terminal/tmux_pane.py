"""A private tmux server with one pane of a known size, for tests that need a real
terminal: the program's stdout is a TTY, and capture-pane shows what a person sees.

Each Pane runs its own server (tmux -L with a unique socket name) and kills only
that server when closed. Waits are bounded loops: nothing waits forever.
"""
import os
import re
import shutil
import subprocess
import tempfile
import time
import uuid

SGR = re.compile(rb"\x1b\[[0-9;]*m")


class Pane:
    def __init__(self, width=80, height=50, env=None, path_dirs=()):
        if not shutil.which("tmux"):
            raise SystemExit("tmux is not installed")
        self.socket = f"advisor-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.dir = tempfile.mkdtemp(prefix="advisor-tmux-")
        pane_env = {
            "HOME": self.dir,
            "PATH": os.pathsep.join(list(path_dirs) + ["/usr/bin", "/bin"]),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "PS1": "$ ",
        }
        pane_env.update(env or {})
        # env -i: the pane sees only what the test says (no NO_COLOR, LANG or
        # ADVISOR_CATALOG leaking in from the caller).
        cmd = ["env", "-i"] + [f"{k}={v}" for k, v in pane_env.items()] + ["bash", "--norc", "--noprofile"]
        server_env = dict(os.environ, LANG="C.UTF-8")
        server_env.pop("TMUX", None)
        self._server_env = server_env
        self.tmux("-f", "/dev/null", "new-session", "-d", "-x", str(width), "-y", str(height), "-s", "t", *cmd)
        self.tmux("set-option", "-t", "t", "status", "off")
        self.wait_for(lambda s: s.rstrip().endswith("$"), what="the shell prompt")

    def tmux(self, *args):
        return subprocess.run(["tmux", "-u", "-L", self.socket, *args], check=True, capture_output=True,
                              env=self._server_env, timeout=20).stdout.decode("utf-8", "replace")

    def send_line(self, text):
        # -l: literal, so "py?" or ";" are typed as they are.
        if text:
            self.tmux("send-keys", "-t", "t", "-l", text)
        self.tmux("send-keys", "-t", "t", "Enter")

    def send_keys(self, *keys):
        self.tmux("send-keys", "-t", "t", *keys)

    def screen(self, joined=False):
        """The visible pane as text, one line per row (joined: lines the terminal
        wrapped are joined back, as the program wrote them)."""
        return self.tmux("capture-pane", "-p", *(["-J"] if joined else []), "-t", "t")

    def wait_for(self, predicate, what, timeout=20.0, joined=False):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            s = self.screen(joined)
            if predicate(s):
                return s
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; the pane shows:\n{self.screen()}")

    def run(self, command, timeout=20.0, clear=True):
        """Runs a shell command in the pane and waits until it ends; returns its exit code."""
        marker = f"__done_{uuid.uuid4().hex[:6]}__"
        self.send_line(f"{'clear; ' if clear else ''}{command}; echo {marker}$?")
        s = self.wait_for(lambda s: re.search(marker + r"\d+", s) is not None, what=command, timeout=timeout, joined=True)
        return int(re.search(marker + r"(\d+)", s).group(1))

    def record(self, path):
        """Copies every byte written to the pane from now on to path (escapes included)."""
        self.tmux("pipe-pane", "-o", "-t", "t", f"cat > {path}")

    def stop_recording(self):
        self.tmux("pipe-pane", "-t", "t")

    def close(self):
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, env=self._server_env)
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def display_width(text):
    """Terminal columns, as utf8proc and tmux count them: East Asian wide and full-width are two."""
    import unicodedata
    w = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w
