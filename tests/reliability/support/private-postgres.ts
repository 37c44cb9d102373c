import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../e2e/server';

const BIN = process.env.PG_BIN ?? findPostgresBin();

function findPostgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) throw new Error('No PostgreSQL binaries in /usr/lib/postgresql: set PG_BIN.');
  return path.join(root, versions[0], 'bin');
}

/** PostgreSQL refuses to run as root; run its tools as the postgres user when we are root. */
function commandLine(tool: string, args: string[]): [string, string[]] {
  const command = path.join(BIN, tool);
  return process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
}

function run(tool: string, args: string[]) {
  execFileSync(...commandLine(tool, args), { stdio: 'pipe' });
}

/**
 * Without blocking this process: a test's clients keep reading their answers meanwhile (a
 * blocked client reads them late and may reuse a connection the server has since closed).
 */
const runAsync = (tool: string, args: string[]) =>
  promisify(execFile)(...commandLine(tool, args)).then(() => {});

export interface PrivatePostgres {
  url: string;
  /** Fast shutdown; resolves once the server has stopped. */
  stop(): Promise<void>;
  /** Resolves once the server accepts connections (pg_ctl -w). */
  start(): Promise<void>;
  destroy(): void;
}

/**
 * A PostgreSQL server of our own in a temporary folder, so a test may stop and start it
 * without disturbing anything else that uses the machine's server.
 */
export async function privatePostgres(): Promise<PrivatePostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-pg-'));
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres', dir]);
  run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const startArgs = ['-D', dataDir, '-o', options, '-w', '-l', path.join(dir, 'log'), 'start'];
  const stopArgs = ['-D', dataDir, '-m', 'fast', '-w', 'stop'];
  run('pg_ctl', startArgs);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => runAsync('pg_ctl', startArgs),
    stop: () => runAsync('pg_ctl', stopArgs),
    destroy() {
      try {
        run('pg_ctl', stopArgs);
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}
