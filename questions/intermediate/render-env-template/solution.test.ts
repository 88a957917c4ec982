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
    const others = 'a=${HOME-x} b=${HOME:=x} c=${HOME:?x} d=${HO-ME} e=${HOME }x} f=${-} g=$\n{HOME} h=$ {HOME} i=${HOME.x}';
    expect(renderTemplate(others, { HOME: '/root' })).toBe(others);
    expect(renderTemplate('', {})).toBe('');
    expect(renderTemplate('$', {})).toBe('$');
  });

  it('accepts names of a letter or _ then letters, digits or _, and nothing else', () => {
    const env = { _: 'u', _x1: 'x', a: 'A', Z9_: 'z', log_level: 'info', '9a': 'no', 'A-B': 'no' };
    expect(renderTemplate('${_}${_x1}${a}${Z9_}${log_level}', env)).toBe('uxAzinfo');
    expect(renderTemplate('${9a}${A-B}${_-x}', env)).toBe('${9a}${A-B}${_-x}');
  });

  it('looks names up exactly as written (case-sensitive)', () => {
    expect(renderTemplate('${Region:-none} ${region}', { region: 'eu', REGION: 'us' })).toBe('none eu');
  });

  it('does not take a default that would run past the end of the line, nor a name split by a newline', () => {
    const template = 'a=${DB_HOST:-db\n.internal}\nb=${HOME\n}';
    expect(renderTemplate(template, { HOME: '/root' })).toBe(template);
    expect(renderTemplate('x=${MISSING:-}\n}', {})).toBe('x=\n}');
  });

  it('ends a default at the first }, and keeps $ and :- inside it literally', () => {
    const env = { B: 'b' };
    expect(renderTemplate('${A:-${B}}', env)).toBe('${B}');
    expect(renderTemplate('${A:-x:-y}|${A:-$$}|${A:-{}', env)).toBe('x:-y|$$|{');
  });

  it('counts only the environment\'s own entries: an inherited name such as toString is missing', () => {
    const error = thrownBy('a=${toString}\nb=${constructor:-none}', {});
    expect((error as MissingVariablesError).missing).toEqual([{ name: 'toString', line: 1 }]);
    expect(renderTemplate('${constructor:-none} ${hasOwnProperty:-none}', {})).toBe('none none');
  });

  it('inserts values and defaults literally, without expanding them again', () => {
    const env = { GREETING: 'hello ${USER}', USER: 'bob', PASSWORD: 'pa$$word', TOKEN: "a$&b$'c$1$<x>" };
    const template = 'greeting=${GREETING}\npassword=${PASSWORD}\nfallback=${NOPE:-a$$b}\ntoken=${TOKEN}';
    expect(renderTemplate(template, env)).toBe(
      "greeting=hello ${USER}\npassword=pa$$word\nfallback=a$$b\ntoken=a$&b$'c$1$<x>",
    );
    expect(renderTemplate('${MISSING:-${USER}} ${EMPTY:-$USER}', { USER: 'bob', EMPTY: '' })).toBe('${USER} $USER');
  });

  it('throws instead of returning partial output when anything is missing, whatever else rendered', () => {
    const error = thrownBy('ok=${SET}\nmissing=${UNSET}', { SET: 'yes', UNSET: undefined });
    expect(error).toBeInstanceOf(MissingVariablesError);
    expect(error).toBeInstanceOf(Error);
    expect((error as MissingVariablesError).missing).toEqual([{ name: 'UNSET', line: 2 }]);
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
    // The stub's error class builds the message and the name; keep it as given.
    expect((error as Error).message).toBe('Missing environment variables: IMAGE (line 2), TAG (line 2), API_KEY (line 4)');
    expect((error as Error).name).toBe('MissingVariablesError');
  });

  it('lists a variable missing on several lines once per line', () => {
    const template = '# database\nprimary=${DB_URL}\n\nreplica=${DB_URL}\ncache=${CACHE_URL:-redis://localhost}\n';
    const error = thrownBy(template, {});
    expect((error as MissingVariablesError).missing).toEqual([
      { name: 'DB_URL', line: 2 },
      { name: 'DB_URL', line: 4 },
    ]);
  });

  it('counts lines by \\n only, starting at 1, including after escapes and long lines', () => {
    const template = '${FIRST}$$\n\n$${SKIP} ${A:-a}\n' + 'x'.repeat(200) + '${FOURTH}${FOURTH}\n';
    const error = thrownBy(template, {});
    expect((error as MissingVariablesError).missing).toEqual([
      { name: 'FIRST', line: 1 },
      { name: 'FOURTH', line: 4 },
      { name: 'FOURTH', line: 4 },
    ]);
  });

  it('does not count escaped or defaulted placeholders as missing', () => {
    const template = 'a=$${NOT_SET}\nb=${NOT_SET:-x}\nc=${REALLY_MISSING}';
    const error = thrownBy(template, {});
    expect((error as MissingVariablesError).missing).toEqual([{ name: 'REALLY_MISSING', line: 3 }]);
  });
});
