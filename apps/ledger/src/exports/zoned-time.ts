/**
 * Formats instants as ISO-8601 local times of one time zone, with its offset
 * (`2026-03-10T09:00:00+08:00`): exact like UTC, and what the office's clock
 * said. One formatter per export; building one per row would be slow.
 */
export function zonedTime(timeZone: string): (instant: Date) => string {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return (instant) => {
    const part = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
    for (const { type, value } of format.formatToParts(instant)) {
      if (type in part) part[type as keyof typeof part] = value;
    }
    const { year, month, day, hour, minute, second } = part;
    const wallClock = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
    const offset = Math.round((wallClock - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
    const sign = offset < 0 ? '-' : '+';
    const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
    const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
    return `${year}-${month}-${day}T${hour}:${minute}:${second}${sign}${hours}:${minutes}`;
  };
}
