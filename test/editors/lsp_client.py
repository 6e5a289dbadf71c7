"""A small LSP client over stdio (python3 standard library only), for asynclint's editor tests
and scripts/bench-clangd-latency. It speaks JSON-RPC with Content-Length framing, answers the
server's own requests with null, and keeps the latest publishDiagnostics per document."""
import json
import os
import queue
import subprocess
import threading
import time


class LspError(Exception):
    pass


class LspClient:
    def __init__(self, command, root, stderr=None, env=None):
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=stderr if stderr is not None else subprocess.DEVNULL,
                                     cwd=root, env=env)
        self.root = root
        self.next_id = 1
        self.responses = {}
        self.diagnostics = {}  # uri -> (version, [diagnostic], time received)
        self.cond = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    # --- wire -------------------------------------------------------------------------------
    def _send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    with self.cond:
                        self.cond.notify_all()
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            message = json.loads(out.read(length))
            with self.cond:
                if "id" in message and "method" in message:
                    # A request from the server (progress, configuration): accept it.
                    self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
                elif "id" in message:
                    self.responses[message["id"]] = message
                elif message.get("method") == "textDocument/publishDiagnostics":
                    params = message["params"]
                    self.diagnostics[params["uri"]] = (params.get("version"),
                                                       params["diagnostics"], time.monotonic())
                self.cond.notify_all()

    def _wait(self, predicate, timeout, what):
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                value = predicate()
                if value is not None:
                    return value
                if self.proc.poll() is not None:
                    raise LspError(f"server exited ({self.proc.returncode}) while waiting for {what}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise LspError(f"timed out after {timeout}s waiting for {what}")
                self.cond.wait(left)

    # --- protocol ---------------------------------------------------------------------------
    def request(self, method, params, timeout=120):
        with self.cond:
            rid = self.next_id
            self.next_id += 1
            self._send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        response = self._wait(lambda: self.responses.pop(rid, None), timeout, method)
        if "error" in response:
            raise LspError(f"{method}: {response['error']}")
        return response.get("result")

    def notify(self, method, params):
        with self.cond:
            self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def initialize(self):
        result = self.request("initialize", {
            "processId": os.getpid(), "rootUri": uri(self.root), "capabilities": {
                "textDocument": {"publishDiagnostics": {"relatedInformation": True},
                                 "codeAction": {"codeActionLiteralSupport": {
                                     "codeActionKind": {"valueSet": ["quickfix", "refactor"]}}}}}})
        self.notify("initialized", {})
        return result

    def open(self, path, text, version=1):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri(path), "languageId": "cpp", "version": version, "text": text}})

    def change(self, path, text, version):
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri(path), "version": version},
            "contentChanges": [{"text": text}]})

    def wait_diagnostics(self, path, version, timeout=120):
        """The diagnostics clangd published for this version of the document."""
        def published():
            entry = self.diagnostics.get(uri(path))
            if entry and entry[0] == version:
                return entry
            return None
        entry = self._wait(published, timeout, f"diagnostics of {path} version {version}")
        return entry[1], entry[2]

    def shutdown(self):
        try:
            self.request("shutdown", None, timeout=30)
            self.notify("exit", None)
            self.proc.wait(timeout=30)
        except (LspError, subprocess.TimeoutExpired, BrokenPipeError):
            self.proc.kill()
            self.proc.wait()


def uri(path):
    return "file://" + os.path.abspath(path)


def describe(diagnostic):
    """One line per diagnostic: 1-based start line:col-end line:col [code] message."""
    r = diagnostic["range"]
    return "%d:%d-%d:%d [%s] %s" % (r["start"]["line"] + 1, r["start"]["character"] + 1,
                                   r["end"]["line"] + 1, r["end"]["character"] + 1,
                                   diagnostic.get("code", "-"), diagnostic["message"])
