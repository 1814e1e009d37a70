"""Start ``composer serve`` and a headless Debian chromium (selenium), for the browser
test and for ``scripts/make_web_screenshots.py``. No network: the server listens on
127.0.0.1, chromium runs with its background traffic switched off and Selenium Manager
offline."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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


class CannotRun(Exception):
    """Chromium, chromedriver or selenium is missing, or chromium did not start."""


def binaries() -> tuple[str, str]:
    """The chromium and chromedriver on PATH (Debian: apt-get install chromium chromium-driver)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not (browser and driver):
        raise CannotRun("chromium and chromedriver are not installed (make browser)")
    return browser, driver


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(timeout: float = 20.0) -> Iterator[str]:
    """``composer serve`` on 127.0.0.1 on a free port; yields its address."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "COMPOSER_TOKEN"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "composer", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:  # bounded by the deadline
            try:
                with urllib.request.urlopen(url + "/static/style.css", timeout=1):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"composer serve did not answer on {url}") from None
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@contextmanager
def chromium(folder: Path, width: int = 1280, height: int = 900) -> Iterator[Any]:
    """A headless chromium with an empty profile and downloads in ``folder/downloads``."""
    browser, driver_path = binaries()
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        raise CannotRun("selenium is not installed (the dev extra)") from None
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not fetch anything
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in FLAGS:
        options.add_argument(flag)
    (folder / "profile").mkdir(parents=True, exist_ok=True)
    (folder / "downloads").mkdir(parents=True, exist_ok=True)
    options.add_argument(f"--user-data-dir={folder / 'profile'}")
    options.add_argument(f"--window-size={width},{height}")
    prefs = {
        "download.default_directory": str(folder / "downloads"),
        "download.prompt_for_download": False,
    }
    options.add_experimental_option("prefs", prefs)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # to see CSP reports
    try:
        driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    except Exception as e:  # a browser that cannot start here
        raise CannotRun(f"chromium did not start: {type(e).__name__}: {e}") from None
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
