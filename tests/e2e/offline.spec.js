// Offline use and updates (issue 7 "Offline"): after one visit the app loads and works with the
// network off; a newly published build is announced and replaces the running one only when the
// user accepts; the service worker's cache holds the app's files and never any story text.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { test: base, expect } = require('@playwright/test');
const { watch, assertPrivate, shot, openApp } = require('./helpers');
const { waitForController, cacheNames, cacheContents, checkForUpdate } = require('./offline-helpers');
const { serveStatic, copyDist, distFixtures } = require('./static-server');

const test = base.extend(distFixtures);

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const EMAIL = 'halina.mrozek@example.net';
// A phrase found in no dictionary or file of the app, so that finding it anywhere means story text.
const PHRASE = `winters-${Math.random().toString(36).slice(2, 10)}`;
const STORY = `She wrote to me afterwards from ${EMAIL} to say the new inhaler had changed her ${PHRASE}.`;

/**
 * Publishes a changed build in `site`, as a new build would: edits the page and re-stamps sw.js.
 * Returns the page as it was before.
 */
function publishNewBuild(site, { stamp = true } = {}) {
  const page = path.join(site, 'index.html');
  const before = fs.readFileSync(page, 'utf8');
  fs.appendFileSync(page, '<!-- next build -->\n');
  if (stamp) execFileSync('sh', [path.join(ROOT, 'scripts/stamp-sw.sh'), site], { stdio: 'pipe' });
  return before;
}

test('after one visit, the app loads and redacts with the network off', async ({ page, context, distServer }) => {
  const baseURL = distServer.url;
  const log = watch(page);
  // Every request of the browser context, the service worker's own included.
  const fromWorker = [];
  context.on('request', (r) => { if (r.serviceWorker()) fromWorker.push({ url: r.url(), method: r.method() }); });
  await openApp(page, baseURL);
  const scope = await waitForController(page);
  expect(scope).toBe(new URL('./', baseURL).href);
  const names = await cacheNames(page);
  expect(names).toHaveLength(1);
  expect(names[0]).toMatch(/^storysafe \/ [0-9a-f]{16}$/);

  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('story-input').waitFor({ state: 'visible', timeout: 20_000 });
  await page.getByTestId('story-input').fill(STORY);
  const out = page.getByTestId('redacted-output');
  await expect(out).toContainText('[EMAIL]');
  expect(await out.textContent()).not.toContain(EMAIL);
  // The scanning worker started from the cache too.
  await expect(page.locator('#app')).toHaveAttribute('data-scan-mode', 'worker');
  await shot(page, 'offline-01-redacted');

  // The cache holds this build's files, and nothing typed.
  const cached = await cacheContents(page);
  const files = cached.map((c) => c.url.slice(new URL('./', baseURL).href.length)).sort();
  expect(files).toEqual(expect.arrayContaining(['index.html', 'loader.js', 'scan-worker.js', 'storysafe-web.js', 'storysafe-web_bg.wasm']));
  expect(files).not.toContain('sw.js');
  for (const c of cached) {
    expect(new URL(c.url).origin).toBe(new URL(baseURL).origin);
    expect(c.body.includes(EMAIL) || c.body.includes(PHRASE), `story text in the cache: ${c.url}`).toBe(false);
  }
  assertPrivate(expect, log, new URL(baseURL).origin, [EMAIL, PHRASE]);
  expect(log.errors, log.errors.join('\n')).toEqual([]);

  // The worker itself fetched its own script and this build's files from this origin, and nothing else.
  const fetched = fromWorker.map((r) => r.url.slice(new URL('./', baseURL).href.length));
  expect(fetched).toEqual(expect.arrayContaining(files));
  for (const [i, r] of fromWorker.entries()) {
    expect(r.method).toBe('GET');
    expect([...files, 'sw.js'], `the service worker fetched ${r.url}`).toContain(fetched[i]);
  }
});

