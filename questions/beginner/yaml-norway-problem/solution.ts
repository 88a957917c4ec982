// Each form is matched against the whole value (the regex twin of Python's re.fullmatch).
const NULL = /^(?:~|null|Null|NULL|)$/;
const BOOL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const DECIMAL = /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?$/;
const PREFIXED = /^[-+]?(?:0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+)$/;
const BASE_60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const SPECIAL = /^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/;

const FORMS = [NULL, BOOL, DECIMAL, PREFIXED, BASE_60, SPECIAL];

/**
 * True when `value`, written unquoted as a YAML value, might be read back as a boolean, null or number by a
 * YAML 1.1 or 1.2 loader (so it must be quoted to stay a string).
 */
export function mustQuote(value: string): boolean {
  return FORMS.some((form) => form.test(value));
}
