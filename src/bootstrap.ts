import multipart from '@fastify/multipart';
import { BadRequestException, INestApplication, RequestMethod } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { parse as parseQuery } from 'node:querystring';
import { AppConfig, trustProxySetting } from '@app/config';
import { Metrics, registerBodyParsers, registerRequestContext, registerRequestLog, requestIdOf, toHttpError } from '@app/common';
import { open311Body } from './modules/channels';

/** The Fastify server of an API process (main.ts and the test app builder), routing as Express did. */
export function createHttpAdapter(config: AppConfig): FastifyAdapter {
  const trusted = trustProxySetting(config.TRUST_PROXY) ?? false;
  return new FastifyAdapter({
    // The client IP (web-form rate limit) comes from X-Forwarded-For only from proxies named here
    // (a hop count: that many proxies in front).
    trustProxy: typeof trusted === 'number' ? (_address: string, hop: number) => hop < trusted : trusted,
    // The request id: a proxy's X-Request-Id when it looks like one.
    genReqId: requestIdOf,
    routerOptions: {
      // Express matched paths case-insensitively, with or without a trailing slash, and let
      // handlers answer overlong ids (a 400 naming the field) rather than a 404.
      caseSensitive: false,
      ignoreTrailingSlash: true,
      maxParamLength: 4096,
      // Express 5's "simple" query parser.
      querystringParser: (query) => parseQuery(query),
    },
    // A path Fastify cannot decode (`%E0%A4%A`) gets the stable error body, as Express's URIError did.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const body = toHttpError(new BadRequestException(error.message));
      void reply.code(body.statusCode).send(body);
    },
  });
}

/** HTTP set-up shared by main.ts and the test app builder, so tests run what production runs. */
export function configureHttp(app: NestFastifyApplication): INestApplication {
  const config = app.get(AppConfig);
  const fastify = app.getHttpAdapter().getInstance();
  registerRequestLog(fastify, app.get(Metrics));
  registerBodyParsers(fastify, {
    limit: config.BODY_LIMIT,
    // Signed webhooks (WhatsApp Cloud API) are verified over the exact bytes.
    keepRawFor: ['/api/v1/channels/whatsapp/cloud'],
    // Providers' webhooks (Twilio) post forms; Open311 clients post forms or XML.
    routes: [{ under: '/api/v1/channels', form: true }, open311Body],
  });
  // Uploads (the web form's photos, staff attachments) are read by the routes that take them.
  void fastify.register(multipart);
  registerRequestContext(fastify);
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      // The way in: the citizens' form or the staff screens.
      { path: '/', method: RequestMethod.GET },
      // The citizens' web form pages live at short addresses.
      { path: 'basvuru', method: RequestMethod.GET },
      { path: 'basvuru/:file', method: RequestMethod.GET },
      // The staff screens.
      { path: 'app', method: RequestMethod.GET },
      { path: 'app/:file', method: RequestMethod.GET },
      { path: 'anket/:token', method: RequestMethod.GET },
      // Open311 GeoReport v2 lives at the address city apps are configured with.
      ...['discovery.:format', 'services.:format', 'services/:service_code.:format', 'requests.:format', 'requests/:id.:format', 'tokens/:token.:format'].map(
        (path) => ({ path: `open311/v2/${path}`, method: RequestMethod.ALL }),
      ),
    ],
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Çözüm Masası API')
      .setDescription('Belediye çözüm masası: başvurular, birimler, vatandaşlar')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  return app;
}
