// The clinician's whole review in the browser: paste, reject a false positive, redact a missed
// name by hand, switch names to pseudonyms, shift dates, copy, save work, reload, reopen, and get
// the identical final text back.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { test, expect } = require('@playwright/test');
const { watch, assertPrivate, shot, openApp } = require('./helpers');

// Synthetic story. "Bramblewick" is a made-up nickname no dictionary holds: it is redacted by hand.
const STORY = [
  'Mrs. Adaeze Okonkwo-Hart came to our clinic on March 14, 2024 after a fall.',
  'Her grandson Bramblewick drove her; she calls him that since he was small.',
  'We met again on 04/02/2024. Reach the family at adaeze.hart@example.org or (415) 555-0173.',
  'For background on falls I pointed her to https://www.cdc.gov/falls which is public.',
].join('\n');
const IDENTIFIERS = ['Okonkwo', 'Adaeze', 'Bramblewick', 'March 14', '04/02/2024', 'adaeze.hart@example.org', '555-0173'];
const PUBLIC_URL = 'https://www.cdc.gov/falls';

async function selectInStory(page, word) {
  await page.getByTestId('story-input').evaluate((el, w) => {
    const i = el.value.indexOf(w);
    el.focus();
    el.setSelectionRange(i, i + w.length);
    el.dispatchEvent(new Event('select', { bubbles: true }));
  }, word);
}

test('the whole review flow, with save and resume', async ({ page, baseURL }) => {
  const log = watch(page);
  await openApp(page);
  await page.getByTestId('story-input').fill(STORY);
  const out = page.getByTestId('redacted-output');
  await expect(out).toContainText('[EMAIL]');
  await shot(page, 'review-01-pasted');

  // 1. The public URL is flagged (every URL is, by rule); the author says it is not an identifier.
  const urlCard = page.locator(`[data-testid=finding][data-text="${PUBLIC_URL}"]`);
  await expect(urlCard).toBeVisible();
  await urlCard.getByTestId('finding-reject').click();
  await expect(out).toContainText(PUBLIC_URL);

  // 2. A nickname the engine cannot know: select it and redact it by hand.
  await selectInStory(page, 'Bramblewick');
  await expect(page.getByTestId('selection-bar')).toBeVisible();
  await page.getByTestId('redact-selection').click();
  await expect(out).not.toContainText('Bramblewick');
  await shot(page, 'review-02-decided');

  // 3. Names become numbered pseudonyms, dates are shifted.
  await page.getByTestId('op-name').selectOption('pseudonym');
  await expect(out).toContainText('[PATIENT-1]');
  await page.getByTestId('op-date').selectOption('date_shift');
  await expect(out).not.toContainText('[DATE]');
  const final = await out.textContent();
  for (const id of IDENTIFIERS) expect(final, `identifier survived: ${id}`).not.toContain(id);
  expect(final).toContain(PUBLIC_URL);
  // Dates were shifted, not removed: the final text still has two dates.
  expect(final).toMatch(/\b\d{2}\/\d{2}\/\d{4}\b/);
  await shot(page, 'review-03-operators');

  // 4. Copy gives exactly the final text.
  await page.getByTestId('copy-button').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(final);

  // 5. Save work to an encrypted file.
  await page.getByTestId('save-work').click();
  await page.getByTestId('save-passphrase').fill('correct horse battery');
  await page.getByTestId('save-passphrase2').fill('correct horse battery');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-confirm').click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'storysafe-')), 'story.storysafe');
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  expect(bytes.includes(Buffer.from('Okonkwo'))).toBe(false);
  await expect(page.getByTestId('work-message')).toContainText('Saved');

  // 6. Reload: the story is gone from the page (it is never stored)...
  await page.reload();
  await page.getByTestId('story-input').waitFor();
  await expect(page.getByTestId('story-input')).toHaveValue('');

  // ...a wrong passphrase gets a clear message...
  await page.getByTestId('open-work').click();
  await page.getByTestId('open-file').setInputFiles(file);
  await page.getByTestId('open-passphrase').fill('wrong passphrase');
  await page.getByTestId('open-confirm').click();
  await expect(page.getByTestId('work-message')).toContainText('Wrong passphrase');

  // ...and the right one restores exactly the same final text.
  await page.getByTestId('open-passphrase').fill('correct horse battery');
  await page.getByTestId('open-confirm').click();
  await expect(page.getByTestId('work-message')).toContainText('Opened');
  await expect(out).toHaveText(final);
  await shot(page, 'review-04-reopened');

  assertPrivate(expect, log, new URL(baseURL).origin, ['Okonkwo', 'Bramblewick', '555-0173']);
  expect(log.errors, log.errors.join('\n')).toEqual([]);
});

test('a phone-sized screen stacks the panels', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await page.getByTestId('story-input').fill(STORY);
  await expect(page.getByTestId('redacted-output')).toContainText('[EMAIL]');
  const input = await page.getByTestId('story-input').boundingBox();
  const output = await page.getByTestId('redacted-output').boundingBox();
  expect(output.y).toBeGreaterThan(input.y + input.height);
  expect(input.width).toBeLessThanOrEqual(390);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);
  await shot(page, 'review-05-phone');
});

// Regression: every output line was left unrendered while off screen (content-visibility), so a
// full-page screenshot of an ordinary story showed an empty "Redacted version". Only long texts
// skip their off-screen lines now.
test('a short story\'s output is rendered even off screen; only long texts skip off-screen lines', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 500 });
  await openApp(page);
  const visibility = () => page.getByTestId('redacted-output').evaluate((el) => {
    const line = el.querySelector('.para');
    return line ? getComputedStyle(line).contentVisibility : null;
  });
  await page.getByTestId('story-input').fill(STORY);
  await expect(page.getByTestId('redacted-output')).toContainText('[EMAIL]');
  expect(await visibility()).toBe('visible');
  await page.getByTestId('story-input').fill((STORY + '\n').repeat(80));
  await expect(page.getByTestId('redacted-output')).toContainText('[EMAIL]');
  await expect.poll(visibility).toBe('auto');
});
