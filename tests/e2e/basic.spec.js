// The first usable page: type a story, see identifiers highlighted and redacted, nothing leaves.
const { test, expect } = require('@playwright/test');
const { watch, assertPrivate, shot, openApp } = require('./helpers');

const EMAIL = 'tomasz.wojcik@example.org';
const PHONE = '(617) 555-0142';
const STORY = `My patient asked me to write this down. Reach his daughter at ${EMAIL} or ${PHONE} before 3/14.`;

test('types a story, sees email and phone highlighted and redacted, and no request leaves', async ({ page, baseURL }) => {
  const log = watch(page);
  await openApp(page);
  await expect(page.getByTestId('empty-state')).toContainText('Nothing leaves this device');
  await shot(page, '01-empty');
  const loadedAt = Date.now();

  await page.getByTestId('story-input').pressSequentially(STORY, { delay: 2 });
  const out = page.getByTestId('redacted-output');
  await expect(out).toContainText('[EMAIL]');
  await expect(out).toContainText('[PHONE]');
  await expect(page.locator('mark.hl-email')).toHaveText(EMAIL);
  await expect(page.locator('mark.hl-phone')).toHaveText(PHONE);
  const final = await out.textContent();
  expect(final).not.toContain(EMAIL);
  expect(final).not.toContain('555-0142');
  await shot(page, '02-typed');

  // Copy copies exactly the output's text.
  await page.getByTestId('copy-button').click();
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toBe(final);

  const origin = new URL(baseURL).origin;
  assertPrivate(expect, log, origin, [EMAIL, '555-0142', 'My patient asked']);
  // After load, nothing but GETs of the app's own files.
  for (const r of log.requests.filter((r) => r.at >= loadedAt)) {
    expect(r.method).toBe('GET');
    expect(new URL(r.url).origin).toBe(origin);
  }
  expect(log.errors, log.errors.join('\n')).toEqual([]);
});

test('the output never shows unredacted text while a scan is pending', async ({ page }) => {
  await openApp(page);
  const input = page.getByTestId('story-input');
  // Paste a large story in one go: the scan is debounced, so the output lags behind the input.
  const big = ('The visit went well and we talked about her garden. '.repeat(3000)) + ` Call ${PHONE}.`;
  await input.fill(big);
  const seen = await page.getByTestId('redacted-output').textContent();
  expect(seen.includes('555-0142')).toBe(false);
  await expect(page.getByTestId('redacted-output')).toContainText('[PHONE]');
  expect((await page.getByTestId('redacted-output').textContent()).includes('555-0142')).toBe(false);
});
