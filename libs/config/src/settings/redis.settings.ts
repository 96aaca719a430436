import { IsOptional, IsString, Matches } from 'class-validator';

// host:port[,host:port…]: a host name, an IPv4 address or a bracketed IPv6 address, and a port.
const ADDRESS_LIST = /^(\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9.-]+):\d{1,5}(,(\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9.-]+):\d{1,5})*$/;

/** Where Redis is: one server (REDIS_URL), a Redis Cluster, or a master that Sentinels watch. */
export class RedisSettings {
  /** One Redis server; the default, unless REDIS_CLUSTER_NODES or REDIS_SENTINELS is set. */
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Key prefix for every queue key, so several installations can share one Redis. */
  @Matches(/^[a-zA-Z0-9_-]{1,40}$/, { message: 'REDIS_PREFIX must be 1-40 letters, digits, - or _' })
  REDIS_PREFIX = 'cm';

  /** Some of a Redis Cluster's nodes (host:port, comma-separated); the rest are found from them. */
  @IsOptional()
  @Matches(ADDRESS_LIST, { message: 'REDIS_CLUSTER_NODES must be host:port addresses separated by commas' })
  REDIS_CLUSTER_NODES?: string;

  /** The Sentinels that watch the master (host:port, comma-separated). */
  @IsOptional()
  @Matches(ADDRESS_LIST, { message: 'REDIS_SENTINELS must be host:port addresses separated by commas' })
  REDIS_SENTINELS?: string;

  /** The master's name as the Sentinels know it (`sentinel monitor <name> …`). */
  @Matches(/^[a-zA-Z0-9._-]{1,64}$/, { message: 'REDIS_SENTINEL_NAME must be 1-64 letters, digits, ., - or _' })
  REDIS_SENTINEL_NAME = 'mymaster';

  /** The Sentinels' own password, when they ask for one. */
  @IsOptional()
  @IsString()
  REDIS_SENTINEL_PASSWORD?: string;

  /** The user and password of the cluster's nodes or of the Sentinels' master and replicas (REDIS_URL carries its own). */
  @IsOptional()
  @IsString()
  REDIS_USERNAME?: string;

  @IsOptional()
  @IsString()
  REDIS_PASSWORD?: string;
}

/** Two ways of reaching Redis set at once: the boot error names them. */
export function redisTopologyProblem(input: Record<string, unknown>): string | null {
  const chosen = ['REDIS_URL', 'REDIS_CLUSTER_NODES', 'REDIS_SENTINELS'].filter((key) => input[key] !== undefined);
  return chosen.length > 1 ? `${chosen.join(', ')}: set only one of them (one server, a cluster, or sentinels)` : null;
}
