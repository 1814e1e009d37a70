"""The page as a person uses it (issue 17): Debian's chromium through selenium.

Starts ``composer serve`` on 127.0.0.1 on a free port, uploads the sample's candidates
and brief, composes, clicks "Melder fra" on a core member, sees the replacement, and
downloads the workbook. Needs ``chromium`` and ``chromedriver`` (``make browser``
installs them as root); without them it skips, and under ``CI`` it fails instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from composer.datasets import sample_path

SAMPLE = "klimatilpasning"
WAIT = 30  # seconds for one step at most (the sample composes in a few)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


def _binaries() -> tuple[str, str] | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def _cannot_run(why: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"the browser test must run under CI: {why}")
    pytest.skip(why)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "COMPOSER_TOKEN"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "composer", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):  # bounded: about 20 s
            try:
                with urllib.request.urlopen(url + "/static/style.css", timeout=1):
                    break
            except OSError:
                if proc.poll() is not None:
                    err = proc.stderr.read().decode() if proc.stderr else ""
                    pytest.fail(f"composer serve stopped: {err}")
                time.sleep(0.1)
        else:
            pytest.fail("composer serve did not answer within 20 s")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stderr:
            proc.stderr.close()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    found = _binaries()
    if found is None:
        _cannot_run("chromium and chromedriver are not installed (make browser)")
    assert found is not None
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _cannot_run("selenium is not installed (the dev extra)")
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not fetch anything
    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    for flag in FLAGS:
        options.add_argument(flag)
    (tmp_path / "profile").mkdir()
    (tmp_path / "downloads").mkdir()
    options.add_argument(f"--user-data-dir={tmp_path / 'profile'}")
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(tmp_path / "downloads"),
            "download.prompt_for_download": False,
        },
    )
    try:
        driver = webdriver.Chrome(service=Service(executable_path=found[1]), options=options)
    except Exception as e:  # a browser that cannot start here
        _cannot_run(f"chromium did not start: {type(e).__name__}: {e}")
    driver.set_page_load_timeout(WAIT)
    try:
        yield driver
    finally:
        driver.quit()


def test_upload_compose_decline_and_download(server: str, browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, WAIT)
    folder = sample_path(SAMPLE)
    browser.get(server + "/kandidater")
    browser.find_element(By.ID, "candidates-file").send_keys(str(folder / "candidates.csv"))
    browser.find_element(By.ID, "upload").click()
    wait.until(ec.presence_of_element_located((By.ID, "pool-table")))
    browser.find_element(By.ID, "to-brief").click()
    browser.find_element(By.NAME, "brief_file").send_keys(str(folder / "brief.yaml"))
    browser.find_element(By.CSS_SELECTOR, "button[value=load_brief]").click()
    theme = wait.until(ec.presence_of_element_located((By.ID, "b.theme")))
    assert theme.get_attribute("value")
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#brief-check .ok")))
    browser.find_element(By.ID, "to-compose").click()

    core = wait.until(ec.presence_of_element_located((By.ID, "table-core")))
    first = core.find_element(By.CSS_SELECTOR, "tbody tr")
    gone = first.get_attribute("data-member")
    before = {r.get_attribute("data-member") for r in core.find_elements(By.CSS_SELECTOR, "tr")}
    first.find_element(By.CSS_SELECTOR, "button.decline").click()

    changes = wait.until(ec.presence_of_element_located((By.ID, "changes")))
    assert gone in changes.text
    joined = changes.find_element(By.CSS_SELECTOR, "dd.joined").text
    rows = browser.find_elements(
        By.CSS_SELECTOR, "#table-core tbody tr, #table-phase_participants tbody tr"
    )
    members = {r.get_attribute("data-member") for r in rows}
    assert gone not in members
    assert joined != "–" and set(joined.split(", ")) <= members - before

    browser.find_element(By.ID, "download-xlsx").click()
    target = tmp_path / "downloads" / "netvaerk.xlsx"
    for _ in range(WAIT * 10):  # bounded wait for the download to finish
        if target.exists() and target.stat().st_size > 0:
            break
        time.sleep(0.1)
    assert target.exists(), list((tmp_path / "downloads").iterdir())
    import openpyxl

    wb = openpyxl.load_workbook(target, read_only=True)
    try:
        assert "Kerne" in wb.sheetnames
    finally:
        wb.close()
