import { useQuery } from '@tanstack/react-query';
import type { Demand, LeverageAnswer } from '../../api/domain';
import { endpoints } from '../../api/endpoints';

export interface CircleAnswer {
  demandId: string;
  primaryTargetIds: string[];
  items: { actorId: string; score: number; over: string[]; relationshipIds: string[]; reasons: string[] }[];
  actors: { id: string; name: string; power: number | null; alignment: number | null }[];
  method: string;
}

export const demandKeys = {
  demand: (ws: string, id: string) => ['ws', ws, 'demand', id] as const,
  actions: (ws: string, id: string) => ['ws', ws, 'demand', id, 'actions'] as const,
  circle: (ws: string, id: string) => ['ws', ws, 'demand', id, 'circle'] as const,
  keyDates: (ws: string, id: string) => ['ws', ws, 'demand', id, 'key-dates'] as const,
  assessments: (ws: string, actor: string) => ['ws', ws, 'actor', actor, 'assessments'] as const,
  leverage: (ws: string, actor: string) => ['ws', ws, 'actor', actor, 'leverage'] as const,
  tasks: (ws: string) => ['ws', ws, 'tasks'] as const,
};

export const useDemand = (ws: string, id: string) =>
  useQuery({ queryKey: demandKeys.demand(ws, id), queryFn: () => endpoints.demand(ws, id) });
export const useDemandActions = (ws: string, id: string) =>
  useQuery({ queryKey: demandKeys.actions(ws, id), queryFn: async () => (await endpoints.actions(ws, { demand: id })).items });
export const useDemandKeyDates = (ws: string, id: string) =>
  useQuery({ queryKey: demandKeys.keyDates(ws, id), queryFn: async () => (await endpoints.keyDates(ws, { demand: id })).items });
export const useCircle = (ws: string, id: string) =>
  useQuery({
    queryKey: demandKeys.circle(ws, id),
    queryFn: () => endpoints.analysis<CircleAnswer>(ws, `demands/${id}/circle`, { limit: 20 }),
  });
export const useAssessments = (ws: string, actor: string) =>
  useQuery({ queryKey: demandKeys.assessments(ws, actor), queryFn: async () => (await endpoints.assessments(ws, actor)).items });
export const useLeverage = (ws: string, actor: string) =>
  useQuery({
    queryKey: demandKeys.leverage(ws, actor),
    queryFn: () => endpoints.analysis<LeverageAnswer>(ws, 'leverage', { target: actor, from: 'base', k: 3 }),
    // A workspace without our base has no routes: that is an answer, not an error to retry.
    retry: false,
  });

/** Every target of a demand once: primaries first, then secondaries. */
export function targetsOf(d: Demand) {
  return [
    ...d.primaryTargets.map((t) => ({ ...t, level: 'primary' as const })),
    ...d.secondaryTargets.map((t) => ({ ...t, level: 'secondary' as const })),
  ];
}
