#!/usr/bin/env python3
"""The snapshot cache is private (issue 32): advisor makes its folder 0700, closes a
folder of its own that others may write to, never uses a folder that is a link, and
never reads a snapshot that others may write to (it says so and rebuilds it).

usage: private_cache.py ADVISOR  (run from the repository: it caches catalog/)
"""
import os
import shutil
import stat
import subprocess
import sys
import tempfile

fails = 0


def check(ok, what):
    global fails
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        fails += 1


def main():
    advisor = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        cat = os.path.join(tmp, "catalog")
        shutil.copytree("catalog", cat, ignore=shutil.ignore_patterns("tests"))
        xdg = os.path.join(tmp, "xdg")
        os.mkdir(xdg)
        cache = os.path.join(xdg, "advisor")
        env = dict(os.environ, XDG_CACHE_HOME=xdg, NO_COLOR="1", LANG="C.UTF-8")
        env.pop("ADVISOR_CATALOG", None)

        def run():
            return subprocess.run([advisor, "--catalog", cat, "list", "certificates"], env=env,
                                  capture_output=True, text=True)

        os.umask(0o022)
        r = run()
        check(r.returncode == 0, "a run with a YAML catalogue succeeds")
        mode = stat.S_IMODE(os.lstat(cache).st_mode) if os.path.isdir(cache) else None
        check(mode == 0o700, f"the cache folder is made 0700 (got {oct(mode) if mode is not None else 'none'})")
        snaps = [f for f in os.listdir(cache)] if os.path.isdir(cache) else []
        check(len(snaps) == 1, "one snapshot is written")

        os.chmod(cache, 0o777)
        r = run()
        check(stat.S_IMODE(os.lstat(cache).st_mode) == 0o700, "a folder of ours others may write to is closed again")

        snap = os.path.join(cache, snaps[0]) if snaps else None
        if snap:
            os.chmod(snap, 0o666)
            r = run()
            check("another user owns it or may write to it" in r.stderr,
                  "a snapshot others may write to is not read, and the run says so")
            check(r.returncode == 0, "and the answer is still given")
            check(os.path.exists(snap) and stat.S_IMODE(os.stat(snap).st_mode) & 0o022 == 0,
                  "it is rebuilt, writable by its owner only")

        # A cache folder that is a link: never used, nothing written through it.
        shutil.rmtree(cache)
        elsewhere = os.path.join(tmp, "elsewhere")
        os.mkdir(elsewhere)
        os.symlink(elsewhere, cache)
        r = run()
        check(r.returncode == 0, "with the cache folder a link, the run succeeds")
        check(os.listdir(elsewhere) == [], "and writes nothing through the link")
    print("private-cache: %d failed" % fails)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
