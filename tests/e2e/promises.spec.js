// The promises, each as a test that fails if it breaks: private (no storage of the story, HTML
// shown as text), nothing lost (leave guard, visible error instead of a blank page), accessible
// (axe-core on every screen, keyboard-only flow, not colour alone).
const { test, expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;
const { watch, assertPrivate, shot, openApp } = require('./helpers');

const SECRET_NAME = 'Oluwaseun Adeyemi-Brandt';
const STORY = `Mr. ${SECRET_NAME} (MRN 4471920) was seen on 2/3/2024; his son can be reached at 555-201-7788.`;

async function axe(page, label) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(summary, summary.join('\n')).toEqual([]);
}

test('axe-core finds no WCAG 2.1 AA violations on any screen', async ({ page }) => {
  await openApp(page);
  await axe(page, 'empty');
  await page.getByTestId('story-input').fill(STORY);
  await expect(page.getByTestId('redacted-output')).toContainText('[PHONE]');
  await page.locator('[data-testid=word-lists] summary').click();
  await page.locator('[data-testid=anonymisation-log] summary').click();
  await axe(page, 'review');
  await page.getByTestId('tab-consent').click();
  await axe(page, 'consent');
  await page.getByTestId('tab-committee').click();
  await axe(page, 'committee');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('tab-redact').click();
  await axe(page, 'review (dark)');
  await shot(page, 'promises-dark');
  await page.setViewportSize({ width: 390, height: 844 });
  await axe(page, 'review (phone)');
});

test('the flow works with the keyboard alone', async ({ page }) => {
  await openApp(page);
  // Tab from the top of the page reaches the story input.
  await page.locator('body').focus();
  let reached = false;
  for (let i = 0; i < 12 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.dataset?.testid === 'story-input');
  }
  expect(reached, 'Tab reaches the story input').toBe(true);
  await page.keyboard.type(STORY);
  await expect(page.getByTestId('redacted-output')).toContainText('[PHONE]');
  // Tab onwards through the findings to the Copy button, activating "Not an identifier" on the
  // first finding on the way, and record the focus order.
  const order = [];
  let rejected = false;
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.dataset?.testid || document.activeElement?.tagName);
    order.push(id);
    if (id === 'finding-reject' && !rejected) {
      await page.keyboard.press('Enter');
      rejected = true;
      await expect(page.getByTestId('finding-restore').first()).toBeVisible();
      await page.getByTestId('finding-restore').first().focus();
      await page.keyboard.press('Enter');
    }
    if (id === 'copy-button') break;
  }
  expect(rejected, `focus order: ${order.join(' > ')}`).toBe(true);
  expect(order).toContain('copy-button');
  await page.keyboard.press('Enter');
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toBe(await page.getByTestId('redacted-output').textContent());
  expect(clip).not.toContain('Adeyemi');
  // Focus is always visible: the focused element has an outline.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline).not.toBe('none');
});

test('highlights are not conveyed by colour alone', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('story-input').fill(STORY);
  await expect(page.locator('mark.hl-phone')).toHaveCount(1);
  const styles = await page.evaluate(() =>
    ['mark.hl-phone', 'mark.hl-date'].map((sel) => getComputedStyle(document.querySelector(sel)).borderBottomStyle));
  // Each family has its own underline style, and the panel names every category in words.
  expect(styles[0]).not.toBe('none');
  expect(new Set(styles).size).toBe(2);
  await expect(page.getByTestId('findings')).toContainText('Phone');
});

test('the story is never stored: not in localStorage, sessionStorage, IndexedDB or caches', async ({ page, baseURL }) => {
  const log = watch(page);
  await openApp(page);
  await page.getByTestId('story-input').fill(STORY);
  await expect(page.getByTestId('redacted-output')).toContainText('[PHONE]');
  // Settings may be stored (an operator choice, an allow-list word)...
  await page.getByTestId('op-name').selectOption('pseudonym');
  await page.locator('[data-testid=word-lists] summary').click();
  await page.getByTestId('allow-input').fill('Tylenol');
  await page.getByTestId('allow-input').press('Enter');
  // ...and a deny-list word only after opting in.
  await page.getByTestId('deny-input').fill('Brandt');
  await page.getByTestId('deny-input').press('Enter');
  await page.waitForTimeout(200);
  const dump = await page.evaluate(async () => {
    const out = { local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }), idb: [], caches: [] };
    if (indexedDB.databases) out.idb = (await indexedDB.databases()).map((d) => d.name);
    if (self.caches) {
      for (const k of await caches.keys()) {
        const c = await caches.open(k);
        for (const req of await c.keys()) {
          const body = await (await c.match(req)).text();
          out.caches.push({ url: req.url, hasStory: body.includes('Oluwaseun') || body.includes('4471920') });
        }
      }
    }
    return out;
  });
  for (const part of ['Oluwaseun', '4471920', '555-201-7788', 'Brandt']) {
    expect(dump.local.includes(part), `localStorage holds ${part}`).toBe(false);
    expect(dump.session.includes(part), `sessionStorage holds ${part}`).toBe(false);
  }
  expect(dump.local).toContain('Tylenol');
  expect(dump.idb).toEqual([]);
  expect(dump.caches.filter((c) => c.hasStory)).toEqual([]);
  // Opting in keeps the deny list (names) on the device, as the user asked.
  await page.getByTestId('remember-deny').check();
  await page.waitForTimeout(100);
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).toContain('Brandt');
  assertPrivate(expect, log, new URL(baseURL).origin, ['Oluwaseun', '4471920']);
});

test('pasted HTML and script are shown as text, never run', async ({ page }) => {
  const log = watch(page);
  await openApp(page);
  await page.evaluate(() => { window.__pwned = false; });
  const html = '<img src=x onerror="window.__pwned=true"><script>window.__pwned=true</script><b>bold</b> Ms. Kowalczyk';
  await page.getByTestId('story-input').fill(html);
  await expect(page.getByTestId('redacted-output')).toContainText('<b>bold</b>');
  expect(await page.evaluate(() => window.__pwned)).toBe(false);
  expect(await page.locator('[data-testid=redacted-output] img, [data-testid=redacted-output] b').count()).toBe(0);
  expect(await page.locator('.backdrop img, .backdrop script').count()).toBe(0);
  expect(log.requests.filter((r) => r.url.endsWith('/x'))).toEqual([]);
});

test('leaving with unsaved work asks first', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('story-input').fill(STORY);
  // Browsers only ask when the user has interacted with the page: a real click and keystroke.
  await page.getByTestId('story-input').click();
  await page.keyboard.type(' ok');
  await expect(page.getByTestId('redacted-output')).toContainText('[PHONE]');
  let seen = null;
  page.on('dialog', async (d) => { seen = d.type(); await d.accept(); });
  await page.reload();
  expect(seen).toBe('beforeunload');
  // Accepting the prompt reloads: the story is gone, as the user chose.
  await page.getByTestId('story-input').waitFor();
  await expect(page.getByTestId('story-input')).toHaveValue('');
});

test('an internal error shows a message, never a blank page', async ({ page }) => {
  await openApp(page);
  // Simulate a failure inside the app: the panic hook must show a readable message.
  await page.getByTestId('story-input').fill('fine');
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('storysafe-test-panic')));
  await expect(page.locator('#boot-error')).toBeVisible();
  await expect(page.locator('#boot-error')).toContainText('was not sent anywhere');
  await shot(page, 'promises-error');
});

test('a failed start shows a message, never a blank page', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('./');
  await expect(page.locator('#boot-error')).toBeVisible();
  await expect(page.locator('#boot-error')).toContainText('could not start');
});
