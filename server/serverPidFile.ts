import fs from 'node:fs';
import path from 'node:path';

/**
 * DATA_DIR/server.pid names the process serving that folder, from when the
 * server has opened the database until it has closed it. The admin
 * command's restore reads it to say which server to stop (SPEC BACKUP2).
 * A server that crashed leaves the file behind; a pid that no longer runs
 * is taken as no server, so a stale file never blocks a restore.
 */
const PID_FILE = 'server.pid';

export function markServerRunning(dataDir: string): { remove(): void } {
  const file = path.join(dataDir, PID_FILE);
  fs.writeFileSync(file, `${process.pid}\n`);
  return {
    remove() {
      // Only our own: a server started on the same folder since then keeps its mark.
      if (pidIn(file) === process.pid) fs.rmSync(file, { force: true });
    },
  };
}

/** The pid of the server marked in dataDir, if that process is alive. */
export function runningServerPid(dataDir: string): number | null {
  const pid = pidIn(path.join(dataDir, PID_FILE));
  if (pid === null) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

function pidIn(file: string): number | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const pid = Number(text.trim());
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
}
