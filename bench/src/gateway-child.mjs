// A gateway in a Node process of its own for the benchmarks (probe-world.ts startChildGateway): the built
// @tsunagi/gateway, configured by BENCH_GATEWAY_CONFIG (gatewayConfig overrides) with adapters for the Google
// emulator of the benchmark's process (BENCH_GATEWAY_GOOGLE, when set); BENCH_GATEWAY_SEED_DEMO=1 loads the demo
// organizations. Prints {"url": …, "demo": …} once listening, stops cleanly on SIGTERM.
import { createEmulatedProviderRegistry, createGateway, gatewayConfig } from '@tsunagi/gateway';

const google = process.env.BENCH_GATEWAY_GOOGLE;
const gateway = await createGateway(gatewayConfig(JSON.parse(process.env.BENCH_GATEWAY_CONFIG ?? '{}')), {
  ...(google === undefined
    ? {}
    : { providers: createEmulatedProviderRegistry({ google: JSON.parse(google) }) }),
  seedDemo: process.env.BENCH_GATEWAY_SEED_DEMO === '1',
});
process.stdout.write(`${JSON.stringify({ url: gateway.url, demo: gateway.demo })}\n`);
process.once('SIGTERM', async () => {
  await gateway.stop();
  process.exit(0);
});
