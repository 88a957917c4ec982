import { InvalidReferenceError, formatImageReference, parseImageReference } from './solution';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

describe('parseImageReference', () => {
  it.each([
    ['nginx', 'docker.io', 'library/nginx', 'latest', null],
    ['nginx:1.25-alpine', 'docker.io', 'library/nginx', '1.25-alpine', null],
    ['bitnami/redis:7.2', 'docker.io', 'bitnami/redis', '7.2', null],
    ['docker.io/nginx', 'docker.io', 'library/nginx', 'latest', null],
    ['docker.io/bitnami/redis', 'docker.io', 'bitnami/redis', 'latest', null],
    ['ghcr.io/acme/tools/builder:v2.1.0', 'ghcr.io', 'acme/tools/builder', 'v2.1.0', null],
    ['quay.io/prometheus/node-exporter:v1.8.1', 'quay.io', 'prometheus/node-exporter', 'v1.8.1', null],
    ['my-registry/app', 'docker.io', 'my-registry/app', 'latest', null],
    ['team/my__app.v2/a--b', 'docker.io', 'team/my__app.v2/a--b', 'latest', null],
    ['Registry.Example.com/app:Prod_1', 'Registry.Example.com', 'app', 'Prod_1', null],
    ['my-reg.example.com/a.b/c_d/e__f/g---h:_x.y-Z', 'my-reg.example.com', 'a.b/c_d/e__f/g---h', '_x.y-Z', null],
    ['reg.io:1/app:v', 'reg.io:1', 'app', 'v', null],
    ['reg.io:65535/app', 'reg.io:65535', 'app', 'latest', null],
    ['10.0.0.1:5000/ns/app', '10.0.0.1:5000', 'ns/app', 'latest', null],
    ['a.b/c', 'a.b', 'c', 'latest', null],
    ['localhost', 'docker.io', 'library/localhost', 'latest', null],
    ['library/nginx', 'docker.io', 'library/nginx', 'latest', null],
    ['nginx:x', 'docker.io', 'library/nginx', 'x', null],
    ['0/1', 'docker.io', '0/1', 'latest', null],
    ['my.app', 'docker.io', 'library/my.app', 'latest', null],
    ['my.app:1.0', 'docker.io', 'library/my.app', '1.0', null],
    ['my_team/app', 'docker.io', 'my_team/app', 'latest', null],
    ['a__b/c.d', 'docker.io', 'a__b/c.d', 'latest', null],
  ])('parses %s', (ref, registry, repository, tag, digest) => {
    expect(parseImageReference(ref)).toEqual({ registry, repository, tag, digest });
  });

  it('treats a colon before the first slash as a port, not a tag', () => {
    expect(parseImageReference('localhost:5000/app')).toEqual({
      registry: 'localhost:5000',
      repository: 'app',
      tag: 'latest',
      digest: null,
    });
    expect(parseImageReference('registry.example.com:8443/team/app:1.0')).toEqual({
      registry: 'registry.example.com:8443',
      repository: 'team/app',
      tag: '1.0',
      digest: null,
    });
  });

  it('reads name:digits without a slash as an image with a numeric tag', () => {
    expect(parseImageReference('registry:5000')).toEqual({
      registry: 'docker.io',
      repository: 'library/registry',
      tag: '5000',
      digest: null,
    });
  });

  it('recognises localhost as a registry, even without a port', () => {
    expect(parseImageReference('localhost/app:dev')).toEqual({
      registry: 'localhost',
      repository: 'app',
      tag: 'dev',
      digest: null,
    });
  });

  it('adds library/ only for one-name repositories on Docker Hub', () => {
    expect(parseImageReference('ghcr.io/app').repository).toBe('app');
    expect(parseImageReference('localhost:5000/app').repository).toBe('app');
    expect(parseImageReference('redis').repository).toBe('library/redis');
  });

  it('keeps a digest and does not invent a tag when only a digest is given', () => {
    expect(parseImageReference(`registry.example.com:8443/team/app@${DIGEST}`)).toEqual({
      registry: 'registry.example.com:8443',
      repository: 'team/app',
      tag: null,
      digest: DIGEST,
    });
  });

  it('keeps both a tag and a digest', () => {
    expect(parseImageReference(`nginx:1.25@${DIGEST}`)).toEqual({
      registry: 'docker.io',
      repository: 'library/nginx',
      tag: '1.25',
      digest: DIGEST,
    });
  });

  it('accepts a tag of exactly 128 characters', () => {
    const tag = `v${'1'.repeat(127)}`;
    expect(parseImageReference(`app:${tag}`).tag).toBe(tag);
    const digits = '9'.repeat(128);
    expect(parseImageReference(`localhost:5000/app:${digits}`).tag).toBe(digits);
  });

  it('keeps a digest on a Docker Hub image and on a localhost registry', () => {
    expect(parseImageReference(`redis@${DIGEST}`)).toEqual({
      registry: 'docker.io', repository: 'library/redis', tag: null, digest: DIGEST,
    });
    expect(parseImageReference(`localhost/team/app:1@${DIGEST}`)).toEqual({
      registry: 'localhost', repository: 'team/app', tag: '1', digest: DIGEST,
    });
  });

  it.each([
    ['an empty string', ''],
    ['an upper-case repository', 'Nginx'],
    ['an upper-case namespace', 'Team/app'],
    ['an empty tag', 'nginx:'],
    ['a missing repository', ':latest'],
    ['a registry without a repository', 'ghcr.io/'],
    ['a space in the tag', 'nginx:bad tag'],
    ['a tag starting with a dash', 'nginx:-rc1'],
    ['a tag of 129 characters', `nginx:${'a'.repeat(129)}`],
    ['a tag of 129 characters after a registry port', `localhost:5000/app:${'9'.repeat(129)}`],
    ['a tag starting with a dot', 'nginx:.hidden'],
    ['a tag with a slash', 'nginx:feature/x'],
    ['a tag with a plus', 'nginx:1.0+build'],
    ['an empty digest', 'nginx@'],
    ['a digest without its algorithm', `nginx@${'a'.repeat(64)}`],
    ['a digest of 63 hex digits', `nginx@sha256:${'a'.repeat(63)}`],
    ['a digest of 65 hex digits', `nginx@sha256:${'a'.repeat(65)}`],
    ['a digest with a non-hex letter', `nginx@sha256:${'g'.repeat(64)}`],
    ['a sha512 digest', `nginx@sha512:${'a'.repeat(128)}`],
    ['a digest before the tag', `nginx@${DIGEST}:1.0`],
    ['two digests', `nginx@${DIGEST}@${DIGEST}`],
    ['a repository with two dots in a row', 'team/a..b'],
    ['a repository with mixed separators', 'team/a._b'],
    ['a repository with a dash before a dot', 'team/a-.b'],
    ['a component starting with an underscore', 'team/_app'],
    ['a component ending with a dot', 'team/app.'],
    ['a component starting with a dot', 'team/.app'],
    ['a component ending with a dash', 'app-'],
    ['a trailing slash', 'team/app/'],
    ['a leading slash', '/app'],
    ['an upper-case component after a registry', 'ghcr.io/acme/App'],
    ['upper-case LOCALHOST (not a registry, so an upper-case namespace)', 'LOCALHOST/app'],
    ['an upper-case namespace on Docker Hub', 'Team/app'],
    ['a port of six digits', 'localhost:123456/app'],
    ['an empty port', 'localhost:/app'],
    ['a host label starting with a dash', '-reg.io/app'],
    ['a host label ending with a dash', 'reg-.io/app'],
    ['an empty host label', 'reg..io/app'],
    ['a host ending with a dot', 'reg.io./app'],
    ['a registry port without a repository', 'localhost:5000'.concat('/')],
    ['two tags', 'nginx:1.0:2.0'],
    ['a short digest', 'nginx@sha256:abc123'],
    ['an upper-case digest', `nginx@${DIGEST.toUpperCase().replace('SHA256', 'sha256')}`],
    ['another digest algorithm', `nginx@md5:${'a'.repeat(32)}`],
    ['an empty path component', 'team//app'],
    ['a component starting with a dash', 'team/-app'],
    ['a component ending with an underscore', 'team/app_'],
    ['three underscores in a row', 'team/a___b'],
    ['a URL scheme', 'https://ghcr.io/app'],
    ['a non-numeric port', 'localhost:http/app'],
    ['an underscore in the registry host', 'my_registry.io/app'],
    ['a leading space', ' nginx'],
    ['a trailing newline', 'nginx\n'],
    ['a trailing space', 'nginx:1.0 '],
    ['a space inside', 'team/ app'],
  ])('rejects %s', (_label, ref) => {
    expect(() => parseImageReference(ref)).toThrow(InvalidReferenceError);
  });

  it.each([
    'Nginx:latest',
    '',
    'Team/app',
    'my_registry.io/app',
    'nginx@sha256:abc',
    'https://ghcr.io/app',
  ])('quotes the bad reference %j in the message of an InvalidReferenceError', (ref) => {
    let caught: unknown;
    try {
      parseImageReference(ref);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidReferenceError);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).message).toContain(`"${ref}"`);
  });

  it('rejects long hostile inputs promptly (no catastrophic backtracking)', () => {
    expect(() => parseImageReference(`team/${'a-'.repeat(3000)}_`)).toThrow(InvalidReferenceError);
    expect(() => parseImageReference(`${'a'.repeat(5000)}:`)).toThrow(InvalidReferenceError);
    expect(() => parseImageReference(`${'a-'.repeat(3000)}!`)).toThrow(InvalidReferenceError);
    expect(() => parseImageReference(`${'a.'.repeat(3000)}/x:!`)).toThrow(InvalidReferenceError);
  });
});

