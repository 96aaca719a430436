import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { loadAll, load } from 'js-yaml';
import { ModuleRef } from '@nestjs/core';
import { Metrics } from '@app/common';
import { AppConfig, loadConfig } from '@app/config';
import { QueueMetrics, QueueName } from '@app/queue';
import { K8S_SCHEMAS } from './deploy-schemas';

type Doc = { apiVersion: string; kind: string; metadata: { name: string; annotations?: Record<string, string> }; [key: string]: unknown };
type Container = {
  name: string;
  env?: { name: string; value: string }[];
  ports?: { name?: string; containerPort: number }[];
  livenessProbe: { httpGet: { path: string; port: string | number } };
  readinessProbe?: { httpGet: { path: string; port: string | number } };
  startupProbe: { httpGet: { path: string; port: string | number } };
};
type Deployment = Doc & {
  spec: {
    selector: { matchLabels: Record<string, string> };
    template: { metadata: { labels: Record<string, string>; annotations?: Record<string, string> }; spec: { containers: Container[] } };
  };
};

const K8S = join(__dirname, '../deploy/k8s');
const kustomization = load(readFileSync(join(K8S, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
const docs = kustomization.resources.flatMap((file) => loadAll(readFileSync(join(K8S, file), 'utf8')) as Doc[]);
const of = <T extends Doc>(kind: string) => docs.filter((d) => d.kind === kind) as T[];
const deployment = (name: string) => of<Deployment>('Deployment').find((d) => d.metadata.name === name)!;
const configMap = of<Doc & { data: Record<string, string> }>('ConfigMap')[0].data;
const secret = of<Doc & { stringData: Record<string, string> }>('Secret')[0].stringData;
const declared = new Set(Object.keys(new AppConfig()));

/** What a container's process sees: the ConfigMap, the Secret, then its own env. */
const podEnv = (container: Container) => ({ ...configMap, ...secret, ...Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value])) });

