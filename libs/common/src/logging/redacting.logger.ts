import { LoggerService, LogLevel } from '@nestjs/common';
import pino, { DestinationStream, Level, Logger } from 'pino';
import { redact } from './redact';
import { RequestContext } from './request-context';

const PINO_LEVELS: Record<LogLevel, Level> = { verbose: 'trace', debug: 'debug', log: 'info', warn: 'warn', error: 'error', fatal: 'fatal' };

/**
 * JSON lines (pino) with personal data masked before anything is written, each with the
 * request id and job id of the work it belongs to. The Nest logger of main.ts.
 */
export class RedactingLogger implements LoggerService {
  private readonly pino: Logger;

  constructor(levels: LogLevel[], destination?: DestinationStream) {
    const level = levels.length ? PINO_LEVELS[levels[levels.length - 1]] : 'silent';
    this.pino = pino(
      {
        level,
        base: { pid: process.pid },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        mixin: () => ({ ...RequestContext.current() }),
      },
      destination ?? pino.destination(1),
    );
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest passes (message, context) or, for errors, (message, stack, context); the context comes last. */
  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? rest.pop() : undefined;
    const stack = typeof rest[0] === 'string' ? rest[0] : undefined;
    const entry =
      message instanceof Error
        ? { msg: message.message, stack: message.stack }
        : message !== null && typeof message === 'object'
          ? message
          : { msg: String(message) };
    this.pino[level](redact({ context, ...entry, ...(stack ? { stack } : {}) }) as object);
  }
}

export function logLevelsFrom(level: string): LogLevel[] {
  const order: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  const index = order.indexOf(level as LogLevel);
  return order.slice(0, index < 0 ? 4 : index + 1);
}
