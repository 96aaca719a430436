import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock, FixedClock, logLevelsFrom } from '@app/common';
import { dropDatabase, ensureDatabase } from '@app/database';
import { loadConfig } from '@app/config';
import { createRedisConnection, deleteKeysUnder, redisKeyPrefix } from '@app/queue';
import { AppModule } from '../../../src/app.module';
import { configureHttp, createHttpAdapter } from '../../../src/bootstrap';

/** A route the HTTP server registered, with its methods. */
export interface ServedRoute {
  methods: string[];
  url: string;
}

export interface TestApp {
  app: NestFastifyApplication;
  /** Every route the server registered (Nest's, the docs', Bull Board's). */
  routes: ServedRoute[];
  http: () => ReturnType<typeof request>;
  dataSource: DataSource;
  clock: FixedClock;
  env: Record<string, string>;
  /** Closes the app alone, as a SIGTERM does (once; `close` does not close it again). */
  closeApp: () => Promise<void>;
  /** Closes the app, then drops its database, Redis keys and directories. */
  close: () => Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  now?: Date;
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

const PG = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Boots the whole app as main.ts does, on a database and a Redis key prefix of its own
 * (created here, dropped by `close`), with a clock the test can move.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const id = randomBytes(4).toString('hex');
  const databaseUrl = new URL(PG);
  databaseUrl.pathname = `/cm_test_${id}`;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: REDIS,
    REDIS_PREFIX: `cm-test-${id}`,
    LOG_LEVEL: 'error',
    // What the app writes to disk goes under a temporary directory of the test's own, never into the checkout.
    MEDIA_DIR: join(tmpdir(), `cm-media-${id}`),
    REPORTS_EXPORT_DIR: join(tmpdir(), `cm-exports-${id}`),
    WHATSAPP_DATA_DIR: join(tmpdir(), `cm-whatsapp-${id}`),
    // Training takes seconds of CPU and changes how intake categorises mid-suite: a suite that
    // tests the classifier turns it on; the others categorise by keywords, as before a first model.
    CLASSIFIER_AUTO_TRAIN: 'false',
    ...options.env,
  };
  await ensureDatabase(env.DATABASE_URL);
  const clock = new FixedClock(options.now ?? new Date());
  let builder = Test.createTestingModule({ imports: [AppModule.register(env)] })
    .overrideProvider(Clock)
    .useValue(clock);
  if (options.override) builder = options.override(builder);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(loadConfig(env)), {
    bodyParser: false,
    logger: logLevelsFrom(env.LOG_LEVEL),
  });
  const routes: ServedRoute[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => void routes.push({ methods: [route.method].flat(), url: route.url }));
  configureHttp(app);
  await app.init();
  // Fastify loads its plugins (uploads, Bull Board, the docs' files) when it gets ready.
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get(DataSource);
  let appClosed: Promise<void> | undefined;
  const closeApp = () => (appClosed ??= app.close());
  return {
    app,
    routes,
    http: () => request(app.getHttpServer()),
    dataSource,
    clock,
    env,
    closeApp,
    close: async () => {
      await closeApp();
      await dropRedisPrefix(env);
      await dropDatabase(env.DATABASE_URL);
      for (const dir of [env.MEDIA_DIR, env.REPORTS_EXPORT_DIR, env.WHATSAPP_DATA_DIR]) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Deletes the test's keys from whichever Redis (server, cluster, Sentinel master) it ran on. */
async function dropRedisPrefix(env: Record<string, string>): Promise<void> {
  const settings = loadConfig(env);
  const redis = createRedisConnection(settings, 'commands');
  try {
    await deleteKeysUnder(redis, redisKeyPrefix(settings));
  } finally {
    redis.disconnect();
  }
}
