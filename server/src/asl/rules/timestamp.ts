/**
 * The timestamps Step Functions compares: RFC 3339 date-times with an upper-case T and an
 * offset (Z or ±hh:mm), fractional seconds allowed.
 */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

export function isRfc3339Timestamp(text: string): boolean {
  const match = RFC3339.exec(text);
  if (match === null) return false;
  const [month, day, hour, minute, second] = [2, 3, 4, 5, 6].map((i) => Number(match[i]));
  const offsetHour = match[9] === undefined ? 0 : Number(match[9]);
  const offsetMinute = match[10] === undefined ? 0 : Number(match[10]);
  return (
    month !== undefined &&
    month >= 1 &&
    month <= 12 &&
    day !== undefined &&
    day >= 1 &&
    day <= 31 &&
    hour !== undefined &&
    hour <= 23 &&
    minute !== undefined &&
    minute <= 59 &&
    second !== undefined &&
    second <= 60 &&
    offsetHour <= 23 &&
    offsetMinute <= 59
  );
}
