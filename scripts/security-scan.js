// `npm run security`: scans the built app with wapiti (Debian package) on loopback, signed in
// as the demo owner, and prints what it found. Findings we have judged and accepted are listed,
// with the reason, in security/wapiti-accepted.json; anything else fails the run.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reportFile = path.join(root, 'bench', 'results', 'wapiti.json');
const acceptedFile = path.join(root, 'security', 'wapiti-accepted.json');
const MODULES =
  'sql,blindsql,exec,file,xss,permanentxss,redirect,crlf,cookieflags,csp,http_headers,methods,backup,htaccess';

// Start points inside the scope (the programme's own page redirects out of it, to no slash).
const SECTIONS = [
  'councils',
  'councils/new',
  'service-areas',
  'systems',
  'systems/new',
  'systems/matrix',
  'contracts',
  'contracts/new',
  'contracts/bulk',
  'members',
  'audit'
];

function which(command) {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function main() {
  if (!which('wapiti')) {
    console.error('wapiti is not installed: run `apt-get install -y wapiti` (Debian) first.');
    process.exit(2);
  }
  if (!fs.existsSync(path.join(root, 'build', 'index.js'))) {
    console.error('Build the app first: `npm run build`.');
    process.exit(2);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-security-'));
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), ORIGIN: base };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, [path.join(root, 'scripts', 'start.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit']
  });
  try {
    const line = await new Promise((resolve, reject) => {
      server.once('exit', () =>
        reject(new Error('The app stopped before it printed the demo sign-in.'))
      );
      createInterface({ input: server.stdout }).on('line', (l) => {
        if (l.startsWith('Demo sign-in: ')) resolve(l);
      });
    });
    const [, email, password] = /^Demo sign-in: (\S+) \/ (\S+)$/.exec(line);
    const signIn = await fetch(`${base}/login`, {
      method: 'POST',
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password }),
      redirect: 'manual'
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    if (!cookie.startsWith('vd_session=')) throw new Error('Could not sign in as the demo user.');

    fs.mkdirSync(path.dirname(reportFile), { recursive: true });
    const args = [
      // Scope: the demo programme's folder. That keeps /logout and the account page (which
      // would end the scanner's own session) out of reach: wapiti 3.0.4's --exclude cannot be
      // used on Python 3.11 (it builds an invalid regular expression).
      '-u',
      `${base}/programmes/thornshire-demo/`,
      ...SECTIONS.flatMap((section) => ['-s', `${base}/programmes/thornshire-demo/${section}`]),
      '--scope',
      'folder',
      '-m',
      MODULES,
      '-H',
      `Cookie: ${cookie}`,
      // SvelteKit refuses form posts without a matching Origin; send it so attacks reach the actions.
      '-H',
      `Origin: ${base}`,
      '--max-scan-time',
      process.env.WAPITI_MAX_SCAN_SECONDS ?? '420',
      '--max-attack-time',
      '90',
      '--flush-session',
      '-f',
      'json',
      '-o',
      reportFile,
      '-v',
      '1'
    ];
    console.log(`wapiti ${args.map((a) => (a.startsWith('Cookie') ? 'Cookie: …' : a)).join(' ')}`);
    execFileSync('wapiti', args, { stdio: 'inherit' });
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  const accepted = fs.existsSync(acceptedFile)
    ? JSON.parse(fs.readFileSync(acceptedFile, 'utf8'))
    : [];
  const isAccepted = (category, finding) =>
    accepted.some((a) => a.category === category && (!a.info || finding.info?.includes(a.info)));
  let open = 0;
  console.log('\nwapiti findings');
  for (const kind of ['vulnerabilities', 'anomalies', 'additionals']) {
    for (const [category, findings] of Object.entries(report[kind] ?? {})) {
      for (const finding of findings) {
        const ok = isAccepted(category, finding);
        if (!ok && kind !== 'additionals') open += 1;
        console.log(
          `  ${ok ? 'accepted' : kind === 'additionals' ? 'info    ' : 'OPEN    '} ${category}: ${finding.info} (${finding.method} ${finding.path})`
        );
      }
    }
  }
  console.log(
    open === 0
      ? '\nNo open findings.'
      : `\n${open} open finding(s): fix them or document them in security/wapiti-accepted.json.`
  );
  process.exit(open === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
