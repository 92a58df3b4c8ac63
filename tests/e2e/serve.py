#!/usr/bin/env python3
"""A static server for the release build, bound to 127.0.0.1, that behaves
like a static host: unknown paths get the 404.html the build ships, so deep
links such as /simulate work only because that fallback exists. (GitHub Pages
sends it with status 404; here it goes with 200 so that Chromium does not log
a failed resource, which the tests count as a console error.)

Usage: serve.py DIST PORT [PREFIX]   PREFIX (e.g. /gtm/) serves DIST under a sub-path.
"""
import http.server
import os
import sys
from functools import partial


class Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def log_message(self, *args):
        pass

    def translate(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(self.prefix):
            return None
        rel = path[len(self.prefix):]
        full = os.path.normpath(os.path.join(self.directory, rel))
        if not full.startswith(os.path.abspath(self.directory)):
            return None
        if os.path.isdir(full):
            full = os.path.join(full, "index.html")
        return full if os.path.isfile(full) else None

    def do_GET(self):
        full = self.translate()
        if full is None:
            self.send_file(os.path.join(self.directory, "404.html"), 200)
        else:
            self.send_file(full, 200)

    def send_file(self, full, status):
        try:
            data = open(full, "rb").read()
        except OSError:
            self.send_error(404)
            return
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(full))
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.write(data)


def main():
    directory, port = os.path.abspath(sys.argv[1]), int(sys.argv[2])
    Handler.prefix = sys.argv[3] if len(sys.argv) > 3 else "/"
    Handler.extensions_map = {**Handler.extensions_map, ".wasm": "application/wasm", ".js": "text/javascript"}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=directory))
    server.serve_forever()


if __name__ == "__main__":
    main()
