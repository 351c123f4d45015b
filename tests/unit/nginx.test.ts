import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findNginx, NginxMissingError } from '../../src/cli/nginx-server';
import { NGINX_INSTALL, nginxBuild, previewConfig, previewServerBlock, type PreviewOptions } from '../../src/lib/nginx';

const SITE_CONF = readFileSync(new URL('../../deploy/nginx.conf', import.meta.url), 'utf8');
const DEBIAN_V =
  'nginx version: nginx/1.22.1\nconfigure arguments: --prefix=/usr/share/nginx --conf-path=/etc/nginx/nginx.conf ' +
  '--modules-path=/usr/lib/nginx/modules --with-http_gzip_static_module';

const options: PreviewOptions = {
  siteDir: '/tmp/wire/dist',
  addresses: ['127.0.0.1'],
  port: 4322,
  prefix: '/tmp/wire-nginx-x',
  build: nginxBuild(DEBIAN_V),
  brotliModule: '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so',
  asRoot: false,
};

describe('nginxBuild', () => {
  it("reads Debian's paths from nginx -V", () => {
    expect(nginxBuild(DEBIAN_V)).toEqual({
      confDir: '/etc/nginx',
      modulesDir: '/usr/lib/nginx/modules',
      brotliBuiltIn: false,
    });
  });

  it('falls back to the source build defaults, and sees a compiled-in Brotli module', () => {
    expect(nginxBuild('configure arguments: --add-module=../ngx_brotli')).toEqual({
      confDir: '/usr/local/nginx/conf',
      modulesDir: '/usr/local/nginx/modules',
      brotliBuiltIn: true,
    });
  });
});

describe('previewServerBlock', () => {
  it('puts in the site folder, in root and in the header include alike', () => {
    const conf = previewServerBlock(SITE_CONF, options);
    expect(conf).toContain('root /tmp/wire/dist;');
    expect(conf).toContain('include /tmp/wire/dist/_headers.nginx.conf;');
    expect(conf).not.toContain('/srv/wire-reader');
  });

  it('listens on the preview addresses only', () => {
    const conf = previewServerBlock(SITE_CONF, { ...options, addresses: ['127.0.0.1', '[::1]'] });
    expect(conf.match(/^\s*listen .*$/gm)?.map((line) => line.trim())).toEqual([
      'listen 127.0.0.1:4322;',
      'listen [::1]:4322;',
    ]);
  });

  it('comments out brotli_static where there is no Brotli module, and keeps gzip_static', () => {
    const conf = previewServerBlock(SITE_CONF, { ...options, brotliModule: undefined });
    expect(conf).toMatch(/^\s*# brotli_static on;/m);
    expect(conf).toMatch(/^\s*gzip_static on;/m);
    expect(previewServerBlock(SITE_CONF, options)).toMatch(/^\s*brotli_static on;/m);
  });

  it('adds an HTTPS listener with its certificate when asked', () => {
    const tls = { port: 4323, certificate: '/tmp/x/cert.pem', key: '/tmp/x/key.pem' };
    const conf = previewServerBlock(SITE_CONF, { ...options, tls });
    expect(conf).toMatch(/^\s*listen 127\.0\.0\.1:4323 ssl;$/m);
    expect(conf).toMatch(/^\s*ssl_certificate \/tmp\/x\/cert\.pem;$/m);
    expect(conf).toMatch(/^\s*ssl_certificate_key \/tmp\/x\/key\.pem;$/m);
  });

  it('fails loudly when deploy/nginx.conf no longer has a line it replaces', () => {
    expect(() => previewServerBlock(SITE_CONF.replace('listen 80;', 'listen 8080;'), options)).toThrow(/listen 80/);
  });

  it('refuses a site folder nginx would misread', () => {
    expect(() => previewServerBlock(SITE_CONF, { ...options, siteDir: '/tmp/my site' })).toThrow(/site folder/);
  });
});

describe('previewConfig', () => {
  const conf = previewConfig(SITE_CONF, options);

  it('runs in the foreground from the temporary prefix, loading the Brotli module', () => {
    expect(conf).toMatch(/^load_module \/usr\/lib\/nginx\/modules\/ngx_http_brotli_static_module\.so;$/m);
    expect(conf).toContain('daemon off;');
    expect(conf).toContain('pid /tmp/wire-nginx-x/nginx.pid;');
    expect(conf).toContain('client_body_temp_path /tmp/wire-nginx-x/client_body;');
    expect(conf).toContain('include /etc/nginx/mime.types;');
    expect(conf).not.toContain('user ');
  });

  it('keeps the workers root when started as root', () => {
    expect(previewConfig(SITE_CONF, { ...options, asRoot: true })).toMatch(/^user root;$/m);
  });
});

describe('findNginx', () => {
  it('says how to install nginx when NGINX names no file', () => {
    expect(() => findNginx({ NGINX: '/no/such/nginx' })).toThrow(NginxMissingError);
    expect(() => findNginx({ NGINX: '/no/such/nginx' })).toThrow(
      /does not exist. On Debian or Ubuntu, as root:\n  apt-get update && apt-get install -y nginx/,
    );
  });

  it('names the Debian packages in its how-to-install text', () => {
    expect(NGINX_INSTALL).toBe('apt-get install -y nginx libnginx-mod-http-brotli-static');
  });
});