describe('deploy/k8s: the Kubernetes manifests', () => {
  it('lists every manifest of the directory in its kustomization', () => {
    const files = readdirSync(K8S).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it.each(docs.map((d) => [`${d.kind} ${d.metadata.name}`, d] as const))('%s is valid against its schema', (_, doc) => {
    const schema = K8S_SCHEMAS[`${doc.apiVersion} ${doc.kind}`];
    expect(schema).toBeDefined();
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
  });

  it('refuses a pod without resources or a probe, and a misspelt field', () => {
    const validate = new Ajv({ allErrors: true }).compile(K8S_SCHEMAS['apps/v1 Deployment']);
    const api = deployment('cozum-masasi-api');
    const broken = structuredClone(api) as unknown as {
      spec: { replicas?: number; replica?: number; template: { spec: { containers: Record<string, unknown>[] } } };
    };
    delete broken.spec.template.spec.containers[0].resources;
    delete broken.spec.template.spec.containers[0].livenessProbe;
    broken.spec.replica = broken.spec.replicas;
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => e.params)).toEqual(
      expect.arrayContaining([{ missingProperty: 'resources' }, { missingProperty: 'livenessProbe' }, { additionalProperty: 'replica' }]),
    );
  });

  it('gives each container settings the service reads and accepts (a typo would be ignored, a bad value refuse to boot)', () => {
    for (const d of of<Deployment>('Deployment')) {
      for (const c of d.spec.template.spec.containers) {
        const env = podEnv(c);
        expect(Object.keys(env).filter((key) => !declared.has(key))).toEqual([]);
        expect(() => loadConfig(env)).not.toThrow();
      }
    }
  });

  it('runs an API with liveness and readiness apart, and a worker, each scraped on the metrics port', () => {
    const api = deployment('cozum-masasi-api');
    const worker = deployment('cozum-masasi-worker');
    const [apiC] = api.spec.template.spec.containers;
    const [workerC] = worker.spec.template.spec.containers;
    expect([podEnv(apiC).APP_ROLE, podEnv(workerC).APP_ROLE]).toEqual(['api', 'worker']);
    expect(apiC.livenessProbe.httpGet.path).toBe('/health/live');
    expect(apiC.readinessProbe?.httpGet.path).toBe('/health/ready');
    expect(workerC.livenessProbe.httpGet.path).toBe('/metrics');
    for (const d of [api, worker]) {
      const [c] = d.spec.template.spec.containers;
      const names = new Map((c.ports ?? []).map((p) => [p.name, p.containerPort]));
      for (const p of [c.livenessProbe, c.readinessProbe, c.startupProbe].filter(Boolean)) expect(names.has(String(p!.httpGet.port))).toBe(true);
      expect(d.spec.template.metadata.annotations?.['prometheus.io/port']).toBe(configMap.METRICS_PORT);
      expect(names.get('metrics')).toBe(Number(configMap.METRICS_PORT));
      expect(d.spec.template.metadata.labels).toMatchObject(d.spec.selector.matchLabels);
    }
    expect(Number(podEnv(apiC).SHUTDOWN_DELAY_MS)).toBeGreaterThan(0);
  });

  it('sends the Service to the API pods only, never to the metrics port', () => {
    const [service] = of<Doc & { spec: { selector: Record<string, string>; ports: { targetPort: string }[] } }>('Service');
    const api = deployment('cozum-masasi-api');
    expect(api.spec.template.metadata.labels).toMatchObject(service.spec.selector);
    expect(deployment('cozum-masasi-worker').spec.template.metadata.labels).not.toMatchObject(service.spec.selector);
    expect(service.spec.ports.map((p) => p.targetPort)).toEqual(['http']);
  });

  it('scales workers on the intake queue depth, a metric the service exports with those labels', () => {
    const hpas = of<
      Doc & {
        spec: {
          scaleTargetRef: { name: string };
          metrics: { type: string; external?: { metric: { name: string; selector: { matchLabels: Record<string, string> } } } }[];
        };
      }
    >('HorizontalPodAutoscaler');
    for (const h of hpas) expect(deployment(h.spec.scaleTargetRef.name)).toBeDefined();
    const external = hpas.find((h) => h.spec.scaleTargetRef.name === 'cozum-masasi-worker')!.spec.metrics.find((m) => m.type === 'External')!.external!;
    const metrics = new Metrics();
    new QueueMetrics({} as ModuleRef, metrics).onModuleInit();
    const exported = metrics.registry.getSingleMetric(external.metric.name) as unknown as { labelNames: string[] } | undefined;
    expect(exported?.labelNames.sort()).toEqual(Object.keys(external.metric.selector.matchLabels).sort());
    expect(Object.values(QueueName)).toContain(external.metric.selector.matchLabels.queue);
  });
});

describe('docker-compose.yml', () => {
  const compose = load(readFileSync(join(__dirname, '../docker-compose.yml'), 'utf8')) as {
    services: Record<string, { environment?: Record<string, string | number>; healthcheck?: { test: string[] } }>;
  };

  /** A service's environment with YAML's merge key (`<<: *env`) applied, which js-yaml leaves as a key. */
  const environment = (service: string) => {
    const { '<<': merged, ...own } = (compose.services[service].environment ?? {}) as Record<string, unknown>;
    return { ...(merged as object), ...own } as Record<string, unknown>;
  };

  it('sets only settings the service reads, runs an API and a worker, and checks the API by its readiness', () => {
    for (const service of ['api', 'worker']) expect(Object.keys(environment(service)).filter((key) => !declared.has(key))).toEqual([]);
    expect([environment('api').APP_ROLE, environment('worker').APP_ROLE]).toEqual(['api', 'worker']);
    expect(environment('worker').METRICS_PORT).toBe(9464);
    expect(compose.services.api.healthcheck?.test.join(' ')).toContain('/health/ready');
  });
});
