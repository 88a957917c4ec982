import { preflight } from './solution';
import type { Deps, Requirements } from './solution';

const GOOD_CONFIG = '{"cluster": "prod-eu", "namespace": "web", "chart": "./chart"}';

function deps(overrides: Partial<{ env: Deps['env']; found: string[]; files: Record<string, string | (() => never)> }> = {}) {
  const calls = { which: [] as string[], readFile: [] as string[] };
  const found = overrides.found ?? ['kubectl', 'helm'];
  const files = overrides.files ?? { 'deploy.json': GOOD_CONFIG };
  const d: Deps = {
    env: overrides.env ?? { KUBECONFIG: '/home/ci/.kube/config', DEPLOY_TOKEN: 's3cret' },
    which: (command) => {
      calls.which.push(command);
      return found.includes(command) ? `/usr/local/bin/${command}` : null;
    },
    readFile: (path) => {
      calls.readFile.push(path);
      if (!Object.hasOwn(files, path)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      const content = files[path];
      return typeof content === 'function' ? content() : content;
    },
  };
  return { deps: d, calls };
}

const REQ: Requirements = {
  envVars: ['KUBECONFIG', 'DEPLOY_TOKEN'],
  commands: ['kubectl', 'helm'],
  configPath: 'deploy.json',
  configKeys: ['cluster', 'namespace', 'chart'],
};

describe('preflight', () => {
  it('returns an empty list when everything is in place', () => {
    const { deps: d, calls } = deps();
    expect(preflight(REQ, d)).toEqual([]);
    expect(calls.which).toEqual(['kubectl', 'helm']);
    expect(calls.readFile).toEqual(['deploy.json']);
  });

  it('reports every problem at once, env vars first, then commands, then the config, each in the given order', () => {
    const { deps: d } = deps({
      env: { KUBECONFIG: '/k' },
      found: ['kubectl'],
      files: { 'deploy.json': '{"namespace": "web"}' },
    });
    const req: Requirements = {
      envVars: ['ZONE', 'KUBECONFIG', 'DEPLOY_TOKEN', 'AWS_REGION'],
      commands: ['terraform', 'kubectl', 'helm'],
      configPath: 'deploy.json',
      configKeys: ['cluster', 'namespace', 'chart'],
    };
    expect(preflight(req, d)).toEqual([
      'environment variable ZONE is not set',
      'environment variable DEPLOY_TOKEN is not set',
      'environment variable AWS_REGION is not set',
      'command terraform not found on PATH',
      'command helm not found on PATH',
      'config deploy.json is missing cluster',
      'config deploy.json is missing chart',
    ]);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['only spaces', '   '],
    ['only a tab and a newline', '\t\n'],
  ])('reports an environment variable that is %s', (_label, value) => {
    const { deps: d } = deps({ env: { KUBECONFIG: '/k', DEPLOY_TOKEN: value } });
    expect(preflight(REQ, d)).toEqual(['environment variable DEPLOY_TOKEN is not set']);
  });

  it('accepts values with spaces around them, "0" and "false" as set', () => {
    const { deps: d } = deps({ env: { KUBECONFIG: ' /k ', DEPLOY_TOKEN: '0', DEBUG: 'false' } });
    expect(preflight({ ...REQ, envVars: ['KUBECONFIG', 'DEPLOY_TOKEN', 'DEBUG'] }, d)).toEqual([]);
  });

  it('compares environment variable names exactly', () => {
    const { deps: d } = deps({ env: { kubeconfig: '/k', DEPLOY_TOKEN: 't' } });
    expect(preflight(REQ, d)).toEqual(['environment variable KUBECONFIG is not set']);
  });

  it('asks which once per command, in order, and reports only the missing ones', () => {
    const { deps: d, calls } = deps({ found: ['helm'] });
    expect(preflight({ ...REQ, commands: ['kubectl', 'helm', 'jq'] }, d)).toEqual([
      'command kubectl not found on PATH',
      'command jq not found on PATH',
    ]);
    expect(calls.which).toEqual(['kubectl', 'helm', 'jq']);
  });

  it('still checks the commands and the config when environment variables are missing', () => {
    const { deps: d, calls } = deps({ env: {}, found: [] });
    expect(preflight(REQ, d)).toHaveLength(4);
    expect(calls.which).toEqual(['kubectl', 'helm']);
    expect(calls.readFile).toEqual(['deploy.json']);
  });

  it('reports an unreadable config with the error message, and checks no keys', () => {
    const { deps: d, calls } = deps({ files: {} });
    expect(preflight(REQ, d)).toEqual([
      "cannot read config deploy.json: ENOENT: no such file or directory, open 'deploy.json'",
    ]);
    expect(calls.readFile).toEqual(['deploy.json']);
  });

  it('uses String(value) when readFile throws something that is not an Error', () => {
    const { deps: d } = deps({ files: { 'deploy.json': () => { throw 'permission denied'; } } });
    expect(preflight(REQ, d)).toEqual(['cannot read config deploy.json: permission denied']);
    const { deps: d2 } = deps({ files: { 'deploy.json': () => { throw { code: 'EACCES' }; } } });
    expect(preflight(REQ, d2)).toEqual(['cannot read config deploy.json: [object Object]']);
  });

  it('uses the configured path in every config message', () => {
    const { deps: d } = deps({ files: { '/etc/deploy/prod.json': '{"cluster": "c"}' } });
    expect(preflight({ ...REQ, configPath: '/etc/deploy/prod.json' }, d)).toEqual([
      'config /etc/deploy/prod.json is missing namespace',
      'config /etc/deploy/prod.json is missing chart',
    ]);
  });

  it.each([
    ['invalid JSON', '{"cluster": '],
    ['an empty file', ''],
    ['an array', '["cluster", "namespace", "chart"]'],
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"cluster"'],
    ['true', 'true'],
  ])('reports a config that is %s as not a JSON object, and checks no keys', (_label, text) => {
    const { deps: d } = deps({ files: { 'deploy.json': text } });
    expect(preflight(REQ, d)).toEqual(['config deploy.json is not a JSON object']);
  });

  it('reports a key whose value is null, but accepts other falsy values', () => {
    const { deps: d } = deps({ files: { 'deploy.json': '{"cluster": null, "namespace": "", "chart": 0, "debug": false}' } });
    expect(preflight({ ...REQ, configKeys: ['cluster', 'namespace', 'chart', 'debug'] }, d)).toEqual([
      'config deploy.json is missing cluster',
    ]);
  });

  it("counts only the object's own keys (not inherited names such as toString)", () => {
    const { deps: d } = deps({ files: { 'deploy.json': '{"cluster": "c"}' } });
    expect(preflight({ ...REQ, configKeys: ['toString', 'cluster', 'constructor'] }, d)).toEqual([
      'config deploy.json is missing toString',
      'config deploy.json is missing constructor',
    ]);
  });

  it('accepts an empty list of requirements', () => {
    const { deps: d, calls } = deps({ files: { 'x.json': '{}' } });
    expect(preflight({ envVars: [], commands: [], configPath: 'x.json', configKeys: [] }, d)).toEqual([]);
    expect(calls.which).toEqual([]);
    expect(calls.readFile).toEqual(['x.json']);
  });

  it('returns a fresh list each time', () => {
    const { deps: d } = deps({ env: {} });
    const first = preflight(REQ, d);
    first.push('extra');
    expect(preflight(REQ, d)).toHaveLength(2);
  });
});
