// Hosting under a sub-path (issue 8): nginx serves dist/ at /tools/storysafe/ with the repository's
// own hosting/nginx.conf (only its listen address and folder changed), on 127.0.0.1, from a
// temporary prefix, as the current user, in the foreground. The main flow must work there with
// zero failed requests, every response must carry the recommended headers, and the service worker
// must be scoped to the folder. The `_headers` example must recommend exactly the same headers.
const fs = require('fs');
const os = require('os');
const net = require('net');
const path = require('path');
const { spawn } = require('child_process');
const { test, expect } = require('@playwright/test');
const { watch, assertPrivate, shot, openApp } = require('./helpers');
const { waitForController } = require('./offline-helpers');

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const PREFIX = '/tools/storysafe/';
const EMAIL = 'r.okonkwo@example.com';
const PHONE = '(312) 555-0178';
const STORY = `When I called his son at ${PHONE} he asked me to send the notes to ${EMAIL} instead.`;

const TYPES = { html: 'text/html', js: 'application/javascript', css: 'text/css', wasm: 'application/wasm' };

/** The CSP of index.html's meta tag. */
function metaCsp() {
  const html = fs.readFileSync(path.join(ROOT, 'index.html'), 'utf8');
  return html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
}

/** The headers hosting/_headers sets for every path, lower-cased names. */
function headersFile() {
  const lines = fs.readFileSync(path.join(ROOT, 'hosting/_headers'), 'utf8').split('\n');
  const out = {};
  let inAll = false;
  for (const line of lines) {
    if (line.startsWith('#') || !line.trim()) continue;
    if (!/^\s/.test(line)) { inAll = line.trim() === '/*'; continue; }
    if (!inAll) continue;
    const at = line.indexOf(':');
    out[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return out;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

function findNginx() {
  for (const c of [process.env.NGINX, '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) {
    if (c && fs.existsSync(c)) return c;
  }
  throw new Error('nginx not found: scripts/setup.sh installs it (apt nginx-light), or set NGINX=/path/to/nginx');
}

/** hosting/nginx.conf with only its listen address and folder replaced, inside a minimal main config. */
function testConfig(prefixDir, port) {
  let site = fs.readFileSync(path.join(ROOT, 'hosting/nginx.conf'), 'utf8');
  const swap = (from, to) => {
    if (!site.includes(from)) throw new Error(`hosting/nginx.conf no longer contains "${from}": update this test`);
    site = site.split(from).join(to);
  };
  swap('listen 80;', `listen 127.0.0.1:${port};`);
  swap('alias /var/www/storysafe/;', `alias ${DIST}/;`);
  const tmp = (name) => path.join(prefixDir, name);
  return `daemon off;
master_process off;
pid ${tmp('nginx.pid')};
error_log ${tmp('error.log')} warn;
events { worker_connections 64; }
http {
  access_log ${tmp('access.log')};
  client_body_temp_path ${tmp('body')};
  proxy_temp_path ${tmp('proxy')};
  fastcgi_temp_path ${tmp('fastcgi')};
  uwsgi_temp_path ${tmp('uwsgi')};
  scgi_temp_path ${tmp('scgi')};
${site}
}
`;
}

async function waitForPort(port, child, logFile) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => { s.end(); resolve(true); });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
  throw new Error(`nginx did not start (exit ${child.exitCode}):\n${log}`);
}

test.describe('dist/ served by nginx under /tools/storysafe/ with hosting/nginx.conf', () => {
  let nginx;
  let origin;
  let prefixDir;

  test.beforeAll(async () => {
    expect(fs.existsSync(path.join(DIST, 'index.html')), 'build dist/ first (trunk build --release)').toBe(true);
    prefixDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storysafe-nginx-'));
    const port = await freePort();
    const conf = path.join(prefixDir, 'nginx.conf');
    fs.writeFileSync(conf, testConfig(prefixDir, port));
    const bin = findNginx();
    nginx = spawn(bin, ['-e', path.join(prefixDir, 'error.log'), '-p', prefixDir, '-c', conf], { stdio: 'ignore' });
    await waitForPort(port, nginx, path.join(prefixDir, 'error.log'));
    origin = `http://127.0.0.1:${port}`;
  });

  test.afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx.once('exit', r));
      nginx.kill('SIGTERM');
      await exited;
    }
    if (prefixDir) fs.rmSync(prefixDir, { recursive: true, force: true });
  });

  test('every file has its MIME type, the recommended headers, and revalidates', async ({ request }) => {
    const recommended = headersFile();
    // The examples agree with each other and with the page: the header CSP is the meta CSP plus
    // frame-ancestors, which only a header can set.
    expect(recommended['content-security-policy']).toBe(`${metaCsp()}; frame-ancestors 'none'`);
    expect(recommended['x-content-type-options']).toBe('nosniff');
    expect(recommended['referrer-policy']).toBe('no-referrer');
    expect(recommended['cache-control']).toBe('no-cache');

    const files = fs.readdirSync(DIST, { recursive: true })
      .filter((f) => fs.statSync(path.join(DIST, f)).isFile() && !f.startsWith('.') && !f.startsWith('_'));
    expect(files).toEqual(expect.arrayContaining(['index.html', 'loader.js', 'scan-worker.js', 'sw.js', 'storysafe-web.js', 'storysafe-web_bg.wasm']));
    for (const f of [...files, '']) {
      const res = await request.get(`${origin}${PREFIX}${f}`, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(res.status(), f).toBe(200);
      const h = res.headers();
      const ext = (f || 'index.html').split('.').pop();
      expect(h['content-type'].split(';')[0], f).toBe(TYPES[ext]);
      for (const [name, value] of Object.entries(recommended)) expect(h[name], `${f}: ${name}`).toBe(value);
      expect(h.etag, `${f}: ETag for revalidation`).toBeTruthy();
      expect(Buffer.compare(await res.body(), fs.readFileSync(path.join(DIST, f || 'index.html'))), f).toBe(0);
    }

    // Revalidation is cheap: an unchanged file is a 304 with no body.
    const wasm = await request.get(`${origin}${PREFIX}storysafe-web_bg.wasm`);
    const again = await request.get(`${origin}${PREFIX}storysafe-web_bg.wasm`, { headers: { 'If-None-Match': wasm.headers().etag } });
    expect(again.status()).toBe(304);

    // The folder without its slash redirects (relative paths need it); nothing is served outside it.
    const bare = await request.get(`${origin}${PREFIX.slice(0, -1)}`, { maxRedirects: 0 });
    expect(bare.status()).toBe(301);
    expect(bare.headers().location).toBe(PREFIX);
    expect((await request.get(`${origin}/index.html`)).status()).toBe(404);
    const missing = await request.get(`${origin}${PREFIX}nope.js`);
    expect(missing.status()).toBe(404);
    expect(missing.headers()['content-security-policy']).toBe(recommended['content-security-policy']);
  });

  test('the main flow works under the sub-path with zero failed requests, then offline', async ({ page, context }) => {
    const recommended = headersFile();
    const log = watch(page);
    const failed = [];
    const responses = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure().errorText}`));
    page.on('response', (r) => responses.push(r));

    // Typed without the trailing slash, as people do.
    await openApp(page, `${origin}${PREFIX.slice(0, -1)}`);
    expect(page.url()).toBe(`${origin}${PREFIX}`);
    const input = page.getByTestId('story-input');
    await input.pressSequentially(STORY, { delay: 1 });
    const out = page.getByTestId('redacted-output');
    await expect(out).toContainText('[EMAIL]');
    await expect(out).toContainText('[PHONE]');
    const final = await out.textContent();
    expect(final).not.toContain(EMAIL);
    expect(final).not.toContain('555-0178');
    // The scanning worker runs under the sub-path and the header CSP.
    await expect(page.locator('#app')).toHaveAttribute('data-scan-mode', 'worker');
    await shot(page, 'hosting-01-subpath');

    // The service worker lives in the folder and controls only it.
    expect(await waitForController(page)).toBe(`${origin}${PREFIX}`);

    expect(failed, failed.join('\n')).toEqual([]);
    expect(responses.length).toBeGreaterThanOrEqual(5);
    for (const r of responses) {
      expect([200, 301, 304], `${r.status()} ${r.url()}`).toContain(r.status());
      expect(new URL(r.url()).pathname.startsWith(PREFIX.slice(0, -1)), r.url()).toBe(true);
      // The folder-without-slash redirect carries no content; every response with content carries
      // every recommended header.
      if (r.status() === 301) continue;
      const h = await r.allHeaders();
      for (const [name, value] of Object.entries(recommended)) expect(h[name], `${r.url()}: ${name}`).toBe(value);
    }
    assertPrivate(expect, log, origin, [EMAIL, '555-0178', 'called his son']);

    // Offline under the sub-path: the folder's URL is served from the cache.
    await context.setOffline(true);
    await page.reload();
    await input.waitFor({ state: 'visible', timeout: 20_000 });
    await input.fill(STORY);
    await expect(out).toContainText('[PHONE]');
    expect(log.errors, log.errors.join('\n')).toEqual([]);
  });
});
