import { parseArgs } from 'node:util';
import { runDemo } from './demo.js';
import { EVALUATE_USAGE, runEvaluate } from './evaluate.js';
import { EXPLAIN_USAGE, runExplain } from './explain.js';
import { type CliIo, CliUsageError } from './io.js';
import { parseLocale } from './locale.js';
import { isOperatorCommand, OPERATOR_COMMANDS, OPERATOR_USAGE } from './operator/index.js';

export const USAGE = `tsunagi — keep a scheduling product's calendar and meeting integrations honest

Commands:
  tsunagi explain   classify a provider failure and print its remediation
  tsunagi evaluate  evaluate booking pages against their members' connections
  tsunagi demo      a short tour of both
${Object.entries(OPERATOR_COMMANDS)
  .map(([name, command]) => `  tsunagi ${name.padEnd(9)} ${command.summary}`)
  .join('\n')}
  tsunagi help [command]

${EXPLAIN_USAGE}

${EVALUATE_USAGE}

${OPERATOR_USAGE}
`;

/** Runs one CLI invocation; returns the process exit code (0 ok, 2 bad usage or input). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (isOperatorCommand(command)) {
      const operator = OPERATOR_COMMANDS[command];
      return rest.includes('--help') ? help(io, operator.usage) : await operator.run(rest, io);
    }
    switch (command) {
      case 'explain':
        return rest.includes('--help') ? help(io, EXPLAIN_USAGE) : await runExplain(rest, io);
      case 'evaluate':
        return rest.includes('--help') ? help(io, EVALUATE_USAGE) : await runEvaluate(rest, io);
      case 'demo': {
        const { values } = parseArgs({ args: rest, strict: true, options: { locale: { type: 'string' } } });
        return runDemo(io, parseLocale(values.locale));
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h': {
        const [topic] = rest;
        return help(io, isOperatorCommand(topic) ? OPERATOR_COMMANDS[topic].usage : USAGE);
      }
      default:
        throw new CliUsageError(`unknown command "${command}" (try: tsunagi help)`);
    }
  } catch (error) {
    if (error instanceof CliUsageError || isNodeArgError(error)) {
      // One line: Node's own argument errors come in several.
      io.stderr(`tsunagi: ${(error as Error).message.trim().replace(/\s*\n\s*/g, ' ')}\n`);
      return 2;
    }
    io.stderr(`tsunagi: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function help(io: CliIo, text: string): number {
  io.stdout(`${text}\n`);
  return 0;
}

function isNodeArgError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