describe('formatImageReference', () => {
  it.each([
    ['an official image', 'nginx', 'docker.io/library/nginx:latest'],
    ['a Docker Hub namespace', 'bitnami/redis:7.2', 'docker.io/bitnami/redis:7.2'],
    ['a registry with a port', 'localhost:5000/app', 'localhost:5000/app:latest'],
    ['a digest without a tag', `ghcr.io/acme/app@${DIGEST}`, `ghcr.io/acme/app@${DIGEST}`],
    ['a tag and a digest', `nginx:1.25@${DIGEST}`, `docker.io/library/nginx:1.25@${DIGEST}`],
  ])('writes the full form for %s', (_label, ref, full) => {
    expect(formatImageReference(parseImageReference(ref))).toBe(full);
  });

  it('writes exactly the fields it is given, with no defaults of its own', () => {
    expect(formatImageReference({ registry: 'ghcr.io', repository: 'x', tag: null, digest: null })).toBe('ghcr.io/x');
    expect(formatImageReference({ registry: 'r.io', repository: 'a/b', tag: null, digest: DIGEST })).toBe(`r.io/a/b@${DIGEST}`);
  });

  it('round-trips the full form', () => {
    const full = `registry.example.com:8443/team/app:1.0@${DIGEST}`;
    expect(formatImageReference(parseImageReference(full))).toBe(full);
  });
});
