import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Structured JSON logs. Users' free text never reaches a log line: callers log ids and
 * counts only, and the redaction list below catches the usual places text could hide.
 */
export function createLogger(level: string, name = 'samverkan', destination?: DestinationStream): Logger {
  const options = {
    name,
    level,
    redact: {
      paths: ['text', '*.text', 'activity.text', 'value', '*.value', 'data', '*.data', 'answer', '*.answer', 'authorization', '*.authorization'],
      censor: '[redacted]',
    },
    base: { pid: process.pid },
  };
  // A destination (tests) receives the same JSON lines that stdout would.
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
