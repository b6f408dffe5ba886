import { createEmulator } from './server.js';

/** Flags > environment > defaults. The only place with process side effects. */
function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv) {
  const flag = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    if (index >= 0) return argv[index + 1];
    return argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  };
  const int = (raw: string | undefined, name: string, fallback: number) => {
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`${name} must be a whole number ≥ 0, got "${raw}".`);
    return value;
  };
  return {
    port: int(flag('port') ?? env.EMULATOR_PORT, 'port', 8787),
    tokenTtlSeconds: int(env.EMULATOR_TOKEN_TTL_S, 'EMULATOR_TOKEN_TTL_S', 86_400),
    heartbeatMs: int(env.EMULATOR_HEARTBEAT_MS, 'EMULATOR_HEARTBEAT_MS', 30_000),
    demo: argv.includes('--demo') || env.EMULATOR_DEMO === '1',
  };
}

try {
  const options = readOptions(process.argv.slice(2), process.env);
  const emulator = createEmulator(options);
  const url = await emulator.listen({ port: options.port });
  console.log(`Genesys Cloud emulator listening on ${url}`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
