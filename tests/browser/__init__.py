"""Tests in headless Chromium; package.json here names the npm packages they load."""
