/**
 * Use cases on cycles: the list of reporting cycles and one cycle's form, participants and
 * deadline. Nothing here is confidential (the public pages show it); the API asks for a sign-in.
 */
import type { CycleInfo } from '../form';
import type { CycleCatalog } from './deps';
import { cycleOr404 } from './resolve';

export interface CycleSummary {
  id: string;
  year: number;
  title: string;
  deadline: string;
  participants: number;
}

/** Every cycle, oldest first. */
export async function listCycles(deps: { cycles: CycleCatalog }): Promise<CycleSummary[]> {
  return (await deps.cycles.list()).map(({ cycle }) => ({ id: cycle.id, year: cycle.year, title: cycle.form.title, deadline: cycle.deadline, participants: cycle.participants.length }));
}

/** One cycle with its form and participants, or a 404. */
export function getCycle(deps: { cycles: CycleCatalog }, cycle: string): Promise<CycleInfo> {
  return cycleOr404(deps.cycles, cycle);
}