test.describe('publishing a new build', () => {
  let site;
  let server;
  test.beforeEach(async () => {
    site = copyDist(DIST);
    server = await serveStatic(site);
  });
  test.afterEach(async () => {
    await server.close();
    fs.rmSync(site, { recursive: true, force: true });
  });

  test('the page says a new version exists and switches to it only when the user reloads', async ({ page }) => {
    const log = watch(page);
    await openApp(page, server.url);
    await waitForController(page);
    const [oldCache] = await cacheNames(page);
    await expect(page.getByTestId('update-banner')).toBeHidden();

    const oldPage = publishNewBuild(site);
    // The browser checks sw.js on every navigation: reloading finds the new build.
    await page.reload();
    await page.getByTestId('story-input').waitFor({ state: 'visible' });
    const banner = page.getByTestId('update-banner');
    await expect(banner).toBeVisible({ timeout: 20_000 });
    await expect(banner).toContainText('new version');
    await shot(page, 'offline-02-update-banner');
    // Until the user accepts, the page runs the build it loaded, from one consistent cache.
    expect(await page.evaluate(() => fetch('index.html').then((r) => r.text()))).toBe(oldPage);

    await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
    await page.getByTestId('story-input').waitFor({ state: 'visible', timeout: 20_000 });
    await expect(page.getByTestId('update-banner')).toBeHidden();
    expect(await page.evaluate(() => fetch('index.html').then((r) => r.text()))).toContain('next build');
    const names = await cacheNames(page);
    expect(names).toHaveLength(1);
    expect(names[0]).not.toBe(oldCache);

    await page.getByTestId('story-input').fill(STORY);
    await expect(page.getByTestId('redacted-output')).toContainText('[EMAIL]');
    expect(log.errors, log.errors.join('\n')).toEqual([]);
  });

  test('declining the reload (unsaved work) keeps the page and a working Reload button', async ({ page }) => {
    await openApp(page, server.url);
    await waitForController(page);
    await page.getByTestId('story-input').fill(STORY);
    // Unexported work: the page asks before it is left (as the app does), and the user says no.
    await page.evaluate(() => window.addEventListener('beforeunload', (e) => { e.preventDefault(); e.returnValue = ''; }));
    publishNewBuild(site);
    expect(await checkForUpdate(page)).toBe('installed');
    const banner = page.getByTestId('update-banner');
    await expect(banner).toBeVisible();

    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.type()); d.dismiss(); });
    await page.getByTestId('update-reload').click();
    await expect(banner).toContainText('ready');
    await expect(page.getByTestId('update-reload')).toBeEnabled();
    expect(dialogs).toEqual(['beforeunload']);
    await expect(page.getByTestId('story-input')).toHaveValue(STORY);

    // Later the user reloads on purpose, and gets the new build.
    page.removeAllListeners('dialog');
    page.on('dialog', (d) => d.accept());
    await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
    await page.getByTestId('story-input').waitFor({ state: 'visible', timeout: 20_000 });
    await expect(banner).toBeHidden();
    expect(await page.evaluate(() => fetch('index.html').then((r) => r.text()))).toContain('next build');
  });

  test('a half-published build (files not matching its sw.js) is never installed', async ({ page }) => {
    await openApp(page, server.url);
    await waitForController(page);
    const [cache] = await cacheNames(page);
    // A new sw.js is up but the server still has the old page: the new worker must fail to
    // install rather than cache a mix of two builds.
    const oldPage = publishNewBuild(site);
    fs.writeFileSync(path.join(site, 'index.html'), oldPage);
    expect(await checkForUpdate(page)).toBe('redundant');
    await expect(page.getByTestId('update-banner')).toBeHidden();
    expect(await cacheNames(page)).toEqual([cache]);

    // Once the upload is complete, the next check installs it.
    publishNewBuild(site, { stamp: false });
    expect(await checkForUpdate(page)).toBe('installed');
    await expect(page.getByTestId('update-banner')).toBeVisible();
  });
});
