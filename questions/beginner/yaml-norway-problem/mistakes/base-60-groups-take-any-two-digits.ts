// Title: Base-60 groups accept any two digits, so 1:60 is quoted
// Breaks: "a two-digit group starts with `0`-`5` (`1:60` and `1:234` give `false`)"
const FORMS: readonly RegExp[] = [
  /^(?:~|null|Null|NULL|)$/,
  /^(?:y|Y|n|N|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?0(?:x[0-9a-fA-F_]+|o[0-7_]+|b[01_]+)$/,
  /^[-+]?[0-9][0-9_]*(?::[0-9]{1,2})+(?:\.[0-9_]*)?$/,
  /^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/,
];

export function mustQuote(value: string): boolean {
  return FORMS.some((re) => re.test(value));
}
