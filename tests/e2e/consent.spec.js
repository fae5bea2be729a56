// Consent for the exact final text, the exports, and the committee's review of a package.
// Synthetic story; nothing here is a real patient.
const { test, expect } = require('@playwright/test');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { watch, assertPrivate, shot, openApp } = require('./helpers');

const PHONE = '218-555-0187';
const EMAIL = 'm.olabode@example.net';
const STORY = `I first met my patient on the ward one grey morning, on 3/14/2025. She had been unwell for weeks and nobody had listened. ` +
  `Later she wrote to me at ${EMAIL} and left a message on ${PHONE} to say she was home and gardening again. ` +
  `What I learned from her is simple: ask, then listen, and do not stop listening when the tests come back normal. ` +
  `The views in this piece are my own. I have no conflicts of interest to declare.`;
const SECRETS = [PHONE, '555-0187', EMAIL, '3/14/2025'];

const sha256 = (s) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');
const isoDaysAgo = (n) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'storysafe-consent-'));

/** Fills every element of the consent form with synthetic values. */
async function fillConsent(page) {
  const t = (id) => page.getByTestId(id);
  await t('consent-story-description').fill("The story of my weeks before diagnosis, as written by my doctor.");
  await t('consent-discloser').fill('The treating physician');
  await t('consent-recipient-channel').selectOption('op_ed');
  await t('consent-recipient-name').fill('A regional newspaper');
  await t('consent-purpose').fill('To show readers why listening to patients matters.');
  await t('consent-expiration-date').fill('2031-12-31');
  await t('consent-signature-signed-by').selectOption('patient');
  await t('consent-signature-date').fill(isoDaysAgo(2));
  await t('consent-statements-right-to-revoke').check();
  await t('consent-statements-revoke-how').fill("Write to the clinic's privacy officer.");
  await t('consent-statements-care-not-conditioned').check();
  await t('consent-statements-redisclosure').check();
  for (const a of ['seen-final-text', 'anonymity-not-guaranteed', 'may-be-recognized', 'online-worldwide']) {
    await t(`consent-attestations-${a}`).check();
  }
  // The keyboard works: focus and Space ticks a box.
  await t('consent-attestations-may-withdraw-until-publication').focus();
  await page.keyboard.press('Space');
  await expect(t('consent-attestations-may-withdraw-until-publication')).toBeChecked();
  await t('consent-obtained-method').selectOption('written');
  await t('consent-obtained-by').fill('The treating physician');
  await t('consent-obtained-original-location').fill("The clinic's consent file");
}

/** Clicks `testid` and saves the download it starts; returns [suggested name, path]. */
async function download(page, testid, name) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const file = path.join(tmp, name);
  await dl.saveAs(file);
  return [dl.suggestedFilename(), file];
}

/**
 * Runs a Python check on an exported file; returns its output, or null when the Python package it
 * needs is not installed (the check is then skipped, with a note).
 */
