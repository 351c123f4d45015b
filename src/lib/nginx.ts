/**
 * Running the site's nginx configuration (deploy/nginx.conf) outside /etc/nginx: a complete
 * nginx.conf for a temporary prefix, as the current user, on a chosen port. Used by
 * `npm run preview:nginx` and `npm run test:deploy`.
 */

/** The folder deploy/nginx.conf names for the built site; a preview puts the real one in its place. */
export const DEPLOYED_SITE_DIR = '/srv/wire-reader/dist';

/** What to install when nginx is missing (Debian and Ubuntu package names). */
export const NGINX_INSTALL = 'apt-get install -y nginx libnginx-mod-http-brotli-static';

/** What `nginx -V` says about where nginx looks for things. */
export interface NginxBuild {
  /** Folder of the stock nginx.conf, where mime.types is. */
  confDir: string;
  /** Folder of dynamic modules. */
  modulesDir: string;
  /** The Brotli module is compiled in (no load_module needed). */
  brotliBuiltIn: boolean;
}

/**
 * Reads the configure arguments `nginx -V` prints.
 *
 * @example
 * nginxBuild('configure arguments: --conf-path=/etc/nginx/nginx.conf --modules-path=/usr/lib/nginx/modules');
 * // { confDir: '/etc/nginx', modulesDir: '/usr/lib/nginx/modules', brotliBuiltIn: false }
 */
export function nginxBuild(versionOutput: string): NginxBuild {
  const option = (name: string) => new RegExp(`--${name}=(\\S+)`).exec(versionOutput)?.[1];
  const prefix = option('prefix') ?? '/usr/local/nginx';
  const confPath = option('conf-path') ?? `${prefix}/conf/nginx.conf`;
  return {
    confDir: confPath.replace(/\/[^/]*$/, ''),
    modulesDir: option('modules-path') ?? `${prefix}/modules`,
    brotliBuiltIn: /--add-module=\S*brotli/.test(versionOutput),
  };
}

/** Where and how one preview serves the site. */
export interface PreviewOptions {
  /** Absolute path of the built site. */
  siteDir: string;
  /** Addresses to listen on, e.g. `['127.0.0.1']`, or `['127.0.0.1', '[::1]']` for localhost. */
  addresses: string[];
  port: number;
  /** The temporary prefix: pid file, temp folders and logs go here. */
  prefix: string;
  build: NginxBuild;
  /** Path of the Brotli static module to load, or undefined when there is none to load. */
  brotliModule: string | undefined;
  /** Run as root: workers must be told to stay root to read a root-owned prefix. */
  asRoot: boolean;
  /** Also serve HTTPS on this port with this certificate (tests: headers sent only over HTTPS). */
  tls?: { port: number; certificate: string; key: string };
}

/**
 * deploy/nginx.conf with the preview's site folder and port put in. Without the Brotli
 * module the `brotli_static` line is commented out (gzip still works). Throws when the
 * config no longer has the lines it replaces, so a change to it cannot pass unnoticed.
 *
 * @example
 * previewServerBlock('listen 80;\nlisten [::]:80;\nroot /srv/wire-reader/dist;\n...', options);
 * // "listen 127.0.0.1:4322;\n\nroot /tmp/site;\n..."
 */
export function previewServerBlock(
  siteConf: string,
  { siteDir, addresses, port, brotliModule, build, tls }: PreviewOptions,
) {
  if (/["';{}\s$]/.test(siteDir)) throw new Error(`nginx cannot be given this site folder as it is: ${siteDir}`);
  const expect = (pattern: RegExp, what: string) => {
    if (!pattern.test(siteConf)) throw new Error(`deploy/nginx.conf no longer has ${what}; update src/lib/nginx.ts`);
  };
  expect(/^\s*listen 80;$/m, '"listen 80;"');
  expect(new RegExp(`^\\s*root ${DEPLOYED_SITE_DIR};$`, 'm'), `"root ${DEPLOYED_SITE_DIR};"`);
  const listen = [
    ...addresses.map((address) => `listen ${address}:${port};`),
    ...(tls
      ? [
          ...addresses.map((address) => `listen ${address}:${tls.port} ssl;`),
          `ssl_certificate ${tls.certificate};`,
          `ssl_certificate_key ${tls.key};`,
        ]
      : []),
  ];
  let conf = siteConf
    .replace(/^(\s*)listen 80;$/m, (_, indent: string) => listen.map((line) => `${indent}${line}`).join('\n'))
    .replace(/^\s*listen \[::\]:80;\n/m, '')
    .replaceAll(DEPLOYED_SITE_DIR, siteDir);
  if (!brotliModule && !build.brotliBuiltIn) {
    conf = conf.replace(/^(\s*)(brotli_static on;)$/m, '$1# $2  (no Brotli module on this machine)');
  }
  return conf;
}

/**
 * A whole nginx.conf that runs the site's server block from a temporary prefix, in the
 * foreground, logging errors to stderr.
 *
 * @example
 * previewConfig('server { ... }', options); // "daemon off;\npid /tmp/x/nginx.pid; ..."
 */
export function previewConfig(siteConf: string, options: PreviewOptions): string {
  const { prefix, build, brotliModule, asRoot } = options;
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
    (kind) => `    ${kind}_temp_path ${prefix}/${kind};`,
  );
  return [
    '# Written by src/lib/nginx.ts for a preview; deploy/nginx.conf is the real configuration.',
    ...(brotliModule ? [`load_module ${brotliModule};`] : []),
    ...(asRoot ? ['user root;'] : []),
    'daemon off;',
    'worker_processes 1;',
    `pid ${prefix}/nginx.pid;`,
    'error_log stderr warn;',
    'events { worker_connections 1024; }',
    'http {',
    `    include ${build.confDir}/mime.types;`,
    '    default_type application/octet-stream;',
    '    access_log off;',
    '    sendfile on;',
    '    keepalive_requests 10000;',
    ...temp,
    previewServerBlock(siteConf, options)
      .split('\n')
      .map((line) => (line ? `    ${line}` : line))
      .join('\n'),
    '}',
    '',
  ].join('\n');
}
