import type { EntityType } from '../domain/change.js';
import { actorStore } from '../repos/actors.js';
import { assessmentStore } from '../repos/assessments.js';
import { actionStore, keyDateStore, taskStore } from '../repos/campaign.js';
import { demandStore } from '../repos/demands.js';
import { mapStore } from '../repos/maps.js';
import { relationshipStore } from '../repos/relationships.js';
import { sourceStore } from '../repos/sources.js';
import type { EntityStore, Stored } from '../repos/entity-store.js';

export const entityStores: Record<EntityType, EntityStore<Stored>> = {
  actor: actorStore as unknown as EntityStore<Stored>,
  relationship: relationshipStore as unknown as EntityStore<Stored>,
  source: sourceStore as unknown as EntityStore<Stored>,
  demand: demandStore as unknown as EntityStore<Stored>,
  map: mapStore as unknown as EntityStore<Stored>,
  assessment: assessmentStore as unknown as EntityStore<Stored>,
  action: actionStore as unknown as EntityStore<Stored>,
  keyDate: keyDateStore as unknown as EntityStore<Stored>,
  task: taskStore as unknown as EntityStore<Stored>,
};