function pythonCheck(args) {
  try {
    return execFileSync('python3', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = String(e.stderr || '');
    if (err.includes('ModuleNotFoundError')) {
      console.warn(`skipped ${args[0]}: ${err.trim().split('\n').pop()}`);
      return null;
    }
    throw new Error(`${args.join(' ')} failed:\n${e.stdout}\n${err}`);
  }
}

const VALIDATE_FHIR = [
  '-c',
  'import json, sys\nfrom fhir.resources.R4B.consent import Consent\n' +
    'c = Consent.model_validate(json.load(open(sys.argv[1])))\nprint("valid", c.status)',
];

/** Renders the first page of a PDF to PNG for looking at; skipped when poppler is missing. */
function pdfToPng(pdf, outBase) {
  try {
    execFileSync('pdftoppm', ['-png', '-r', '70', pdf, outBase]);
    return true;
  } catch (e) {
    return false;
  }
}

test('consent: validation, binding, exports, committee verification and tampering', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const log = watch(page);
  await openApp(page);

  // 1. A synthetic story on the Redact tab.
  await page.getByTestId('story-input').fill(STORY);
  const out = page.getByTestId('redacted-output');
  await expect(out).toContainText('[EMAIL]');
  await expect(out).toContainText('[PHONE]');
  await expect(out).toContainText('[DATE]');
  await expect(page.getByTestId('scan-pending')).toHaveCount(0);
  const finalText = await out.textContent();
  for (const s of SECRETS) expect(finalText).not.toContain(s);

  // 2. The consent tab: exporting an incomplete form shows what is missing, next to each field.
  await page.getByTestId('tab-consent').click();
  await expect(page.getByTestId('consent-view')).toBeVisible();
  await expect(page.getByTestId('consent-missing')).toBeVisible();
  await expect(page.getByTestId('export-package')).toHaveAttribute('aria-disabled', 'true');
  await shot(page, 'consent-01-empty');
  let downloads = 0;
  page.on('download', () => downloads++);
  // aria-disabled (not disabled): a click still works and explains what is missing.
  await page.getByTestId('export-package').click({ force: true });
  await expect(page.getByTestId('consent-status')).toContainText('Not exported');
  expect(downloads).toBe(0);
  const purposeError = page.getByTestId('consent-purpose-error');
  await expect(purposeError).toContainText('purpose');
  await expect(page.getByTestId('consent-purpose')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('consent-purpose')).toHaveAttribute('aria-describedby', /consent-purpose-error/);
  await expect(page.getByTestId('consent-attestations-seen-final-text-error')).toBeVisible();
  await expect(page.getByTestId('consent-story-text-sha256-error')).toBeVisible();
  await expect(page.getByTestId('consent-missing').locator('li').first()).toBeVisible();
  await shot(page, 'consent-02-validation');
  // Each item of the summary of what is missing takes the focus to its field.
  await page.getByTestId('consent-missing').getByRole('link', { name: /purpose/i }).click();
  await expect(page.getByTestId('consent-purpose')).toBeFocused();

  // 3. Fill the form, bind to the text: the hash shown is the SHA-256 of the final text.
  await fillConsent(page);
  await expect(page.getByTestId('consent-purpose-error')).toHaveCount(0);
  await expect(page.getByTestId('consent-patient-pseudonym')).toHaveValue(/^P-[0-9a-f]{8}$/);
  await page.getByTestId('bind-consent').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('consent-bound')).toBeVisible();
  await expect(page.getByTestId('consent-hash')).toHaveText(sha256(finalText));
  await expect(page.getByTestId('consent-complete')).toBeVisible();
  await expect(page.getByTestId('export-package')).toHaveAttribute('aria-disabled', 'false');
  // An optional copy of the signed form goes into the package, base64-encoded, only when attached.
  const form = Buffer.from('%PDF-1.4 synthetic signed form \u00e9\n', 'utf8');
  await page.getByTestId('consent-obtained-attachment').setInputFiles({ name: 'signed-form.pdf', mimeType: 'application/pdf', buffer: form });
  await expect(page.getByTestId('attachment-name')).toContainText('signed-form.pdf');
  await shot(page, 'consent-03-filled');

  // 4. Export the share package and the FHIR Consent.
  const [pkgName, pkgPath] = await download(page, 'export-package', 'story-package.json');
  expect(pkgName).toBe('story-package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
  expect(pkg.format).toBe('storysafe-package');
  expect(pkg.text).toBe(finalText);
  expect(pkg.consent.story.text_sha256).toBe(sha256(finalText));
  expect(pkg.digest).toMatch(/^[0-9a-f]{64}$/);
  expect(pkg.consent.obtained.attachment).toEqual({ media_type: 'application/pdf', title: 'signed-form.pdf', data_base64: form.toString('base64') });
  expect(pkg.anonymisation_log.length).toBeGreaterThanOrEqual(3);
  for (const e of pkg.anonymisation_log) {
    // Code point offsets into the final text, covering the replacement.
    const piece = Array.from(finalText).slice(e.start, e.end).join('');
    expect(piece.length).toBeGreaterThan(0);
  }
  const email = pkg.anonymisation_log.find((e) => e.category === 'EMAIL');
  expect(Array.from(finalText).slice(email.start, email.end).join('')).toBe('[EMAIL]');
  for (const s of SECRETS) expect(JSON.stringify(pkg)).not.toContain(s);
  // The package the browser made passes the independent schema and digest check.
  const schemaOut = pythonCheck([path.join(__dirname, '..', 'schema', 'validate_package.py'), pkgPath]);
  if (schemaOut !== null) expect(schemaOut).toContain(' 0 failed');

  const [fhirName, fhirPath] = await download(page, 'export-fhir', 'consent-fhir.json');
  expect(fhirName).toBe('consent-fhir.json');
  const fhir = JSON.parse(fs.readFileSync(fhirPath, 'utf8'));
  expect(fhir.resourceType).toBe('Consent');
  expect(fhir.status).toBe('active');
  expect(JSON.stringify(fhir)).toContain(sha256(finalText));
  // ... and the FHIR Consent validates with an independent validator (fhir.resources, R4B).
  const fhirOut = pythonCheck([...VALIDATE_FHIR, fhirPath]);
  if (fhirOut !== null) expect(fhirOut).toContain('valid active');

  // 5. Print the summary: window.print() is called; the print stylesheet shows only the summary.
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.getByTestId('print-summary').click();
  expect(await page.evaluate(() => window.__printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('consent-summary')).toBeVisible();
  await expect(page.getByTestId('consent-summary')).toContainText(sha256(finalText));
  await expect(page.getByTestId('consent-purpose')).toBeHidden();
  await expect(page.getByTestId('tab-redact')).toBeHidden();
  const pdf = path.join(tmp, 'consent-summary.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  pdfToPng(pdf, path.join(__dirname, 'screenshots', 'consent-summary'));
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByTestId('consent-summary')).toBeHidden();

  // 6. Committee mode: open the package with the file picker, see it verified.
  await page.getByTestId('tab-committee').click();
  await page.getByTestId('committee-file').setInputFiles(pkgPath);
  await expect(page.getByTestId('verdict')).toContainText('Verified');
  await expect(page.getByTestId('text-hash-status')).toContainText('Text hash verified');
  await expect(page.getByTestId('digest-status')).toContainText('digest verified');
  await expect(page.getByTestId('committee-consent-status')).toContainText('PASS');
  await expect(page.getByTestId('residual-status')).toContainText('No residual identifiers');
  await expect(page.getByTestId('committee-text')).toHaveText(finalText);
  await shot(page, 'committee-01-verified');
  // The consent covers the op-ed only: checking it for social media fails, in words.
  await page.getByTestId('committee-channel').selectOption('social_media');
  await expect(page.getByTestId('committee-consent-status')).toContainText('FAIL');
  await expect(page.getByTestId('committee-report')).toContainText('Consent covers Opinion piece (op-ed), not Social media');
  await page.getByTestId('committee-channel').selectOption('');
  await expect(page.getByTestId('verdict')).toContainText('Verified');

  // The decision: approving needs every item answered; the record names the package by digest.
  await page.getByTestId('decision-approve').check();
  await page.getByTestId('export-decision').click();
  await expect(page.getByTestId('committee-status')).toContainText('Not exported');
  await expect(page.locator('#review-reviewer-error')).toContainText('reviewer');
  for (const item of ['no-identifiable-information', 'consent-present', 'views-own-disclaimer', 'conflicts-disclosed', 'professional-boundaries']) {
    await page.getByTestId(`review-checklist-${item}-yes`).check();
  }
  await page.getByTestId('review-reviewer').fill('Ethics committee, first reader');
  const [decName, decPath] = await download(page, 'export-decision', 'decision-record.json');
  expect(decName).toBe('decision-record.json');
  const decision = JSON.parse(fs.readFileSync(decPath, 'utf8'));
  expect(decision.decision).toBe('approve');
  expect(decision.package_digest).toBe(pkg.digest);
  expect(decision.checks.integrity_ok).toBe(true);
  await shot(page, 'committee-02-decided');

  // 7. Tamper: one character of the text changed. Opened by drag and drop this time.
  const i = pkg.text.indexOf('listen');
  const tampered = { ...pkg, text: pkg.text.slice(0, i) + 'L' + pkg.text.slice(i + 1) };
  const tamperedJson = JSON.stringify(tampered, null, 2);
  fs.writeFileSync(path.join(tmp, 'tampered.json'), tamperedJson);
  const dt = await page.evaluateHandle((json) => {
    const d = new DataTransfer();
    d.items.add(new File([json], 'tampered.json', { type: 'application/json' }));
    return d;
  }, tamperedJson);
  await page.getByTestId('drop-zone').dispatchEvent('dragover', { dataTransfer: dt });
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: dt });
  await expect(page.getByTestId('verdict')).toContainText('Not verified');
  await expect(page.getByTestId('verdict')).toContainText('the text was changed after consent');
  await expect(page.getByTestId('text-hash-status')).toContainText('FAIL');
  await expect(page.getByTestId('text-hash-status')).toContainText('The text was changed after consent');
  await expect(page.getByTestId('digest-status')).toContainText('The package was changed after it was made');
  // A new package starts a new review: nothing carried over, the failed consent check pre-answers "No".
  await expect(page.getByTestId('review-reviewer')).toHaveValue('');
  await expect(page.getByTestId('review-checklist-consent-present-no')).toBeChecked();
  await expect(page.getByTestId('review-checklist-professional-boundaries-yes')).not.toBeChecked();
  await shot(page, 'committee-03-tampered');

  // A change to another field (the consent's purpose) is caught by the digest alone.
  const edited = JSON.parse(JSON.stringify(pkg));
  edited.consent.purpose = 'Something else entirely.';
  const editedPath = path.join(tmp, 'edited.json');
  fs.writeFileSync(editedPath, JSON.stringify(edited, null, 2));
  await page.getByTestId('committee-file').setInputFiles(editedPath);
  await expect(page.getByTestId('text-hash-status')).toContainText('Text hash verified');
  await expect(page.getByTestId('digest-status')).toContainText('The package was changed after it was made');
  await expect(page.getByTestId('verdict')).toContainText('Not verified');

  // 8. Editing the text after consent makes the consent stale, visibly.
  await page.getByTestId('tab-redact').click();
  await page.getByTestId('story-input').press('End');
  await page.getByTestId('story-input').pressSequentially(' Thank you.');
  await expect(page.getByTestId('redacted-output')).toContainText('Thank you.');
  await page.getByTestId('tab-consent').click();
  await expect(page.getByTestId('consent-stale')).toContainText('Consent is stale');
  await expect(page.getByTestId('export-package')).toHaveAttribute('aria-disabled', 'true');
  await shot(page, 'consent-04-stale');

  // 9. The narrow layout.
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'consent-05-mobile');
  await page.getByTestId('tab-committee').click();
  await page.getByTestId('committee-file').setInputFiles(pkgPath);
  await expect(page.getByTestId('verdict')).toContainText('Verified');
  await shot(page, 'committee-04-mobile');

  // Nothing left the device: only same-origin GETs of the app's own files.
  assertPrivate(expect, log, new URL(baseURL).origin, [...SECRETS, 'grey morning', finalText.slice(0, 40)]);
  expect(log.errors, log.errors.join('\n')).toEqual([]);
});

test('committee: a file that is not a package is refused plainly', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('tab-committee').click();
  const bad = path.join(tmp, 'not-a-package.json');
  fs.writeFileSync(bad, '{"hello": "world"}');
  await page.getByTestId('committee-file').setInputFiles(bad);
  await expect(page.getByTestId('package-error')).toContainText('not a Storysafe package');
  await expect(page.getByTestId('verdict')).toHaveCount(0);
});
