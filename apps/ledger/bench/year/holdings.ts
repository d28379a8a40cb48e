/** What each resident holds as the year goes, so no use case is played that the ledger would refuse. */
export class Holdings {
  private readonly points: Float64Array;
  private readonly minutes: Float64Array;

  constructor(residents: number) {
    this.points = new Float64Array(residents);
    this.minutes = new Float64Array(residents);
  }

  pointsOf({ index }: { index: number }): number {
    return this.points[index] ?? 0;
  }

  minutesOf({ index }: { index: number }): number {
    return this.minutes[index] ?? 0;
  }

  add(
    { index }: { index: number },
    { points = 0, minutes = 0 }: { points?: number; minutes?: number },
  ) {
    this.points[index] = (this.points[index] ?? 0) + points;
    this.minutes[index] = (this.minutes[index] ?? 0) + minutes;
  }
}
