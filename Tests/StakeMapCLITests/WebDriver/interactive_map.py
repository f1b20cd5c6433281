#!/usr/bin/env python3
"""Drives the HTML report's interactive map in headless Chromium through WebDriver.

    python3 interactive_map.py REPORT.html ACTOR_INDEX TYPE_TO_HIDE SEARCH_TEXT

Run by Tests/StakeMapCLITests/InteractiveMapBrowserTests.swift (Selenium from PyPI, pinned in
Scripts/setup/requirements-test.txt; Debian's chromium and chromium-driver). Prints one JSON
object of observations; the Swift test decides what is right. No network: the page is a local
file, and every host resolves to nothing.
"""
import json
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait


def main():
    report, actor, hide_type, query = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1400,1000",
                "--disable-extensions", "--no-first-run"]:
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    out = {}
    try:
        driver.get("file://" + report)
        WebDriverWait(driver, 20).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, '.sm-explore[data-explore="ready"]'))
        panel = driver.find_element(By.ID, "sm-explore-card")
        out["hint"] = panel.text

        # Click an actor: its card, with the evidence of its ties, shows beside the map.
        node = driver.find_element(By.ID, "sm-a" + actor)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", node)
        node.click()
        out["card_after_click"] = panel.text
        out["selected"] = node.get_attribute("class")

        # Hover another actor: its ties stay, the rest dims.
        nodes = driver.find_elements(By.CSS_SELECTOR, "#sm-map g.node")
        out["nodes"] = len(nodes)
        ActionChains(driver).move_to_element(node).perform()
        svg = driver.find_element(By.CSS_SELECTOR, "#sm-map figure svg")
        out["svg_class_on_hover"] = svg.get_attribute("class")
        out["opacities_on_hover"] = sorted(set(
            driver.execute_script("return getComputedStyle(arguments[0]).opacity", n) for n in nodes))

        # Keyboard: from the search box, Tab to the first actor, Enter opens its card.
        search = driver.find_element(By.ID, "sm-explore-search")
        search.click()
        focused = None
        for _ in range(80):
            ActionChains(driver).send_keys(Keys.TAB).perform()
            focused = driver.execute_script("return document.activeElement.id")
            if focused and focused.startswith("sm-a"):
                break
        out["tab_reached"] = focused
        out["tab_reached_label"] = driver.execute_script(
            "return document.activeElement.getAttribute('aria-label')")
        ActionChains(driver).send_keys(Keys.ENTER).perform()
        out["card_after_enter"] = panel.text

        # Search: matches stay, the rest dims.
        search.clear()
        search.send_keys(query)
        out["matches"] = [e.get_attribute("id") for e in driver.find_elements(By.CSS_SELECTOR, "#sm-map g.node.sm-match")]
        out["search_status"] = driver.find_element(By.CSS_SELECTOR, ".sm-status").text
        search.send_keys(Keys.ENTER)
        out["card_after_search_enter"] = panel.text
        search.clear()
        search.send_keys(Keys.SPACE, Keys.BACKSPACE)

        # Filter: hide one actor type; its actors and their ties disappear.
        driver.find_element(By.CSS_SELECTOR, ".sm-filters summary").click()
        box = driver.find_element(By.CSS_SELECTOR, 'input[data-filter="type"][value="%s"]' % hide_type)
        box.click()
        hidden = driver.find_elements(By.CSS_SELECTOR, "#sm-map g.node.sm-off")
        out["hidden_after_filter"] = [e.get_attribute("id") for e in hidden]
        out["hidden_displayed"] = [e.is_displayed() for e in hidden]
        out["hidden_ties"] = len(driver.find_elements(By.CSS_SELECTOR, "#sm-map g.edge.sm-off"))
        box.click()
        out["hidden_after_unfilter"] = len(driver.find_elements(By.CSS_SELECTOR, "#sm-map g.node.sm-off"))

        # Zoom.
        view_box = "return arguments[0].getAttribute('viewBox')"
        before = driver.execute_script(view_box, svg)
        driver.find_element(By.CSS_SELECTOR, ".sm-zoom button").click()
        out["viewbox"] = [before, driver.execute_script(view_box, svg)]

        out["console"] = [e["message"] for e in driver.get_log("browser") if e.get("level") in ("SEVERE", "WARNING")]
    finally:
        driver.quit()
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
