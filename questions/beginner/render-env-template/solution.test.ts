import { renderTemplate, MissingVariablesError } from './solution';

/** Runs the renderer and returns what it threw (fails the test if it did not throw). */
function thrownBy(template: string, env: Record<string, string | undefined>): unknown {
  try {
    renderTemplate(template, env);
  } catch (error) {
    return error;
  }
  throw new Error('expected renderTemplate to throw');
}

describe('renderTemplate', () => {
  it('replaces ${VAR} with its value everywhere it appears', () => {
    const env = { DB_HOST: 'db.internal', DB_PORT: '5432', app_name: 'billing' };
    const template = 'host=${DB_HOST}\nport=${DB_PORT}\nurl=postgres://${DB_HOST}:${DB_PORT}/${app_name}\n';
    expect(renderTemplate(template, env)).toBe(
      'host=db.internal\nport=5432\nurl=postgres://db.internal:5432/billing\n',
    );
    expect(renderTemplate('no placeholders here\n', env)).toBe('no placeholders here\n');
  });

  it('uses a ${VAR:-default} default when the variable is unset or empty, the value otherwise', () => {
    const env = { REPLICAS: '5', REGION: '', TIER: undefined };
    const template = 'replicas=${REPLICAS:-1}\nregion=${REGION:-eu-west-1}\ntier=${TIER:-standard}\nsuffix=[${SUFFIX:-}]';
    expect(renderTemplate(template, env)).toBe('replicas=5\nregion=eu-west-1\ntier=standard\nsuffix=[]');
  });

  it('renders a variable set to the empty string as nothing, without calling it missing', () => {
    expect(renderTemplate('prefix=[${PREFIX}]', { PREFIX: '' })).toBe('prefix=[]');
  });

  it('turns $$ into one literal $ and never expands an escaped placeholder', () => {
    const env = { HOME: '/home/alice', USER: 'alice' };
    expect(renderTemplate('literal=$${HOME}', env)).toBe('literal=${HOME}');
    expect(renderTemplate('price=$$5', env)).toBe('price=$5');
    expect(renderTemplate('both=$$${USER}', env)).toBe('both=$alice');
    expect(renderTemplate('four=$$$$', env)).toBe('four=$$');
    expect(renderTemplate('escaped=$${NOT_SET}', env)).toBe('escaped=${NOT_SET}');
  });

  it('copies every other $ unchanged', () => {
    const template = 'cost=5$ home=$HOME empty=${} digit=${1X} spaced=${ HOME } open=${HOME';
    expect(renderTemplate(template, { HOME: '/root' })).toBe(template);
  });

  it('inserts values and defaults literally, without expanding them again', () => {
    const env = { GREETING: 'hello ${USER}', USER: 'bob', PASSWORD: 'pa$$word' };
    const template = 'greeting=${GREETING}\npassword=${PASSWORD}\nfallback=${NOPE:-a$$b}';
    expect(renderTemplate(template, env)).toBe('greeting=hello ${USER}\npassword=pa$$word\nfallback=a$$b');
  });

  it('reports every missing variable at once, in order, with 1-based line numbers', () => {
    const template = 'name: ${APP_NAME}\nimage: ${IMAGE}:${TAG}\nreplicas: ${REPLICAS:-2}\nsecret: ${API_KEY}\n';
    const error = thrownBy(template, { APP_NAME: 'api', TAG: undefined });
    expect(error).toBeInstanceOf(MissingVariablesError);
    expect((error as MissingVariablesError).missing).toEqual([
      { name: 'IMAGE', line: 2 },
      { name: 'TAG', line: 2 },
      { name: 'API_KEY', line: 4 },
    ]);
    expect((error as Error).message).toMatch(/IMAGE \(line 2\)/);
    expect((error as Error).message).toMatch(/API_KEY \(line 4\)/);
  });

  it('lists a variable missing on several lines once per line', () => {
    const template = '# database\nprimary=${DB_URL}\n\nreplica=${DB_URL}\ncache=${CACHE_URL:-redis://localhost}\n';
    const error = thrownBy(template, {});
    expect((error as MissingVariablesError).missing).toEqual([
      { name: 'DB_URL', line: 2 },
      { name: 'DB_URL', line: 4 },
    ]);
  });

  it('does not count escaped or defaulted placeholders as missing', () => {
    const template = 'a=$${NOT_SET}\nb=${NOT_SET:-x}\nc=${REALLY_MISSING}';
    const error = thrownBy(template, {});
    expect((error as MissingVariablesError).missing).toEqual([{ name: 'REALLY_MISSING', line: 3 }]);
  });
});
