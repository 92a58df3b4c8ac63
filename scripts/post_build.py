#!/usr/bin/env python3
"""Trunk post-build hook (see Trunk.toml). Runs in Trunk's staging directory:

1. adds the Content-Security-Policy to index.html, with the hash of the
   bootstrap script Trunk inlines (it changes with every build, so it can
   only be computed here);
2. copies index.html to 404.html, so static hosts that serve 404.html for
   unknown paths (GitHub Pages and most others) open deep links such as
   /simulate;
3. writes sw.js, the service worker, with the exact list of files of this
   build to keep offline and a version derived from their contents, so a new
   build installs as a new version and the page can offer to reload.
"""
import base64
import hashlib
import os
import re
import shutil
import sys

# default-src 'none': everything is refused unless listed. Scripts: this
# origin, WebAssembly compilation, and the hash of Trunk's inline bootstrap.
# Styles: this origin only; no inline style attributes are used (charts are
# SVG with presentation attributes, which CSP does not treat as styles).
CSP = (
    "default-src 'none'; "
    "script-src 'self' 'wasm-unsafe-eval' {hashes}; "
    "connect-src 'self'; "
    "style-src 'self'; "
    "img-src 'self' data: blob:; "
    "manifest-src 'self'; "
    "worker-src 'self'; "
    "base-uri 'self'; "
    "form-action 'none'"
)

TEMPLATE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sw.template.js")


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging or not os.path.isdir(staging):
        print("post_build: TRUNK_STAGING_DIR is not set; run through trunk", file=sys.stderr)
        return 1
    index = os.path.join(staging, "index.html")
    with open(index, encoding="utf-8") as f:
        html = f.read()
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in inline
    )
    meta = f'<meta http-equiv="Content-Security-Policy" content="{CSP.format(hashes=hashes)}">'
    if "Content-Security-Policy" not in html:
        html = html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n    ' + meta, 1)
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)
    shutil.copyfile(index, os.path.join(staging, "404.html"))

    files = []
    digest = hashlib.sha256()
    for dirpath, _, names in os.walk(staging):
        for name in sorted(names):
            rel = os.path.relpath(os.path.join(dirpath, name), staging).replace(os.sep, "/")
            if rel in ("sw.js", "404.html"):
                continue
            files.append(rel)
            with open(os.path.join(dirpath, name), "rb") as f:
                digest.update(rel.encode() + b"\0" + f.read())
    files.sort()
    version = digest.hexdigest()[:16]
    # "./" is the app itself: navigations fall back to the cached index.html.
    precache = ["./"] + [f for f in files if f != "index.html"]
    with open(TEMPLATE, encoding="utf-8") as f:
        source = f.read()
    source = source.replace("__VERSION__", version).replace(
        "__PRECACHE__", ",\n  ".join(f'"{p}"' for p in precache)
    )
    with open(os.path.join(staging, "sw.js"), "w", encoding="utf-8") as f:
        f.write(source)
    print(f"post_build: 404.html written; sw.js version {version} caches {len(precache)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
