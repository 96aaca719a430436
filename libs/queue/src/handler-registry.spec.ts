import { buildHandlerRegistry, DiscoveredHandler, JobRegistryError } from './handler-registry';
import { JobCatalogue } from './job-payloads';
import { QueueName } from './queue-name';

class RoutePayload {}
class SendPayload {}

const catalogue: JobCatalogue = {
  [QueueName.Intake]: {},
  [QueueName.Routing]: { 'route-ticket': RoutePayload },
  [QueueName.Sla]: {},
  [QueueName.Notify]: { 'send-message': SendPayload },
  [QueueName.Reports]: {},
  [QueueName.Classifier]: {},
};

const handler = (queue: QueueName, name: string, owner = 'A.run'): DiscoveredHandler => ({
  queue,
  name,
  owner,
  run: async () => undefined,
});

describe('buildHandlerRegistry', () => {
  it('accepts exactly one handler per declared job', () => {
    const registry = buildHandlerRegistry(catalogue, [handler(QueueName.Routing, 'route-ticket'), handler(QueueName.Notify, 'send-message')]);
    expect([...registry.keys()].sort()).toEqual(['notify/send-message', 'routing/route-ticket']);
  });

  it('fails when a declared job has no handler', () => {
    expect(() => buildHandlerRegistry(catalogue, [handler(QueueName.Routing, 'route-ticket')])).toThrow(/notify\/send-message: no handler/);
  });

  it('fails when a job has two handlers, naming both', () => {
    expect(() =>
      buildHandlerRegistry(catalogue, [
        handler(QueueName.Routing, 'route-ticket', 'A.route'),
        handler(QueueName.Routing, 'route-ticket', 'B.route'),
        handler(QueueName.Notify, 'send-message'),
      ]),
    ).toThrow(/routing\/route-ticket: handled twice \(A.route and B.route\)/);
  });

  it('fails when a handler handles an undeclared job', () => {
    expect(() =>
      buildHandlerRegistry(catalogue, [
        handler(QueueName.Routing, 'route-ticket'),
        handler(QueueName.Notify, 'send-message'),
        handler(QueueName.Sla, 'breach'),
      ]),
    ).toThrow(JobRegistryError);
  });
});
