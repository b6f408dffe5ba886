/** Root mean square of one block of samples in [-1, 1]. */
export function rms(samples: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i += 1) {
    const s = samples[i]!;
    sum += s * s;
  }
  return samples.length === 0 ? 0 : Math.sqrt(sum / samples.length);
}

/** The meter's range: -60 dBFS (empty) to 0 dBFS (full), linear in dB like a mixing desk. */
const METER_FLOOR_DB = -60;

export function meterValue(db: number): number {
  return Math.min(1, Math.max(0, (db - METER_FLOOR_DB) / -METER_FLOOR_DB));
}
