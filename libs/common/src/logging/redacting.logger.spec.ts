import { Logger } from '@nestjs/common';
import { RedactingLogger, logLevelsFrom } from './redacting.logger';
import { RequestContext } from './request-context';

/** A logger writing into an array, one parsed JSON object a line. */
function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const logger = new RedactingLogger(logLevelsFrom(level), { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('RedactingLogger (pino JSON lines)', () => {
  it('writes one JSON object a line with the level, the context and the request and job of the work', () => {
    const { logger, lines } = capture('log');
    RequestContext.run({ requestId: 'req-00000001', jobId: 'intake:events-1' }, () => logger.log({ msg: 'job done', events: 3 }, 'Intake'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'job done', events: 3, context: 'Intake', requestId: 'req-00000001', jobId: 'intake:events-1' });
    expect(typeof lines[0].time).toBe('string');
  });

  it('masks phone numbers, TC Kimlik numbers and e-mail addresses, and drops secrets by key', () => {
    const { logger, lines } = capture('log');
    logger.warn({ msg: 'arayan +905321234567, tc 10000000146', email: 'ayse@example.com', password: 'hunter2', token: 'abc' }, 'Auth');
    expect(lines[0]).toMatchObject({
      level: 'warn',
      msg: 'arayan ***67, tc ***********',
      email: 'a***@example.com',
      password: '[redacted]',
      token: '[redacted]',
    });
    expect(JSON.stringify(lines[0])).not.toMatch(/5321234567|10000000146|ayse@|hunter2/);
  });

  it('keeps an error’s stack (masked) and Nest’s context argument apart', () => {
    const { logger, lines } = capture('log');
    logger.error('gönderilemedi 05321234567', 'Error: x\n    at send (+905321234567)', 'Outbox');
    expect(lines[0]).toEqual(
      expect.objectContaining({ level: 'error', msg: 'gönderilemedi ***67', stack: 'Error: x\n    at send (***67)', context: 'Outbox' }),
    );
  });

  it('writes nothing below its level, and carries no request id outside a request', () => {
    const { logger, lines } = capture('warn');
    logger.log('quiet', 'Main');
    logger.debug('quieter', 'Main');
    logger.warn('heard', 'Main');
    expect(lines.map((l) => l.msg)).toEqual(['heard']);
    expect(lines[0]).not.toHaveProperty('requestId');
  });

  it('is what a Nest Logger writes through once it is the app logger', () => {
    const { logger, lines } = capture('log');
    Logger.overrideLogger(logger);
    try {
      new Logger('Http').error({ msg: 'request', status: 500 });
    } finally {
      Logger.overrideLogger(true);
    }
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'request', status: 500, context: 'Http' });
    expect(lines[0]).not.toHaveProperty('stack');
  });
});
