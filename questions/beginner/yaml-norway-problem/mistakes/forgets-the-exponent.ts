// Title: Decimal form without the exponent, so 1e3 and 6.02E+23 stay unquoted
// Breaks: "a **decimal number**: `42`, `-7`, `+007`, `1_000`, `1.5`, `3.`, `.5`, `1e3`, `6.02E+23`"
const FORMS: readonly RegExp[] = [
  /^(?:~|null|Null|NULL|)$/,
  /^(?:y|Y|n|N|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)$/,
  /^[-+]?0(?:x[0-9a-fA-F_]+|o[0-7_]+|b[01_]+)$/,
  /^[-+]?[0-9][0-9_]*(?::(?:[0-5][0-9]|[0-9]))+(?:\.[0-9_]*)?$/,
  /^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/,
];

export function mustQuote(value: string): boolean {
  return FORMS.some((re) => re.test(value));
}
