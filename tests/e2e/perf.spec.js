// Speed figures (issue 7 "Small and fast"), printed for the report, not asserted as timings (they
// depend on the machine): time to interactive on a local load (first visit and repeat visit from
// the service worker's cache), and the time from an edit of a 5,000-word story to the redacted
// output showing it. Written to test-results/perf.json as well.
const fs = require('fs');
const path = require('path');
const { test: base, expect } = require('@playwright/test');
const { longStory } = require('./helpers');
const { waitForController } = require('./offline-helpers');
const { distFixtures } = require('./static-server');

const test = base.extend(distFixtures);

const FIGURES = path.resolve(__dirname, '../../test-results/perf.json');

/**
 * Arms an in-page timer: the time of the next `input` event on the story box, and of the first
 * DOM change after it that makes the redacted output contain `marker`.
 */
function armTimer(page, marker) {
  return page.evaluate((marker) => {
    window.__perf = {};
    const input = document.querySelector('[data-testid="story-input"]');
    input.addEventListener('input', () => { window.__perf.input = performance.now(); }, { once: true });
    const observer = new MutationObserver(() => {
      const out = document.querySelector('[data-testid="redacted-output"]');
      if (window.__perf.input && out && out.textContent.includes(marker)) {
        window.__perf.output = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, marker);
}

async function elapsed(page) {
  await page.waitForFunction(() => window.__perf.output !== undefined, null, { timeout: 30_000 });
  return page.evaluate(() => window.__perf.output - window.__perf.input);
}

/**
 * Milliseconds from the start of navigation until the app has rendered the story box (recorded in
 * the page by an init script, so the test's own polling adds nothing).
 */
async function timeToInteractive(page, load) {
  await load();
  await page.getByTestId('story-input').waitFor({ state: 'visible', timeout: 30_000 });
  await expect(page.getByTestId('story-input')).toBeEditable();
  return page.evaluate(() => window.__tti);
}

test('time to interactive and rescan time of a 5,000-word story (printed)', async ({ page, distServer }) => {
  const figures = {};
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('[data-testid="story-input"]')) {
        window.__tti = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  figures.tti_first_visit_ms = await timeToInteractive(page, () => page.goto(distServer.url));
  await waitForController(page);
  figures.tti_repeat_visit_ms = await timeToInteractive(page, () => page.reload());

  const input = page.getByTestId('story-input');
  const story = longStory(5000, 'The end');
  expect(story.split(/\s+/).length).toBe(5000);
  figures.story_words = 5000;
  figures.story_chars = story.length;

  // Pasting the whole story at once.
  await armTimer(page, 'That was the last time I saw her. The end');
  await input.fill(story);
  figures.paste_to_output_ms = await elapsed(page);

  // One keystroke at the end of it (a rescan of the whole story).
  await input.focus();
  await page.keyboard.press('End');
  await page.evaluate(() => {
    const t = document.querySelector('[data-testid="story-input"]');
    t.setSelectionRange(t.value.length, t.value.length);
  });
  await armTimer(page, 'The end!');
  await page.keyboard.type('!');
  figures.keystroke_to_output_ms = await elapsed(page);
  // The engine's own time for that rescan, measured inside the scanning worker.
  await expect(page.locator('#app')).toHaveAttribute('data-scan-mode', 'worker');
  figures.worker_rescan_ms = Number(await page.locator('#app').getAttribute('data-scan-ms'));

  const out = await page.getByTestId('redacted-output').textContent();
  expect(out).toContain('[EMAIL]');
  expect(out).not.toContain('patient7@example.org');

  for (const k of Object.keys(figures)) figures[k] = Math.round(figures[k]);
  fs.mkdirSync(path.dirname(FIGURES), { recursive: true });
  fs.writeFileSync(FIGURES, JSON.stringify(figures, null, 2) + '\n');
  console.log(`perf: time to interactive ${figures.tti_first_visit_ms} ms (first visit), ` +
    `${figures.tti_repeat_visit_ms} ms (repeat visit, service worker); 5,000-word story ` +
    `(${figures.story_chars} chars): paste -> output ${figures.paste_to_output_ms} ms, ` +
    `keystroke -> output ${figures.keystroke_to_output_ms} ms (includes the UI's scan debounce), ` +
    `of which the engine's rescan in the worker ${figures.worker_rescan_ms} ms`);
});
