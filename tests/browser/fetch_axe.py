"""Fetch axe-core from the npm registry, check its integrity, and keep axe.min.js locally.

The browser tests inject this local file into the pages they check; nothing is fetched while a
page is open. Usage: python tests/browser/fetch_axe.py DEST (e.g. build/vendor/axe.min.js).
"""

from __future__ import annotations

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSION = "4.14.1"
TARBALL = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz"
# The registry's dist.integrity for that version (`npm view axe-core@4.14.1 dist.integrity`).
INTEGRITY = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="


def main(dest: Path) -> None:
    with urllib.request.urlopen(TARBALL, timeout=60) as response:
        data = response.read()
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != INTEGRITY:
        sys.exit(f"{TARBALL}: integrity {digest} does not match the pinned {INTEGRITY}")
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        script = tar.extractfile("package/axe.min.js")
        if script is None:
            sys.exit(f"{TARBALL}: no package/axe.min.js inside")
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_suffix(".tmp")
        tmp.write_bytes(script.read())
        tmp.replace(dest)
    print(f"axe-core {VERSION} -> {dest}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
