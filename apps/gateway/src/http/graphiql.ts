// The offline GraphQL IDE: GraphiQL and React served from node_modules, no CDN.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router } from 'express';

const require = createRequire(import.meta.url);

// Their package.json `exports` hide the UMD builds, so resolve each package root and join the file.
function packageFile(packageName: string, file: string): string {
  return join(dirname(require.resolve(`${packageName}/package.json`)), file);
}

const ASSETS = {
  'graphiql.min.js': { path: () => packageFile('graphiql', 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.min.css': { path: () => packageFile('graphiql', 'graphiql.min.css'), type: 'text/css' },
  'react.production.min.js': {
    path: () => packageFile('react', 'umd/react.production.min.js'),
    type: 'text/javascript',
  },
  'react-dom.production.min.js': {
    path: () => packageFile('react-dom', 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
} as const;

export interface GraphiqlOptions {
  /** Where the IDE sends operations (HTTP) and subscriptions (same path, ws://). */
  readonly graphqlPath: string;
  /** Prefilled in the IDE's headers tab (embedded development mode only). */
  readonly defaultToken?: string | undefined;
}

const escapeScript = (value: string) => JSON.stringify(value).replaceAll('<', '\\u003c');

const DEFAULT_QUERY = `# Pages disabled by a connection error come first.
query Dashboard {
  connectionAlerts {
    erroredConnections
    disabledBookingPages
  }
  bookingPages(first: 10) {
    totalCount
    edges {
      node {
        title
        state
        acceptingBookings
        owner { name }
        reasons {
          kind
          user { name }
          connections { provider accountEmail status }
        }
        remediation {
          goal
          options {
            actions {
              kind
              provider
              user { name }
            }
          }
        }
      }
    }
  }
}
`;

function page(options: GraphiqlOptions): string {
  const headers =
    options.defaultToken === undefined
      ? '{}'
      : JSON.stringify({ Authorization: `Bearer ${options.defaultToken}` }, null, 2);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tsunagi GraphQL</title>
<link rel="stylesheet" href="/graphiql/assets/graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading…</div>
<script src="/graphiql/assets/react.production.min.js"></script>
<script src="/graphiql/assets/react-dom.production.min.js"></script>
<script src="/graphiql/assets/graphiql.min.js"></script>
<script>
  const path = ${escapeScript(options.graphqlPath)};
  const url = new URL(path, location.href).href;
  const subscriptionUrl = url.replace(/^http/, 'ws');
  const fetcher = GraphiQL.createFetcher({ url, subscriptionUrl });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultQuery: ${escapeScript(DEFAULT_QUERY)},
      defaultHeaders: ${escapeScript(headers)},
      shouldPersistHeaders: false,
    }),
  );
</script>
</body>
</html>
`;
}

/** Serves the IDE at `/` and `/graphiql`, and its assets under `/graphiql/assets/`. */
export function graphiqlRouter(options: GraphiqlOptions): Router {
  const router = Router();
  const html = page(options);
  const cache = new Map<string, Buffer>();
  router.get(['/', '/graphiql'], (_request, response) => {
    response.type('html').set('Cache-Control', 'no-store').send(html);
  });
  router.get('/graphiql/assets/:file', (request, response, next) => {
    const name = request.params.file as keyof typeof ASSETS;
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (asset === undefined) {
      next();
      return;
    }
    let body = cache.get(name);
    if (body === undefined) {
      body = readFileSync(asset.path());
      cache.set(name, body);
    }
    response.type(asset.type).set('Cache-Control', 'public, max-age=3600').send(body);
  });
  return router;
}
