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
   build installs as a new version and the page can offer to reload;
0. before all that, when the build was split into chunks (feature `split`,
   see tools/bin/wasm-bindgen and src/app/chunks.rs), brings the chunks and
   their loader into the build: see `add_chunks`. Every chunk then has a
   content hash in its name, an integrity hash checked when it is fetched,
   and a place in the service worker's list.
"""
import base64
import glob
import hashlib
import os
import re
import shutil
import subprocess
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

# What tools/bin/wasm-bindgen leaves behind: the split loader and one .wasm
# per chunk, beside the main module it handed to wasm-bindgen.
LOADER = "__wasm_split.js"
# The placeholder import module of a split point that was never split.
UNSPLIT = "__wasm_split_placeholder__"


def sri(data):
    """The Subresource Integrity value of `data` (sha384, as Trunk writes it)."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def hashed(name, data):
    """`stem-<16 hex>.ext`: a new name whenever the content changes."""
    stem, ext = os.path.splitext(name)
    return f"{stem}-{hashlib.sha256(data).hexdigest()[:16]}{ext}"


def wasm_opt_args(source_dir):
    """The wasm-opt flags index.html gives Trunk for the main module, so the
    chunks are optimised the same way (`-Oz` when none are given)."""
    with open(os.path.join(source_dir, "index.html"), encoding="utf-8") as f:
        link = re.search(r'<link data-trunk rel="rust"[^>]*>', f.read())
    level = re.search(r'data-wasm-opt="(\w+)"', link.group(0)) if link else None
    params = re.search(r'data-wasm-opt-params="([^"]*)"', link.group(0)) if link else None
    return [f"-O{level.group(1) if level else 'z'}"] + (params.group(1).split() if params else [])


def add_chunks(staging, html):
    """Copies the chunks and the loader of a split build into `staging` and
    returns index.html with the loader preloaded. Nothing to do (and `html`
    returned as it is) when the build has no chunks.

    1. each chunk goes through wasm-opt in release builds, gets a hashed
       name, and the loader fetches it by that name with its integrity hash;
    2. the loader imports `initSync` from the main JS under its hashed name;
    3. the loader itself gets a hashed name, the main JS imports it by that
       name, and the main JS's integrity in index.html is updated to match;
    4. index.html preloads the loader with its integrity (it is needed
       before the first paint: the main module imports it).
    """
    mains = [
        p for p in glob.glob(os.path.join(staging, "*.js"))
        if re.search(r"""from\s*["']\./__wasm_split\.js["']""", open(p, encoding="utf-8").read())
    ]
    for path in glob.glob(os.path.join(staging, "*.js")):
        if UNSPLIT in open(path, encoding="utf-8").read():
            raise SystemExit(
                "post_build: the wasm module was not split (its lazy workspaces import "
                f"'{UNSPLIT}'); build through make, or put tools/bin first on PATH"
            )
    if not mains:
        return html
    if len(mains) != 1:
        raise SystemExit(f"post_build: more than one script imports {LOADER}: {mains}")
    main_js = mains[0]
    main_name = os.path.basename(main_js)
    profile = os.environ.get("TRUNK_PROFILE", "debug")
    source_dir = os.environ.get("TRUNK_SOURCE_DIR", os.getcwd())
    target_dir = os.environ.get("CARGO_TARGET_DIR", os.path.join(source_dir, "target"))
    split_dir = os.path.join(target_dir, "wasm-bindgen", profile, "wasm-split")
    loader_path = os.path.join(split_dir, LOADER)
    if not os.path.isfile(loader_path):
        raise SystemExit(f"post_build: {main_name} imports {LOADER} but {loader_path} is missing")
    with open(loader_path, encoding="utf-8") as f:
        loader = f.read()

    # 1. The chunks the loader fetches, each exactly once.
    fetched = re.findall(r'fetch\(new URL\("\./([\w.-]+\.wasm)", import\.meta\.url\)\)', loader)
    if not fetched or len(set(fetched)) != len(fetched):
        raise SystemExit(f"post_build: unexpected chunk list in {LOADER}: {fetched}")
    opt = wasm_opt_args(source_dir) if profile == "release" else None
    for name in fetched:
        source = os.path.join(split_dir, name)
        if not os.path.isfile(source):
            raise SystemExit(f"post_build: the loader fetches {name}, which the split did not write")
        if opt is not None:
            optimised = os.path.join(split_dir, "opt-" + name)
            # Its output only repeats one warning per chunk (the split's name
            # section uses a subsection wasm-opt 132 does not know); shown on failure.
            run = subprocess.run(["wasm-opt", *opt, source, "-o", optimised], capture_output=True, text=True)
            if run.returncode != 0:
                raise SystemExit(f"post_build: wasm-opt failed on {name}:\n{run.stdout}{run.stderr}")
            source = optimised
        with open(source, "rb") as f:
            data = f.read()
        target = hashed(name, data)
        with open(os.path.join(staging, target), "wb") as f:
            f.write(data)
        loader = loader.replace(
            f'fetch(new URL("./{name}", import.meta.url))',
            f'fetch(new URL("./{target}", import.meta.url), {{ integrity: "{sri(data)}" }})',
        )

    # 2. The main JS under its hashed name.
    stem = main_name.rsplit("-", 1)[0]
    loader, found = re.subn(r'from "\./' + re.escape(stem) + r'\.js"', f'from "./{main_name}"', loader)
    if found != 1:
        raise SystemExit(f"post_build: {LOADER} does not import ./{stem}.js once")

    # 3. The loader under a hashed name, and the main JS pointing to it.
    loader_bytes = loader.encode("utf-8")
    loader_name = hashed(LOADER, loader_bytes)
    with open(os.path.join(staging, loader_name), "wb") as f:
        f.write(loader_bytes)
    with open(main_js, encoding="utf-8") as f:
        main_source = f.read()
    old_integrity = sri(main_source.encode("utf-8"))
    main_source = re.sub(r"""from(\s*)(["'])\./__wasm_split\.js\2""", rf"from\1\2./{loader_name}\2", main_source)
    with open(main_js, "w", encoding="utf-8") as f:
        f.write(main_source)
    if old_integrity in html:
        html = html.replace(old_integrity, sri(main_source.encode("utf-8")))

    # 4. Preload the loader, with its integrity.
    public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
    preload = f'<link rel="modulepreload" href="{public_url}{loader_name}" crossorigin="anonymous" integrity="{sri(loader_bytes)}">'
    html = html.replace("</head>", preload + "</head>", 1)
    print(f"post_build: {len(fetched)} chunks and {loader_name} added")
    return html


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging or not os.path.isdir(staging):
        print("post_build: TRUNK_STAGING_DIR is not set; run through trunk", file=sys.stderr)
        return 1
    index = os.path.join(staging, "index.html")
    with open(index, encoding="utf-8") as f:
        html = f.read()
    html = add_chunks(staging, html)
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in inline
    )
    meta = f'<meta http-equiv="Content-Security-Policy" content="{CSP.format(hashes=hashes)}">'
    if "Content-Security-Policy" not in html:
        # Right after the charset, quoted or (minified release build) not.
        charset = re.search(r"<meta charset=\"?utf-8\"?>", html, flags=re.I)
        if not charset:
            raise SystemExit("post_build: index.html has no <meta charset=utf-8> to put the CSP after")
        html = html[: charset.end()] + meta + html[charset.end() :]
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
