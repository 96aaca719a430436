import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, ConfigValidationError, loadConfig } from '@app/config';
import { logLevelsFrom, RedactingLogger } from '@app/common';
import { AppModule } from './app.module';
import { configureHttp, createHttpAdapter } from './bootstrap';

async function main(): Promise<void> {
  const settings = loadConfig(process.env);
  const logger = new RedactingLogger(logLevelsFrom(settings.LOG_LEVEL));
  if (settings.APP_ROLE === 'worker') {
    // Workers start from QueueModule's bootstrap hook; no HTTP server in this process.
    const context = await NestFactory.createApplicationContext(AppModule.register(), { logger });
    context.enableShutdownHooks();
    logger.log({ msg: 'worker started' }, 'Main');
    return;
  }
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(), createHttpAdapter(settings), { logger, bodyParser: false });
  configureHttp(app);
  app.enableShutdownHooks();
  const config = app.get(AppConfig);
  await app.listen(config.PORT, config.HOST);
  logger.log({ msg: 'listening', url: `http://${config.HOST}:${config.PORT}`, role: config.APP_ROLE, docs: '/api/docs' }, 'Main');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigValidationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    new Logger('Main').fatal(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exit(1);
});
