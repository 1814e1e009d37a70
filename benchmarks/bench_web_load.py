"""Load and faults of ``composer serve`` (issue 17): concurrent composes, hostile requests.

Starts ``composer serve`` (uvicorn, one process) on 127.0.0.1 on a free port, then

1. sends 20 concurrent ``POST /api/compose`` with the reference scenario (JSON), checks
   that every answer equals ``composer.compose`` run in this process, and reports the
   median and worst latency, and their ratio to one in-process compose (the baseline,
   median of 3, run here before the server is loaded);
2. while a background client keeps sending small valid ``/api/validate`` requests, sends
   junk, a 200 MB upload, a broken .xlsx and a brief with 10^4 needs, checks that each
   gets a clear JSON error (400 / 413) and that the background requests all succeeded,
   and that a compose after them is still right.

Every loop is bounded; the script stops by itself. Nothing from the data is printed.

Usage::

    python benchmarks/bench_web_load.py [--clients 20] [--upload-mb 200]
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import io
import json
import statistics
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from _machine import machine

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

import composer  # noqa: E402
from tests.browser import serving  # noqa: E402 - the repository's own server launcher

REFERENCE = ROOT / "data" / "reference"
TIMEOUT = 600  # seconds for one request at most


def _post(
    url: str, path: str, body: bytes | Iterator[bytes], ctype: str, length: int | None = None
) -> tuple[int, Any, float]:
    """POST and return (status, parsed JSON, seconds)."""
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=TIMEOUT)
    headers = {"content-type": ctype}
    if length is not None:
        headers["content-length"] = str(length)
    started = time.perf_counter()
    try:
        conn.request("POST", path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
    finally:
        conn.close()
    return response.status, json.loads(data), time.perf_counter() - started


def _json(url: str, path: str, payload: Any) -> tuple[int, Any, float]:
    return _post(url, path, json.dumps(payload).encode(), "application/json")


def _multipart(fields: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = "composer-bench-boundary"
    out = io.BytesIO()
    for key, (filename, data) in fields.items():
        out.write(f"--{boundary}\r\n".encode())
        out.write(
            f'Content-Disposition: form-data; name="{key}"; filename="{filename}"\r\n'.encode()
        )
        out.write(b"Content-Type: application/octet-stream\r\n\r\n")
        out.write(data + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def _zeros(total: int, chunk: int = 1 << 20) -> Iterator[bytes]:
    sent = 0
    while sent < total:
        n = min(chunk, total - sent)
        sent += n
        yield b"0" * n


def _faults(url: str, body: dict[str, Any], upload_mb: int) -> dict[str, Any]:
    """Each hostile request: its status and error code (it must not be 200 or 500)."""
    out: dict[str, Any] = {}
    status, data, _ = _post(url, "/api/compose", b"\x00\xff{ not json", "application/json")
    out["junk"] = (status, data["error"]["code"])
    size = upload_mb * 2**20
    status, data, secs = _post(url, "/api/compose", _zeros(size), "application/json", size)
    out[f"{upload_mb} MB upload"] = (status, data["error"]["problems"][0]["code"], round(secs, 2))
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook><sheets><sheet name='x'")
    form, ctype = _multipart(
        {
            "candidates": ("kandidater.xlsx", broken.getvalue()[:-9]),
            "brief": ("brief.yaml", (REFERENCE / "brief.yaml").read_bytes()),
        }
    )
    status, data, _ = _post(url, "/api/compose", form, ctype)
    out["broken xlsx"] = (status, data["error"]["problems"][0]["code"])
    needs = [{"name": f"behov {i}", "kind": "topic"} for i in range(10**4)]
    status, data, _ = _json(url, "/api/compose", body | {"brief": body["brief"] | {"needs": needs}})
    out["10^4 needs"] = (status, data["error"]["problems"][0]["code"])
    return out


def _background(url: str, stop: threading.Event, tally: dict[str, int]) -> None:
    tiny = {"candidates": [{"id": "A1", "actor_type": "borger"}], "brief": {"theme": "x"}}
    for _ in range(10_000):  # bounded; stops when the faults are done
        if stop.is_set():
            return
        status, _, _ = _json(url, "/api/validate", tiny)
        tally["ok" if status == 200 else "failed"] += 1
        time.sleep(0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--upload-mb", type=int, default=200)
    args = parser.parse_args()

    pool = composer.load_candidates(REFERENCE / "candidates.csv")
    brief = composer.load_brief(REFERENCE / "brief.yaml")
    body = {
        "candidates": pool.to_records(),
        "brief": brief.model_dump(mode="json", exclude_none=True),
    }
    composer.compose(pool, brief)  # warm-up: imports, caches
    alone = []
    for _ in range(3):
        started = time.perf_counter()
        expected = json.loads(composer.compose(pool, brief).model_dump_json())
        alone.append(time.perf_counter() - started)
    baseline = statistics.median(alone)

    with serving(timeout=60) as url:
        _json(url, "/api/compose", body)  # warm-up of the server
        with ThreadPoolExecutor(max_workers=args.clients) as ex:
            answers = list(ex.map(lambda _: _json(url, "/api/compose", body), range(args.clients)))
        correct = sum(status == 200 and data == expected for status, data, _ in answers)
        latency = [secs for _, _, secs in answers]

        stop, tally = threading.Event(), {"ok": 0, "failed": 0}
        worker = threading.Thread(target=_background, args=(url, stop, tally))
        worker.start()
        try:
            faults = _faults(url, body, args.upload_mb)
        finally:
            stop.set()
            worker.join(timeout=TIMEOUT)
        status, data, _ = _json(url, "/api/compose", body)
        after = status == 200 and data == expected

    print(f"# bench_web_load, {dt.date.today().isoformat()}, {machine()}")
    print(f"one in-process compose of the reference: {baseline:.3f} s (median of 3)")
    print(f"{args.clients} concurrent /api/compose: {correct}/{args.clients} correct")
    med, worst = statistics.median(latency), max(latency)
    print(
        f"  latency median {med:.2f} s ({med / baseline:.1f}x), worst {worst:.2f} s ({worst / baseline:.1f}x)"
    )
    for name, result in faults.items():
        print(f"  {name}: {result}")
    print(f"background /api/validate during the faults: {tally['ok']} ok, {tally['failed']} failed")
    print(f"compose after the faults: {'correct' if after else 'WRONG'}")
    ok = correct == args.clients and after and tally["failed"] == 0
    ok = ok and all(r[0] in (400, 413) for r in faults.values())
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
