import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig, trustProxySetting } from '@app/config';
import { formBody, jsonBody, Metrics, requestContext, requestLog } from '@app/common';
import { open311Body } from './modules/channels';

/** HTTP set-up shared by main.ts and the test app builder, so tests run what production runs. */
export function configureHttp(app: NestExpressApplication): INestApplication {
  const config = app.get(AppConfig);
  app.disable('x-powered-by');
  // The client IP (web-form rate limit) comes from X-Forwarded-For only from proxies named here.
  app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));
  app.use(requestLog(app.get(Metrics)));
  app.use(jsonBody(config.BODY_LIMIT, ['/api/v1/channels/whatsapp/cloud']));
  // Providers' webhooks (Twilio) post forms.
  app.use('/api/v1/channels', formBody(config.BODY_LIMIT));
  // Open311 clients post forms or XML.
  app.use('/open311', open311Body(config.BODY_LIMIT));
  app.use(requestContext);
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
