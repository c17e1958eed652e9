#!/usr/bin/env python3
"""The partners' service on the sample town, for the API check, the browser
test and the load run: a fresh database in a temporary folder, the sample
streets and organisations imported, tokens issued, `streetrounds serve` on a
free port of 127.0.0.1. Use as a context manager:

    with SampleService(binary) as s:
        s.url, s.tokens["county-council"], s.tokens["coordinator"]
"""
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PARTNERS = ["county-council", "town-council", "highways-contractor", "housing-association", "litter-volunteers"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SampleService:
    def __init__(self, binary, extra=()):
        self.binary = os.path.abspath(binary)
        self.extra = list(extra)
        self.tokens = {}

    def run(self, *args):
        done = subprocess.run([self.binary, *args], cwd=ROOT, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"streetrounds {' '.join(args)} failed ({done.returncode}): {done.stderr}")
        return done.stdout

    def __enter__(self):
        self.folder = tempfile.mkdtemp(prefix="streetrounds-service-")
        self.db = os.path.join(self.folder, "service.sqlite")
        self.run("streets", "import", "data/sample-town/streets.geojson", "--db", self.db)
        self.run("orgs", "import", "data/organisations.json", "--db", self.db)
        for org in PARTNERS:
            self.tokens[org] = self.run("orgs", "token", org, "--db", self.db).strip().splitlines()[-1]
        self.tokens["coordinator"] = self.run("orgs", "token", "--coordinator", "--db", self.db).strip().splitlines()[-1]
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(os.path.join(self.folder, "serve.log"), "w")
        self.process = subprocess.Popen([self.binary, "serve", "--db", self.db, "--port", str(self.port), *self.extra],
                                        cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(100):
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=1) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.1)
            if self.process.poll() is not None:
                break
        self.__exit__(None, None, None)
        raise RuntimeError("the service did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def request(self, method, path, token=None, body=None, content_type="application/geo+json"):
        """(status, headers, bytes) of one call."""
        headers = {"Content-Type": content_type} if body is not None else {}
        if token:
            headers["Authorization"] = "Bearer " + token
        req = urllib.request.Request(self.url + path, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                return r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()


def task_list(org):
    with open(os.path.join(ROOT, "data/sample-town/tasks", org + ".geojson"), "rb") as f:
        return f.read()


def parse(body):
    return json.loads(body.decode("utf-8"))
