import { execFile } from 'node:child_process';
import path from 'node:path';

/**
 * The admin command, run exactly as documented: `npm run admin -- …` from
 * the project folder, as a separate process, with DATA_DIR in the environment.
 */
export const PROJECT = path.resolve(import.meta.dirname, '../..');

/** Generous: the command starts npm, node and tsx, on a machine shared with other test runs. */
export const ADMIN_TIMEOUT_MS = 120_000;

export interface AdminRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function admin(dataDir: string, args: string[], extraEnv: Record<string, string> = {}): Promise<AdminRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ...extraEnv };
  // What a person types in a shell: the project's .npmrc decides how quiet
  // npm is, not the log level of an npm that happens to run these tests.
  delete env.npm_config_loglevel;
  // The locale too: messages are in English unless a test asks for a language (I18N8).
  for (const name of ['PORT', 'HOST', 'PUBLIC_URL', 'DURABILITY', 'MAX_MESSAGE_BYTES', 'IDLE_UNLOAD_SECONDS', 'HEARTBEAT_SECONDS', 'LC_ALL', 'LC_MESSAGES', 'LANG']) {
    if (!(name in extraEnv)) delete env[name];
  }
  return new Promise((resolve) => {
    execFile('npm', ['run', 'admin', '--', ...args], { cwd: PROJECT, env, timeout: ADMIN_TIMEOUT_MS }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
