/**
 * JSON schemas of the parts of the Kubernetes objects deploy/k8s uses (no kubeconform here): the
 * fields the API server requires, their types, and what this service's pods must have (probes,
 * resources). Unknown fields are refused where a typo would silently do nothing.
 */
const name = { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 };
const labels = { type: 'object', additionalProperties: { type: 'string' } };
const metadata = {
  type: 'object',
  required: ['name'],
  properties: { name, labels, annotations: labels, namespace: name },
  additionalProperties: false,
};
const port = {
  oneOf: [
    { type: 'integer', minimum: 1, maximum: 65535 },
    { type: 'string', pattern: '^[a-z][-a-z0-9]{0,14}$' },
  ],
};
const quantity = { oneOf: [{ type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi|Ti)?$' }, { type: 'number' }] };
const resources = {
  type: 'object',
  required: ['requests', 'limits'],
  properties: {
    requests: { type: 'object', required: ['cpu', 'memory'], properties: { cpu: quantity, memory: quantity }, additionalProperties: false },
    limits: { type: 'object', required: ['cpu', 'memory'], properties: { cpu: quantity, memory: quantity }, additionalProperties: false },
  },
  additionalProperties: false,
};
const probe = {
  type: 'object',
  required: ['httpGet'],
  properties: {
    httpGet: { type: 'object', required: ['path', 'port'], properties: { path: { type: 'string', pattern: '^/' }, port }, additionalProperties: false },
    periodSeconds: { type: 'integer', minimum: 1 },
    timeoutSeconds: { type: 'integer', minimum: 1 },
    failureThreshold: { type: 'integer', minimum: 1 },
    initialDelaySeconds: { type: 'integer', minimum: 0 },
  },
  additionalProperties: false,
};
const container = {
  type: 'object',
  required: ['name', 'image', 'resources', 'livenessProbe', 'startupProbe'],
  properties: {
    name,
    image: { type: 'string', minLength: 1 },
    env: {
      type: 'array',
      items: { type: 'object', required: ['name', 'value'], properties: { name: { type: 'string' }, value: { type: 'string' } }, additionalProperties: false },
    },
    envFrom: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          configMapRef: { type: 'object', required: ['name'], properties: { name } },
          secretRef: { type: 'object', required: ['name'], properties: { name } },
        },
        additionalProperties: false,
      },
    },
    ports: {
      type: 'array',
      items: {
        type: 'object',
        required: ['containerPort'],
        properties: { name: { type: 'string' }, containerPort: { type: 'integer' } },
        additionalProperties: false,
      },
    },
    livenessProbe: probe,
    readinessProbe: probe,
    startupProbe: probe,
    resources,
    volumeMounts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'mountPath'],
        properties: { name, mountPath: { type: 'string' }, subPath: { type: 'string' } },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
};

export const K8S_SCHEMAS: Record<string, object> = {
  'apps/v1 Deployment': {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    properties: {
      apiVersion: { const: 'apps/v1' },
      kind: { const: 'Deployment' },
      metadata,
      spec: {
        type: 'object',
        required: ['selector', 'template'],
        properties: {
          replicas: { type: 'integer', minimum: 1 },
          selector: { type: 'object', required: ['matchLabels'], properties: { matchLabels: labels } },
          strategy: { type: 'object' },
          template: {
            type: 'object',
            required: ['metadata', 'spec'],
            properties: {
              metadata: { type: 'object', required: ['labels'], properties: { labels, annotations: labels }, additionalProperties: false },
              spec: {
                type: 'object',
                required: ['containers'],
                properties: {
                  terminationGracePeriodSeconds: { type: 'integer', minimum: 0 },
                  containers: { type: 'array', minItems: 1, items: container },
                  volumes: { type: 'array', items: { type: 'object', required: ['name'] } },
                },
                additionalProperties: false,
              },
            },
          },
        },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  },
  'v1 Service': {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    properties: {
      apiVersion: { const: 'v1' },
      kind: { const: 'Service' },
      metadata,
      spec: {
        type: 'object',
        required: ['selector', 'ports'],
        properties: {
          selector: labels,
          ports: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['port'],
              properties: { name: { type: 'string' }, port: { type: 'integer' }, targetPort: port },
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  },
  'v1 ConfigMap': {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'data'],
    properties: { apiVersion: { const: 'v1' }, kind: { const: 'ConfigMap' }, metadata, data: { type: 'object', additionalProperties: { type: 'string' } } },
    additionalProperties: false,
  },
  'v1 Secret': {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata'],
    properties: {
      apiVersion: { const: 'v1' },
      kind: { const: 'Secret' },
      metadata,
      type: { type: 'string' },
      stringData: { type: 'object', additionalProperties: { type: 'string' } },
    },
    additionalProperties: false,
  },
  'v1 PersistentVolumeClaim': {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    properties: {
      apiVersion: { const: 'v1' },
      kind: { const: 'PersistentVolumeClaim' },
      metadata,
      spec: {
        type: 'object',
        required: ['accessModes', 'resources'],
        properties: {
          accessModes: { type: 'array', items: { enum: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'] } },
          resources: {
            type: 'object',
            required: ['requests'],
            properties: { requests: { type: 'object', required: ['storage'], properties: { storage: quantity } } },
          },
        },
      },
    },
    additionalProperties: false,
  },
  'autoscaling/v2 HorizontalPodAutoscaler': {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    properties: {
      apiVersion: { const: 'autoscaling/v2' },
      kind: { const: 'HorizontalPodAutoscaler' },
      metadata,
      spec: {
        type: 'object',
        required: ['scaleTargetRef', 'maxReplicas', 'metrics'],
        properties: {
          scaleTargetRef: {
            type: 'object',
            required: ['apiVersion', 'kind', 'name'],
            properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, name },
          },
          minReplicas: { type: 'integer', minimum: 1 },
          maxReplicas: { type: 'integer', minimum: 1 },
          behavior: { type: 'object' },
          metrics: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['type'],
              properties: {
                type: { enum: ['Resource', 'External', 'Pods', 'Object', 'ContainerResource'] },
                resource: { type: 'object', required: ['name', 'target'] },
                external: {
                  type: 'object',
                  required: ['metric', 'target'],
                  properties: {
                    metric: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, selector: { type: 'object' } } },
                    target: { type: 'object', required: ['type'], properties: { type: { enum: ['Value', 'AverageValue'] } } },
                  },
                },
              },
            },
          },
        },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  },
};
