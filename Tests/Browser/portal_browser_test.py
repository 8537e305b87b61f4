#!/usr/bin/env python3
"""The portal in a real browser (headless Chromium through Selenium), on loopback:
a department logs in, uploads a workbook with a planted mistake, reads the
finding with its cell on the page and downloads the annotated copy; the
coordinator logs in and sees the board. Screenshots go to OUT (default
out/browser). Prints '2 passed, 0 failed' (or the failures) and exits 1 on failure.

    Tests/Browser/portal_browser_test.py [--imon .build/release/imon] [--out out/browser]
"""
import argparse, os, re, shutil, socket, subprocess, sys, tempfile, time, traceback, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PASSWORD = "browser-passwort-1"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--imon", default=os.path.join(ROOT, ".build/release/imon"))
    p.add_argument("--out", default=os.path.join(ROOT, "out/browser"))
    a = p.parse_args()
    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    os.makedirs(a.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="imon-browser-")
    downloads = os.path.join(work, "downloads")
    os.makedirs(downloads)
    store = os.path.join(work, "store.sqlite")
    for name, role, dept in [("amt40", "department", "40"), ("koordination", "coordinator", None)]:
        args = [a.imon, "users", "add", name, "--role", role, "--store", store] + (["--department", dept] if dept else [])
        subprocess.run(args, input=PASSWORD + "\n", text=True, check=True, capture_output=True)
    subprocess.run([a.imon, "merge", "--store", store] + [os.path.join(ROOT, "Samples/Abgaben/2007", f) for f in ("Amt_11_2007.xlsx", "Amt_12_2007.xlsx")],
                   capture_output=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([a.imon, "serve", "--store", store, "--listen", f"127.0.0.1:{port}", "--insecure-cookies"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/login", timeout=2)
            break
        except OSError:
            time.sleep(0.2)
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=de"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(60)
    wait = WebDriverWait(driver, 60)
    passed, failed = 0, 0

    def log_in(name):
        driver.delete_all_cookies()
        driver.get(base + "/login")
        driver.find_element(By.ID, "username").send_keys(name)
        driver.find_element(By.ID, "password").send_keys(PASSWORD)
        driver.find_element(By.CSS_SELECTOR, "#login button[type=submit]").click()
        wait.until(lambda d: d.find_elements(By.ID, "logout"))

    try:
        for test in ("department", "coordinator"):
            try:
                if test == "department":
                    log_in("amt40")
                    driver.find_element(By.ID, "file").send_keys(os.path.join(ROOT, "Samples/Fehler/Amt_40_2007_Werte.xlsx"))
                    driver.find_element(By.CSS_SELECTOR, "#upload button[type=submit]").click()
                    wait.until(lambda d: d.find_elements(By.ID, "findings"))
                    rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "#findings tbody tr")]
                    assert any("B01" in r and "D6" in r and "ca. 50" in r for r in rows), rows
                    assert "abgelehnt" in driver.find_element(By.ID, "result").text
                    driver.save_screenshot(os.path.join(a.out, "department-after-upload.png"))
                    driver.find_element(By.ID, "feedback").click()
                    deadline = time.time() + 30
                    while time.time() < deadline and not any(f.endswith(".xlsx") for f in os.listdir(downloads)):
                        time.sleep(0.2)
                    got = [f for f in os.listdir(downloads) if f.endswith(".xlsx")]
                    assert got and got[0].startswith("Prüfung_"), os.listdir(downloads)
                    with open(os.path.join(downloads, got[0]), "rb") as f:
                        assert f.read(2) == b"PK"
                else:
                    log_in("koordination")
                    board = driver.find_element(By.ID, "board").text
                    assert "fehlt" in board and "geliefert" in board and "abgelehnt" in board, board
                    # Times as people read them (07.12.2026, 14:03), the ISO value in datetime.
                    times = driver.find_elements(By.CSS_SELECTOR, "#board time")
                    assert times and all(re.fullmatch(r"\d\d\.\d\d\.\d{4}, \d\d:\d\d", t.text) for t in times), [t.text for t in times]
                    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT[0-9:.]+Z", t.get_attribute("datetime")) for t in times)
                    driver.save_screenshot(os.path.join(a.out, "coordinator-board.png"))
                passed += 1
            except Exception:
                failed += 1
                traceback.print_exc()
                driver.save_screenshot(os.path.join(a.out, f"failed-{test}.png"))
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    print(f"browser: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
