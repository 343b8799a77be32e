// A gateway in a Node process of its own for the benchmarks (probe-world.ts startChildGateway): the built
// @tsunagi/gateway, configured by BENCH_GATEWAY_CONFIG (gatewayConfig overrides) with adapters for the Google
// emulator of the benchmark's process (BENCH_GATEWAY_GOOGLE); prints {"url": …} once listening, stops
// cleanly on SIGTERM.
import { createEmulatedProviderRegistry, createGateway, gatewayConfig } from '@tsunagi/gateway';

const gateway = await createGateway(gatewayConfig(JSON.parse(process.env.BENCH_GATEWAY_CONFIG ?? '{}')), {
  providers: createEmulatedProviderRegistry({ google: JSON.parse(process.env.BENCH_GATEWAY_GOOGLE ?? '{}') }),
});
process.stdout.write(`${JSON.stringify({ url: gateway.url })}\n`);
process.once('SIGTERM', async () => {
  await gateway.stop();
  process.exit(0);
});
