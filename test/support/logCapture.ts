import { createLogger, type Logger } from '../../src/log.js';

/** A real pino logger (same options and redaction as production) whose JSON lines are kept. */
export function captureLogs(level = 'trace'): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const log = createLogger(level, 'samverkan', { write: (line: string) => void lines.push(line) });
  return { log, lines };
}
