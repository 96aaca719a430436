/**
 * The few settings a data migration computes with (the deadline rule's working hours): TypeORM
 * builds migrations without arguments, so whoever runs them sets these first — the database
 * module from the validated configuration, the CLI's data source from the environment.
 */
let current: Readonly<Record<string, string>> = {};

export function setMigrationSettings(settings: Readonly<Record<string, string>>): void {
  current = settings;
}

export function migrationSetting(name: string, fallback: string): string {
  return current[name] ?? fallback;
}
