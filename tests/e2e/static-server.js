// A minimal static file server for tests that need to change what is published while a page is
// open (the service-worker update tests): serves `root` at `http://127.0.0.1:PORT/`, every file
// `no-cache`, like the recommended hosting configuration.
const http = require('http');
const fs = require('fs');
const path = require('path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
};

/** Starts serving `root` on a free port of 127.0.0.1; resolves to `{ url, close }`. */
function serveStatic(root) {
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root + path.sep) || req.method !== 'GET' || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Cache-Control': 'no-cache' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }),
      });
    });
  });
}

/** Copies a built dist/ folder to a fresh temporary folder (to publish a changed build from). */
function copyDist(dist) {
  const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'storysafe-site-'));
  fs.cpSync(dist, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}.stage`) });
  return dir;
}

/**
 * Playwright fixtures: `distServer` is this checkout's dist/ served by a server of its own on a
 * free port (not the shared webServer, whose port another checkout's run may hold).
 */
const distFixtures = {
  distServer: async ({}, use) => {
    const server = await serveStatic(path.resolve(__dirname, '../../dist'));
    await use(server);
    await server.close();
  },
};

module.exports = { serveStatic, copyDist, distFixtures };
