"""Accessibility checks over a Playwright page (RGAA 4.1.2, WCAG 2.1 AA), with French messages.

- `axe`: axe-core's rules tagged wcag2a, wcag2aa, wcag21a, wcag21aa (axe-core comes inside
  axe-playwright-python); `axe_fr.json` is axe-core's own French locale, `locales/fr.json` of
  the npm package axe-core at the version that axe-playwright-python bundles (MPL-2.0).
- `keyboard`: a walk with Tab / Shift+Tab that checks each stop (visible focus, order, traps).
- `structure`: what a screen reader meets (lang, title, one h1, names, descriptions, states)
  and the rendering at a given size (no horizontal scrolling).
"""
