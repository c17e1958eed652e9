#!/usr/bin/env python3
"""Drives the partners' page in a real browser (Debian's chromium and
chromium-driver, selenium from PyPI): paste a token, upload a task list
with an error, see it named, fix it, submit, and see the stored tasks and
the map; then two weeks planned, each with the partner's share of the
saving and the order rules on its work, the second from the first.
Skips (exit 0, with a message) when any of them is missing:
apt-get install chromium chromium-driver; pip install selenium.
Usage: check_page.py [BINARY]"""
import json
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sample_service import ROOT, SampleService, parse, task_list  # noqa: E402


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


def run_plan(service, week):
    """Starts a plan of `week` as the coordinator and waits until it is done."""
    coordinator = service.tokens["coordinator"]
    status, headers, body = service.request("POST", f"/v1/plans?week={week}&seconds=2&iterations=20", coordinator)
    assert status == 202, (status, body)
    for _ in range(600):
        status, _, body = service.request("GET", headers["Location"], coordinator)
        if parse(body)["state"] != "running":
            break
        time.sleep(0.1)
    assert parse(body)["state"] == "done", body


def check_plans(driver, wait, service, By, EC):
    """A second partner's list: the overlaps, one line per street and kind.
    Two weeks planned over the API: the partner's page shows its share of
    the saving, the order rules on its work, and the second week's start."""
    status, _, body = service.request("PUT", "/v1/organisations/county-council/task-list",
                                      service.tokens["county-council"], task_list("county-council"))
    assert status == 200, body
    driver.find_element(By.ID, "refresh").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "overlaps"), "segments)"))
    lines = driver.find_element(By.ID, "overlaps").text.splitlines()
    assert len(lines) == len(set(lines)), f"one line per street and kind of overlap: {lines}"
    run_plan(service, "2026-W48")
    run_plan(service, "2026-W49")
    driver.find_element(By.ID, "plans").click()
    wait.until(lambda d: d.find_element(By.ID, "planlist").text.count("Your share of the saving") == 2)
    plans = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#planlist > li")]
    assert len(plans) == 2, plans
    for text in plans:
        assert "Your share of the saving: £" in text, text
        assert "Order rule broken" in text or "Every order rule is kept" in text, text
    assert "Started from" not in plans[0] and "Started from 2026-W48" in plans[1], plans
    print("check_page: two plans shown with the partner's share, the order rules and the week it started from")


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/streetrounds"
    try:
        import selenium  # noqa: F401
    except ImportError:
        print("check_page: skipped: selenium is not installed (pip install selenium)")
        return 0
    if not shutil.which("chromium") or not shutil.which("chromedriver"):
        print("check_page: skipped: chromium or chromedriver is missing (apt-get install chromium chromium-driver)")
        return 0
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    with open(os.path.join(ROOT, "data/sample-town/tasks/town-council.geojson")) as f:
        good = json.load(f)
    bad = json.loads(json.dumps(good))
    bad["features"][1]["properties"]["activity"] = "sweepin"
    folder = tempfile.mkdtemp(prefix="streetrounds-page-")
    bad_file = os.path.join(folder, "town-council-bad.geojson")
    with open(bad_file, "w") as f:
        json.dump(bad, f)
    with SampleService(binary) as service:
        driver = browser()
        wait = WebDriverWait(driver, 30)
        try:
            driver.get(service.url + "/")
            driver.find_element(By.ID, "token").send_keys(service.tokens["town-council"])
            driver.find_element(By.ID, "use").click()
            wait.until(EC.text_to_be_present_in_element((By.ID, "who"), "partner of town-council"))
            # Upload the list with an error: it is named, nothing is stored.
            driver.find_element(By.ID, "file").send_keys(bad_file)
            wait.until(lambda d: "sweepin" in d.find_element(By.ID, "list").get_attribute("value"))
            driver.find_element(By.ID, "submit").click()
            wait.until(EC.text_to_be_present_in_element((By.ID, "problems"), "property activity"))
            problems = driver.find_element(By.ID, "problems").text
            assert "feature 1" in problems and "did you mean \"sweeping\"" in problems, problems
            status, _, body = service.request("GET", "/v1/organisations/town-council/task-list",
                                              service.tokens["town-council"])
            assert status == 200 and parse(body)["submissions"] == [], "a list with problems stored nothing"
            # Fix it in the page and submit.
            area = driver.find_element(By.ID, "list")
            driver.execute_script("arguments[0].value = arguments[1];", area, json.dumps(good))
            driver.find_element(By.ID, "check").click()
            wait.until(EC.text_to_be_present_in_element((By.ID, "status"), "No problem"))
            driver.find_element(By.ID, "submit").click()
            wait.until(EC.text_to_be_present_in_element((By.ID, "status"), "Stored as submission"))
            wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#tasks tbody tr")) == len(good["features"]))
            wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#map svg g.own path")) > 0)
            print(f"check_page: the error was named, the fixed list stored ({len(good['features'])} tasks), "
                  "tasks and map shown")
            check_plans(driver, wait, service, By, EC)
        finally:
            driver.quit()
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
