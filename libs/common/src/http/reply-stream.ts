import type { FastifyReply } from 'fastify';
import { PassThrough, Writable } from 'node:stream';

/**
 * A Writable for a handler that writes its answer (a CSV export): the reply starts, with the
 * status and headers set so far, at the first byte. What fails before it still gets the error
 * body; what fails after it cuts the download off. A client that goes away fails the writer.
 */
export function replyStream(reply: FastifyReply): Writable {
  const body = new PassThrough();
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    void reply.send(body);
  };
  const out = new Writable({
    write(chunk: Buffer, encoding, callback) {
      start();
      if (body.write(chunk, encoding)) callback();
      else body.once('drain', () => callback());
    },
    final(callback) {
      start();
      body.end(callback);
    },
    destroy(error, callback) {
      body.destroy(error ?? undefined);
      callback(error);
    },
  });
  body.once('close', () => {
    if (!body.writableFinished) out.destroy(new Error('the client closed the connection'));
  });
  return out;
}
