"""A tiny JSON service on the standard library: no dependencies to install."""
import json
import os
import platform
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/healthz":
            body = b"ok\n"
            content_type = "text/plain"
        else:
            body = (json.dumps({"hello": "world", "python": platform.python_version()}) + "\n").encode()
            content_type = "application/json"
        self.send_response(200)
        self.send_header("content-type", content_type)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main():
    port = int(os.environ.get("PORT", "8000"))
    server = ThreadingHTTPServer(("0.0.0.0", port), Handler)
    print(f"hello-python listening on {port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
