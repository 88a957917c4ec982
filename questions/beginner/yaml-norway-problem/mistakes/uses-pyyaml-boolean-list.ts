// Title: Uses PyYAML's boolean list, leaving out y and n
// Breaks: "a **boolean** word: `y`, `n`, `yes`, `no`"
const FORMS: readonly RegExp[] = [
  /^(?:~|null|Null|NULL|)$/,
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?0(?:x[0-9a-fA-F_]+|o[0-7_]+|b[01_]+)$/,
  /^[-+]?[0-9][0-9_]*(?::(?:[0-5][0-9]|[0-9]))+(?:\.[0-9_]*)?$/,
  /^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/,
];

export function mustQuote(value: string): boolean {
  return FORMS.some((re) => re.test(value));
}
