#!/usr/bin/env python3
"""Checks the running partners' service against its own OpenAPI document
with schemathesis (PyPI): a bounded number of generated requests per
operation, as a partner and as the coordinator; fails on any server error
(5xx) or a response the document does not allow.
Then, over a raw socket, bodies schemathesis does not send (an unknown transfer
coding, a chunked body past the limit). Usage: check_api.py [BINARY]
[--examples N]. Skips schemathesis (with a message) when it is not installed:
pip install schemathesis."""
import argparse
import os
import shutil
import socket
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sample_service import SampleService, task_list  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description="Check the service against /openapi.json with schemathesis.")
    parser.add_argument("binary", nargs="?", default=".build/debug/streetrounds")
    parser.add_argument("--examples", default="20", help="generated examples per operation")
    options = parser.parse_args()
    binary, examples = options.binary, options.examples
    tool = shutil.which("schemathesis") or shutil.which("st")
    failures = 0
    with SampleService(binary, extra=["--rate-per-second", "1000"]) as service:
        service.request("PUT", "/v1/organisations/county-council/task-list", service.tokens["county-council"],
                        task_list("county-council"))
        failures += raw_bodies(service)
        if tool is None:
            print("check_api: schemathesis skipped: it is not installed (pip install schemathesis)")
        for role in ["county-council", "coordinator"] if tool else []:
            print(f"check_api: schemathesis as {role}, {examples} examples per operation")
            command = [tool, "run", service.url + "/openapi.json", "--header",
                       "Authorization: Bearer " + service.tokens[role], "--max-examples", examples,
                       "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,"
                       "response_schema_conformance", "--generation-deterministic",
                       "--exclude-operation-id", "startPlan", "--request-timeout", "60"]
            # In the service's temporary folder: schemathesis keeps a cache where it runs.
            failures += subprocess.run(command, cwd=service.folder).returncode != 0
    print("check_api: " + ("FAILED" if failures else "no server error, every response as documented"))
    return 1 if failures else 0


def raw_bodies(service):
    """Bodies schemathesis does not send, over a raw socket: a transfer coding the server does not know (500
    before) and a chunked body past the limit (500 before; no length to check first). Returns failures."""
    host, port = service.url.removeprefix("http://").rstrip("/").split(":")
    token = service.tokens["town-council"]
    cases = [("gzip", b"5\r\nhello\r\n0\r\n\r\n", "400"),
             ("chunked", b"".join(b"100000\r\n" + b" " * 0x100000 + b"\r\n" for _ in range(11)) + b"0\r\n\r\n",
              "413")]
    failures = 0
    for coding, body, expected in cases:
        head = (f"PUT /v1/organisations/town-council/task-list HTTP/1.1\r\nHost: localhost\r\n"
                f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
                f"Transfer-Encoding: {coding}\r\nConnection: close\r\n\r\n").encode()
        status = []
        with socket.create_connection((host, int(port)), timeout=30) as connection:
            try:
                connection.sendall(head + body)
            except OSError:
                pass  # the server may answer and close before reading it all
            try:
                status = connection.recv(64).decode(errors="replace").split(" ")[1:2]
            except OSError:
                pass  # reported as no answer
        ok = status == [expected]
        failures += not ok
        print(f"check_api: Transfer-Encoding {coding}: {status[0] if status else 'no answer'}"
              + ("" if ok else f", expected {expected}"))
    return failures


if __name__ == "__main__":
    sys.exit(main())
