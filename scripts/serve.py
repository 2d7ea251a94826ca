#!/usr/bin/env python3
"""Serve a folder on localhost with the headers the page needs.

application/wasm for .wasm (so WebAssembly.instantiateStreaming works), text/javascript for
.js/.mjs, a strict Content-Security-Policy on every response, cross-origin isolation (COOP +
COEP, so the page may share memory with its worker), and no caching, so a rebuilt package is
picked up on reload. Usage: serve.py [--host 127.0.0.1] [--port 8000] [DIR]
"""
import argparse
import functools
import http.server
import socketserver

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       "img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".css": "text/css",
        ".svg": "image/svg+xml",
    }

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        # Cross-origin isolation: the page may share memory with its worker (www/app/wire.js)
        # and every resource is our own anyway.
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
        super().end_headers()

    def log_message(self, fmt, *args):
        if not getattr(self.server, "quiet", False):
            super().log_message(fmt, *args)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("--quiet", action="store_true", help="do not log requests")
    ap.add_argument("dir", nargs="?", default="www")
    a = ap.parse_args()
    handler = functools.partial(Handler, directory=a.dir)
    with Server((a.host, a.port), handler) as httpd:
        httpd.quiet = a.quiet
        print(f"Serving {a.dir}/ at http://{a.host}:{httpd.server_address[1]}/ (Ctrl-C to stop)", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
