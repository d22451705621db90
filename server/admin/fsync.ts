import fs from 'node:fs';

/** Flushes a file (or a folder's entries) to disk: a backup or a restore is done only once it would survive a power cut. */
export function fsync(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
