import { JobCatalogue } from './job-payloads';
import { QueueName } from './queue-name';

export interface DiscoveredHandler {
  queue: QueueName;
  name: string;
  owner: string;
  run: (payload: object) => Promise<unknown>;
}

export class JobRegistryError extends Error {}

/**
 * The boot check of the house rules: each catalogued job has exactly one handler and
 * every handler handles a catalogued job. Returns handlers keyed `queue/name`.
 */
export function buildHandlerRegistry(catalogue: JobCatalogue, handlers: DiscoveredHandler[]): Map<string, DiscoveredHandler> {
  const problems: string[] = [];
  const registry = new Map<string, DiscoveredHandler>();
  for (const handler of handlers) {
    const key = `${handler.queue}/${handler.name}`;
    if (!(handler.name in (catalogue[handler.queue] ?? {}))) {
      problems.push(`${key}: handled by ${handler.owner} but not declared in JOBS`);
    } else if (registry.has(key)) {
      problems.push(`${key}: handled twice (${registry.get(key)!.owner} and ${handler.owner})`);
    } else {
      registry.set(key, handler);
    }
  }
  for (const [queue, jobs] of Object.entries(catalogue)) {
    for (const name of Object.keys(jobs)) {
      if (!registry.has(`${queue}/${name}`)) problems.push(`${queue}/${name}: no handler`);
    }
  }
  if (problems.length) throw new JobRegistryError(`Job handlers are inconsistent:\n  ${problems.join('\n  ')}`);
  return registry;
}
