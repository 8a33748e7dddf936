"""scripts/neo4j.sh and the server it runs: safe to start twice, loopback only, capped memory, Browser served."""

from __future__ import annotations

import os
import urllib.request

import pytest

from .neo4j_support import ROOT, require_server, server_script

# scripts/neo4j.sh takes its ports from these variables (defaults 7687 and 7474)
BOLT_PORT = os.environ.get("KGBUILD_NEO4J_BOLT_PORT", "7687")
HTTP_PORT = os.environ.get("KGBUILD_NEO4J_HTTP_PORT", "7474")

pytestmark = pytest.mark.neo4j

CONF = ROOT / ".neo4j" / "home" / "conf" / "neo4j.conf"


def conf_lines() -> list[tuple[str, str]]:
    lines = [l for l in CONF.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    return [tuple(l.split("=", 1)) for l in lines]


def test_starting_a_running_server_again_is_harmless():
    require_server()
    again = server_script("start")
    assert again.returncode == 0, again.stderr
    assert "already running" in again.stdout or "not started by this script" in again.stdout
    status = server_script("status")
    assert status.returncode == 0 and f"bolt://127.0.0.1:{BOLT_PORT}" in status.stdout


def test_generated_conf_listens_on_loopback_caps_memory_and_opens_jdk_modules():
    require_server()
    pairs = conf_lines()
    settings = dict(pairs)
    assert settings["server.default_listen_address"] == "127.0.0.1"
    assert settings["server.bolt.listen_address"] == f"127.0.0.1:{BOLT_PORT}"
    assert settings["server.http.listen_address"] == f"127.0.0.1:{HTTP_PORT}"
    assert settings["server.memory.heap.max_size"] == "1g" and settings["server.memory.pagecache.size"] == "256m"
    assert settings["dbms.usage_report.enabled"] == "false" and settings["dbms.security.auth_enabled"] == "true"
    jvm = [v for k, v in pairs if k == "server.jvm.additional"]
    assert {"--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED"} <= set(jvm)
    keys = [k for k, _ in pairs if k != "server.jvm.additional"]
    assert len(keys) == len(set(keys)), "strict validation stops the server on a repeated key"


def test_neo4j_browser_is_served_over_http():
    require_server()
    with urllib.request.urlopen(f"http://127.0.0.1:{HTTP_PORT}/browser/", timeout=10) as response:
        assert response.status == 200
        assert "<title>Neo4j Browser</title>" in response.read().decode("utf-8", "replace")
