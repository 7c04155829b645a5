#!/usr/bin/env python3
"""Serves the benchmarks' JWKS (bench/lib.sh's start_issuer), like `python3 -m http.server`.

Usage: jwks-server.py PORT DIRECTORY

Serves DIRECTORY on 127.0.0.1:PORT and logs every request on stderr as http.server does,
but with milliseconds in the time stamp, so that the interval between two fetches of the
keys can be told (bench/flood.sh checks how often the service fetches them):
  127.0.0.1 - - [29/Nov/2026 13:36:39.123] "GET /jwks.json HTTP/1.1" 200 -
"""

import functools
import http.server
import sys
import time


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_date_time_string(self):
        now = time.time()
        return time.strftime("%d/%b/%Y %H:%M:%S", time.localtime(now)) + ".%03d" % int(now % 1 * 1000)

    def log_message(self, format, *args):
        super().log_message(format, *args)
        sys.stderr.flush()


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    handler = functools.partial(Handler, directory=directory)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
