/** Wording shared by the schedule's diagnostics and commands. */
import type { LayerSpec } from './layers.ts';
import { shortIsoInZone } from './local-time.ts';

/** `7 days`, `1 hour`, `2 days 3 hours`, `45 minutes`: an elapsed time for people. */
export function describeLength(millis: number): string {
  const totalMinutes = Math.round(millis / 60_000);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} ${days === 1 ? 'day' : 'days'}`);
  if (hours) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
  if (minutes || parts.length === 0) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  return parts.join(' ');
}

/** `from 2026-11-23T09:00+01:00 to 2026-11-30T09:00+01:00`, in the rotation's zone. */
export function describeInterval(start: Date | number, end: Date | number, zone: string): string {
  return `from ${shortIsoInZone(start, zone)} to ${shortIsoInZone(end, zone)}`;
}

/** `Sydney; Australia/Sydney; weekly, hand-off Monday 09:00; on call 21:00-09:00`: a layer for people. */
export function describeLayerClock(layer: LayerSpec): string {
  const windows = layer.restrictions.map((r) => `${'days' in r && r.days ? `${r.days.map((d) => `${d[0]!.toUpperCase()}${d.slice(1, 3)}`).join(', ')} ` : ''}${r.from}-${r.to}`);
  const every = layer.cadence.every ?? 1;
  const cadence = every === 1 ? (layer.cadence.unit === 'week' ? 'weekly' : 'daily') : `every ${every} ${layer.cadence.unit}s`;
  const day = layer.cadence.unit === 'week' && layer.handoff.weekday ? `${layer.handoff.weekday[0]!.toUpperCase()}${layer.handoff.weekday.slice(1)} ` : '';
  return [layer.name ?? layer.id, layer.timezone, `${cadence}, hand-off ${day}${layer.handoff.time}`, windows.length > 0 ? `on call ${windows.join(', ')}` : 'on call around the clock', ...(layer.onTop ? ['on top of earlier layers'] : [])].join('; ');
}
