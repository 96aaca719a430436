import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { redact } from './redact';

/** JSON lines on stdout, with personal data masked before anything is written. */
export class RedactingLogger extends ConsoleLogger {
  constructor(levels: LogLevel[]) {
    super({ json: true, logLevels: levels });
  }

  protected override printMessages(
    messages: unknown[],
    context?: string,
    logLevel?: LogLevel,
    writeStreamType?: 'stdout' | 'stderr',
    errorStack?: unknown,
  ): void {
    super.printMessages(
      messages.map((message) => redact(message)),
      context,
      logLevel,
      writeStreamType,
      typeof errorStack === 'string' ? redact(errorStack) : errorStack,
    );
  }
}

export function logLevelsFrom(level: string): LogLevel[] {
  const order: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  const index = order.indexOf(level as LogLevel);
  return order.slice(0, index < 0 ? 4 : index + 1);
}
