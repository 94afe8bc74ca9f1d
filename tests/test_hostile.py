"""Hostile and broken input that cannot render: each case fails with `path:line: …`, exit code 1 and
no traceback, leaves content/ byte-identical and the previous site/ in place. (Hostile text that can
render is in the fixture corpus and checked in test_build.py and, in Chromium, test_browser.py.)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time

import pytest

from generator.build.mkdocs import project_lock
from generator.project import Project
from tests.helpers import CORPUS, tree_digest, write_files

BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b]\n"
HUGE = ("A sentence of an article that goes on and on. " * 450_000).encode()  # about 21 MB
LONG_LINE = ("word " * 210_000).encode()  # one line of about 1 MB

# (name, files to add, the path the message must name, what it must say)
CASES = [
    ("invalid UTF-8", {"content/articles/bad-bytes.txt": b"Headline\n\nCaf\xe9 \xff\xfe text.\n"},
     "content/articles/bad-bytes.txt", "UTF-8"),
    ("NUL bytes", {"content/articles/nul.txt": b"Headline\n\nText\x00with a NUL byte.\n"}, "content/articles/nul.txt", ""),
    ("binary data", {"content/articles/binary.txt": bytes(range(256)) * 64}, "content/articles/binary.txt", ""),
    ("empty file", {"content/articles/empty.txt": b""}, "content/articles/empty.txt", ""),
    ("a 20 MB article", {"content/articles/huge.txt": HUGE}, "content/articles/huge.txt", "MiB"),
    ("a 1 MB line", {"content/articles/long-line.txt": b"Headline\n\n" + LONG_LINE + b"\n"},
     "content/articles/long-line.txt", ""),
    ("billion laughs", {"content/articles/harbour-talks-stall.yml": BILLION_LAUGHS},
     "content/articles/harbour-talks-stall.yml", "aliases"),
    ("python object tag", {"content/people.yml": "people:\n  - name: !!python/object/apply:os.system [id]\n"},
     "content/people.yml", "tag"),
    ("duplicate keys", {"content/briefing.yml": "title: One\ntitle: Two\n"}, "content/briefing.yml", "duplicate key"),
    ("path traversal in a slug", {"content/articles/x..%2F..%2Fetc.txt": b"Headline\n\nText.\n"},
     "content/articles/x..%2F..%2Fetc.txt", "slug"),
    ("a curation file for a traversal slug", {"content/curation/x..%2Fevil.yml": "key_points: []\n"},
     "content/curation/x..%2Fevil.yml", "slug"),
    ("a javascript: url", {"content/articles/harbour-talks-stall.yml": "url: \"javascript:alert(1)\"\n"},
     "content/articles/harbour-talks-stall.yml", "http"),
    ("an attribute breaker in a url", {"content/articles/harbour-talks-stall.yml": "url: 'https://x.example/\"><script>'\n"},
     "content/articles/harbour-talks-stall.yml", "http"),
    ("rewrite_of traversal", {"content/articles/harbour-talks-stall.yml": "rewrite_of: ../../etc/passwd\n"},
     "content/articles/harbour-talks-stall.yml", "slug"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile") / "corpus"
    shutil.copytree(CORPUS, root)
    proc = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return root


@pytest.mark.parametrize("name,files,path,says", CASES, ids=[c[0] for c in CASES])
def test_broken_input_fails_cleanly(built, tmp_path, name, files, path, says):
    root = tmp_path / "p"
    shutil.copytree(built, root, symlinks=True)
    write_files(root, files)
    content, site = tree_digest(root / "content"), tree_digest(root / "site")
    proc = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=root, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith(path)]
    assert lines, proc.stderr
    assert all(re.match(re.escape(path) + r"(:\d+)?: \S", ln) for ln in lines), lines
    assert says.lower() in " ".join(lines).lower(), lines
    assert tree_digest(root / "content") == content
    assert tree_digest(root / "site") == site


def test_a_symlink_out_of_content_fails_cleanly(built, tmp_path):
    root = tmp_path / "p"
    shutil.copytree(built, root, symlinks=True)
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret headline\n\nDo not publish this.\n")
    os.symlink(secret, root / "content/articles/leak.txt")
    os.symlink(secret, root / "content/people.yml.link")
    proc = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=root, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "content/articles/leak.txt: is a link to a file outside content/" in proc.stderr
    assert "Do not publish" not in (root / "site/index.html").read_text(encoding="utf-8")


def test_a_second_build_waits_for_the_first_and_site_is_never_mixed(built, tmp_path):
    root = tmp_path / "p"
    shutil.copytree(built, root, symlinks=True)
    before = tree_digest(root / "site")
    proc = None
    with project_lock(Project(root)):  # a build is running
        proc = subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=root,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        waited = threading.Event()

        def watch():
            for line in proc.stderr:
                if "waiting for another briefing build" in line:
                    waited.set()
                    break

        threading.Thread(target=watch, daemon=True).start()
        assert waited.wait(60), "the second build neither waited nor refused"
        time.sleep(0.5)
        assert proc.poll() is None  # still waiting
        assert tree_digest(root / "site") == before  # untouched while the first build holds the lock
    assert proc.wait(120) == 0
    after = tree_digest(root / "site")
    assert after.keys() == before.keys() and "index.html" in after
