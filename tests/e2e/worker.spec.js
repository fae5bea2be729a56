// Scanning in a Web Worker (issue 5): the story is scanned off the page's main thread by
// scan-worker.js, which runs the app's own files; when a browser cannot run the worker, or it
// fails, the page scans on its own and no edit is left unscanned.
const { test: base, expect } = require('@playwright/test');
const { watch, assertPrivate, openApp } = require('./helpers');
const { distFixtures } = require('./static-server');

const test = base.extend(distFixtures);

const EMAIL = 'rosa.lindqvist@example.org';
const STORY = `Rosa wrote to me from ${EMAIL} after the second visit.`;

/** Types the story and waits until the output is its finished scan. */
async function scanStory(page) {
  await page.getByTestId('story-input').fill(STORY);
  const out = page.getByTestId('redacted-output');
  await expect(out).toContainText('[EMAIL]');
  expect(await out.textContent()).not.toContain(EMAIL);
  await expect(page.locator('mark.hl-email')).toHaveText(EMAIL);
}

test('the story is scanned in the worker, which loads only the app\'s own files', async ({ page, distServer }) => {
  const log = watch(page);
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openApp(page, distServer.url);
  const root = page.locator('#app');
  await expect(root).toHaveAttribute('data-scan-mode', 'worker', { timeout: 20_000 });
  await scanStory(page);
  // Only a worker reply sets the scan time.
  await expect(root).toHaveAttribute('data-scan-ms', /^\d+(\.\d+)?$/);
  expect(workers).toEqual([new URL('scan-worker.js', distServer.url).href]);
  const files = new Set(log.requests.map((r) => new URL(r.url).pathname.slice(1)));
  for (const f of files) {
    expect(['', 'index.html', 'loader.js', 'scan-worker.js', 'storysafe-web.js', 'storysafe-web_bg.wasm', 'sw.js',
      'app.css', 'consent.css', 'shell.css'], `unexpected request for ${f}`).toContain(f);
  }
  assertPrivate(expect, log, new URL(distServer.url).origin, [EMAIL]);
  expect(log.errors, log.errors.join('\n')).toEqual([]);
});

test('a reply for an older text is never shown: typing on while a scan runs ends with the latest text', async ({ page, distServer }) => {
  await openApp(page, distServer.url);
  await expect(page.locator('#app')).toHaveAttribute('data-scan-mode', 'worker', { timeout: 20_000 });
  const input = page.getByTestId('story-input');
  await input.fill('Seen on 3/14 by the nurse.');
  await input.press('End');
  await page.keyboard.type(` Call ${'(617) 555-0142'} or write ${EMAIL}`, { delay: 5 });
  const out = page.getByTestId('redacted-output');
  await expect(out).toHaveText('Seen on [DATE] by the nurse. Call [PHONE] or write [EMAIL]');
  await expect(page.getByTestId('scan-pending')).toHaveCount(0);
});

test('without Web Workers, the page scans on its own', async ({ page, distServer }) => {
  await page.addInitScript(() => { delete window.Worker; });
  const log = watch(page);
  await openApp(page, distServer.url);
  await expect(page.locator('#app')).toHaveAttribute('data-scan-mode', 'page');
  await scanStory(page);
  expect(log.errors, log.errors.join('\n')).toEqual([]);
});

test('a worker that cannot load leaves the scanning to the page', async ({ page, distServer }) => {
  await page.addInitScript(() => {
    const Real = window.Worker;
    window.Worker = class extends Real {
      constructor(url, options) { super(new URL('no-such-worker.js', location.href), options); }
    };
  });
  await openApp(page, distServer.url);
  // The story is typed at once: whatever the worker's state, the scan is not lost.
  await scanStory(page);
  await expect(page.locator('#app')).toHaveAttribute('data-scan-mode', 'page');
});

test('a worker that fails during a scan: the text is scanned on the page, not lost', async ({ page, distServer }) => {
  await page.addInitScript(() => {
    const Real = window.Worker;
    window.Worker = class extends Real {
      postMessage(message) {
        if (!message.text) { super.postMessage(message); return; }
        // Dies with the story in hand, as a crashed worker would.
        this.terminate();
        setTimeout(() => this.dispatchEvent(new Event('error')), 50);
      }
    };
  });
  await openApp(page, distServer.url);
  await expect(page.locator('#app')).toHaveAttribute('data-scan-mode', 'worker', { timeout: 20_000 });
  await scanStory(page);
  await expect(page.locator('#app')).toHaveAttribute('data-scan-mode', 'page');
  await expect(page.locator('#boot-error')).toBeHidden();
});

test('a worker that loads but never answers: after 10 seconds the page scans the waiting text', async ({ page, distServer }) => {
  await page.addInitScript(() => {
    const Real = window.Worker;
    // loader.js, run as a worker, loads the app and then stays silent.
    window.Worker = class extends Real {
      constructor(url, options) { super(new URL('loader.js', location.href), options); }
    };
  });
  await openApp(page, distServer.url);
  await expect(page.locator('#app')).toHaveAttribute('data-scan-mode', 'starting');
  await page.getByTestId('story-input').fill(STORY);
  await expect(page.getByTestId('redacted-output')).toContainText('[EMAIL]', { timeout: 20_000 });
  await expect(page.locator('#app')).toHaveAttribute('data-scan-mode', 'page');
});
