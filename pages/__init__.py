"""Playwright page objects, one class per page the person sees (plus the mail as the browser
shows it), with `wording.py`, the contract's visible wording. Pages import nothing but
Playwright, the wording and one another (tests/suite/test_layout.py checks it)."""
