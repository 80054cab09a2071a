export interface ProxyConfigOptions {
  /** Loopback port nginx listens on. */
  port: number;
  /** The app instances, as `host:port` or `http://host:port`. */
  upstreams: string[];
  /** Where the caches keep their files (one directory each inside it). */
  cacheDir: string;
}

/**
 * deploy/nginx.conf as it runs on this machine: the production file with only its upstream
 * servers, its listen line and its cache directory replaced, so that the checks and the bench
 * exercise the very rules production uses. Each replacement must match exactly once; a change
 * to the file that breaks one is an error here, never a silently different proxy.
 */
export function renderProxyConfig(source: string, { port, upstreams, cacheDir }: ProxyConfigOptions): string {
  if (upstreams.length === 0) throw new Error('the proxy needs at least one upstream');
  const servers = upstreams.map((u) => `  server ${upstreamAddress(u)} max_fails=3 fail_timeout=10s;`).join('\n');
  let text = source;
  const replace = (what: string, pattern: RegExp, by: (match: string) => string) => {
    const count = text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))?.length ?? 0;
    if (count !== 1) throw new Error(`deploy/nginx.conf: expected one ${what}, found ${count}`);
    text = text.replace(pattern, by);
  };
  replace('upstream aduan block', /upstream aduan \{[^}]*\}/, (block) => {
    const lines = block.split('\n');
    const first = lines.findIndex((line) => /^\s*server\s/.test(line));
    if (first < 0) throw new Error('deploy/nginx.conf: the upstream aduan block names no server');
    return lines.flatMap((line, i) => (i === first ? [servers] : /^\s*server\s/.test(line) ? [] : [line])).join('\n');
  });
  replace('"listen 80;"', /^(\s*)listen 80;$/m, (line) => line.replace('listen 80;', `listen 127.0.0.1:${port};`));
  // each cache keeps its own directory, under cacheDir
  const caches = text.match(/^proxy_cache_path \/var\/cache\/nginx\/[\w-]+ /gm)?.length ?? 0;
  if (caches === 0 || caches !== text.match(/proxy_cache_path/g)?.length) throw new Error('deploy/nginx.conf: every proxy_cache_path must be under /var/cache/nginx/');
  text = text.replace(/^proxy_cache_path \/var\/cache\/nginx\/([\w-]+) /gm, (_, name: string) => `proxy_cache_path ${cacheDir}/${name} `);
  return text;
}

/** `http://127.0.0.1:3400/` → `127.0.0.1:3400`; a bare `host:port` stays as it is. */
export function upstreamAddress(upstream: string): string {
  const address = /^https?:\/\//.test(upstream) ? new URL(upstream).host : upstream;
  if (!/^[\w.-]+:\d{1,5}$|^\[[0-9a-f:.]+\]:\d{1,5}$/i.test(address)) throw new Error(`not an upstream address: ${upstream}`);
  return address;
}

/** The main file around it: one process tree of our own, every path inside the prefix. */
export function renderMainConfig(prefix: string, siteFile: string, { workers = 1, user, accessLog = true }: { workers?: number; user?: string; accessLog?: boolean } = {}): string {
  return `${user ? `user ${user};\n` : ''}worker_processes ${workers};
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events {
  worker_connections 4096;
}
http {
  default_type application/octet-stream;
  log_format aduan '$remote_addr "$request" $status $body_bytes_sent $request_time cache=$upstream_cache_status upstream=$upstream_addr';
  access_log ${accessLog ? `${prefix}/access.log aduan` : 'off'};
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  include ${siteFile};
}
`;
}
