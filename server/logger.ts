/**
 * One line of JSON per event on standard error, so that standard output
 * stays free for what the admin command prints.
 */
export interface Logger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export function createLogger(options: { quiet?: boolean } = {}): Logger {
  const write = (level: string, message: string, context?: Record<string, unknown>) => {
    if (options.quiet && level !== 'error') return;
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...context })}\n`);
  };
  return {
    info: (message, context) => write('info', message, context),
    warn: (message, context) => write('warn', message, context),
    error: (message, context) => write('error', message, context),
  };
}
