import 'reflect-metadata';
import { wholeNumberOf } from '@spiral/event-catalogue';
import { DEFAULT_REQUEST_TIMEOUT_SECONDS, LOG_LEVELS } from '@spiral/http';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync, type ValidationError } from 'class-validator';

/** A configuration that cannot run: every problem found, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const EVENT_STORE_URL = /^((kurrentdb|kurrent|kdb|esdb)(\+discover)?|postgres|postgresql):\/\/\S+$/;
const BROKER_LIST = /^[A-Za-z0-9.-]+:\d{1,5}(,[A-Za-z0-9.-]+:\d{1,5})*$/;
const MONGO_URL = /^mongodb(\+srv)?:\/\/\S+$/;

/**
 * Every variable a distributed process may read, each checked by its rule. A process asks only
 * for the engines it uses (`requireFor`), so the relay does not need PORT, nor a service Kafka.
 */
export class DistributedEnvironment {
  /** The event store, by its URL's scheme: PostgreSQL, or KurrentDB (ESDB_URL, its older name, is read when this is unset). */
  @Matches(EVENT_STORE_URL, {
    message: 'EVENT_STORE_URL must be a PostgreSQL URL (postgres://user@host:5433/db) or a KurrentDB connection string (kurrentdb://kurrentdb:2113?tls=false)',
  })
  EVENT_STORE_URL!: string;

  @Matches(BROKER_LIST, { message: 'KAFKA_BROKERS must be host:port[,host:port…], e.g. kafka:9092' })
  KAFKA_BROKERS!: string;

  @Matches(MONGO_URL, { message: 'MONGO_URL must be a mongodb:// (or mongodb+srv://) URL, e.g. mongodb://mongo:27017' })
  MONGO_URL!: string;

  @IsString() @Matches(/^[A-Za-z0-9_-]{1,63}$/, { message: 'MONGO_DB must be 1 to 63 letters, digits, _ or -' })
  MONGO_DB = 'spiral';

  @IsString() @MinLength(16, { message: 'SPIRAL_JWT_SECRET must be set, at least 16 characters long' })
  SPIRAL_JWT_SECRET!: string;

  @IsInt({ message: 'PORT must be a whole number' }) @Min(0) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  @IsInt({ message: 'SPIRAL_MAX_BODY_BYTES must be a whole number' }) @Min(1024) @Max(64 * 1024 * 1024)
  SPIRAL_MAX_BODY_BYTES = 1024 * 1024;

  /** Longest a client may take to send one whole request before 408, as embedded. */
  @IsInt({ message: 'SPIRAL_REQUEST_TIMEOUT_SECONDS must be a whole number' }) @Min(1) @Max(600)
  SPIRAL_REQUEST_TIMEOUT_SECONDS = DEFAULT_REQUEST_TIMEOUT_SECONDS;

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL = 'info';

  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'KAFKA_CLIENT_ID must be 1 to 100 letters, digits, . _ or -' })
  KAFKA_CLIENT_ID?: string;

  /** Names the feed's topics (`<prefix>.local`, …): a second system on the same brokers (a test run) takes its own. */
  @IsString() @Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: 'KAFKA_TOPIC_PREFIX must be 1 to 100 letters, digits, _ or -' })
  KAFKA_TOPIC_PREFIX = 'spiral';

  @IsString() @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'RELAY_NAME must be 1 to 100 letters, digits, . _ or -' })
  RELAY_NAME = 'relay';
}

export type Setting = keyof DistributedEnvironment;
const NUMBERS: readonly Setting[] = ['PORT', 'SPIRAL_MAX_BODY_BYTES', 'SPIRAL_REQUEST_TIMEOUT_SECONDS'];

/**
 * Reads the environment into DistributedEnvironment and checks the settings `required` names
 * plus every optional one that has a default; throws ConfigError listing all problems at once.
 */
export function requireFor(env: NodeJS.ProcessEnv, required: readonly Setting[]): DistributedEnvironment {
  const config = new DistributedEnvironment();
  const target = config as unknown as Record<string, unknown>;
  if (!env['EVENT_STORE_URL'] && env['ESDB_URL']) env = { ...env, EVENT_STORE_URL: env['ESDB_URL'] };
  for (const key of Object.keys(env)) {
    const raw = env[key];
    if (raw === undefined || raw === '' || !isSetting(config, key)) continue;
    target[key] = NUMBERS.includes(key) ? toNumber(raw) : raw;
  }
  const missing = required.filter((key) => target[key] === undefined).map((key) => `${key} is required`);
  const checked = new Set<string>([...required, ...Object.keys(config).filter((key) => target[key] !== undefined)]);
  const invalid = validateSync(config, { forbidUnknownValues: false })
    .filter((error) => checked.has(error.property) && target[error.property] !== undefined)
    .map(firstMessage);
  const problems = [...missing, ...invalid];
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function isSetting(config: DistributedEnvironment, key: string): key is Setting {
  return key in config || ['EVENT_STORE_URL', 'KAFKA_BROKERS', 'MONGO_URL', 'SPIRAL_JWT_SECRET', 'KAFKA_CLIENT_ID'].includes(key);
}

/**
 * Decimal digits only (wholeNumberOf, the one rule for whole numbers written as text: ' 5' and
 * 99999999999999999999 were read as 5 and 1e20); anything else stays a string, so the rule reports
 * it as "must be a whole number".
 */
function toNumber(raw: string): number | string {
  return wholeNumberOf(raw) ?? raw;
}

function firstMessage(error: ValidationError): string {
  const messages = Object.values(error.constraints ?? {});
  return messages[messages.length - 1] ?? `${error.property} is invalid`;
}
