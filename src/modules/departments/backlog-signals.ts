import { Injectable } from '@nestjs/common';

export type RoomListener = (departmentId: string) => Promise<void>;

/**
 * "A department may have room for its waiting tickets" — a staff member back at the desk, a cap
 * raised. Raised here by the modules that know it; whoever hands the backlog out (routing)
 * listens, so neither names the other.
 */
@Injectable()
export class BacklogSignals {
  private readonly listeners: RoomListener[] = [];

  listen(listener: RoomListener): void {
    this.listeners.push(listener);
  }

  async roomIn(departmentId: string): Promise<void> {
    for (const listener of this.listeners) await listener(departmentId);
  }
}
