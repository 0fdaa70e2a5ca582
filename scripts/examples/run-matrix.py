#!/usr/bin/env python3
"""Drive Prism from a script: a 2 x 2 matrix (two prompts x two models), long-polled to the end,
then its ZIP downloaded. Needs only `requests` (Debian: python3-requests).

    PRISM_URL=http://127.0.0.1:3000 PRISM_ACCESS_TOKEN=... python3 scripts/examples/run-matrix.py matrix.zip

Paths come from the published OpenAPI document (GET /api/openapi.json), by operationId.
"""
import json
import os
import sys

import requests

BASE = os.environ.get("PRISM_URL", "http://127.0.0.1:3000").rstrip("/")
TOKEN = os.environ.get("PRISM_ACCESS_TOKEN")
PROMPTS = ["a lighthouse at dawn, watercolour", "a lighthouse at night, woodcut"]

session = requests.Session()
if TOKEN:
    session.headers["Authorization"] = f"Bearer {TOKEN}"


def operations():
    """operationId -> (method, path template), read from the document."""
    document = session.get(f"{BASE}/api/openapi.json", timeout=30)
    document.raise_for_status()
    found = {}
    for path, methods in document.json()["paths"].items():
        for method, operation in methods.items():
            found[operation["operationId"]] = (method.upper(), path)
    return found


OPERATIONS = operations()


def call(operation_id, path_params=None, **kwargs):
    method, template = OPERATIONS[operation_id]
    url = BASE + template.format(**(path_params or {}))
    return session.request(method, url, timeout=60, **kwargs)


def expect(response, *statuses):
    if response.status_code not in statuses:
        sys.exit(f"{response.request.method} {response.url} -> {response.status_code}: {response.text[:300]}")
    return response


def main(out_file):
    models = expect(call("listModels"), 200).json()["models"]
    # Two text-to-image models that can run now, each with its own defaults.
    chosen = [m for m in models if m["available"] and m["inputImages"]["min"] == 0][:2]
    if len(chosen) < 2:
        sys.exit("fewer than two available models")
    body = {
        "prompts": PROMPTS,
        "models": [{"modelId": m["id"], "params": m["defaults"]} for m in chosen],
    }
    created = expect(call("createRun", json=body, headers={"Idempotency-Key": os.urandom(8).hex()}), 202).json()
    run_id = created["id"]

    etag, run = None, None
    while True:
        headers = {"If-None-Match": etag} if etag else {}
        response = expect(call("getRun", {"id": run_id}, params={"wait": 25}, headers=headers), 200, 304)
        if response.status_code == 200:
            etag, run = response.headers.get("ETag"), response.json()
            if all(job["status"] in ("succeeded", "failed", "canceled") for job in run["jobs"]):
                break

    archive = expect(call("downloadRun", {"id": run_id}), 200)
    with open(out_file, "wb") as file:
        file.write(archive.content)
    print(json.dumps({
        "runId": run_id,
        "jobs": [job["status"] for job in run["jobs"]],
        "images": sum(len(job["images"]) for job in run["jobs"]),
        "zipBytes": len(archive.content),
    }))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "matrix.zip")
