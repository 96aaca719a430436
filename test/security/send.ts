import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { Staff, TestApp } from '@app/testing';
import { Req } from './operations';

export interface Answer {
  status: number;
  body: Buffer;
}

/** The path with its `{param}`s filled in, and the query string. */
export function urlOf(template: string, req: Req): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(req.path?.[name] ?? `missing-${name}`));
  const query = new URLSearchParams(req.query ?? {}).toString();
  return query ? `${path}?${query}` : path;
}

/** Sends a request as a browser or a client would, and keeps the raw answer. */
export async function send(t: TestApp, method: string, url: string, req: Req, staff: Staff | null, raw?: Buffer): Promise<Answer> {
  let call = t.http()[method.toLowerCase() as 'get'](url);
  if (staff) call = call.set('Authorization', `Bearer ${staff.token}`);
  for (const [name, value] of Object.entries(req.headers ?? {})) call = call.set(name, value);
  if (raw)
    call = call
      .set('Content-Type', 'application/json')
      .serialize((b: Buffer) => b as unknown as string)
      .send(raw as never);
  else if (req.form) call = call.type('form').send(req.body as object);
  else if (req.files) for (const [field, file] of Object.entries(req.files)) call = call.attach(field, file.data, { filename: file.filename });
  else if (req.body !== undefined) call = call.send(req.body as object);
  const res = await call.buffer(true).parse((r, done) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => done(null, Buffer.concat(chunks)));
  });
  return { status: res.status, body: res.body as Buffer };
}

/** A server-sent-events stream: its status line, then the connection closed. */
export async function openStream(t: TestApp, url: string, staff: Staff | null): Promise<Answer> {
  const server = t.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: url, headers: staff ? { Authorization: `Bearer ${staff.token}` } : {} }, (res) => {
      const chunks: Buffer[] = [];
      if (res.statusCode === 200) {
        resolve({ status: 200, body: Buffer.alloc(0) });
        req.destroy();
        return;
      }
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
    req.end();
  });
}
